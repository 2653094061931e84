"""The import framework every importer uses: read, validate, preview, apply.

An importer turns a file into a `ParsedImport` (normalised records for one table, plus
warnings) or raises `ValidationError` with Swedish messages naming row, column and the
expected value. `preview` compares the records with what is stored; `apply` writes them in
ONE transaction with an `ImportBatch`, an audit entry and an idempotent upsert on the
natural key, so importing the same file twice changes nothing.
"""
from __future__ import annotations

import csv
import hashlib
import io
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np
import pandas as pd
import pandera.pandas as pa
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from lagesbild.config import load_kommun
from lagesbild.domain import Actor
from lagesbild.errors import Issue, ValidationError
from lagesbild.registry.indicators import indicators
from lagesbild.store import definitions
from lagesbild.store.access import require
from lagesbild.store.audit import audit
from lagesbild.store.models import District, ImportBatch, Observation, PoliceEvent

Progress = Callable[[float], None]
MAX_BYTES = 20 * 1024 * 1024
ALLOWED_SUFFIXES = (".csv", ".txt", ".xlsx", ".json")
STATUSES = ("ok", "preliminar", "saknas", "sekretess")
GENDERS = ("T", "K", "M")
CHUNK = 500

# --- the parsed import -----------------------------------------------------------------


@dataclass
class ParsedImport:
    """What a file would add: normalised records for one table (`target`) and what to say.

    `records` has the target's columns plus `row` (the row in the file, for messages).
    `districts` are areas the file defines (e.g. SCB's DeSO/RegSO); they are merged first.
    """

    kind: str
    source_id: str
    records: pd.DataFrame
    target: str = "observation"  # observation | police_event
    vintage: str | None = None
    warnings: list[str] = field(default_factory=list)
    districts: list[dict] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    # A definition file the import puts in force, (kommun pack [files] name, content): a new
    # list of utsatta områden replaces the map layer (lagesbild.store.definitions).
    definition: tuple[str, bytes] | None = None

    def __post_init__(self) -> None:
        if self.vintage is None:
            self.vintage = default_vintage(self.records, self.target)

    @property
    def partner_ids(self) -> set[str]:
        if "partner_id" not in self.records:
            return set()
        return {p for p in self.records["partner_id"].dropna().unique() if p}


def default_vintage(records: pd.DataFrame, target: str) -> str | None:
    """"Data t.o.m.": the end of the newest period (or the newest event's date), ISO text."""
    if records.empty:
        return None
    col = "period_end" if target == "observation" else "occurred_at"
    newest = max(records[col])
    return (newest.date() if isinstance(newest, datetime) else newest).isoformat()


# --- reading files ---------------------------------------------------------------------


def check_upload(filename: str, data: bytes, suffixes: Iterable[str] = ALLOWED_SUFFIXES) -> None:
    """Size and type limits for anything uploaded (before any parsing). `suffixes` narrows the
    types to what one importer reads ("csv" or ".csv")."""
    name = (filename or "").lower()
    allowed = tuple("." + s.lstrip(".").lower() for s in suffixes)
    if not name.endswith(allowed):
        raise ValidationError([Issue(f"filtypen stöds inte; förväntat en fil som slutar på {', '.join(allowed)}.")], "Filen har inte lästs in.")
    if len(data) > MAX_BYTES:
        raise ValidationError([Issue(f"filen är {len(data) / 1e6:.1f} MB; största tillåtna storlek är {MAX_BYTES // (1024 * 1024)} MB.")], "Filen har inte lästs in.")
    if not data:
        raise ValidationError([Issue("filen är tom.")], "Filen har inte lästs in.")


def decode_text(data: bytes, encodings: Iterable[str] = ("utf-8-sig", "cp1252")) -> str:
    """Text from bytes: UTF-8 first (with or without BOM), then the Windows/ISO Latin-1 family
    that Swedish statistics exports use."""
    for enc in encodings:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("iso-8859-1")


def load_json(data: bytes, expected: str):
    """The JSON document in `data`, or a Swedish refusal. Nesting too deep for the parser
    (RecursionError, e.g. "[[[[…" a hundred thousand levels) is refused like a syntax error."""
    import json

    try:
        return json.loads(decode_text(data))
    except json.JSONDecodeError as err:
        fail([Issue(f"filen är inte giltig JSON (rad {err.lineno}, tecken {err.colno}); förväntat {expected}.")])
    except RecursionError:
        fail([Issue(f"filen har för djupt nästlade listor eller objekt; förväntat {expected}.")])


