"""Bulk update of the reforms from an edited export (CSV or XLSX): read, plan, apply.

The sheet is the one `lagesbild.export.reform_sheet` writes. Each row carries the reform's
`version` at export time, so the import knows which assessment the user started from:

- a row equal to that assessment (or to the current one) changes nothing;
- a row that differs becomes ONE new assessment, validated like the form (status, date,
  motivation, http(s) source, author); the title column is never imported;
- if a reform the user changed has been changed by someone else since the export, the whole
  file is refused (ConflictError naming the reforms): nobody's assessment is overwritten.

Every problem is reported at once, with row number and column, in Swedish. `apply` writes
all new assessments and an ImportBatch (kind "reforms") in one transaction, or nothing.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from lagesbild.queries import reforms as rq
from lagesbild.domain import STATUS_INFO, Actor, ReformStatus
from lagesbild.errors import ConflictError, Issue, ValidationError
from lagesbild.export.cells import unsafe_cell
from lagesbild.export.reform_sheet import COLUMNS, status_labels
from lagesbild.i18n import t
from lagesbild.importers.base import decode_text
from lagesbild.store.access import require
from lagesbild.store.audit import audit
from lagesbild.store.models import ImportBatch, Reform
from lagesbild.store.reforms import UpdateInput, record_update, validate_update

KIND = "reforms"
SOURCE_ID = "reformuppfoljning"
SUFFIXES = (".csv", ".xlsx")
MAX_BYTES = 2 * 1024 * 1024  # 17 rows need a few kB; anything near this is not our sheet
MAX_ROWS = 500
FILE_REFUSED = "Filen har inte lästs in. Inget har ändrats."


# --- reading the file --------------------------------------------------------------------


def read_sheet(data: bytes, filename: str) -> pd.DataFrame:
    """The sheet as text cells under the canonical column names, plus `rad` (the row in
    the file; the header is row 1). Empty rows are skipped. File-level problems (type,
    size, unreadable content, wrong header) raise ValidationError."""
    name = (filename or "").lower()
    if not name.endswith(SUFFIXES):
        _refuse(f"filtypen stöds inte (”{filename}”); förväntat en .csv- eller .xlsx-fil exporterad från sidan Reformer.")
    if not data:
        _refuse("filen är tom.")
    if len(data) > MAX_BYTES:
        _refuse(f"filen är {len(data) / 1e6:.1f} MB; största tillåtna storlek är {MAX_BYTES // (1024 * 1024)} MB.")
    rows = _xlsx_rows(data) if name.endswith(".xlsx") else _csv_rows(data)
    rows = [r for r in rows if any(c.strip() for c in r[1])]
    if not rows:
        _refuse("filen är tom; förväntat en rubrikrad och en rad per reform.")
    header_row, header = rows[0]
    columns = _check_header(header, header_row)
    body = rows[1:]
    if not body:
        _refuse("filen har inga rader med reformer under rubrikraden.")
    if len(body) > MAX_ROWS:
        _refuse(f"filen har {len(body)} rader; förväntat en rad per reform (17).")
    issues, records = [], []
    for rad, cells in body:
        extra = [c for c in cells[len(columns):] if c.strip()]
        if extra:
            issues.append(Issue(f"raden har fler värden än rubrikraden ({len(columns)} kolumner).", rad))
        cells = (cells + [""] * len(columns))[: len(columns)]
        rec = {col: unsafe_cell(val.strip()) for col, val in zip(columns, cells) if col is not None}
        rec["rad"] = rad
        records.append(rec)
    if issues:
        raise ValidationError(issues, f"Filen har {len(issues)} fel och har inte lästs in. Inget har ändrats.")
    return pd.DataFrame(records, columns=[*COLUMNS, "rad"])


def _refuse(message: str, row: int | None = None, column: str | None = None) -> None:
    raise ValidationError([Issue(message, row, column)], FILE_REFUSED)


def _csv_rows(data: bytes) -> list[tuple[int, list[str]]]:
    text = decode_text(data)  # UTF-8 (with or without BOM), else Windows-1252 from "CSV (semikolonavgränsad)"
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1  # the first place it occurs, to look for in the file
        _refuse("filen innehåller binära data (tecknet NUL) och är ingen CSV-fil; förväntat text med semikolon som avgränsare.", line)
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        # Numbered by record, as Excel numbers rows: a motivation with line breaks is one row.
        for number, row in enumerate(reader, start=1):
            rows.append((number, row))
    except csv.Error as err:
        _refuse(f"filen kunde inte läsas som CSV ({err}); förväntat semikolonavgränsad text.", len(rows) + 1)
    return rows


def _xlsx_rows(data: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        ws = wb.worksheets[0]
        rows = [(i, [_cell_text(v) for v in row]) for i, row in enumerate(ws.iter_rows(values_only=True), start=1)]
        wb.close()
    except Exception:  # openpyxl raises many kinds (zipfile, KeyError, XML) for a broken file
        _refuse("Excel-filen kunde inte läsas: den är skadad eller ingen .xlsx-arbetsbok; förväntat en .xlsx-fil exporterad från sidan Reformer.")
    return rows


def _cell_text(value) -> str:
    """Excel cells as the text the CSV would have: dates as ÅÅÅÅ-MM-DD, 40.0 as 40."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _check_header(header: list[str], row: int) -> list[str | None]:
    """Map the header cells to canonical names; every column must be there, no stranger."""
    canon = {c.casefold(): c for c in COLUMNS}
    columns, issues, seen = [], [], set()
    for cell in header:
        key = cell.strip().lstrip("\ufeff").casefold()
        if not key:
            columns.append(None)
            continue
        col = canon.get(key)
        if col is None:
            issues.append(Issue(f"okänd kolumn ”{cell.strip()}”; förväntat rubrikraden {';'.join(COLUMNS)}.", row, cell.strip()))
        elif col in seen:
            issues.append(Issue(f"kolumnen ”{col}” förekommer två gånger.", row, col))
        seen.add(col or key)
        columns.append(col)
    for col in COLUMNS:
        if col not in seen:
            issues.append(Issue(f"kolumnen ”{col}” saknas; förväntat rubrikraden {';'.join(COLUMNS)}.", row, col))
    if issues:
        raise ValidationError(issues, f"Rubrikraden har {len(issues)} fel. Filen har inte lästs in. Inget har ändrats.")
    return columns


