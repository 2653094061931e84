"""Meetings in the store: agenda order, locked frozen agenda, version conflicts, permissions,
audit, carried åtgärder, and snapshot isolation (data changed after freezing does not change
what the meeting shows)."""
from datetime import date

import pytest
from sqlalchemy import select

from lagesbild import agenda
from lagesbild.domain import SYSTEM_ACTOR, Actor, ReformStatus, Role
from lagesbild.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from lagesbild.picture import load_live
from lagesbild.store import meetings as mt
from lagesbild.store import reforms
from lagesbild.store.models import AuditEntry

A = SYSTEM_ACTOR
EDITOR = Actor(name="Redaktör", role=Role.EDITOR)
VIEWER = Actor(name="Läsare", role=Role.VIEWER)
ITEMS = [
    ("Läget i korthet", "oversikt", {}),
    ("Försenade reformer", "reformer", {"status": ["forsenad"]}),
    ("Gängkriminalitet", "fokusomraden", {"fokus": "gang"}),
    ("Vårby", "omraden", {"omrade": "prio-varby"}),
    ("Händelser 2025", "karta", {"matt": "handelser", "period": "2025"}),
]


def make_meeting(store, title="Samverkansmöte", day=date(2026, 11, 30), items=ITEMS) -> int:
    with store.transaction() as s:
        mid = mt.create_meeting(s, A, mt.MeetingInput(title, day, ("huddinge_kommun", "polisen_syd")))
        for n, (t, slug, params) in enumerate(items, start=1):
            mt.add_item(s, A, mid, n, mt.ItemInput(t, slug, params))
    return mid


def version(store, mid) -> int:
    with store.session() as s:
        return mt.get_meeting(s, mid).version


def titles(store, mid) -> list[str]:
    with store.session() as s:
        return [it.title for it in mt.get_meeting(s, mid).items]


def test_create_validates_in_swedish(store):
    with pytest.raises(ValidationError) as err:
        with store.transaction() as s:
            mt.create_meeting(s, A, mt.MeetingInput("", date(2026, 11, 30), ("finns_inte",)))
    text = str(err.value)
    assert "titel" in text and "finns_inte" in text and "huddinge_kommun" in text
    with store.session() as s:
        assert mt.meetings_frame(s).empty


def test_agenda_add_move_reorder_remove(store):
    mid = make_meeting(store)
    assert titles(store, mid) == [t for t, _, _ in ITEMS]
    with store.session() as s:
        ids = [it.id for it in mt.get_meeting(s, mid).items]
    with store.transaction() as s:
        mt.move_item(s, A, mid, version(store, mid), ids[4], -1)  # last one up
    assert titles(store, mid)[3:] == ["Händelser 2025", "Vårby"]
    with store.transaction() as s:
        mt.reorder(s, A, mid, version(store, mid), list(reversed(ids)))
    assert titles(store, mid) == [t for t, _, _ in reversed(ITEMS)]
    with store.transaction() as s:
        mt.remove_item(s, A, mid, version(store, mid), ids[2])
    with store.session() as s:
        m = mt.get_meeting(s, mid)
    assert [it.position for it in m.items] == [1, 2, 3, 4]
    assert "Gängkriminalitet" not in [it.title for it in m.items]
    with pytest.raises(ValidationError):
        with store.transaction() as s:
            mt.reorder(s, A, mid, m.version, [it.id for it in m.items][:2])


def test_item_validation_names_the_page(store):
    mid = make_meeting(store, items=[])
    with pytest.raises(ValidationError) as err:
        with store.transaction() as s:
            mt.add_item(s, A, mid, 1, mt.ItemInput("Tillgänglighet", "tillganglighet", {}))
    assert "tillganglighet" in str(err.value) and "reformer" in str(err.value)


def test_stale_version_is_a_conflict_and_writes_nothing(store):
    mid = make_meeting(store)
    stale = version(store, mid)
    with store.transaction() as s:
        mt.add_item(s, A, mid, stale, mt.ItemInput("Data", "data", {}))
    with pytest.raises(ConflictError) as err:
        with store.transaction() as s:
            mt.add_item(s, A, mid, stale, mt.ItemInput("Om", "om", {}))
    assert "ändrats av någon annan" in str(err.value)
    assert titles(store, mid)[-1] == "Data" and len(titles(store, mid)) == 6


def test_frozen_agenda_is_locked_but_decisions_can_be_recorded(store):
    mid = make_meeting(store)
    with store.transaction() as s:
        man = mt.freeze(s, A, mid, version(store, mid))
    v = version(store, mid)
    with store.session() as s:
        first = mt.get_meeting(s, mid).items[0].id
    for write in (lambda s: mt.add_item(s, A, mid, v, mt.ItemInput("Sent", "data", {})),
                  lambda s: mt.move_item(s, A, mid, v, first, 1),
                  lambda s: mt.remove_item(s, A, mid, v, first),
                  lambda s: mt.update_meeting(s, A, mid, v, mt.MeetingInput("Ny titel", date(2026, 12, 1)))):
        with pytest.raises(mt.MeetingLocked):
            with store.transaction() as s:
                write(s)
    with store.transaction() as s:
        mt.add_action(s, A, mid, mt.ActionInput("beslut", "Vi antar lägesbilden.", agenda_item_id=first))
    assert titles(store, mid) == [t for t, _, _ in ITEMS]
    assert man["app_version"] and man["as_of"] and len(man["agenda"]) == 5
    assert {"observations", "reforms", "police_events"} <= set(man["tables"])
    assert all(len(t["sha256"]) == 64 for t in man["tables"].values())
    by_id = {x["id"]: x for x in man["sources"]}
    assert by_id["bra_sol"]["data_tom"] >= "2025-12-31" and by_id["bra_sol"]["data_type"] == "anmalda_brott"