def read_table(data: bytes, filename: str) -> pd.DataFrame:
    """A CSV (`;`, `,` or tab, sniffed) or XLSX sheet as a frame of stripped strings.

    Everything stays text so validation can quote the value exactly as it stood in the file.
    Row i of the frame is row i + 2 of the file (the header is row 1)."""
    if filename.lower().endswith(".xlsx"):
        try:
            df = pd.read_excel(io.BytesIO(data), dtype=str, engine="openpyxl").fillna("")
        except Exception as err:  # openpyxl raises many kinds for a broken workbook
            raise ValidationError([Issue(XLSX_UNREADABLE)], "Filen har inte lästs in.") from err
    else:
        df = _read_csv(decode_text(data))
        if not isinstance(df.index, pd.RangeIndex):
            # pandas turns the surplus of rows longer than the header into an index
            fail([Issue(f"raden har fler värden än rubrikraden ({len(df.columns)} kolumner); förväntat lika många värden som "
                        "kolumner (kontrollera avgränsaren och citattecken).", 2)])
    df.columns = [str(c).strip() for c in df.columns]
    return df.apply(lambda col: col.astype(str).str.strip())


XLSX_UNREADABLE = "Excel-filen kunde inte läsas: den är skadad eller ingen .xlsx-arbetsbok; förväntat en .xlsx-fil sparad i Excel."
_FIELDS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def _read_csv(text: str) -> pd.DataFrame:
    """pandas' tokenizer errors (a row longer than the header, no header at all) as Swedish
    issues naming the row, instead of a ParserError reaching the user."""
    try:
        return pd.read_csv(io.StringIO(text), sep=sniff_delimiter(text), dtype=str, keep_default_na=False, skip_blank_lines=True)
    except pd.errors.EmptyDataError as err:
        raise ValidationError([Issue("filen har ingen rubrikrad; förväntat en rad med kolumnnamn överst.", 1)], "Filen har inte lästs in.") from err
    except pd.errors.ParserError as err:
        m = _FIELDS.search(str(err))
        issue = (Issue(f"raden har {m.group(3)} värden men rubrikraden har {m.group(1)}; förväntat lika många värden som kolumner "
                       "(kontrollera avgränsaren och citattecken).", int(m.group(2)))
                 if m else Issue("filen kunde inte läsas som en tabell; förväntat en rubrikrad och rader med samma avgränsare (; , eller tabb)."))
        raise ValidationError([issue], "Filen har inte lästs in.") from err


def sniff_delimiter(text: str) -> str:
    head = "\n".join(text.splitlines()[:5])
    try:
        return csv.Sniffer().sniff(head, delimiters=";,\t").delimiter
    except csv.Error:
        return ";" if head.count(";") >= head.count(",") else ","


def rename_columns(df: pd.DataFrame, aliases: dict[str, Iterable[str]]) -> pd.DataFrame:
    """Map accepted spellings of a column (case-insensitive) to its canonical name."""
    lookup = {}
    for canonical, names in aliases.items():
        for name in (canonical, *names):
            lookup[name.casefold()] = canonical
    return df.rename(columns={c: lookup.get(c.casefold(), c) for c in df.columns})


