"""Partners, focus areas and reforms edited in the app (lagesbild.store.reference): checked
with Swedish messages naming the field, audited, all or nothing, refused when stale or when
the actor is not an admin; a rename keeps the old text in history (a frozen meeting still
shows it), a retired entry is offered for nothing new but stays where history names it."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from lagesbild.queries import reference as rv
from lagesbild.domain import SYSTEM_ACTOR as A
from lagesbild.domain import Actor, ActivityStatus, ReformStatus, Role
from lagesbild.errors import ConflictError, PermissionDenied, ValidationError
from lagesbild.picture import load_as_of, load_live
from lagesbild.store import reference as ref
from lagesbild.store import reforms
from lagesbild.store.activities import ActivityInput, create_activity, update_activity
from lagesbild.store.change import committed_version
from lagesbild.store.models import AuditEntry, Partner

EDITOR = Actor("redaktor@example.se", Role.EDITOR, reform_editor=True)


def _seen(store, entity, key) -> int:
    with store.session() as s:
        df = ref.entries(s, entity)
    return int(df.loc[df["id"] == key, "valid_from"].iloc[0])


def _audit(store, action) -> list[AuditEntry]:
    with store.session() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_add_partner_and_focus_area_are_audited_and_chosen_by_name(store):
    with store.transaction() as s:
        pid = ref.add_partner(s, A, ref.PartnerInput("Stiftelsen Trygga Gårdar", "Trygga Gårdar", "förening"))
        fid = ref.add_focus_area(s, A, ref.FocusAreaInput("Trygg skolväg", "Safe way to school", "Vägen till skolan."))
    with store.session() as s:
        pic = load_live(s)
    assert pid == "trygga_gardar"
    assert pic.table("partners").set_index("id").loc[pid, "name"] == "Stiftelsen Trygga Gårdar"
    focus = pic.table("focus_areas").set_index("id")
    assert focus.loc[fid, "sort"] == focus["sort"].max()  # sorted last
    assert pid in rv.choices(pic.table("partners")) and fid in rv.choices(pic.table("focus_areas"))
    assert [e.entity_id for e in _audit(store, "partner.add")] == [pid]
    assert [e.entity_id for e in _audit(store, "focus_area.add")] == [fid]


def test_validation_names_the_field_in_swedish_and_writes_nothing(store):
    with store.session() as s:
        before = s.scalar(select(func.count()).select_from(Partner))
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        ref.add_partner(s, A, ref.PartnerInput("", "P", "kommun"))
    text = str(err.value)
    assert "Parten sparades inte" in text
    assert "kolumn ”namn”: saknas" in text and "kolumn ”kortnamn”: saknas" in text
    with pytest.raises(ValidationError, match="”huddinge kommun” används redan"), store.transaction() as s:
        ref.add_partner(s, A, ref.PartnerInput("huddinge kommun", "Kommunen 2", "kommun"))
    with pytest.raises(ValidationError, match="kolumn ”lydelse \\(svenska\\)”"), store.transaction() as s:
        ref.add_reform(s, A, ref.ReformInput("Kort", "An English wording of ten", "Skola", "Kommunen"))
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Partner)) == before
    assert _audit(store, "partner.add") == []


def test_rename_keeps_the_old_name_for_a_frozen_picture(store):
    with store.session() as s:
        v_before = committed_version(s.connection())
    seen = _seen(store, "partner", "polisen_syd")
    with store.transaction() as s:
        ref.edit_partner(s, A, "polisen_syd", seen, ref.PartnerInput("Polisen, lokalpolisområde Syd", "Polisen", "myndighet"))
    with store.session() as s:
        live = load_live(s).table("partners").set_index("id")
        old = load_as_of(s, v_before, date.today()).table("partners").set_index("id")
    assert live.loc["polisen_syd", "name"] == "Polisen, lokalpolisområde Syd"
    assert old.loc["polisen_syd", "name"] == "Polisen, polisområde Stockholm syd"
    (entry,) = _audit(store, "partner.edit")
    assert entry.detail["changed"]["name"] == {"före": "Polisen, polisområde Stockholm syd",
                                               "efter": "Polisen, lokalpolisområde Syd"}


def test_a_stale_form_is_refused_and_nothing_is_written(store):
    seen = _seen(store, "focus_area", "gang")
    with store.transaction() as s:
        ref.edit_focus_area(s, A, "gang", seen, ref.FocusAreaInput("Gängbrottslighet", "Gang crime"))
    with pytest.raises(ConflictError, match="har ändrats av någon annan"), store.transaction() as s:
        ref.edit_focus_area(s, A, "gang", seen, ref.FocusAreaInput("Gäng", "Gangs"))
    with pytest.raises(ConflictError), store.transaction() as s:
        ref.retire(s, A, "focus_area", "gang", seen)
    with store.session() as s:
        row = ref.entries(s, "focus_area").set_index("id").loc["gang"]
    assert row["name_sv"] == "Gängbrottslighet" and row["retired_at"] is None
    assert len(_audit(store, "focus_area.edit")) == 1 and _audit(store, "focus_area.retire") == []


def test_only_an_admin_may_edit(store):
    seen = _seen(store, "partner", "polisen_syd")
    for who in (EDITOR, Actor("läsare", Role.VIEWER)):
        with pytest.raises(PermissionDenied, match="administr|läsbehörighet"), store.transaction() as s:
            ref.add_partner(s, who, ref.PartnerInput("Ny part AB", "Ny part", "företag"))
        with pytest.raises(PermissionDenied), store.transaction() as s:
            ref.retire(s, who, "partner", "polisen_syd", seen)
    assert _audit(store, "partner.add") == [] and _audit(store, "partner.retire") == []


def _activity(partner="polisen_syd", focus="gang") -> ActivityInput:
    return ActivityInput(title="Trygghetsvandring", partner_id=partner, focus_area_id=focus, status=ActivityStatus.PAGAENDE)


def test_retired_partner_is_offered_for_nothing_new_but_stays_in_old_activities(store):
    with store.transaction() as s:
        act = create_activity(s, A, _activity())
        aid, version = act.id, act.version
    with store.transaction() as s:
        ref.retire(s, A, "partner", "polisen_syd", _seen(store, "partner", "polisen_syd"))
    with store.session() as s:
        pic = load_live(s)
    partners = pic.table("partners")
    assert "polisen_syd" not in rv.choices(partners)
    assert "polisen_syd" in rv.choices(partners, keep="polisen_syd")  # an old activity's form keeps it
    assert rv.names(partners, "name", "sv")["polisen_syd"].endswith("(avslutad)")
    assert rv.names(partners, "name", "en")["polisen_syd"].endswith("(retired)")
    assert "polisen_syd" in set(pic.table("activities")["partner_id"])
    with pytest.raises(ValidationError, match="kolumn ”partner”: ”Polisen, polisområde Stockholm syd” är avslutad"), \
            store.transaction() as s:
        create_activity(s, A, _activity())
    with store.transaction() as s:  # the old activity can still be edited without choosing another partner
        update_activity(s, A, aid, version, replace(_activity(), title="Trygghetsvandring 2"))
    with pytest.raises(ValidationError, match="redan avslutad"), store.transaction() as s:
        ref.retire(s, A, "partner", "polisen_syd", _seen(store, "partner", "polisen_syd"))
    assert len(_audit(store, "partner.retire")) == 1


def test_reform_add_reword_keeps_the_original_and_the_history_and_retire(store):
    with store.transaction() as s:
        rid = ref.add_reform(s, A, ref.ReformInput("Inför läxhjälp på alla fritidsgårdar.", "Homework help at all youth "
                                                   "centres.", "Skola", "Kommunen"))
    with store.session() as s:
        new = reforms.current_reforms(s).set_index("id").loc[rid]
    assert (rid, new["number"], new["status"]) == ("R18", 18, "ej_bedomd")
    r01 = _seen(store, "reform", "R01")
    with store.session() as s:
        original = s.get(ref.Reform, "R01").title_sv
    with store.transaction() as s:
        ref.reword_reform(s, Actor("admin@example.se", Role.ADMIN), "R01", r01, "Stärk likvärdigheten i grundskolan.",
                          "Strengthen equity in compulsory school.")
    with store.transaction() as s:
        ref.retire(s, A, "reform", "R01", _seen(store, "reform", "R01"))  # a later change that is no rewording
    with store.session() as s:
        w = ref.wording(s, "R01")
        assert s.get(ref.Reform, "R01").version == 0  # the assessments' counter is untouched
    assert w.original_sv == original
    (change,) = w.changes
    assert (change.old_sv, change.new_sv, change.by) == (original, "Stärk likvärdigheten i grundskolan.", "admin@example.se")
    assert change.at is not None
    upd = reforms.UpdateInput(ReformStatus.PAGAENDE, date.today(), "Arbetet har startat i tre skolor.", "https://example.se/a", "X")
    with pytest.raises(ValidationError, match="avslutad"), store.transaction() as s:
        reforms.record_update(s, A, "R01", 0, upd)