# --- planning: what the file would change --------------------------------------------------


@dataclass(frozen=True)
class PlannedChange:
    row: int
    reform_id: str
    number: int
    title_sv: str
    expected_version: int
    old_status: str
    update: UpdateInput


@dataclass
class ReformImportPlan:
    filename: str
    sha256: str
    changes: list[PlannedChange]
    unchanged: list[str]
    warnings: list[str] = field(default_factory=list)

    def preview(self, lang: str = "sv") -> pd.DataFrame:
        """The new assessments, one row each, for the preview table."""
        cols = [t(f"reform_sheet.preview.{name}", lang) for name in PREVIEW_COLUMNS]
        rows = []
        for c in self.changes:
            u = c.update
            rows.append([c.row, f"{c.number}. {_short(c.title_sv)}", _label(c.old_status, lang), _label(u.status.value, lang),
                         "" if u.progress is None else str(u.progress), u.update_date.isoformat(), u.motivation,
                         u.source_url, u.author])
        return pd.DataFrame(rows, columns=cols)


PREVIEW_COLUMNS = ("row", "reform", "status_before", "status_after", "progress", "date", "motivation", "source", "author")


def _label(code: str, lang: str) -> str:
    info = STATUS_INFO[ReformStatus(code)]
    return f"{info.symbol} {info.label_en if lang == 'en' else info.label_sv}"


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


_PROGRESS = re.compile(r"^(\d{1,3})(?:[.,]0+)?\s*%?$")
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T]00:00(?::00)?)?$")


def _parse_progress(text: str) -> int | None:
    if not text:
        return None
    m = _PROGRESS.match(text.replace("\u00a0", " ").strip())
    if not m:
        raise ValueError(text)
    return int(m.group(1))


def _parse_date(text: str) -> date | None:
    if not text:
        return None
    m = _DATE.match(text)
    if not m:
        raise ValueError(text)
    return date.fromisoformat(m.group(1))


@dataclass(frozen=True)
class _Assessment:
    """The comparable content of a row or a stored assessment."""

    status: str
    progress: int | None
    update_date: date | None
    motivation: str
    source_url: str
    author: str


_EMPTY = _Assessment(rq.NOT_ASSESSED, None, None, "", "", "")


def _stored(row) -> _Assessment:
    return _Assessment(row["status"], row["progress"], row["update_date"], row["motivation"].strip(),
                       row["source_url"].strip(), row["author"].strip())


