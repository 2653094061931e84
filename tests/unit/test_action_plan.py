"""The åtgärdsplan in the store: create, validation (Swedish, naming the field, nothing
written), status history appended never overwritten, version conflicts, permissions, and one
concept of åtgärd with the meetings (an åtgärd recorded at a meeting is a plan entry)."""
from datetime import date

import pytest
from sqlalchemy import func, select

from lagesbild.queries import plan as pv
from lagesbild.domain import SYSTEM_ACTOR, ActivityStatus, Actor, Role
from lagesbild.errors import ConflictError, PermissionDenied, ValidationError
from lagesbild.picture import load_live
from lagesbild.store import action_plan as ap
from lagesbild.store import meetings as mt
from lagesbild.store.models import AuditEntry, MeetingAction, PlanAction, PlanActionUpdate

A = SYSTEM_ACTOR
HUGE_EDITOR = Actor(name="Huge-redaktör", role=Role.EDITOR, partner_id="huge")
VIEWER = Actor(name="Läsare", role=Role.VIEWER)
GOOD = ap.PlanActionInput(
    title="Trygghetsvandringar i Flemingsberg", focus_area_id="trygghet", area_codes=("prio-flemingsberg",),
    indicator_ids=("bra_total_per100k",), partner_ids=("huge",), start_date=date(2024, 1, 1), end_date=date(2025, 12, 31),
    reform_ids=("R01",), effect_indicator_id="bra_total_per100k", effect_direction="minska", effect_horizon="2026",
)


def _count(s, model) -> int:
    return s.scalar(select(func.count()).select_from(model))


def test_create_records_the_problem_the_effect_and_a_first_status(store):
    with store.transaction() as s:
        aid = ap.create_action(s, A, GOOD)
    with store.session() as s:
        plan = ap.plan_frame(s)
        hist = ap.history_frame(s, aid)
        audits = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "plan_action")).all()
    row = plan.set_index("id").loc[aid]
    assert row["focus_area_id"] == "trygghet" and row["area_codes"] == ["prio-flemingsberg"]
    assert row["indicator_ids"] == ["bra_total_per100k"] and row["partner_ids"] == ["huge"]
    assert (row["effect_direction"], row["effect_horizon"], row["status"]) == ("minska", "2026", "planerad")
    assert hist["status"].tolist() == ["planerad"] and hist["seq"].tolist() == [1]
    assert audits == ["plan.create"]


def test_validation_names_every_field_in_swedish_and_writes_nothing(store):
    bad = ap.PlanActionInput(title="x", focus_area_id=None, area_codes=("nowhere",), indicator_ids=("no_such",),
                             start_date=date(2025, 6, 1), end_date=date(2025, 1, 1), reform_ids=("R99",),
                             effect_indicator_id="bra_total_per100k", effect_direction="upp", effect_horizon="snart")
    with store.session() as s:
        before = (_count(s, PlanAction), _count(s, PlanActionUpdate), _count(s, AuditEntry))
    with pytest.raises(ValidationError) as err:
        with store.transaction() as s:
            ap.create_action(s, A, bad)
    columns = {i.column for i in err.value.issues}
    assert columns >= {"titel", "fokusområde", "områden", "indikatorer", "ansvariga parter", "period", "reformer",
                       "riktning", "horisont"}
    assert "Åtgärden sparades inte" in str(err.value) and "titeln saknas" in str(err.value)
    with store.session() as s:
        assert (_count(s, PlanAction), _count(s, PlanActionUpdate), _count(s, AuditEntry)) == before


def test_an_effect_needs_indicator_direction_and_horizon_together(store):
    with pytest.raises(ValidationError) as err:
        with store.transaction() as s:
            ap.create_action(s, A, ap.PlanActionInput(title="Belysning i gångtunnlar", focus_area_id="trygghet",
                                                      owner="Gatuenheten", effect_direction="oka"))
    assert {i.column for i in err.value.issues} == {"förväntad effekt", "horisont"}
    assert ap.horizon_date("2027") == date(2027, 12, 31) and ap.horizon_date("2027-06-30") == date(2027, 6, 30)
    assert ap.horizon_date("2027-02-30") is None and ap.horizon_date("27") is None