def test_permission_is_checked_in_the_store(store):
    mid = make_meeting(store)
    v = version(store, mid)
    for write in (lambda s: mt.create_meeting(s, VIEWER, mt.MeetingInput("Möte", date(2026, 1, 1))),
                  lambda s: mt.add_item(s, VIEWER, mid, v, mt.ItemInput("Data", "data", {})),
                  lambda s: mt.freeze(s, VIEWER, mid, v),
                  lambda s: mt.add_action(s, VIEWER, mid, mt.ActionInput("beslut", "Något beslut"))):
        with pytest.raises(PermissionDenied):
            with store.transaction() as s:
                write(s)
    with store.transaction() as s:  # an editor may
        mt.add_item(s, EDITOR, mid, v, mt.ItemInput("Data", "data", {}))


def test_writes_are_audited(store):
    mid = make_meeting(store)
    with store.transaction() as s:
        mt.freeze(s, A, mid, version(store, mid))
    with store.session() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "meeting", AuditEntry.entity_id == str(mid))))
    assert actions[0] == "meeting.create" and actions.count("meeting.item.add") == 5 and actions[-1] == "meeting.freeze"


def test_meeting_writes_do_not_move_the_as_of_date(store):
    """Editing an agenda is not a change of the data: "Lägesbild per" stays where it was."""
    from lagesbild.picture import data_version
    from lagesbild.store.meta import as_of

    with store.session() as s:
        before, version_before = as_of(s), data_version(s)
    make_meeting(store)
    with store.session() as s:
        assert as_of(s) == before and data_version(s) == version_before


def test_open_actions_are_carried_to_the_next_meeting(store):
    first = make_meeting(store, "Oktobermötet", date(2026, 10, 15), items=ITEMS[:1])
    with store.transaction() as s:
        mt.add_action(s, A, first, mt.ActionInput("beslut", "Beslut som inte förs vidare."))
        open_id = mt.add_action(s, A, first, mt.ActionInput("atgard", "Polisen tar fram en lägesbild.", "Polisen", date(2026, 11, 1)))
        done_id = mt.add_action(s, A, first, mt.ActionInput("atgard", "Redan klar åtgärd.", "Kommunen"))
        mt.set_action_done(s, A, done_id, True)
    second = make_meeting(store, "Novembermötet", date(2026, 11, 30), items=ITEMS[:1])
    with store.session() as s:
        acts = mt.actions_frame(s, second)
        assert mt.previous_meeting_id(s, second) == first
    assert acts["text"].tolist() == ["Polisen tar fram en lägesbild."]
    assert acts["carried_from"].tolist() == [open_id] and acts["carried_from_meeting"].tolist() == [first]
    with store.transaction() as s:
        assert mt.carry_open_actions(s, A, second) == 0  # idempotent
        mt.set_action_done(s, A, int(acts["id"].iloc[0]), True)
    with store.session() as s:
        ctx = mt.context(s, second)
    vc = agenda.build(None, "mote", {"vy": "atgarder"}, "sv", ctx)
    assert "1 åtgärd från Oktobermötet" in vc.summary and "1 är klar" in vc.summary


def test_action_validation(store):
    mid = make_meeting(store, items=[])
    with pytest.raises(ValidationError) as err:
        with store.transaction() as s:
            mt.add_action(s, A, mid, mt.ActionInput("atgard", "x", ""))
    assert "texten" in str(err.value) and "ansvarig" in str(err.value)
    with pytest.raises(NotFound):
        with store.transaction() as s:
            mt.set_action_done(s, A, 999_999, True)


def _status_r01(picture) -> str:
    from lagesbild.queries import reforms as rq

    return rq.current(picture).set_index("id").loc["R01", "status"]


def test_snapshot_isolation_data_changed_after_freezing(store):
    """The frozen picture and every view built from it stay as they were at freezing."""
    with store.transaction() as s:
        reforms.record_update(s, A, "R01", 0, reforms.UpdateInput(
            ReformStatus.PAGAENDE, date(2026, 2, 1), "Arbetet har startat i nämnden.", "https://www.huddinge.se/a", "Test"))
    mid = make_meeting(store, items=ITEMS + [("R01", "reformer", {"reform": "R01"})])
    with store.transaction() as s:
        mt.freeze(s, A, mid, version(store, mid))
    with store.session() as s:
        before = mt.load_snapshot(s, mid)
    views_before = {slug + str(p): agenda.build(before, slug, p) for _t, slug, p in ITEMS + [("", "reformer", {"reform": "R01"})]}

    # New data after the meeting was frozen: a new assessment and a changed observation.
    with store.transaction() as s:
        reforms.record_update(s, A, "R01", 1, reforms.UpdateInput(
            ReformStatus.FORSENAD, date(2026, 3, 1), "Försenat på grund av upphandlingen.", "https://www.huddinge.se/b", "Test"))
        from lagesbild.store.models import Observation

        obs = s.scalars(select(Observation).where(Observation.indicator_id == "bra_total_per100k")).all()
        for o in obs:
            o.value = (o.value or 0) + 1000
    with store.session() as s:
        live = load_live(s)
        after = mt.load_snapshot(s, mid)
    assert _status_r01(live) == "forsenad"
    assert _status_r01(after) == "pagaende"
    for key, vc in views_before.items():
        again = agenda.build(after, vc.page_slug, vc.params)
        assert again.summary == vc.summary, key
        for a, b in zip(again.tables, vc.tables):
            assert a.table.equals(b.table), key
    live_overview = agenda.build(live, "oversikt", {})
    assert live_overview.tables[0].table.to_string() != views_before["oversikt{}"].tables[0].table.to_string()