# --- values ----------------------------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def parse_number(text) -> float | None:
    """"1 234,5", "1234.5", "12" → float; "" → None. Raises ValueError on anything else."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return None
    if isinstance(text, (int, float)):
        return float(text)
    s = str(text).replace("\u00a0", "").replace(" ", "").strip()
    if not s:
        return None
    if not _NUMBER.match(s):
        raise ValueError(text)
    return float(s.replace(",", "."))


def is_number(text, *, minimum: float | None = None, allow_empty: bool = False) -> bool:
    try:
        v = parse_number(text)
    except ValueError:
        return False
    if v is None:
        return allow_empty
    return minimum is None or v >= minimum


# Years 1900–2099 in ASCII digits: "0000" or "9999" would pass \d{4} and then break the
# date arithmetic (year 0 / year 10000), and \d also matches digits like "٢".
_PERIOD = re.compile(r"^((?:19|20)[0-9]{2})(?:K([1-4])|-(0[1-9]|1[0-2]))?$")
_YEAR = re.compile(r"^(?:19|20)[0-9]{2}$")
_COUNT = re.compile(r"^[0-9]+$")


def period_end(period: str) -> date:
    """Last day of a period: "2025" → 2025-12-31, "2025K1" → 2025-03-31, "2025-02" → 2025-02-28."""
    m = _PERIOD.match(period or "")
    if not m:
        raise ValueError(period)
    year = int(m.group(1))
    if m.group(2):
        month = int(m.group(2)) * 3
    elif m.group(3):
        month = int(m.group(3))
    else:
        month = 12
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def is_period(text: str) -> bool:
    return bool(_PERIOD.match(text or ""))


def is_year(text: str) -> bool:
    """"2025" → True; "0000", "9999", "25", "²⁰²⁵" → False."""
    return bool(_YEAR.match(text or ""))


def is_count(text: str) -> bool:
    """A whole number ≥ 0 in ASCII digits ("12"); not "²" or "٣", which str.isdigit accepts."""
    return bool(_COUNT.match(text or ""))


PERIOD_EXPECTED = "en period som ÅÅÅÅ (år), ÅÅÅÅKn (kvartal, t.ex. 2025K1) eller ÅÅÅÅ-MM (månad)"


def slug(text: str) -> str:
    """"Glömsta" → "glomsta" (for kommundel codes kd-<slug>)."""
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
    s = text.strip().casefold().translate(table)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


# --- validation with pandera -----------------------------------------------------------


def check(fn: Callable[[str], bool], expected: str) -> pa.Check:
    """An element-wise check whose error text is the Swedish "expected …" phrase."""
    return pa.Check(fn, element_wise=True, error=expected)


def text_column(*checks: pa.Check, required: bool = True) -> pa.Column:
    return pa.Column(str, checks=list(checks), nullable=not required, required=required, coerce=True)


def validate(df: pd.DataFrame, schema: pa.DataFrameSchema, *, first_row: int = 2, rows: pd.Series | None = None) -> list[Issue]:
    """Run a pandera schema (lazily: every problem, not just the first) and turn its failure
    cases into Swedish `Issue`s. `rows` maps the frame index to the file's row numbers;
    by default index 0 is `first_row` (the row after the header)."""
    try:
        schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        return _issues_from(err.failure_cases, rows if rows is not None else pd.Series(df.index + first_row, index=df.index))
    return []


def _issues_from(cases: pd.DataFrame, rows: pd.Series) -> list[Issue]:
    issues = []
    for case in cases.itertuples(index=False):
        if case.check == "column_in_dataframe":
            issues.append(Issue(f"kolumnen ”{case.failure_case}” saknas i filen; förväntat en rubrikrad med den kolumnen."))
            continue
        if case.index is None or (isinstance(case.index, float) and math.isnan(case.index)):
            continue  # a follow-on failure of a check that could not run; reported elsewhere
        row = int(rows.get(case.index, case.index))
        shown = "" if case.failure_case is None else str(case.failure_case)
        got = f"värdet ”{shown}”" if shown else "tom cell"
        issues.append(Issue(f"{got} stämmer inte; förväntat {case.check}.", row=row, column=str(case.column)))
    return sorted(issues, key=lambda i: (i.row or 0, i.column or ""))


def fail(issues: list[Issue], what: str = "Filen") -> None:
    if issues:
        raise ValidationError(issues, f"{what} har {len(issues)} fel och har inte lästs in. Inget har ändrats.")


# --- targets: the tables an import writes ----------------------------------------------


@dataclass(frozen=True)
class Target:
    name: str
    model: type
    key: tuple[str, ...]
    values: tuple[str, ...]

    @property
    def columns(self) -> list[str]:
        return [*self.key, *self.values]


OBSERVATIONS = Target(
    "observation", Observation,
    key=("indicator_id", "area_code", "period", "gender"),
    values=("period_end", "value", "status", "note", "quote", "source_url", "partner_id"),
)
POLICE_EVENTS = Target(
    "police_event", PoliceEvent,
    key=("id",),
    values=("occurred_at", "type", "name", "summary", "url", "location_name", "kommun", "district"),
)
TARGETS = {t.name: t for t in (OBSERVATIONS, POLICE_EVENTS)}
TABLE_OF = {"observation": "observations", "police_event": "police_events"}


def observation_frame(rows: list[dict]) -> pd.DataFrame:
    """Records for the observation table, with defaults filled in (gender T, no notes)."""
    cols = ["row", *OBSERVATIONS.columns]
    df = pd.DataFrame(rows, columns=cols)
    df["gender"] = df["gender"].fillna("T")
    df["status"] = df["status"].fillna("ok")
    for c in ("note", "quote", "source_url", "partner_id"):
        df[c] = df[c].astype(object).where(df[c].notna(), None)
    df["value"] = df["value"].astype(float)
    return df


def check_observations(records: pd.DataFrame) -> list[Issue]:
    """Internal consistency of normalised observations, whatever the importer."""
    registered = indicators()
    issues = []
    seen: dict[tuple, int] = {}
    for r in records.itertuples(index=False):
        if r.indicator_id not in registered:
            issues.append(Issue(f"indikatorn ”{r.indicator_id}” finns inte i indikatorregistret; lägg till den i data/registry/indicators.toml.", r.row, "indikator"))
        if r.status not in STATUSES:
            issues.append(Issue(f"status ”{r.status}” stämmer inte; förväntat en av {', '.join(STATUSES)}.", r.row, "status"))
        if r.gender not in GENDERS:
            issues.append(Issue(f"kön ”{r.gender}” stämmer inte; förväntat T, K eller M.", r.row, "kön"))
        has_value = not _nan(r.value)
        if r.status in ("saknas", "sekretess") and has_value:
            issues.append(Issue(f"ett värde med status {r.status} ska vara tomt.", r.row, "värde"))
        if r.status in ("ok", "preliminar") and not has_value:
            issues.append(Issue("värdet saknas; förväntat ett tal.", r.row, "värde"))
        key = (r.indicator_id, r.area_code, r.period, r.gender)
        if key in seen:
            issues.append(Issue(f"samma indikator, område, period och kön finns redan på rad {seen[key]}; förväntat en rad per värde.", r.row))
        else:
            seen[key] = r.row
    return issues


# --- comparing with what is stored -----------------------------------------------------

CHANGE_NEW, CHANGE_CHANGED, CHANGE_SAME = "ny", "ändrad", "oförändrad"


def _nan(v) -> bool:
    if v is None:
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):  # list-likes are values, not missing
        return False


def _same(a, b) -> bool:
    if _nan(a) and _nan(b):
        return True
    if _nan(a) or _nan(b):
        return False
    if isinstance(a, float) or isinstance(b, float):
        try:
            return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
        except (TypeError, ValueError):
            return False
    if isinstance(a, (date, datetime, pd.Timestamp)) or isinstance(b, (date, datetime, pd.Timestamp)):
        return pd.Timestamp(a) == pd.Timestamp(b)
    return a == b


def _key(values: Iterable) -> tuple:
    return tuple(int(v) if isinstance(v, (np.integer,)) else v for v in values)


def stored(source, target: Target) -> pd.DataFrame:
    """The stored rows of the target table, from a Session or from a Picture."""
    if isinstance(source, Session):
        return pd.read_sql(select(target.model.__table__), source.connection())
    return source.table(TABLE_OF[target.name])


def diff(existing: pd.DataFrame, parsed: ParsedImport) -> pd.DataFrame:
    """The records with `change` (ny | ändrad | oförändrad), the stored row's `stored_id`,
    and the stored value/status (`old_*`) for the preview."""
    target = TARGETS[parsed.target]
    by_key = {}
    if not existing.empty:
        for row in existing.to_dict("records"):
            by_key[_key(row[k] for k in target.key)] = row
    out = parsed.records.copy()
    changes, ids, olds = [], [], {c: [] for c in target.values}
    for rec in parsed.records.to_dict("records"):
        old = by_key.get(_key(rec[k] for k in target.key))
        if old is None:
            changes.append(CHANGE_NEW)
            ids.append(None)
        else:
            same = all(_same(rec[c], old.get(c)) for c in target.values)
            changes.append(CHANGE_SAME if same else CHANGE_CHANGED)
            ids.append(old["id"])
        for c in target.values:
            olds[c].append(None if old is None else old.get(c))
    out["change"] = changes
    out["stored_id"] = ids
    for c in ("value", "status", "type", "summary"):
        if c in olds:
            out[f"old_{c}"] = olds[c]
    return out


def preview(source, parsed: ParsedImport) -> pd.DataFrame:
    """What `apply` would do, row by row (nothing is written). `source` is a Session or a
    Picture. Sorted with new and changed rows first."""
    out = diff(stored(source, TARGETS[parsed.target]), parsed)
    order = {CHANGE_NEW: 0, CHANGE_CHANGED: 1, CHANGE_SAME: 2}
    return out.sort_values("change", key=lambda s: s.map(order), kind="stable").drop(columns=["stored_id"]).reset_index(drop=True)


def summary(preview_df: pd.DataFrame) -> dict[str, int]:
    counts = preview_df["change"].value_counts() if not preview_df.empty else {}
    return {c: int(counts.get(c, 0)) for c in (CHANGE_NEW, CHANGE_CHANGED, CHANGE_SAME)}


# --- applying --------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    batch_id: int
    kind: str
    source_id: str
    filename: str
    vintage: str | None
    added: int
    changed: int
    unchanged: int
    districts_added: int
    warnings: tuple[str, ...] = ()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def apply(store, actor: Actor, parsed: ParsedImport, filename: str, file_bytes: bytes, *, progress: Progress | None = None) -> ImportResult:
    """Write the parsed import in one transaction: all of it, or nothing."""
    require(actor, "data.import")
    for partner_id in sorted(parsed.partner_ids):
        require(actor, "data.import", partner_id=partner_id)
    with store.transaction() as s:
        return apply_in(s, actor, parsed, filename, file_bytes, progress=progress)


def apply_in(s: Session, actor: Actor, parsed: ParsedImport, filename: str, file_bytes: bytes, *, progress: Progress | None = None) -> ImportResult:
    """`apply` inside the caller's transaction (the seed uses it; so does `apply`)."""
    require(actor, "data.import")
    target = TARGETS[parsed.target]
    report = progress or (lambda _f: None)
    report(0.0)
    if parsed.definition:
        definitions.put_in_force(s, *parsed.definition)
    if parsed.target == "observation":
        fail(check_observations(parsed.records))
    districts_added = merge_districts(s, parsed.districts)
    if parsed.target == "observation":
        fail(_unknown_areas(s, parsed.records))
    batch = ImportBatch(
        kind=parsed.kind, source_id=parsed.source_id, filename=filename, sha256=sha256(file_bytes),
        vintage=parsed.vintage, imported_by=actor.name,
    )
    s.add(batch)
    s.flush()
    changes = diff(stored(s, target), parsed)
    new = changes[changes["change"] == CHANGE_NEW]
    changed = changes[changes["change"] == CHANGE_CHANGED]
    total = max(len(new) + len(changed), 1)
    done = 0
    for chunk in _chunks(_rows(new, target, batch.id), CHUNK):
        s.execute(insert(target.model), chunk)
        done += len(chunk)
        report(done / total)
    for chunk in _chunks(_rows(changed, target, batch.id, with_id=True), CHUNK):
        s.execute(update(target.model), chunk)
        done += len(chunk)
        report(done / total)
    batch.rows_added, batch.rows_changed = len(new), len(changed)
    batch.rows_unchanged = len(changes) - len(new) - len(changed)
    audit(s, actor, "data.import", "import_batch", batch.id, kind=parsed.kind, source=parsed.source_id, filename=filename,
          added=batch.rows_added, changed=batch.rows_changed, unchanged=batch.rows_unchanged, districts_added=districts_added)
    s.flush()
    report(1.0)
    return ImportResult(batch.id, parsed.kind, parsed.source_id, filename, parsed.vintage, batch.rows_added,
                        batch.rows_changed, batch.rows_unchanged, districts_added, tuple(parsed.warnings))


