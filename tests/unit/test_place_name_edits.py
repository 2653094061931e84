"""The place-name gazetteer edited in the app (lagesbild.store.place_names): a new place or a
new spelling places the stored notices that name it at once, in the same transaction; the
file keeps its comments; a frozen meeting keeps its placement; bad input, the kommun's own
name, a stale form and a non-admin change nothing."""
from __future__ import annotations

import pytest

from lagesbild import overrides
from lagesbild.domain import SYSTEM_ACTOR as A
from lagesbild.domain import Actor, Role
from lagesbild.errors import ConflictError, PermissionDenied, ValidationError
from lagesbild.importers import places
from lagesbild.picture import load_as_of, load_live
from lagesbild.store import definitions
from lagesbild.store import place_names as pn
from lagesbild.store.models import PoliceEvent


def _notice(store, summary: str) -> int:
    with store.transaction() as s:
        s.add(PoliceEvent(id=990001, occurred_at=__import__("datetime").datetime(2026, 5, 1, 22), type="Brand",
                          name="1 maj 22.00, Brand, Huddinge", summary=summary, url="/x", location_name="Huddinge",
                          kommun="Huddinge", district=places.district_from_text(summary)))
    return 990001


def _district(store, eid: int) -> str | None:
    with store.session() as s:
        return s.get(PoliceEvent, eid).district


def test_a_new_place_places_the_notices_that_name_it(store):
    eid = _notice(store, "Brand i en bod vid Kvarnbergsplan under kvällen.")
    assert _district(store, eid) is None
    with store.session() as s:
        before = load_live(s)
    recorded = definitions.current()
    seen, _ = pn.current()
    with store.transaction() as s:
        moved = pn.save(s, A, None, pn.PlaceInput("Kvarnbergsplan", ("Kvarnbergsplanen",), ("0126R012",),
                                                  note="Torget i Sjödalen."), seen)
    assert moved >= 1 and _district(store, eid) == "Kvarnbergsplan"
    assert places.place("Kvarnbergsplan").regso == ("0126R012",)
    assert "place_names" in definitions.changed_since(recorded)
    assert "# Place names in the kommun" in places.places_file().read_text(encoding="utf-8")  # the comments stay
    with store.session() as s:
        frozen = load_as_of(s, before.version, before.as_of)
    ev = frozen.table("police_events").set_index("id")
    assert ev.loc[eid, "district"] is None or ev.loc[eid, "district"] != ev.loc[eid, "district"]  # as it was


def test_a_renamed_place_keeps_its_parts_and_its_notices(store):
    eid = _notice(store, "Inbrott i en lägenhet i Visättra på förmiddagen.")
    assert _district(store, eid) == "Visättra"
    seen, table = pn.current()
    old = table["Flemingsberg"]
    with store.transaction() as s:
        pn.save(s, A, "Flemingsberg", pn.PlaceInput("Flemingsberg", ("Flemmingsberg",), old.regso), seen)
    assert places.place("Visättra").within == "Flemingsberg"
    assert places.district_from_text("Stöld i Flemmingsberg") == "Flemingsberg"  # the new spelling places notices


def test_bad_input_is_named_in_swedish_and_changes_nothing(store):
    seen, _ = pn.current()
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        pn.save(s, A, None, pn.PlaceInput("Huddinge", ("Visättra",), (), within="Ingenstans"), seen)
    text = str(err.value)
    assert "kommunens eget namn" in text and "används redan av ortnamnet ”Visättra”" in text
    assert "Den större orten ”Ingenstans” finns inte" in text
    with pytest.raises(ValidationError, match="Välj distrikten orten ligger i"), store.transaction() as s:
        pn.save(s, A, None, pn.PlaceInput("Ny plats"), seen)
    assert pn.current()[0] == seen and overrides.in_force() == {}


def test_a_stale_form_and_a_non_admin_are_refused(store):
    seen, _ = pn.current()
    with store.transaction() as s:
        pn.save(s, A, None, pn.PlaceInput("Kvarnbergsplan", (), ("0126R012",)), seen)
    with pytest.raises(ConflictError), store.transaction() as s:
        pn.save(s, A, None, pn.PlaceInput("Sjödalstorget", (), ("0126R012",)), seen)
    with pytest.raises(PermissionDenied), store.transaction() as s:
        pn.save(s, Actor("r@example.se", Role.EDITOR), None, pn.PlaceInput("Sjödalstorget", (), ("0126R012",)),
                pn.current()[0])
    assert "Sjödalstorget" not in places.places()
