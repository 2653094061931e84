"""Activities: store writes (validation, permission, concurrency, audit), the list and filter
views, and the template round trip (CSV and XLSX; preview; atomic, idempotent import)."""
from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest
from sqlalchemy import func, select

from lagesbild.queries import activities as av
from lagesbild.domain import SYSTEM_ACTOR, Actor, ActivityStatus, Role
from lagesbild.errors import ConflictError, PermissionDenied, ValidationError
from lagesbild.importers import activities as tpl
from lagesbild.picture import load_live
from lagesbild.store.activities import ActivityInput, create_activity, update_activity
from lagesbild.store.models import Activity, AuditEntry, ImportBatch

WALK = ActivityInput(title="Trygghetsvandring i Flemingsberg", partner_id="huddinge_kommun", focus_area_id="trygghet",
                     status=ActivityStatus.PLANERAD, district_code="prio-flemingsberg",
                     start_date=date(2026, 3, 1), end_date=date(2026, 3, 31))
HUGE_EDITOR = Actor(name="Huge-redaktör", role=Role.EDITOR, partner_id="huge")


def _pic(store):
    with store.session() as s:
        return load_live(s)


def _count(store, model=Activity):
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model))


# --- store -----------------------------------------------------------------------------


def test_create_gets_version_id_and_audit(store):
    with store.transaction() as s:
        act = create_activity(s, SYSTEM_ACTOR, WALK)
        aid, ext = act.id, act.external_id
    assert ext == f"app-{aid}", "every activity gets an id the template can match on"
    with store.session() as s:
        row = s.get(Activity, aid)
        assert row.version == 1 and row.updated_by == "system"
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "activity.create")) == 1


def test_validation_in_swedish_names_the_column(store):
    bad = ActivityInput(title="x", partner_id="okand", focus_area_id="gang", status=ActivityStatus.PAGAENDE,
                        district_code="0126R999", start_date=date(2026, 5, 1), end_date=date(2026, 4, 1))
    with pytest.raises(ValidationError) as err:
        with store.transaction() as s:
            create_activity(s, SYSTEM_ACTOR, bad)
    cols = {i.column for i in err.value.issues}
    assert cols == {"titel", "partner", "omrade", "slut"}
    assert "slutdatum 2026-04-01 ligger före startdatum 2026-05-01" in str(err.value)
    assert _count(store) == 0


def test_partner_editor_may_only_write_own_activities(store):
    with pytest.raises(PermissionDenied):
        with store.transaction() as s:
            create_activity(s, HUGE_EDITOR, WALK)
    with store.transaction() as s:
        create_activity(s, HUGE_EDITOR, ActivityInput(**{**WALK.__dict__, "partner_id": "huge"}))
    viewer = Actor(name="Läsare", role=Role.VIEWER)
    with pytest.raises(PermissionDenied):
        with store.transaction() as s:
            create_activity(s, viewer, ActivityInput(**{**WALK.__dict__, "partner_id": "huge"}))


def test_concurrent_update_is_refused(store):
    with store.transaction() as s:
        aid = create_activity(s, SYSTEM_ACTOR, WALK).id
    first = ActivityInput(**{**WALK.__dict__, "status": ActivityStatus.PAGAENDE})
    with store.transaction() as s:
        update_activity(s, SYSTEM_ACTOR, aid, 1, first)
    late = ActivityInput(**{**WALK.__dict__, "status": ActivityStatus.AVBRUTEN})
    with pytest.raises(ConflictError, match="ändrats av någon annan"):
        with store.transaction() as s:
            update_activity(s, SYSTEM_ACTOR, aid, 1, late)
    with store.session() as s:
        row = s.get(Activity, aid)
        assert row.status == "pagaende" and row.version == 2


# --- views -----------------------------------------------------------------------------


def _seeded(store):
    rows = [
        WALK,
        ActivityInput(title="Föräldravandring Skogås", partner_id="polisen_syd", focus_area_id="gang",
                      status=ActivityStatus.PAGAENDE, district_code="0126R014", start_date=date(2025, 9, 1)),
        ActivityInput(title="Tillsyn av tobaksförsäljning", partner_id="huddinge_kommun", focus_area_id="andts",
                      status=ActivityStatus.GENOMFORD, start_date=date(2025, 1, 1), end_date=date(2025, 6, 30),
                      follow_up="38 tillsynsbesök genomförda."),
    ]
    with store.transaction() as s:
        for r in rows:
            create_activity(s, SYSTEM_ACTOR, r)
    return _pic(store)


