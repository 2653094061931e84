"""Bulk round trip of the reforms: export (CSV/XLSX) → edit → import, on SQLite and PostgreSQL.

Done when: an export edited in two rows changes exactly those two reforms; a malformed
upload changes nothing and names the bad rows and columns; a reform changed by someone else
after the export refuses the whole file."""
from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pytest
from sqlalchemy import func, select

from lagesbild.domain import SYSTEM_ACTOR, Actor, ReformStatus, Role
from lagesbild.errors import ConflictError, PermissionDenied, ValidationError
from lagesbild.export import reform_sheet as export
from lagesbild.importers import reform_sheet as importer
from lagesbild.picture import load_live
from lagesbild.store import reforms
from lagesbild.store.models import AuditEntry, ImportBatch, ReformUpdate

EARLIER = reforms.UpdateInput(ReformStatus.PABORJAD, date(2025, 5, 1), "Uppdrag givet till förvaltningen.",
                              "https://www.huddinge.se/protokoll/1", "Anna Andersson")


def picture(store):
    with store.session() as s:
        return load_live(s)


def state(store) -> dict:
    """Everything an import could touch: equal before/after means nothing was written."""
    with store.session() as s:
        return {
            "updates": s.scalar(select(func.count()).select_from(ReformUpdate)),
            "batches": s.scalar(select(func.count()).select_from(ImportBatch)),
            "audit": s.scalar(select(func.count()).select_from(AuditEntry)),
            "versions": reforms.current_reforms(s).set_index("id")["version"].to_dict(),
        }


