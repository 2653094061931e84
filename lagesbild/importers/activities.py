"""The activities template: export (CSV `;` UTF-8 with BOM, and XLSX) and import.

The export format is the import format, so a partner can download the list, edit it in
Excel and upload it again (text a spreadsheet would run as a formula is guarded with an
apostrophe on the way out and unguarded on the way in, `lagesbild.export.cells`). Rows are
matched on `extern_id`: a new id adds an activity, a
known id updates it (only when something changed), so importing the same file twice
changes nothing. The whole file is checked first (every problem named by row and column,
in Swedish); then it is written in one transaction with an ImportBatch, or not at all.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd
import pandera.pandas as pa
from sqlalchemy import select

from lagesbild.queries import reference as rv
from lagesbild.config import load_kommun
from lagesbild.domain import ACTIVITY_STATUS_LABELS, Actor, ActivityStatus
from lagesbild.errors import ConflictError, Issue, ValidationError
from lagesbild.export.cells import append_rows, to_csv_bytes, unsafe_cell
from lagesbild.importers.base import check, check_upload, fail, read_table, rename_columns, sha256, text_column, validate
from lagesbild.store.access import require
from lagesbild.store.activities import ActivityInput, References, create_activity, same_as_stored, update_activity
from lagesbild.store.audit import audit
from lagesbild.store.models import Activity, ImportBatch

KIND = "aktiviteter"
SOURCE_ID = "partner"
COLUMNS = ["extern_id", "titel", "beskrivning", "partner", "fokusomrade", "omrade", "status", "start", "slut", "uppfoljning"]
ALIASES = {
    "extern_id": ("externt id", "external_id", "id"),
    "titel": ("title", "aktivitet"),
    "beskrivning": ("description",),
    "partner": ("part", "organisation"),
    "fokusomrade": ("fokusområde", "focus_area"),
    "omrade": ("område", "district", "area"),
    "status": (),
    "start": ("startdatum", "start_date"),
    "slut": ("slutdatum", "end_date"),
    "uppfoljning": ("uppföljning", "follow_up"),
}
DATE_EXPECTED = "ett datum ÅÅÅÅ-MM-DD eller tom cell"
NEW, CHANGED, SAME = "ny", "ändrad", "oförändrad"


# --- lookups ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Lookups:
    """Accepted spellings (case-insensitive) → code, from the Picture's reference tables."""

    partners: dict[str, str]
    focus_areas: dict[str, str]
    districts: dict[str, str]
    refs: References

    @classmethod
    def from_picture(cls, picture) -> "Lookups":
        return cls.from_tables(picture.table("partners"), picture.table("focus_areas"), picture.table("districts"))

    @classmethod
    def from_tables(cls, partners: pd.DataFrame, focus: pd.DataFrame, districts: pd.DataFrame) -> "Lookups":
        p = _lookup(partners, "id", ("id", "name", "short_name"))
        f = _lookup(focus, "id", ("id", "name_sv", "name_en"))
        d = _lookup(districts, "code", ("code",))
        # A district name is accepted when it names one area only.
        names = districts["name"].str.casefold().value_counts() if not districts.empty else pd.Series(dtype=int)
        for code, name in zip(districts.get("code", []), districts.get("name", [])):
            if isinstance(name, str) and names.get(name.casefold(), 0) == 1:
                d.setdefault(name.casefold(), code)
        refs = References(frozenset(partners.get("id", [])), frozenset(focus.get("id", [])), frozenset(districts.get("code", [])))
        return cls(p, f, d, refs)


