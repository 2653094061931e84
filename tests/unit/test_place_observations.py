"""Place observations in the store (issue 13, items 3–4): the note is refused when it holds a
personnummer, a phone number or an e-mail address, or is longer than 500 characters, with a
Swedish message naming what is wrong and nothing written; a reporter files for its own
organisation only; every write audited; the note never enters the picture; a frozen meeting
is unchanged by observations filed after it."""
from datetime import date

import pandas as pd
import pytest
from sqlalchemy import func, select

from lagesbild.domain import SYSTEM_ACTOR, Actor, Role
from lagesbild.errors import PermissionDenied, ValidationError
from lagesbild.picture import load_live
from lagesbild.store import meetings as mt
from lagesbild.store import observations as ob
from lagesbild.store import roles
from lagesbild.store.models import AuditEntry, PlaceObservation

REPORTER = Actor(name="Rapportör Huge", role=Role.REPORTER, partner_id="huge")
COORDINATOR = Actor(name="Samordnare", role=Role.COORDINATOR, partner_id="huddinge_kommun")
TODAY = date(2026, 12, 7)


def good(**change) -> ob.ObservationInput:
    base = dict(partner_id="huge", district_code="0126R001", observed_on=date(2026, 12, 1), time_band="kvall",
                category="klotter", count=3, note="Nytt klotter på gångtunneln vid torget.")
    return ob.ObservationInput(**(base | change))


def _count(s, model=PlaceObservation) -> int:
    return s.scalar(select(func.count()).select_from(model))


def _refused(store, data, actor=REPORTER) -> ValidationError:
    with store.session() as s:
        before = (_count(s), _count(s, AuditEntry))
    with pytest.raises(ValidationError) as err:
        with store.transaction() as s:
            ob.file_observation(s, actor, data, today=TODAY)
    with store.session() as s:
        assert (_count(s), _count(s, AuditEntry)) == before, "nothing may be written"
    return err.value


def test_a_reporter_files_for_its_own_organisation_and_it_is_audited(store):
    with store.transaction() as s:
        oid = ob.file_observation(s, REPORTER, good(), today=TODAY)
    with store.session() as s:
        row = s.get(PlaceObservation, oid)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "observation.file")).one()
    assert (row.partner_id, row.district_code, row.category, row.count, row.author) == (
        "huge", "0126R001", "klotter", 3, "Rapportör Huge")
    assert entry.entity_id == str(oid) and entry.detail["area"] == "0126R001"
    assert "note" not in entry.detail and "gångtunneln" not in str(entry.detail)


@pytest.mark.parametrize("note, what", [
    ("Mannen 850101-1234 stod vid kiosken", "personnummer"),
    ("Anmälare 198501011234", "personnummer"),
    ("Anmälare 19850101-1234", "personnummer"),
    ("Samordningsnummer 850161-1234", "personnummer"),
    ("Ring 070-123 45 67 om mer", "telefonnummer"),
    ("Ring +46 70 123 45 67", "telefonnummer"),
    ("Ring 08-123 456 78", "telefonnummer"),
    ("Skriv till anna.svensson@exempel.se", "e-postadress"),
])
def test_personal_data_in_the_note_is_refused_in_swedish(store, note, what):
    err = _refused(store, good(note=note))
    assert "Iakttagelsen sparades inte" in str(err)
    issue = next(i for i in err.issues if i.column == "anteckning")
    assert what in issue.message and "personuppgifter" in issue.message


@pytest.mark.parametrize("note", [
    "Klotter 2025-03-14 vid 07:30, tre taggar", "Cirka 20 personer mellan 18 och 22", "Lampa nr 1234 trasig",
    "Bänk 12, belysningsstolpe 4711 släckt", "", "Kl. 22.15 brann en container (2 st)",
])
def test_ordinary_notes_pass(note):
    assert ob.personal_data_in(note) == []


def test_a_note_of_more_than_500_characters_is_refused(store):
    err = _refused(store, good(note="x" * 501))
    assert any("501 tecken" in i.message and "500" in i.message for i in err.issues)
    with store.transaction() as s:  # exactly 500 fits
        ob.file_observation(s, REPORTER, good(note="x" * 500), today=TODAY)


def test_every_field_is_checked_at_once_and_nothing_is_written(store):
    err = _refused(store, ob.ObservationInput(partner_id="huge", district_code="prio-flemingsberg",
                                              observed_on=date(2027, 1, 1), time_band="lunch", category="okänd",
                                              count=0, note="ring 0701234567"))
    assert {i.column for i in err.issues} == {"område", "datum", "tid", "kategori", "antal", "anteckning"}