def test_filters_and_labels(store):
    pic = _seeded(store)
    df = av.activities(pic)
    assert len(df) == 3
    assert set(df["partner"]) == {"Kommunen", "Polisen"}
    assert av.apply_filter(df, av.ActivityFilter(focus_area=("gang",)))["title"].tolist() == ["Föräldravandring Skogås"]
    assert len(av.apply_filter(df, av.ActivityFilter(status=("genomford", "planerad")))) == 2
    in_2026 = av.apply_filter(df, av.ActivityFilter(period_from=date(2026, 1, 1), period_to=date(2026, 12, 31)))
    assert set(in_2026["title"]) == {"Trygghetsvandring i Flemingsberg", "Föräldravandring Skogås"}, "open end overlaps"
    assert av.apply_filter(df, av.ActivityFilter(text="tillsyn"))["focus_area_id"].tolist() == ["andts"]
    assert av.status_label("genomford") == "✓ Genomförd"


def test_activities_for_area_includes_priority_area_and_parts(store):
    pic = _seeded(store)
    assert av.activities_for_area(pic, "0126R002")["title"].tolist() == ["Trygghetsvandring i Flemingsberg"]
    assert av.activities_for_area(pic, "prio-skogas")["title"].tolist() == ["Föräldravandring Skogås"]
    assert av.activities_for_area(pic, "0126R010").empty


def test_empty_picture_gives_empty_frames(store):
    pic = _pic(store)
    assert av.activities(pic).empty and av.recent(pic).empty and av.last_changed(av.activities(pic)) is None


# --- template --------------------------------------------------------------------------

HEADER = ";".join(tpl.COLUMNS)


def _csv(*rows: str) -> bytes:
    return ("\ufeff" + "\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8")


GOOD_ROWS = (
    "H-1;Trygghetsvandring Vårby gård;Med boende;Huge;trygghet;0126R020;Planerad;2026-04-01;2026-04-01;",
    "H-2;Klotterborttagning inom 24 timmar;;huge;Trygghet i offentlig miljö;;Pågående;2026-01-01;;",
)


def test_template_import_preview_apply_and_idempotent(store):
    pic = _pic(store)
    parsed = tpl.parse(_csv(*GOOD_ROWS), "aktiviteter.csv", tpl.Lookups.from_picture(pic))
    pv = tpl.preview(pic, parsed)
    assert tpl.summary(pv) == {"ny": 2, "ändrad": 0, "oförändrad": 0}
    res = tpl.apply(store, SYSTEM_ACTOR, parsed, _csv(*GOOD_ROWS))
    assert (res.added, res.changed, res.unchanged) == (2, 0, 0)
    again = tpl.apply(store, SYSTEM_ACTOR, tpl.parse(_csv(*GOOD_ROWS), "aktiviteter.csv", tpl.Lookups.from_picture(_pic(store))), _csv(*GOOD_ROWS))
    assert (again.added, again.changed, again.unchanged) == (0, 0, 2)
    assert _count(store) == 2
    # the follow-up text itself contains a semicolon: quote it as Excel would
    changed_rows = (GOOD_ROWS[0].replace("Planerad", "Genomförd").rstrip(";") + ';"Tolv deltagare; belysningen anmäld."',) + GOOD_ROWS[1:]
    parsed3 = tpl.parse(_csv(*changed_rows), "aktiviteter.csv", tpl.Lookups.from_picture(_pic(store)))
    pv3 = tpl.preview(_pic(store), parsed3)
    assert pv3["ändring"].tolist() == ["ändrad", "oförändrad"]
    assert pv3["vad som ändras"].iloc[0] == "status, uppfoljning"
    res3 = tpl.apply(store, SYSTEM_ACTOR, parsed3, _csv(*changed_rows))
    assert (res3.added, res3.changed, res3.unchanged) == (0, 1, 1)
    with store.session() as s:
        row = s.scalar(select(Activity).where(Activity.external_id == "H-1"))
        assert row.status == "genomford" and row.version == 2 and row.follow_up == "Tolv deltagare; belysningen anmäld."
        assert s.scalar(select(func.count()).select_from(ImportBatch).where(ImportBatch.kind == "aktiviteter")) == 3