def _lookup(df: pd.DataFrame, key: str, cols: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    if df.empty:
        return out
    for rec in df.to_dict("records"):
        for c in cols:
            v = rec.get(c)
            if isinstance(v, str) and v.strip():
                out.setdefault(v.strip().casefold(), rec[key])
    return out


def parse_status(text: str) -> ActivityStatus | None:
    try:
        return ActivityStatus.parse(text)
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """"2026-03-01" (also as written by Excel: "2026-03-01 00:00:00") → date; "" → None."""
    s = (text or "").strip()
    if not s:
        return None
    return date.fromisoformat(s[:10]) if len(s) in (10, 19) else date.fromisoformat(s)


def _is_date(text: str) -> bool:
    try:
        parse_date(text)
        return True
    except ValueError:
        return False


# --- parsing ---------------------------------------------------------------------------


@dataclass
class ParsedActivities:
    rows: list[tuple[int, ActivityInput]]  # (row in the file, activity)
    filename: str = ""
    warnings: list[str] = field(default_factory=list)


def _schema(lk: Lookups) -> pa.DataFrameSchema:
    statuses = ", ".join(sv for sv, _en in ACTIVITY_STATUS_LABELS.values())
    return pa.DataFrameSchema({
        "extern_id": text_column(check(lambda v: 1 <= len(v) <= 80, "ett eget id för raden (1–80 tecken), samma id vid nästa import")),
        "titel": text_column(check(lambda v: 3 <= len(v) <= 300, "en titel på 3–300 tecken")),
        "beskrivning": text_column(required=False),
        "partner": text_column(check(lambda v: v.casefold() in lk.partners, "en av parterna: " + ", ".join(sorted(set(lk.partners.values()))))),
        "fokusomrade": text_column(check(lambda v: v.casefold() in lk.focus_areas, "ett av fokusområdena: " + ", ".join(sorted(set(lk.focus_areas.values()))))),
        "omrade": text_column(check(lambda v: v == "" or v.casefold() in lk.districts,
                                    f"en områdeskod som finns i appen (t.ex. {load_kommun().example('regso')} eller {load_kommun().example('prio')}) eller tom cell för hela kommunen"),
                              required=False),
        "status": text_column(check(lambda v: parse_status(v) is not None, f"en av statusarna {statuses}")),
        "start": text_column(check(lambda v: v == "" or _is_date(v), DATE_EXPECTED), required=False),
        "slut": text_column(check(lambda v: v == "" or _is_date(v), DATE_EXPECTED), required=False),
        "uppfoljning": text_column(required=False),
    })


def parse(data: bytes, filename: str, lookups: Lookups) -> ParsedActivities:
    """Read and check the whole file; raises ValidationError naming every bad cell."""
    check_upload(filename, data, ("csv", "xlsx"))
    df = read_table(data, filename).map(unsafe_cell)  # the export guarded formula-like text
    df = rename_columns(df, ALIASES)
    df = df[[c for c in df.columns if not str(c).startswith("Unnamed")]]
    if not df.empty:
        df = df[(df != "").any(axis=1)].reset_index(drop=True)
    for optional in ("beskrivning", "omrade", "start", "slut", "uppfoljning"):
        if optional not in df:
            df[optional] = ""
    fail(validate(df, _schema(lookups)))
    if df.empty:
        fail([Issue("filen har inga aktiviteter; förväntat minst en rad under rubrikraden.", 2)])
    issues: list[Issue] = []
    seen: dict[str, int] = {}
    rows = []
    for i, r in enumerate(df.to_dict("records")):
        row = i + 2
        ext = r["extern_id"].strip()
        if ext in seen:
            issues.append(Issue(f"extern_id ”{ext}” finns redan på rad {seen[ext]}; förväntat ett unikt id per aktivitet.", row, "extern_id"))
            continue
        seen[ext] = row
        act = ActivityInput(
            title=r["titel"], description=r.get("beskrivning", ""), partner_id=lookups.partners[r["partner"].casefold()],
            focus_area_id=lookups.focus_areas[r["fokusomrade"].casefold()],
            district_code=lookups.districts.get(r["omrade"].casefold()) if r.get("omrade") else None,
            status=parse_status(r["status"]), start_date=parse_date(r.get("start", "")), end_date=parse_date(r.get("slut", "")),
            follow_up=r.get("uppfoljning", ""), external_id=ext,
        ).cleaned()
        found = _validate_row(act, lookups.refs, row)
        issues.extend(found)
        if not found:
            rows.append((row, act))
    fail(issues)
    return ParsedActivities(rows, filename, [f"{len(rows)} aktiviteter i filen."])


def _validate_row(act: ActivityInput, refs: References, row: int) -> list[Issue]:
    from lagesbild.store.activities import validate_activity

    return validate_activity(act, refs, row=row)


# --- preview and apply --------------------------------------------------------------------


def preview(picture, parsed: ParsedActivities, lang: str = "sv") -> pd.DataFrame:
    """Row by row: what the import would do (ny | ändrad | oförändrad) and what changes."""
    stored = picture.table("activities")
    by_ext = {r["external_id"]: r for r in stored.to_dict("records") if isinstance(r.get("external_id"), str)}
    out = []
    for row, act in parsed.rows:
        old = by_ext.get(act.external_id)
        if old is None:
            change, what = NEW, ""
        else:
            diffs = _differences(old, act)
            change, what = (CHANGED, ", ".join(diffs)) if diffs else (SAME, "")
        out.append({"rad": row, "extern_id": act.external_id, "titel": act.title, "ändring": change, "vad som ändras": what,
                    "version": None if old is None else int(old["version"])})
    return pd.DataFrame(out, columns=["rad", "extern_id", "titel", "ändring", "vad som ändras", "version"])


FIELD_NAMES = {"title": "titel", "description": "beskrivning", "partner_id": "partner", "focus_area_id": "fokusomrade",
               "district_code": "omrade", "status": "status", "start_date": "start", "end_date": "slut", "follow_up": "uppfoljning"}


def _differences(old: dict, act: ActivityInput) -> list[str]:
    new = {"title": act.title, "description": act.description, "partner_id": act.partner_id, "focus_area_id": act.focus_area_id,
           "district_code": act.district_code, "status": act.status.value, "start_date": act.start_date,
           "end_date": act.end_date, "follow_up": act.follow_up}
    out = []
    for k, v in new.items():
        o = old.get(k)
        if isinstance(o, (datetime, pd.Timestamp)):
            o = o.date()
        if isinstance(o, str) and k in ("start_date", "end_date"):
            o = date.fromisoformat(o[:10])
        if o is None or (isinstance(o, float) and pd.isna(o)):
            o = None if k in ("district_code", "start_date", "end_date") else ""
        if (o or None) != (v or None):
            out.append(FIELD_NAMES[k])
    return out


def summary(pv: pd.DataFrame) -> dict[str, int]:
    counts = pv["ändring"].value_counts() if not pv.empty else {}
    return {c: int(counts.get(c, 0)) for c in (NEW, CHANGED, SAME)}


@dataclass(frozen=True)
class ActivityImportResult:
    batch_id: int
    added: int
    changed: int
    unchanged: int


def apply(store, actor: Actor, parsed: ParsedActivities, file_bytes: bytes, *, seen_versions: dict[str, int] | None = None,
          progress=None) -> ActivityImportResult:
    """Write the file in ONE transaction: every row, or none.

    `seen_versions` (extern_id → version shown in the preview) makes the import refuse,
    rather than overwrite, an activity someone changed after the preview was made."""
    require(actor, "activity.write")
    report = progress or (lambda _f: None)
    report(0.0)
    added = changed = same = 0
    with store.transaction() as s:
        refs = References.load(s)
        batch = ImportBatch(kind=KIND, source_id=SOURCE_ID, filename=parsed.filename, sha256=sha256(file_bytes),
                            vintage=date.today().isoformat(), imported_by=actor.name)
        s.add(batch)
        s.flush()
        existing = {a.external_id: a for a in s.scalars(select(Activity).where(Activity.external_id.in_([a.external_id for _r, a in parsed.rows])))}
        issues: list[Issue] = []
        for k, (row, act) in enumerate(parsed.rows, start=1):
            current = existing.get(act.external_id)
            try:
                if current is None:
                    create_activity(s, actor, act, refs=refs, import_id=batch.id)
                    added += 1
                elif same_as_stored(current, act):
                    same += 1
                else:
                    expected = (seen_versions or {}).get(act.external_id, current.version)
                    update_activity(s, actor, current.id, expected, act, refs=refs, import_id=batch.id)
                    changed += 1
            except ValidationError as err:
                issues.extend(Issue(i.message, row, i.column) for i in err.issues)
            except ConflictError as err:
                raise ConflictError(f"Rad {row} (extern_id ”{act.external_id}”): {err} Inget i filen har sparats.") from err
            report(k / max(len(parsed.rows), 1))
        fail(issues)
        batch.rows_added, batch.rows_changed, batch.rows_unchanged = added, changed, same
        audit(s, actor, "data.import", "import_batch", batch.id, kind=KIND, filename=parsed.filename,
              added=added, changed=changed, unchanged=same)
    report(1.0)
    return ActivityImportResult(batch.id, added, changed, same)


# --- export (= the template) -----------------------------------------------------------------


def export_frame(picture, activities: pd.DataFrame | None = None) -> pd.DataFrame:
    """Activities in the template's columns (all of them, or the given filtered frame)."""
    from lagesbild.queries.activities import activities as all_activities

    df = all_activities(picture) if activities is None else activities
    status_sv = {s.value: sv for s, (sv, _en) in ACTIVITY_STATUS_LABELS.items()}

    def d(v):
        return v.isoformat() if isinstance(v, date) else ""

    return pd.DataFrame({
        "extern_id": [x if isinstance(x, str) else "" for x in df["external_id"]],
        "titel": df["title"].tolist(),
        "beskrivning": df["description"].fillna("").tolist(),
        "partner": df["partner_id"].tolist(),
        "fokusomrade": df["focus_area_id"].tolist(),
        "omrade": [x if isinstance(x, str) else "" for x in df["district_code"]],
        "status": [status_sv.get(s, s) for s in df["status"]],
        "start": [d(v) for v in df["start_date"]],
        "slut": [d(v) for v in df["end_date"]],
        "uppfoljning": df["follow_up"].fillna("").tolist(),
    }, columns=COLUMNS)


def to_csv(frame: pd.DataFrame) -> bytes:
    """`;`-separated, UTF-8 with BOM (Excel opens å, ä, ö correctly), formulas guarded."""
    return to_csv_bytes(frame)


INSTRUCTIONS_SV = [
    "En rad per aktivitet. Rubrikraden ska stå kvar oförändrad.",
    "extern_id: ert eget id för aktiviteten. Samma id vid nästa import uppdaterar aktiviteten i stället för att lägga till en ny.",
    "titel: vad aktiviteten heter (3–300 tecken). beskrivning: frivillig.",
    "partner: ansvarig part, id eller namn (se nedan). fokusomrade: id eller namn (se nedan).",
    "omrade: områdeskod (t.ex. {regso} eller {prio}); tom cell = hela kommunen.",
    "status: Planerad, Pågående, Genomförd eller Avbruten.",
    "start och slut: datum som ÅÅÅÅ-MM-DD, eller tom cell.",
    "uppfoljning: resultatet av uppföljningen, när aktiviteten följts upp.",
    "Att importera samma fil igen ändrar ingenting. Skriv inga påhittade aktiviteter.",
]


def to_xlsx(frame: pd.DataFrame, picture) -> bytes:
    """Sheet "Aktiviteter" (the template, filled with `frame`) and "Instruktioner"."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Aktiviteter"
    ws.append(COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    append_rows(ws, ([str(v) if v is not None else "" for v in rec] for rec in frame.itertuples(index=False)))
    # Dates are written as text so Excel does not turn them into serial numbers.
    for col in ("H", "I"):
        for cell in ws[col]:
            cell.number_format = "@"
    for col, width in zip("ABCDEFGHIJ", (14, 40, 40, 18, 14, 20, 12, 12, 12, 40)):
        ws.column_dimensions[col].width = width
    info = wb.create_sheet("Instruktioner")
    k = load_kommun()
    for line in INSTRUCTIONS_SV:
        line = line.format(regso=k.example("regso"), prio=k.example("prio")) if "{" in line else line
        info.append([line])
    info.append([])
    info.append(["Partner (id)", "Namn"])
    for r in rv.active(picture.table("partners")).to_dict("records"):  # the ones a new activity may name
        info.append([r["id"], r["name"]])
    info.append([])
    info.append(["Fokusområde (id)", "Namn"])
    for r in rv.active(picture.table("focus_areas")).sort_values("sort").to_dict("records"):
        info.append([r["id"], r["name_sv"]])
    info.append([])
    info.append(["Status"])
    for sv, _en in ACTIVITY_STATUS_LABELS.values():
        info.append([sv])
    info.column_dimensions["A"].width = 60
    info.column_dimensions["B"].width = 50
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