def plan(picture, data: bytes, filename: str, *, today: date | None = None) -> ReformImportPlan:
    """Read and validate the whole file against the current picture; nothing is written.

    Raises ValidationError with every problem (row + column), or ConflictError naming the
    reforms that someone else changed after the export where this file changes them too."""
    today = today or date.today()
    sheet = read_sheet(data, filename)
    current = rq.current(picture).set_index("id")
    ups = rq.updates(picture)
    by_version = {(r.reform_id, r.seq): r for r in ups.itertuples(index=False)}
    issues: list[Issue] = []
    warnings: list[str] = []
    changes: list[PlannedChange] = []
    unchanged: list[str] = []
    stale: list[PlannedChange] = []
    first_row: dict[str, int] = {}
    for rec in sheet.to_dict("records"):
        rad = int(rec["rad"])
        row_issues, parsed = _parse_row(rec, rad, current, first_row)
        issues.extend(row_issues)
        if parsed is None:
            # A status/progress/date that does not parse cannot equal a stored assessment: the
            # row is a change, so its texts must pass too. Say so now, not on the next attempt.
            if not {i.column for i in row_issues} & {"id", "version"}:
                issues.extend(_text_issues(rec, rad, today))
            continue
        rid, version, got = parsed
        cur = current.loc[rid]
        _note_read_only(rec, rad, cur, warnings)
        base = by_version.get((rid, version))
        base_state = _EMPTY if base is None else _stored(base._asdict())
        latest = _EMPTY if int(cur["version"]) == 0 else _stored(cur)
        if got in (base_state, latest):
            unchanged.append(rid)
            continue
        row_issues = _check_change(got, rad, today)
        if row_issues:
            issues.extend(row_issues)
            continue
        update = UpdateInput(status=ReformStatus(got.status), update_date=got.update_date, motivation=got.motivation,
                             source_url=got.source_url, author=got.author, progress=got.progress)
        change = PlannedChange(rad, rid, int(cur["number"]), cur["title_sv"], version, cur["status"], update)
        _note_change(change, cur, warnings)
        (stale if version != int(cur["version"]) else changes).append(change)
    if issues:
        raise ValidationError(sorted(issues, key=lambda i: (i.row or 0, i.column or "")),
                              f"Filen har {len(issues)} fel och har inte lästs in. Inget har ändrats.")
    if stale:
        raise ConflictError(conflict_message(stale))
    return ReformImportPlan(filename, hashlib.sha256(data).hexdigest(), changes, unchanged, warnings)


def _parse_row(rec: dict, rad: int, current: pd.DataFrame, first_row: dict[str, int]):
    """Check the cells of one row; returns (issues, (reform id, version, assessment) or None)."""
    issues: list[Issue] = []
    rid = rec["id"].strip().upper()
    if not rid:
        issues.append(Issue("id saknas; förväntat reformens id, t.ex. R07.", rad, "id"))
    elif rid not in current.index:
        issues.append(Issue(f"okänt reform-id ”{rec['id']}”; förväntat R01–R17.", rad, "id"))
    elif rid in first_row:
        issues.append(Issue(f"reform {rid} finns redan på rad {first_row[rid]}; förväntat en rad per reform.", rad, "id"))
    else:
        first_row[rid] = rad
    version = None
    if not re.fullmatch(r"\d+", rec["version"]):
        issues.append(Issue(f"versionen ”{rec['version']}” stämmer inte; förväntat heltalet från exporten (ändra inte kolumnen).", rad, "version"))
    else:
        version = int(rec["version"])
        if rid in current.index and version > int(current.loc[rid, "version"]):
            issues.append(Issue(f"version {version} finns inte för {rid} (senaste är {int(current.loc[rid, 'version'])}); "
                                "förväntat värdet från exporten (ändra inte kolumnen).", rad, "version"))
    try:
        status = ReformStatus.parse(rec["status"]).value
    except ValueError:
        status = None
        issues.append(Issue(f"okänd status ”{rec['status']}”; förväntat en av: {', '.join(status_labels())}.", rad, "status"))
    try:
        progress = _parse_progress(rec["framsteg"])
        if progress is not None and not 0 <= progress <= 100:
            raise ValueError
    except ValueError:
        progress = None
        issues.append(Issue(f"framsteg ”{rec['framsteg']}” stämmer inte; förväntat ett heltal 0–100 (procent) eller en tom cell.", rad, "framsteg"))
    try:
        day = _parse_date(rec["datum"])
    except ValueError:
        day = None
        issues.append(Issue(f"datumet ”{rec['datum']}” stämmer inte; förväntat ÅÅÅÅ-MM-DD, t.ex. 2026-03-01.", rad, "datum"))
    if issues:
        return issues, None
    got = _Assessment(status, progress, day, rec["motivering"].strip(), rec["källa"].strip(), rec["bedömd av"].strip())
    return issues, (rid, version, got)