def test_broken_file_is_refused_with_row_and_column_and_nothing_changes(store):
    bad = _csv(
        "H-1;Trygghetsvandring;;Huge;trygghet;0126R020;Planerad;2026-04-01;;",
        "H-2;Ok titel;;Okänd part;trygghet;;Klar;01/04/2026;;",
        "H-1;Dubblett;;Huge;gang;;Planerad;;;",
    )
    with pytest.raises(ValidationError) as err:
        tpl.parse(bad, "aktiviteter.csv", tpl.Lookups.from_picture(_pic(store)))
    text = str(err.value)
    assert "rad 3, kolumn ”partner”" in text and "rad 3, kolumn ”status”" in text and "rad 3, kolumn ”start”" in text
    assert "Inget har ändrats" in text
    assert _count(store) == 0


def test_row_level_rules_are_checked_after_the_format(store):
    bad = _csv("H-1;Vandring;;Huge;trygghet;;Planerad;2026-05-01;2026-04-01;", "H-1;Igen;;Huge;trygghet;;Planerad;;;")
    with pytest.raises(ValidationError) as err:
        tpl.parse(bad, "a.csv", tpl.Lookups.from_picture(_pic(store)))
    assert {(i.row, i.column) for i in err.value.issues} == {(2, "slut"), (3, "extern_id")}


def test_import_is_all_or_nothing_when_one_row_is_not_allowed(store):
    rows = ("H-1;Vandring;;Huge;trygghet;;Planerad;;;", "P-1;Polisens insats;;Polisen;gang;;Planerad;;;")
    parsed = tpl.parse(_csv(*rows), "a.csv", tpl.Lookups.from_picture(_pic(store)))
    batches = _count(store, ImportBatch)
    with pytest.raises(PermissionDenied):
        tpl.apply(store, HUGE_EDITOR, parsed, _csv(*rows))
    assert _count(store) == 0 and _count(store, ImportBatch) == batches


def test_import_refuses_to_overwrite_a_change_made_after_the_preview(store):
    tpl.apply(store, SYSTEM_ACTOR, tpl.parse(_csv(*GOOD_ROWS), "a.csv", tpl.Lookups.from_picture(_pic(store))), _csv(*GOOD_ROWS))
    pic = _pic(store)
    edited = (GOOD_ROWS[0].replace("Planerad", "Pågående"),) + GOOD_ROWS[1:]
    parsed = tpl.parse(_csv(*edited), "a.csv", tpl.Lookups.from_picture(pic))
    seen = dict(zip(tpl.preview(pic, parsed)["extern_id"], tpl.preview(pic, parsed)["version"]))
    with store.transaction() as s:  # someone else edits H-1 in the meantime
        row = s.scalar(select(Activity).where(Activity.external_id == "H-1"))
        update_activity(s, SYSTEM_ACTOR, row.id, row.version, ActivityInput(
            title=row.title, partner_id=row.partner_id, focus_area_id=row.focus_area_id, status=ActivityStatus.AVBRUTEN,
            district_code=row.district_code, start_date=row.start_date, end_date=row.end_date, external_id="H-1"))
    with pytest.raises(ConflictError, match="Rad 2"):
        tpl.apply(store, SYSTEM_ACTOR, parsed, _csv(*edited), seen_versions={k: int(v) for k, v in seen.items()})
    with store.session() as s:
        assert s.scalar(select(Activity.status).where(Activity.external_id == "H-1")) == "avbruten"


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_export_is_the_import_format_round_trip(store, kind):
    pic = _seeded(store)
    frame = tpl.export_frame(pic)
    assert frame.columns.tolist() == tpl.COLUMNS
    data = tpl.to_csv(frame) if kind == "csv" else tpl.to_xlsx(frame, pic)
    if kind == "csv":
        assert data.startswith("\ufeff".encode("utf-8")) and b";" in data.splitlines()[0]
    parsed = tpl.parse(data, f"export.{kind}", tpl.Lookups.from_picture(pic))
    assert tpl.summary(tpl.preview(pic, parsed)) == {"ny": 0, "ändrad": 0, "oförändrad": 3}
    res = tpl.apply(store, SYSTEM_ACTOR, parsed, data)
    assert (res.added, res.changed) == (0, 0)


def test_xlsx_template_has_instructions_and_no_made_up_rows(store):
    from openpyxl import load_workbook

    pic = _pic(store)
    wb = load_workbook(io.BytesIO(tpl.to_xlsx(tpl.export_frame(pic), pic)))
    assert wb.sheetnames == ["Aktiviteter", "Instruktioner"]
    assert [c.value for c in wb["Aktiviteter"][1]] == tpl.COLUMNS
    assert wb["Aktiviteter"].max_row == 1
    assert any("Planerad" == (r[0].value or "") for r in wb["Instruktioner"].iter_rows())
    empty = tpl.export_frame(pic)
    assert isinstance(empty, pd.DataFrame) and empty.empty