def test_status_history_is_appended_and_a_stale_version_is_refused(store):
    with store.transaction() as s:
        aid = ap.create_action(s, A, GOOD)
    with store.transaction() as s:
        assert ap.record_status(s, A, aid, 1, ActivityStatus.PAGAENDE, "Första vandringen gjord.") == 2
    with pytest.raises(ConflictError) as err:
        with store.transaction() as s:
            ap.record_status(s, A, aid, 1, ActivityStatus.AVBRUTEN)  # someone saw version 1 too
    assert "har ändrats av någon annan" in str(err.value)
    with store.transaction() as s:
        ap.record_status(s, A, aid, 2, ActivityStatus.GENOMFORD)
    with store.session() as s:
        hist = ap.history_frame(s, aid)
        assert ap.current_status(s, aid) == ActivityStatus.GENOMFORD
    assert hist["status"].tolist() == ["planerad", "pagaende", "genomford"] and hist["seq"].tolist() == [1, 2, 3]
    assert hist["note"].tolist()[1] == "Första vandringen gjord."


def test_permissions(store):
    with pytest.raises(PermissionDenied):
        with store.transaction() as s:
            ap.create_action(s, VIEWER, GOOD)
    police = ap.PlanActionInput(**{**GOOD.__dict__, "partner_ids": ("polisen_syd",)})
    with pytest.raises(PermissionDenied):
        with store.transaction() as s:
            ap.create_action(s, HUGE_EDITOR, police)
    with store.transaction() as s:
        aid = ap.create_action(s, HUGE_EDITOR, GOOD)
    with pytest.raises(PermissionDenied):
        with store.transaction() as s:
            ap.record_status(s, VIEWER, aid, 1, ActivityStatus.PAGAENDE)


def test_a_meeting_atgard_is_a_plan_entry_and_done_follows_the_plan(store):
    with store.transaction() as s:
        first = mt.create_meeting(s, A, mt.MeetingInput("Oktobermötet", date(2026, 10, 15)))
        decision = mt.add_action(s, A, first, mt.ActionInput("beslut", "Lägesbilden fastställs."))
        row_id = mt.add_action(s, A, first, mt.ActionInput("atgard", "Polisen tar fram en lägesbild.", "Polisen",
                                                           date(2026, 11, 1)))
    with store.session() as s:
        row = s.get(MeetingAction, row_id)
        assert s.get(MeetingAction, decision).plan_action_id is None  # a decision is not an åtgärd
        entry = s.get(PlanAction, row.plan_action_id)
        assert (entry.title, entry.owner, entry.end_date, entry.meeting_id) == (
            "Polisen tar fram en lägesbild.", "Polisen", date(2026, 11, 1), first)
    with store.transaction() as s:
        second = mt.create_meeting(s, A, mt.MeetingInput("Novembermötet", date(2026, 11, 30)))
    with store.session() as s:
        carried = mt.actions_frame(s, second)
        copy = s.get(MeetingAction, int(carried["id"].iloc[0]))
        assert copy.plan_action_id == entry.id  # carried: the same åtgärd, not a new plan entry
        assert _count(s, PlanAction) == 1
    with store.transaction() as s:
        mt.set_action_done(s, A, copy.id, True)
    with store.session() as s:
        assert ap.current_status(s, entry.id) == ActivityStatus.GENOMFORD
        assert all(s.get(MeetingAction, i).done for i in (row_id, copy.id))
    with store.transaction() as s:
        ap.record_status(s, A, entry.id, 2, ActivityStatus.PAGAENDE, "Öppnad igen i planen.")
    with store.session() as s:
        assert not mt.actions_frame(s, second)["done"].any()  # the meeting shows the plan's status
        assert ap.history_frame(s, entry.id)["status"].tolist() == ["planerad", "genomford", "pagaende"]


def test_follow_up_before_and_after_the_start_and_the_summary(store):
    with store.transaction() as s:
        ap.create_action(s, A, GOOD)
        ap.create_action(s, A, ap.PlanActionInput(title="Utan indikator", focus_area_id="gang", owner="Kommunen"))
    with store.session() as s:
        pic, plan = load_live(s), ap.plan_frame(s)
    row = plan[plan["title"] == GOOD.title].iloc[0]
    f = pv.follow_up(pic, row)
    assert not f.empty and set(f["indicator_id"]) == {"bra_total_per100k"}
    first = f.iloc[0]
    assert first["before_period"] < "2024" <= first["after_period"]  # newest before the start, newest after it
    summary = pv.summary(pic, plan)
    assert (summary.total, summary.followed, summary.without_indicator) == (2, 1, 1)
    assert summary.text("sv").startswith("**Åtgärder i planen: 2**")
    assert pv.apply_filter(plan, pv.PlanFilter(area=("prio-flemingsberg",)))["title"].tolist() == [GOOD.title]
    assert pv.apply_filter(plan, pv.PlanFilter(status=("genomford",))).empty