def _rows(df: pd.DataFrame, target: Target, batch_id: int, *, with_id: bool = False) -> list[dict]:
    out = []
    for rec in df.to_dict("records"):
        row = {c: (None if _nan(rec[c]) else _py(rec[c])) for c in target.columns}
        row["import_id"] = batch_id
        if with_id:
            row["id"] = int(rec["stored_id"])
        out.append(row)
    return out


def _py(v):
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return float(v)
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    return v


def _chunks(rows: list[dict], n: int):
    for i in range(0, len(rows), n):
        yield rows[i:i + n]


def merge_districts(s: Session, rows: list[dict]) -> int:
    """Add the areas a file defines; an existing area keeps its fields except those given.

    `session.merge` makes the geography seed and this import agree in either order."""
    known = set(s.scalars(select(District.code)))
    added = 0
    for row in rows:
        added += row["code"] not in known
        s.merge(District(**row))
        known.add(row["code"])
    s.flush()
    return added


def _unknown_areas(s: Session, records: pd.DataFrame) -> list[Issue]:
    known = set(s.scalars(select(District.code)))
    kommun = load_kommun()
    issues = []
    for r in records.itertuples(index=False):
        if r.area_code not in known:
            issues.append(Issue(f"området ”{r.area_code}” finns inte; förväntat en områdeskod som finns i appen "
                                f"(t.ex. {kommun.example('kommun')} eller {kommun.example('regso')}).", r.row, "område"))
    return issues
