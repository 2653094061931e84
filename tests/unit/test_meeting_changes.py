""""Sedan förra mötet": the change list between two pictures (two meetings' snapshots)."""
from datetime import date, datetime

import pandas as pd

from lagesbild import agenda
from lagesbild.picture import from_payload, to_payload
from lagesbild.agenda.changes import changes
from tests.unit import picture_factory as pf
from tests.unit.reform_pictures import make_picture


def _activities(rows) -> pd.DataFrame:
    """rows: (id, title, status, version)"""
    return pd.DataFrame([{
        "id": i, "external_id": f"app-{i}", "title": t, "description": "", "partner_id": "polisen_syd", "focus_area_id": "gang",
        "district_code": None, "status": s, "start_date": date(2026, 1, 1), "end_date": None, "follow_up": "", "version": v,
        "updated_at": datetime(2026, 1, 1), "updated_by": "test",
    } for i, t, s, v in rows])


def _picture(obs, reform_updates, activities):
    reform_tables = make_picture(reform_updates).tables
    keep = {k: reform_tables[k] for k in ("reforms", "reform_updates", "reform_focus_links", "reform_district_links")}
    return pf.picture(obs, activities=_activities(activities), **keep)


OLD = _picture(
    [("bra_total_antal", "0126", "2024", 11000), ("bra_total_antal", "0126", "2025", 11500, "preliminar"),
     ("bra_person_antal", "0126R001", "2025", 3)],
    [("R01", 1, "pagaende", date(2026, 2, 1), None), ("R02", 1, "paborjad", date(2026, 2, 1), 10)],
    [(1, "Trygghetsvandring i Vårby", "planerad", 1), (2, "Föräldramöten", "pagaende", 1), (3, "Oförändrad", "pagaende", 1)],
)
NEW = _picture(
    [("bra_total_antal", "0126", "2024", 11000), ("bra_total_antal", "0126", "2025", 11800),
     ("bra_total_antal", "0126", "2026", 12000, "preliminar"), ("bra_person_antal", "0126R001", "2025", 4)],
    [("R01", 1, "pagaende", date(2026, 2, 1), None), ("R01", 2, "forsenad", date(2026, 5, 1), None),
     ("R02", 1, "paborjad", date(2026, 2, 1), 10), ("R02", 2, "paborjad", date(2026, 5, 1), 30),
     ("R03", 1, "genomford", date(2026, 5, 2), 100)],
    [(1, "Trygghetsvandring i Vårby", "genomford", 2), (2, "Föräldramöten", "pagaende", 2), (3, "Oförändrad", "pagaende", 1),
     (4, "Ny aktivitet", "planerad", 1)],
)


def test_reform_changes_name_old_and_new_status():
    ch = changes(OLD, NEW)
    rows = {r[0]: r for r in ch.reforms.itertuples(index=False)}
    assert set(rows) == {1, 2, 3}
    assert rows[1][2:4] == ("↻ Pågående", "◷ Försenad") and rows[1][5] == "Ny status"
    assert rows[2][5] == "Ny bedömning, samma status"
    assert rows[3][2] == "? Ej bedömd" and rows[3][3] == "✓ Genomförd"


def test_indicator_changes_count_new_and_changed_values_as_shown():
    ch = changes(OLD, NEW)
    by_id = ch.indicators.set_index("id")
    assert by_id.loc["bra_total_antal", "Nya värden"] == 1
    assert by_id.loc["bra_total_antal", "Ändrade värden"] == 1  # 2025: 11 500 prel. → 11 800 final
    assert by_id.loc["bra_total_antal", "Senaste period nu"] == "2026"
    detail = ch.indicator_values
    row = detail[detail["Period"] == "2025"].iloc[0]
    assert row["Förut"] == "11\u00a0500 (prel.)" and row["Nu"] == "11\u00a0800"
    # 3 → 4 inside a hidden cell is not a visible change and is not reported
    assert "bra_person_antal" not in set(by_id.index)
    assert not detail.astype(str).isin(["3", "4"]).any().any()


def test_activity_changes():
    ch = changes(OLD, NEW)
    kinds = dict(zip(ch.activities["Aktivitet"], ch.activities["Ändring"]))
    assert kinds == {"Trygghetsvandring i Vårby": "Status ändrad", "Föräldramöten": "Ändrad", "Ny aktivitet": "Ny"}
    assert "3 reformer har nya bedömningar (2 med ändrad status)" in ch.summary()


def test_no_changes_between_a_picture_and_its_own_snapshot():
    blob, _ = to_payload(NEW)
    ch = changes(NEW, from_payload(blob))
    assert ch.empty and "Inget har ändrats" in ch.summary()


def test_since_last_view_uses_the_previous_snapshot():
    ctx = agenda.MeetingContext(title="Nu", meeting_date=date(2026, 6, 1), actions=pd.DataFrame(),
                               previous_title="Förra", previous_date=date(2026, 3, 1), previous_picture=OLD)
    vc = agenda.build(NEW, "mote", {"vy": "sedan"}, "sv", ctx)
    assert [t.title for t in vc.tables] == ["Reformer med nya bedömningar", "Indikatorer med nya eller ändrade värden",
                                            "Nya och ändrade aktiviteter"]
    assert all(t.provenance is not None for t in vc.tables)
    nothing = agenda.build(NEW, "mote", {"vy": "sedan"}, "sv", agenda.MeetingContext("Nu", date(2026, 6, 1), pd.DataFrame()))
    assert "inget tidigare fryst möte" in nothing.summary