def test_follow_up_hides_a_small_count(store):
    """The follow-up reads through the pages' protection: a count under the limit after the
    start is hidden (shown as ..), never its value."""
    from sqlalchemy import insert

    from lagesbild.queries import indicators as iv
    from lagesbild.importers.base import period_end
    from lagesbild.registry.indicators import indicator
    from lagesbild.store.models import Observation

    ind = "partner_skadegorelse_arenden"
    rows = [("0126R001", "2025K2", 1250), ("0126R001", "2025K3", 1261), ("0126R001", "2025K4", 3),
            ("0126R002", "2025K4", 1301), ("0126", "2025K3", 2562), ("0126", "2025K4", 1306)]
    with store.transaction() as s:
        s.execute(insert(Observation), [
            {"indicator_id": ind, "area_code": a, "period": p, "period_end": period_end(p), "value": float(v),
             "status": "ok", "gender": "T", "partner_id": "huge"} for a, p, v in rows])
        ap.create_action(s, A, ap.PlanActionInput(title="Klotterplank", focus_area_id="trygghet", area_codes=("0126R001",),
                                                  indicator_ids=(ind,), owner="Huge", start_date=date(2025, 10, 1)))
    with store.session() as s:
        pic, row = load_live(s), ap.plan_frame(s).iloc[0]
    f = pv.follow_up(pic, row).iloc[0]
    assert (f["before_period"], f["before_value"]) == ("2025K3", 1261.0)
    assert f["after_period"] == "2025K4" and f["after_suppressed"] and f["after_value"] != 3.0
    assert iv.value_text(f["after_value"], f["after_suppressed"], indicator(ind), "sv") == ".."


def test_the_plan_is_not_picture_data(store):
    """Writing the plan neither moves "Lägesbild per" nor empties the picture cache."""
    from lagesbild.picture import data_version
    from lagesbild.store.meta import as_of

    with store.session() as s:
        before = (as_of(s), data_version(s))
    with store.transaction() as s:
        aid = ap.create_action(s, A, GOOD)
        ap.record_status(s, A, aid, 1, ActivityStatus.PAGAENDE)
    with store.session() as s:
        assert (as_of(s), data_version(s)) == before


def test_a_deleted_draft_meeting_leaves_its_atgarder_in_the_plan(store):
    with store.transaction() as s:
        mid = mt.create_meeting(s, A, mt.MeetingInput("Utkastet", date(2026, 12, 1)))
        mt.add_action(s, A, mid, mt.ActionInput("atgard", "Kartlägg belysningen.", "Gatuenheten"))
    with store.transaction() as s:
        mt.delete_meeting(s, A, mid, mt.get_meeting(s, mid).version)
    with store.session() as s:
        plan = ap.plan_frame(s)
        assert plan["title"].tolist() == ["Kartlägg belysningen."] and plan["meeting_id"].isna().all()
        assert ap.history_frame(s, int(plan["id"].iloc[0]))["status"].tolist() == ["planerad"]


def test_an_atgard_from_a_meeting_is_tied_to_its_problem_later(store):
    """Update: version-checked, validated like a new one, the history and the meeting's own
    record untouched."""
    with store.transaction() as s:
        mid = mt.create_meeting(s, A, mt.MeetingInput("Oktobermötet", date(2026, 10, 15)))
        row_id = mt.add_action(s, A, mid, mt.ActionInput("atgard", "Kartlägg belysningen.", "Gatuenheten"))
        pid = s.get(MeetingAction, row_id).plan_action_id
    with store.session() as s:
        data = ap.input_of(s.get(PlanAction, pid))
    tied = ap.PlanActionInput(**{**data.__dict__, "focus_area_id": "trygghet", "area_codes": ("prio-flemingsberg",),
                                 "indicator_ids": ("bra_total_per100k",)})
    with pytest.raises(ValidationError) as err:
        with store.transaction() as s:
            ap.update_action(s, A, pid, 1, ap.PlanActionInput(**{**tied.__dict__, "title": ""}))
    assert {i.column for i in err.value.issues} == {"titel"}
    with store.transaction() as s:
        assert ap.update_action(s, A, pid, 1, tied) == 2
    with pytest.raises(ConflictError):
        with store.transaction() as s:
            ap.update_action(s, A, pid, 1, tied)
    with store.session() as s:
        entry = s.get(PlanAction, pid)
        assert (entry.focus_area_id, entry.indicator_ids, entry.meeting_id) == ("trygghet", ["bra_total_per100k"], mid)
        assert ap.history_frame(s, pid)["status"].tolist() == ["planerad"]
        assert s.get(MeetingAction, row_id).text == "Kartlägg belysningen."
        changed = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "plan.update")).one()["changed"]
    assert changed == ["area_codes", "focus_area_id", "indicator_ids"]