def _check_change(got: _Assessment, rad: int, today: date) -> list[Issue]:
    """A changed row is a new assessment: the same rules as the form."""
    issues = []
    if got.update_date is None:
        issues.append(Issue("datum saknas; en ändrad rad är en ny bedömning och behöver ett datum (ÅÅÅÅ-MM-DD).", rad, "datum"))
    update = UpdateInput(status=ReformStatus(got.status), update_date=got.update_date or today, motivation=got.motivation,
                         source_url=got.source_url, author=got.author, progress=got.progress)
    return issues + validate_update(update, today=today, row=rad)


def _text_issues(rec: dict, rad: int, today: date) -> list[Issue]:
    probe = UpdateInput(status=ReformStatus.PAGAENDE, update_date=today, motivation=rec["motivering"].strip(),
                        source_url=rec["källa"].strip(), author=rec["bedömd av"].strip())
    return [i for i in validate_update(probe, today=today, row=rad) if i.column in ("motivering", "källa", "bedömd av")]


def _note_read_only(rec: dict, rad: int, cur, warnings: list[str]) -> None:
    if rec["titel"].strip() and rec["titel"].strip() != cur["title_sv"].strip():
        warnings.append(f"Rad {rad}, kolumn ”titel”: titeln är ändrad i filen. Titeln är avtalets lydelse och ändras inte vid import.")
    if rec["nummer"].strip() and rec["nummer"].strip() != str(int(cur["number"])):
        warnings.append(f"Rad {rad}, kolumn ”nummer”: numret ”{rec['nummer']}” stämmer inte med {cur.name} "
                        f"(nummer {int(cur['number'])}); raden läses som {cur.name}.")


def _note_change(change: PlannedChange, cur, warnings: list[str]) -> None:
    u = change.update
    last = cur["update_date"]
    if last is not None and u.update_date < last:
        warnings.append(f"Rad {change.row}, kolumn ”datum”: {u.update_date.isoformat()} är tidigare än den senaste "
                        f"bedömningen ({last.isoformat()}). Den nya bedömningen blir ändå den aktuella.")
    if cur["motivation"] and u.motivation == cur["motivation"].strip() and u.status.value != cur["status"]:
        warnings.append(f"Rad {change.row}, kolumn ”motivering”: statusen är ändrad men motiveringen är densamma som förut.")


def conflict_message(stale: list[PlannedChange]) -> str:
    names = [f"reform {c.number} ({c.reform_id})" for c in sorted(stale, key=lambda c: c.number)]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]
    return (f"Filen avvisades: {listed} har ändrats av någon annan sedan filen laddades ner, och filen ändrar "
            f"{'dem' if len(names) > 1 else 'den'} också. Inget har ändrats. Ladda ner en ny fil, läs de senaste "
            "bedömningarna och för in dina ändringar där.")


# --- applying ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReformImportResult:
    batch_id: int | None
    changed: int
    unchanged: int


def apply(store, actor: Actor, plan_: ReformImportPlan) -> ReformImportResult:
    """Write every planned assessment in ONE transaction, with an ImportBatch; all or nothing.

    The versions are checked again inside the transaction (and by `record_update`'s
    compare-and-swap), so a change made after the preview refuses the whole file."""
    require(actor, "reform.update")
    if not plan_.changes:
        return ReformImportResult(None, 0, len(plan_.unchanged))
    with store.transaction() as s:
        stale = [c for c in plan_.changes if s.get(Reform, c.reform_id).version != c.expected_version]
        if stale:
            raise ConflictError(conflict_message(stale))
        batch = ImportBatch(
            kind=KIND, source_id=SOURCE_ID, filename=plan_.filename, sha256=plan_.sha256,
            vintage=max(c.update.update_date for c in plan_.changes).isoformat(), imported_by=actor.name,
            rows_added=0, rows_changed=len(plan_.changes), rows_unchanged=len(plan_.unchanged),
        )
        s.add(batch)
        s.flush()
        for c in plan_.changes:
            record_update(s, actor, c.reform_id, c.expected_version, c.update, import_id=batch.id)
        audit(s, actor, "reform.import", "import_batch", batch.id, filename=plan_.filename,
              reforms=[c.reform_id for c in plan_.changes], unchanged=len(plan_.unchanged))
        return ReformImportResult(batch.id, len(plan_.changes), len(plan_.unchanged))
