"""AppTests of the Iakttagelser page: a reporter (OIDC, role table) files for its own
organisation only; a note with a personnummer is refused in Swedish and every input is kept;
the weekly picture appears with reports beside the observations and no verdict; a reader sees
no form; the page is Swedish throughout."""
from __future__ import annotations

from datetime import date

import pytest

from lagesbild.config import settings
from lagesbild.domain import SYSTEM_ACTOR, Role
from lagesbild.store import roles
from lagesbild.store.db import Store
from tests.apptest.test_access import open_as
from tests.apptest.helpers import open_page, texts
from tests.apptest.test_swedish_ui import FORBIDDEN, english_words, shown_texts

REPORTER = {"is_logged_in": True, "email": "rapportor@huge.se", "name": "Rita Rapportör"}


def key(name: str) -> str:
    return f"obs_form_{name}"


@pytest.fixture
def oidc(fresh_app_db, monkeypatch):
    monkeypatch.setenv("LAGESBILD_AUTH", "oidc")
    settings.cache_clear()
    st_ = Store.open(fresh_app_db)
    with st_.transaction() as s:
        roles.set_role(s, SYSTEM_ACTOR, REPORTER["email"], Role.REPORTER, partner_id="huge")
    yield st_
    settings.cache_clear()


def _fill(at, note: str):
    at.selectbox(key=key("area")).set_value("0126R001")
    at.date_input(key=key("date")).set_value(date.today())
    at.selectbox(key=key("band")).set_value("kvall")
    at.selectbox(key=key("category")).set_value("klotter")
    at.number_input(key=key("count")).set_value(6)
    at.text_area(key=key("note")).input(note)
    return at.button(key="FormSubmitter:obs_form-Spara iakttagelse").click().run()


def test_a_reporter_is_refused_a_personnummer_keeps_input_then_files_and_sees_the_week(oidc):
    at = open_as("iakttagelser", REPORTER)
    assert not at.exception
    assert at.selectbox(key=key("partner")).options == ["Huge Bostäder AB"]  # its own organisation only
    _fill(at, "Mannen 850101-1234 klottrade")
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "Iakttagelsen sparades inte" in errors and "personnummer" in errors
    assert at.selectbox(key=key("area")).value == "0126R001" and at.number_input(key=key("count")).value == 6
    assert at.text_area(key=key("note")).value == "Mannen 850101-1234 klottrade"  # kept, to be corrected
    at.text_area(key=key("note")).input("Nytt klotter på gångtunneln")
    at.button(key="FormSubmitter:obs_form-Spara iakttagelse").click().run()
    assert not at.exception
    shown = texts(at)
    assert "Iakttagelsen är sparad" in shown
    assert at.text_area(key="obs_form1_note").value == "" and at.selectbox(key="obs_form1_area").value is None  # emptied
    assert "Rapporterade iakttagelser" in shown and "Ingen bedömning bättre eller sämre" in shown
    table = next(d.value for d in at.dataframe if "Kategori" in d.value.columns)
    assert "Antal rapporter" in set(table["Kategori"])
    assert "gångtunneln" not in shown and not any("gångtunneln" in d.value.to_string() for d in at.dataframe)
    assert english_words(at) == []  # Swedish throughout, with the weekly picture and the map on screen


def test_a_reader_with_observations_sees_the_picture_in_swedish_and_no_form(fresh_app_db, monkeypatch):
    from lagesbild.store import observations as ob

    with Store.open(fresh_app_db).transaction() as s:
        for n in (6, 2):
            ob.file_observation(s, SYSTEM_ACTOR, ob.ObservationInput("huge", "0126R001", date.today(), "dag", "klotter",
                                                                     n, "Anteckning som aldrig visas"))
    monkeypatch.setenv("LAGESBILD_EDITING", "0")
    settings.cache_clear()
    try:
        at = open_page("iakttagelser")
        assert not at.exception
        assert "Veckobild" in texts(at) and not list(at.text_area)
        assert english_words(at) == []
        shown = " ".join(shown_texts(at))
        assert "Anteckning som aldrig visas" not in shown
        assert not [w for w in FORBIDDEN if w in shown]
    finally:
        settings.cache_clear()


def test_a_reader_sees_no_form_and_no_action_link(fresh_app_db, monkeypatch):
    monkeypatch.setenv("LAGESBILD_EDITING", "0")
    settings.cache_clear()
    try:
        at = open_page("iakttagelser")
        assert not at.exception
        assert "Iakttagelser" in texts(at)
        assert not [f for f in at.text_area]
        assert not [p for p in at.get("page_link") if p.proto.label == "Gör till åtgärd"]
        shown = texts(at)
        for hidden in ("LAGESBILD_", "python -m", "var/", ".toml", "0126R"):
            assert hidden not in shown
    finally:
        settings.cache_clear()


def test_gor_till_atgard_prefills_area_and_title_and_observations_are_linked(fresh_app_db):
    """The path of a coordinator: from the weekly picture to the plan's form (area and title
    filled in), then the observations tied to the new åtgärd, which then names them."""
    from urllib.parse import parse_qs

    from lagesbild.store import action_plan as ap
    from lagesbild.store import observations as ob
    from lagesbild.store.models import PlaceObservation

    st_ = Store.open(fresh_app_db)
    with st_.transaction() as s:
        ids = [ob.file_observation(s, SYSTEM_ACTOR, ob.ObservationInput("huge", "0126R001", date.today(), "kvall",
                                                                        "klotter", n, "Anteckning som aldrig visas"))
               for n in (6, 2)]
    at = open_page("iakttagelser")
    assert not at.exception
    at.selectbox(key="obs_trend").set_value("iakttagelse:klotter").run()
    link = next(p.proto for p in at.get("page_link") if p.proto.label == "Gör till åtgärd")
    params = parse_qs(link.query_string)
    assert params["ny_omr"] == ["0126"] and params["ny_titel"] == ["Klotter i Huddinge"]
    form = open_page("atgardsplan", {k: v[0] for k, v in params.items()})
    assert not form.exception
    assert form.text_input(key="plan_ny_title").value == "Klotter i Huddinge"
    assert form.multiselect(key="plan_ny_areas").value == ["0126"]
    with st_.transaction() as s:
        aid = ap.create_action(s, SYSTEM_ACTOR, ap.PlanActionInput(title="Klotter i Huddinge", focus_area_id="trygghet",
                                                                   area_codes=("0126",), owner="Kommunen"))
    at = open_page("iakttagelser")
    at.button(key="FormSubmitter:obs_link-Spara kopplingen").click().run()
    assert "Välj minst en iakttagelse" in " ".join(e.value for e in at.error)  # nothing chosen: said, nothing written
    at.multiselect(key="obs_link_rows").set_value(ids)
    at.selectbox(key="obs_link_action").set_value(aid)
    at.button(key="FormSubmitter:obs_link-Spara kopplingen").click().run()
    assert not at.exception and "Kopplingen är sparad för 2 iakttagelser" in texts(at)
    assert "Anteckning som aldrig visas" not in " ".join(shown_texts(at))
    with st_.session() as s:
        assert {s.get(PlaceObservation, i).plan_action_id for i in ids} == {aid}
    plan = open_page("atgardsplan", {"atgard": str(aid)})
    assert not plan.exception and "Kopplade iakttagelser:** 2 rapporter (Klotter)" in " ".join(
        m.value for m in plan.markdown)