def test_an_activity_is_a_plan_entry_and_either_side_writes_both(store):
    """One concept of åtgärd: an activity of the samverkansöverenskommelse is an entry of the
    plan. Written as an activity (form, import) its entry follows; a status or edit in the plan
    reaches the activity row the picture (and a frozen meeting) reads."""
    from lagesbild.store.activities import ActivityInput, create_activity, update_activity
    from lagesbild.store.models import Activity

    walk = ActivityInput(title="Trygghetsvandring i Skogås", partner_id="huge", focus_area_id="trygghet",
                         status=ActivityStatus.PLANERAD, district_code="prio-skogas", start_date=date(2026, 3, 1),
                         follow_up="")
    with store.transaction() as s:
        act_id = create_activity(s, A, walk).id
    with store.session() as s:
        entry = s.scalars(select(PlanAction).where(PlanAction.activity_id == act_id)).one()
        assert (entry.title, entry.focus_area_id, entry.area_codes, entry.partner_ids, entry.start_date) == (
            walk.title, "trygghet", ["prio-skogas"], ["huge"], date(2026, 3, 1))
        assert ap.history_frame(s, entry.id)["status"].tolist() == ["planerad"]
        pid = entry.id
    with store.transaction() as s:  # the activity form: a new status with its follow-up
        update_activity(s, A, act_id, 1, ActivityInput(**{**walk.__dict__, "status": ActivityStatus.PAGAENDE,
                                                          "follow_up": "Första vandringen gjord."}))
    with store.session() as s:
        hist = ap.history_frame(s, pid)
        assert hist["status"].tolist() == ["planerad", "pagaende"] and hist["note"].iloc[-1] == "Första vandringen gjord."
        version = s.get(PlanAction, pid).version
    with store.transaction() as s:  # the plan: closed, with a note
        ap.record_status(s, HUGE_EDITOR, pid, version, ActivityStatus.GENOMFORD, "Alla tre vandringar gjorda.")
    with store.session() as s:
        act = s.get(Activity, act_id)
        assert (act.status, act.follow_up, act.version) == ("genomford", "Alla tre vandringar gjorda.", 3)
        data = ap.input_of(s.get(PlanAction, pid))
        version = s.get(PlanAction, pid).version
    two = ap.PlanActionInput(**{**data.__dict__, "partner_ids": ("huge", "polisen_syd"),
                                "area_codes": ("prio-skogas", "prio-varby")})
    with pytest.raises(ValidationError) as err:  # an activity has one partner and one area
        with store.transaction() as s:
            ap.update_action(s, A, pid, version, two)
    assert {i.column for i in err.value.issues} == {"ansvariga parter", "områden"}
    renamed = ap.PlanActionInput(**{**data.__dict__, "title": "Trygghetsvandringar i Skogås",
                                    "indicator_ids": ("bra_total_per100k",)})
    with store.transaction() as s:
        ap.update_action(s, A, pid, version, renamed)
    with store.session() as s:
        assert s.get(Activity, act_id).title == "Trygghetsvandringar i Skogås"
        assert ap.history_frame(s, pid)["status"].tolist() == ["planerad", "pagaende", "genomford"]
        assert s.scalar(select(func.count()).select_from(PlanAction)) == 1  # never a second entry


def test_migration_0008_gives_every_activity_its_entry(tmp_path):
    from alembic import command
    from sqlalchemy import text

    from lagesbild.store.db import alembic_config, make_engine, migrate

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO data_version (id, current, store_id) VALUES (1, 1, 'x') ON CONFLICT DO NOTHING"))
        conn.execute(text("INSERT INTO partner (id, name, short_name, kind, valid_from) VALUES ('huge', 'Huge', 'Huge', 'x', 1)"))
        conn.execute(text("INSERT INTO focus_area (id, sort, name_sv, name_en, scope_sv, scope_en, valid_from) "
                          "VALUES ('gang', 1, 'Gäng', 'Gangs', '', '', 1)"))
        conn.execute(text("INSERT INTO activity (id, title, description, partner_id, focus_area_id, district_code, status, "
                          "start_date, end_date, follow_up, version, updated_at, updated_by, valid_from) VALUES "
                          "(7, 'Föräldravandring', '', 'huge', 'gang', NULL, 'pagaende', '2026-01-01', NULL, "
                          "'Två vandringar gjorda.', 2, '2026-02-01 10:00:00', 'Anna', 1)"))
    migrate(engine)
    with engine.connect() as conn:
        entry = conn.execute(text("SELECT * FROM plan_action")).one()
        hist = conn.execute(text("SELECT seq, status, note, recorded_by FROM plan_action_update")).all()
    assert (entry.activity_id, entry.title, entry.focus_area_id, entry.partner_ids, entry.area_codes) == (
        7, "Föräldravandring", "gang", '["huge"]', "[]")
    assert hist == [(1, "pagaende", "Två vandringar gjorda.", "Anna")]