def test_a_reporter_of_another_organisation_is_refused(store):
    polisen = Actor(name="Rapportör Polisen", role=Role.REPORTER, partner_id="polisen_syd")
    with pytest.raises(PermissionDenied, match="egen organisation"):
        with store.transaction() as s:
            ob.file_observation(s, polisen, good(partner_id="huge"), today=TODAY)
    with pytest.raises(PermissionDenied, match="egen organisation"):  # no organisation: none
        with store.transaction() as s:
            ob.file_observation(s, Actor(name="X", role=Role.REPORTER), good(), today=TODAY)
    with store.session() as s:
        assert _count(s) == 0


def test_readers_and_coordinators_file_nothing_and_reporters_write_no_plan(store):
    for actor in (Actor(name="Läsare", role=Role.VIEWER), COORDINATOR):
        with pytest.raises(PermissionDenied, match="kan inte rapportera iakttagelser"):
            with store.transaction() as s:
                ob.file_observation(s, actor, good(), today=TODAY)
    from lagesbild.store import action_plan as ap

    with pytest.raises(PermissionDenied, match="rapportörsbehörighet"):
        with store.transaction() as s:
            ap.create_action(s, REPORTER, ap.PlanActionInput(title="Mer belysning", focus_area_id="trygghet",
                                                             partner_ids=("huge",)))
    with store.transaction() as s:  # the coordinator writes the whole plan, any partner's
        aid = ap.create_action(s, COORDINATOR, ap.PlanActionInput(title="Mer belysning", focus_area_id="trygghet",
                                                                  partner_ids=("huge",)))
        oid = ob.file_observation(s, SYSTEM_ACTOR, good(), today=TODAY)
        ob.link_action(s, COORDINATOR, oid, aid)
    with pytest.raises(PermissionDenied):
        with store.transaction() as s:
            ob.link_action(s, REPORTER, oid, None)
    with store.session() as s:
        assert s.get(PlaceObservation, oid).plan_action_id == aid


def test_the_role_table_takes_the_two_new_roles_and_a_reporter_needs_an_organisation(store):
    with store.transaction() as s:
        roles.set_role(s, SYSTEM_ACTOR, "rapportor@huge.se", Role.REPORTER, partner_id="huge")
        roles.set_role(s, SYSTEM_ACTOR, "samordnare@kommun.se", Role.COORDINATOR)
    with store.session() as s:
        assert roles.actor_for(s, "rapportor@huge.se") == Actor(name="rapportor@huge.se", role=Role.REPORTER, partner_id="huge")
        assert roles.actor_for(s, "samordnare@kommun.se").role == Role.COORDINATOR
    with pytest.raises(ValidationError, match="rapportör måste höra till en organisation"):
        with store.transaction() as s:
            roles.set_role(s, SYSTEM_ACTOR, "x@huge.se", Role.REPORTER)


def test_the_note_never_enters_the_picture(store):
    with store.transaction() as s:
        ob.file_observation(s, REPORTER, good(note="Hemlig anteckning"), today=TODAY)
    with store.session() as s:
        pic = load_live(s)
    table = pic.table("place_observations")
    assert len(table) == 1 and "note" not in table.columns
    assert not table.astype(str).apply(lambda c: c.str.contains("Hemlig")).any().any()


def test_a_frozen_meeting_is_unchanged_by_later_observations(store):
    with store.transaction() as s:
        ob.file_observation(s, REPORTER, good(count=7), today=TODAY)
    with store.transaction() as s:
        mid = mt.create_meeting(s, SYSTEM_ACTOR, mt.MeetingInput("Möte", date(2026, 12, 7), ("huddinge_kommun",)))
        mt.add_item(s, SYSTEM_ACTOR, mid, 1, mt.ItemInput("Läget", "oversikt", {}))
    with store.transaction() as s:
        mt.freeze(s, SYSTEM_ACTOR, mid, mt.get_meeting(s, mid).version)
    with store.session() as s:
        before = mt.load_snapshot(s, mid).table("place_observations").copy()
    with store.transaction() as s:
        ob.file_observation(s, REPORTER, good(count=2, category="brand"), today=TODAY)
        oid = s.scalars(select(PlaceObservation.id).order_by(PlaceObservation.id)).first()
        ob.link_action(s, SYSTEM_ACTOR, oid, None)  # an edit of the frozen row, too
        s.get(PlaceObservation, oid).count = 9
    with store.session() as s:
        after = mt.load_snapshot(s, mid).table("place_observations")
        live = load_live(s).table("place_observations")
    pd.testing.assert_frame_equal(before.reset_index(drop=True), after.reset_index(drop=True))
    assert after["count"].tolist() == [7] and sorted(live["count"].tolist()) == [2, 9]