def histories(store) -> dict:
    with store.session() as s:
        return {rid: reforms.history(s, rid).drop(columns=["recorded_at"]).to_dict("records")
                for rid in reforms.current_reforms(s)["id"]}


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def csv_bytes(rows: list[list[str]]) -> bytes:
    """Write rows back as Swedish Excel saves "CSV UTF-8 (semikolonavgränsad)"."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


def edit(rows: list[list[str]], rid: str, **cells) -> None:
    header = rows[0]
    for row in rows[1:]:
        if row[0] == rid:
            for col, value in cells.items():
                row[header.index(col.replace("_", " "))] = value


CHANGE_R03 = dict(status="Pågående", framsteg="30", datum="2026-03-01", motivering="Heltidsprojektet har startat i två enheter.",
                  källa="https://www.huddinge.se/protokoll/3", bedömd_av="Bo Berg")
CHANGE_R07 = dict(status="Delvis genomförd", framsteg="50", datum="2026-04-15",
                  motivering="Grundskolan: handlingsplan antagen. Gymnasiet: ej klart. 1 av 2 delar.",
                  källa="https://www.huddinge.se/protokoll/7", bedömd_av="Bo Berg")


@pytest.fixture
def assessed(store):
    """A store where R07 and R01 already have an assessment (so history must be kept)."""
    with store.transaction() as s:
        reforms.record_update(s, SYSTEM_ACTOR, "R07", 0, EARLIER)
        reforms.record_update(s, SYSTEM_ACTOR, "R01", 0, EARLIER)
    return store


# --- export ------------------------------------------------------------------------------


def test_csv_export_is_swedish_excel_friendly(assessed):
    rows = csv_rows(export.to_csv(export.sheet_frame(picture(assessed))))
    assert rows[0] == ["id", "nummer", "titel", "status", "framsteg", "datum", "motivering", "källa", "bedömd av", "version"]
    assert len(rows) == 18
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id["R02"][3:] == ["Ej bedömd", "", "", "", "", "", "0"]
    assert by_id["R07"][3:] == ["Påbörjad", "", "2025-05-01", EARLIER.motivation, EARLIER.source_url, "Anna Andersson", "1"]
    assert by_id["R09"][2] == "Inför gratis mensskydd i kommunens skolor, idrottshallar och på fritidsgårdar."


def test_xlsx_export_has_same_rows_and_a_status_list(assessed):
    frame = export.sheet_frame(picture(assessed))
    wb = openpyxl.load_workbook(io.BytesIO(export.to_xlsx(frame)))
    ws = wb["Reformer"]
    values = [tuple(row) for row in ws.iter_rows(values_only=True)]
    assert list(values[0]) == export.COLUMNS
    assert values[7][:4] == ("R07", 7, frame.loc[6, "titel"], "Påbörjad")
    assert ws.data_validations.dataValidation[0].formula1.startswith('"Ej bedömd,Ej påbörjad')
    assert "Anvisningar" in wb.sheetnames


def test_formula_injection_is_neutralised_and_round_trips(store):
    evil = reforms.UpdateInput(ReformStatus.PAGAENDE, date(2026, 1, 5), "=HYPERLINK(\"http://x\";\"klicka\") pågår",
                               "https://www.huddinge.se/a", "@admin")
    with store.transaction() as s:
        reforms.record_update(s, SYSTEM_ACTOR, "R02", 0, evil)
    frame = export.sheet_frame(picture(store))
    row = next(r for r in csv_rows(export.to_csv(frame)) if r[0] == "R02")
    assert row[6].startswith("'=HYPERLINK") and row[8] == "'@admin"
    ws = openpyxl.load_workbook(io.BytesIO(export.to_xlsx(frame)))["Reformer"]
    cell = ws.cell(row=3, column=7)
    assert cell.data_type == "s" and cell.value.startswith("'=")  # text, not a formula
    for data, name in ((export.to_csv(frame), "r.csv"), (export.to_xlsx(frame), "r.xlsx")):
        plan = importer.plan(picture(store), data, name)
        assert plan.changes == [] and len(plan.unchanged) == 17  # the apostrophe is stripped again


# --- the round trip ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_edit_two_rows_import_changes_exactly_those_two(assessed, fmt):
    store = assessed
    before = histories(store)
    frame = export.sheet_frame(picture(store))
    if fmt == "csv":
        rows = csv_rows(export.to_csv(frame))
        edit(rows, "R03", **CHANGE_R03)
        edit(rows, "R07", **CHANGE_R07)
        data = csv_bytes(rows)
    else:
        data = _edit_xlsx(export.to_xlsx(frame), {"R03": CHANGE_R03, "R07": CHANGE_R07})
    plan = importer.plan(picture(store), data, f"reformer.{fmt}")
    assert [c.reform_id for c in plan.changes] == ["R03", "R07"]
    assert len(plan.unchanged) == 15 and plan.warnings == []
    preview = plan.preview()
    assert preview["Status efter"].tolist() == ["↻ Pågående", "◐ Delvis genomförd"]
    assert preview["Status före"].tolist() == ["? Ej bedömd", "▷ Påbörjad"]
    result = importer.apply(store, SYSTEM_ACTOR, plan)
    assert (result.changed, result.unchanged) == (2, 15)
    after = histories(store)
    assert {rid for rid in after if after[rid] != before[rid]} == {"R03", "R07"}
    assert after["R07"][0] == before["R07"][0]  # the earlier assessment is still there, unchanged
    assert [h["status"] for h in after["R07"]] == ["paborjad", "delvis_genomford"]
    assert after["R07"][1]["progress"] == 50 and after["R07"][1]["update_date"] == date(2026, 4, 15)
    assert after["R03"][0]["motivation"] == CHANGE_R03["motivering"]
    with store.session() as s:
        batch = s.scalars(select(ImportBatch).where(ImportBatch.kind == "reforms")).one()
        assert (batch.rows_changed, batch.rows_unchanged, batch.vintage) == (2, 15, "2026-04-15")
        assert {u.via_import for u in s.scalars(select(ReformUpdate).where(ReformUpdate.seq > 0))
                if u.reform_id in ("R03", "R07") and u.update_date >= date(2026, 1, 1)} == {batch.id}
    # The same file again changes nothing (its rows now match the latest assessments).
    again = importer.plan(picture(store), data, f"reformer.{fmt}")
    assert again.changes == [] and importer.apply(store, SYSTEM_ACTOR, again).batch_id is None


def _edit_xlsx(data: bytes, changes: dict) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Reformer"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value in changes:
            for col, value in changes[row[0].value].items():
                cell = row[header.index(col.replace("_", " "))]
                # Excel users type numbers and dates: store them as Excel would.
                cell.value = int(value) if col == "framsteg" else date.fromisoformat(value) if col == "datum" else value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_apply_is_all_or_nothing(assessed, monkeypatch):
    store = assessed
    rows = csv_rows(export.to_csv(export.sheet_frame(picture(store))))
    edit(rows, "R03", **CHANGE_R03)
    edit(rows, "R07", **CHANGE_R07)
    plan = importer.plan(picture(store), csv_bytes(rows), "r.csv")
    before = state(store)
    calls = []
    real = importer.record_update

    def failing(*args, **kwargs):
        calls.append(args[2])
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return real(*args, **kwargs)

    monkeypatch.setattr(importer, "record_update", failing)
    with pytest.raises(RuntimeError):
        importer.apply(store, SYSTEM_ACTOR, plan)
    assert calls == ["R03", "R07"]
    assert state(store) == before  # the first reform's update was rolled back too


def test_viewer_cannot_import(assessed):
    rows = csv_rows(export.to_csv(export.sheet_frame(picture(assessed))))
    edit(rows, "R03", **CHANGE_R03)
    plan = importer.plan(picture(assessed), csv_bytes(rows), "r.csv")
    before = state(assessed)
    with pytest.raises(PermissionDenied):
        importer.apply(assessed, Actor("läsare", Role.VIEWER), plan)
    assert state(assessed) == before


def test_changed_title_and_number_are_warnings_not_changes(store):
    rows = csv_rows(export.to_csv(export.sheet_frame(picture(store))))
    edit(rows, "R05", titel="Stoppa alla vinstuttag.", nummer="50")
    plan = importer.plan(picture(store), csv_bytes(rows), "r.csv")
    assert plan.changes == []
    assert any("Rad 6, kolumn ”titel”" in w for w in plan.warnings)
    assert any("Rad 6, kolumn ”nummer”" in w for w in plan.warnings)


# --- concurrency -------------------------------------------------------------------------


def test_reform_changed_since_export_refuses_whole_file(assessed):
    store = assessed
    rows = csv_rows(export.to_csv(export.sheet_frame(picture(store))))
    edit(rows, "R03", **CHANGE_R03)
    edit(rows, "R07", **CHANGE_R07)
    data = csv_bytes(rows)
    other = reforms.UpdateInput(ReformStatus.FORSENAD, date(2026, 4, 1), "Kollegans bedömning som inte får försvinna.",
                                "https://www.huddinge.se/protokoll/99", "Kollega")
    with store.transaction() as s:  # someone else saves R07 after the export
        reforms.record_update(s, SYSTEM_ACTOR, "R07", 1, other)
    before = state(store)
    with pytest.raises(ConflictError) as err:
        importer.plan(picture(store), data, "r.csv")
    assert "reform 7 (R07)" in str(err.value) and "Inget har ändrats" in str(err.value)
    assert "R03" not in str(err.value)
    assert state(store) == before
    with store.session() as s:
        assert reforms.history(s, "R07")["motivation"].tolist()[-1] == other.motivation


def test_change_between_preview_and_apply_is_refused(assessed):
    store = assessed
    rows = csv_rows(export.to_csv(export.sheet_frame(picture(store))))
    edit(rows, "R03", **CHANGE_R03)
    edit(rows, "R07", **CHANGE_R07)
    plan = importer.plan(picture(store), csv_bytes(rows), "r.csv")
    with store.transaction() as s:
        reforms.record_update(s, SYSTEM_ACTOR, "R03", 0, EARLIER)
    before = state(store)
    with pytest.raises(ConflictError) as err:
        importer.apply(store, SYSTEM_ACTOR, plan)
    assert "reform 3 (R03)" in str(err.value)
    assert state(store) == before


def test_untouched_rows_do_not_undo_others_changes(assessed):
    """A reform the file leaves as exported is not reverted, even if someone changed it since."""
    store = assessed
    rows = csv_rows(export.to_csv(export.sheet_frame(picture(store))))
    edit(rows, "R03", **CHANGE_R03)
    newer = reforms.UpdateInput(ReformStatus.GENOMFORD, date(2026, 2, 1), "Satsningen är genomförd i alla skolor.",
                                "https://www.huddinge.se/protokoll/12", "Kollega")
    with store.transaction() as s:
        reforms.record_update(s, SYSTEM_ACTOR, "R01", 1, newer)
    plan = importer.plan(picture(store), csv_bytes(rows), "r.csv")
    assert [c.reform_id for c in plan.changes] == ["R03"]
    importer.apply(store, SYSTEM_ACTOR, plan)
    with store.session() as s:
        assert reforms.current_reforms(s).set_index("id").loc["R01", "status"] == "genomford"


# --- malformed uploads -------------------------------------------------------------------


def _export_rows(store) -> list[list[str]]:
    return csv_rows(export.to_csv(export.sheet_frame(picture(store))))


def _bad_header(rows):
    rows[0][3] = "Status (ny)"
    return csv_bytes(rows)


def _missing_column(rows):
    return csv_bytes([r[:9] for r in rows])


def _bad_status(rows):
    edit(rows, "R03", **{**CHANGE_R03, "status": "Klar"})
    return csv_bytes(rows)


def _bad_date(rows):
    edit(rows, "R03", **{**CHANGE_R03, "datum": "1/3/2026"})
    return csv_bytes(rows)


def _future_date(rows):
    edit(rows, "R03", **{**CHANGE_R03, "datum": "2999-01-01"})
    return csv_bytes(rows)


def _bad_progress(rows):
    edit(rows, "R03", **{**CHANGE_R03, "framsteg": "140"})
    return csv_bytes(rows)


def _no_motivation(rows):
    edit(rows, "R03", **{**CHANGE_R03, "motivering": ""})
    return csv_bytes(rows)


def _no_source(rows):
    edit(rows, "R03", **{**CHANGE_R03, "källa": "www.huddinge.se"})
    return csv_bytes(rows)


def _unknown_id(rows):
    rows[3][0] = "R99"
    return csv_bytes(rows)


def _duplicate_id(rows):
    rows[4][0] = "R02"
    return csv_bytes(rows)


def _changed_version(rows):
    rows[3][9] = "7"
    return csv_bytes(rows)


def _extra_cells(rows):
    rows[5].append("något")
    return csv_bytes(rows)


def _ej_bedomd_with_text(rows):
    edit(rows, "R03", motivering="Vi vet inte ännu men skriver ändå något här.")
    return csv_bytes(rows)


MALFORMED = [
    # (case, make bytes from the exported rows, file name, expected (row, column) in the issues)
    ("bad header", _bad_header, "r.csv", (1, "Status (ny)")),
    ("missing column", _missing_column, "r.csv", (1, "version")),
    ("bad status", _bad_status, "r.csv", (4, "status")),
    ("bad date", _bad_date, "r.csv", (4, "datum")),
    ("future date", _future_date, "r.csv", (4, "datum")),
    ("progress not 0-100", _bad_progress, "r.csv", (4, "framsteg")),
    ("no motivation", _no_motivation, "r.csv", (4, "motivering")),
    ("source not http", _no_source, "r.csv", (4, "källa")),
    ("unknown id", _unknown_id, "r.csv", (4, "id")),
    ("duplicate id", _duplicate_id, "r.csv", (5, "id")),
    ("changed version", _changed_version, "r.csv", (4, "version")),
    ("extra cells", _extra_cells, "r.csv", (6, None)),
    ("Ej bedömd with a motivation", _ej_bedomd_with_text, "r.csv", (4, "status")),
    ("wrong file type", lambda rows: csv_bytes(rows), "reformer.pdf", (None, None)),
    ("empty file", lambda rows: b"", "r.csv", (None, None)),
    ("only a header", lambda rows: csv_bytes(rows[:1]), "r.csv", (None, None)),
    ("xlsx with junk", lambda rows: b"PK\x03\x04 this is not a workbook" * 10, "r.xlsx", (None, None)),
    ("csv that is binary", lambda rows: bytes(range(256)) * 4, "r.csv", (None, None)),
    ("too large", lambda rows: b"id;" + b"x" * (importer.MAX_BYTES + 1), "r.csv", (None, None)),
]


@pytest.mark.parametrize("case,make,name,where", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_upload_changes_nothing_and_names_row_and_column(assessed, case, make, name, where):
    store = assessed
    data = make(_export_rows(store))
    before = state(store)
    with pytest.raises(ValidationError) as err:
        importer.plan(picture(store), data, name)
    issues = err.value.issues
    assert issues and "Inget har ändrats" in str(err.value)
    row, column = where
    if row is not None:
        assert any(i.row == row and (column is None or i.column == column) for i in issues), [str(i) for i in issues]
        assert f"rad {row}" in str(err.value)
    assert state(store) == before


def test_every_problem_is_reported_at_once(store):
    rows = _export_rows(store)
    edit(rows, "R03", **{**CHANGE_R03, "status": "Klar", "datum": "igår"})
    edit(rows, "R08", **{**CHANGE_R08_BAD})
    rows[12][0] = "X1"
    with pytest.raises(ValidationError) as err:
        importer.plan(picture(store), csv_bytes(rows), "r.csv")
    where = {(i.row, i.column) for i in err.value.issues}
    assert {(4, "status"), (4, "datum"), (9, "motivering"), (9, "källa"), (9, "framsteg"), (13, "id")} <= where
    rows_in_order = [i.row for i in err.value.issues]
    assert rows_in_order == sorted(rows_in_order)


CHANGE_R08_BAD = dict(status="Pågående", framsteg="-5", datum="2026-01-01", motivering="kort", källa="ftp://x", bedömd_av="X")


def test_swedish_excel_cp1252_csv_is_read(store):
    """Excel's "CSV (semikolonavgränsad)" saves Windows-1252, not UTF-8."""
    rows = _export_rows(store)
    edit(rows, "R03", **CHANGE_R03)
    text = "\r\n".join(";".join(f'"{c}"' if ";" in c else c for c in r) for r in rows)
    plan = importer.plan(picture(store), text.encode("cp1252"), "r.csv")
    assert [c.reform_id for c in plan.changes] == ["R03"]
    assert plan.changes[0].update.status == ReformStatus.PAGAENDE


def test_row_numbers_are_spreadsheet_rows_even_with_line_breaks_in_a_cell(store):
    rows = _export_rows(store)
    edit(rows, "R02", **{**CHANGE_R03, "motivering": "Första raden.\nAndra raden.\nTredje raden i motiveringen."})
    edit(rows, "R05", **{**CHANGE_R03, "status": "Klar"})
    with pytest.raises(ValidationError) as err:
        importer.plan(picture(store), csv_bytes(rows), "r.csv")
    assert [(i.row, i.column) for i in err.value.issues] == [(6, "status")]  # R05 is row 6 in Excel
    edit(rows, "R05", status="Ej bedömd", framsteg="", datum="", motivering="", källa="", bedömd_av="")
    plan = importer.plan(picture(store), csv_bytes(rows), "r.csv")
    assert plan.changes[0].update.motivation == "Första raden.\nAndra raden.\nTredje raden i motiveringen."
