"""AppTests of the Åtgärdsplan page: the verdict block's "Skapa åtgärd" link carries its
problem, the form opens pre-filled, a refused save names the field and keeps every input, the
retry saves; the page opens with its one-line summary; one åtgärd shows its follow-up (with
provenance and the no-causality wording) and its history; readers see no form and no link."""
from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs

import pytest

from lagesbild.domain import SYSTEM_ACTOR as A
from lagesbild.store import action_plan as ap
from lagesbild.store.db import Store
from tests.apptest.helpers import open_page, texts
from tests.apptest.provenance_check import check

PREFILL = {"ny_fokus": "trygghet", "ny_omr": "prio-flemingsberg", "ny_ind": "bra_total_per100k"}


def create_links(at) -> list[dict]:
    return [parse_qs(p.query_string) for p in (e.proto for e in at.get("page_link")) if p.label == "Skapa åtgärd"]


def frame(at, column: str):
    """The first table with this column (AppTest does not expose a dataframe's key)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


LIST, FOLLOW, HISTORY = "Beslutad vid", "Före start: period", "Registrerad"


def key(name: str) -> str:
    return f"plan_ny_{name}"


def test_the_focus_verdict_block_links_to_a_prefilled_form(fresh_app_db):
    at = open_page("fokusomraden", {"fokus": "trygghet"})
    assert not at.exception
    links = create_links(at)
    assert len(links) == 1
    assert links[0]["ny_fokus"] == ["trygghet"] and links[0]["ny_ind"]  # the block's focus area and indicators
    area = open_page("omraden", {"omrade": "prio-flemingsberg"})
    assert not area.exception
    links = create_links(area)
    assert len(links) == 1 and links[0]["ny_omr"] == ["prio-flemingsberg"] and "ny_fokus" not in links[0]


def test_form_refuses_keeps_the_inputs_and_saves_on_retry(fresh_app_db):
    at = open_page("atgardsplan", PREFILL)
    assert not at.exception
    assert "Åtgärder i planen: 0" in texts(at)
    assert at.selectbox(key=key("focus")).value == "trygghet"  # pre-filled from the link
    assert at.multiselect(key=key("areas")).value == ["prio-flemingsberg"]
    assert at.multiselect(key=key("inds")).value == ["bra_total_per100k"]
    at.text_input(key=key("owner")).input("Trygghetssamordnaren")
    at.date_input(key=key("start")).set_value(date(2024, 1, 1))
    at.button(key=key("submit")).click().run()  # no title
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "Åtgärden sparades inte" in errors and "kolumn ”titel”" in errors
    assert at.text_input(key=key("owner")).value == "Trygghetssamordnaren"  # nothing lost
    assert at.multiselect(key=key("inds")).value == ["bra_total_per100k"]
    assert at.date_input(key=key("start")).value == date(2024, 1, 1)

    at.text_input(key=key("title")).input("Trygghetsvandringar i Flemingsberg")
    at.button(key=key("submit")).click().run()
    assert not at.exception and not at.error
    assert "Åtgärden är sparad i planen." in texts(at)
    assert "Åtgärder i planen: 1" in texts(at)
    shown = frame(at, LIST)
    assert shown["Åtgärd"].tolist() == ["Trygghetsvandringar i Flemingsberg"]
    assert "id" not in shown.columns and "Prioriterat område Flemingsberg" not in shown.columns
    store = Store.open(fresh_app_db)
    with store.session() as s:
        row = ap.plan_frame(s).iloc[0]
    store.engine.dispose()
    assert (row["focus_area_id"], row["area_codes"], row["indicator_ids"], row["owner"]) == (
        "trygghet", ["prio-flemingsberg"], ["bra_total_per100k"], "Trygghetssamordnaren")


@pytest.fixture
def one_action(fresh_app_db) -> int:
    store = Store.open(fresh_app_db)
    with store.transaction() as s:
        aid = ap.create_action(s, A, ap.PlanActionInput(
            title="Trygghetsvandringar i Flemingsberg", focus_area_id="trygghet", area_codes=("prio-flemingsberg",),
            indicator_ids=("bra_total_per100k",), partner_ids=("huge",), start_date=date(2024, 1, 1),
            effect_indicator_id="bra_total_per100k", effect_direction="minska", effect_horizon="2026"))
        ap.record_status(s, A, aid, 1, ap.ActivityStatus.PAGAENDE, "Första vandringen gjord.")
        ap.create_action(s, A, ap.PlanActionInput(title="Möte med fastighetsägarna", focus_area_id="gang", owner="Kommunen"))
    store.engine.dispose()
    return aid


def test_one_action_shows_follow_up_with_provenance_and_history(one_action):
    at = open_page("atgardsplan", {"atgard": str(one_action)})
    assert not at.exception
    text = texts(at)
    assert "Åtgärder i planen: 2" in text and "utan kopplad indikator: 1" in text
    assert "utvecklingen, inte åtgärdens effekt" in text
    assert "ska minska till 2026" in text
    follow = frame(at, FOLLOW)
    assert follow["Före start: period"].tolist() == ["2023"] and follow["Efter start: period"].tolist() == ["2025"]
    assert follow["Område"].tolist() == ["Huddinge"]  # the indicator exists only for the kommun: said, not hidden
    history = frame(at, HISTORY)
    assert history["Status"].str.contains("Planerad").tolist() == [True, False]
    assert history["Kommentar"].tolist()[1] == "Första vandringen gjord."
    rep = check(at.main)
    assert rep.figures and not rep.missing, rep.missing


def test_filters_live_in_the_url(one_action):
    at = open_page("atgardsplan", {"ap_fokus": "gang"})
    assert not at.exception
    assert frame(at, LIST)["Åtgärd"].tolist() == ["Möte med fastighetsägarna"]
    assert "1 av 2 åtgärder visas" in texts(at)
    at = open_page("atgardsplan", {"ap_status": "pagaende"})
    assert frame(at, LIST)["Åtgärd"].tolist() == ["Trygghetsvandringar i Flemingsberg"]


def test_a_status_saved_on_the_page_is_added_to_the_history(one_action):
    at = open_page("atgardsplan", {"atgard": str(one_action)})
    fk = f"plan_status_{one_action}"
    at.selectbox(key=f"{fk}_s").set_value("genomford")
    at.text_input(key=f"{fk}_n").input("Klart enligt plan.")
    at.button(key=f"{fk}_submit").click().run()
    assert not at.exception and not at.error
    assert frame(at, HISTORY)["Kommentar"].tolist()[-1] == "Klart enligt plan."
    assert len(frame(at, HISTORY)) == 3


def test_swedish_throughout_with_the_form_and_one_atgard_open(one_action):
    from tests.apptest.test_swedish_ui import _ENGLISH, shown_texts

    at = open_page("atgardsplan", {**PREFILL, "atgard": str(one_action)})
    assert not at.exception
    english = sorted({m for s in shown_texts(at) for m in _ENGLISH.findall(s)})
    assert english == [], english


def test_readers_see_no_form_and_no_create_link(one_action, monkeypatch):
    from lagesbild.config import settings

    monkeypatch.setenv("LAGESBILD_EDITING", "0")
    settings.cache_clear()
    try:
        at = open_page("atgardsplan", {**PREFILL, "atgard": str(one_action)})
        assert not at.exception
        assert not at.get("form") and "Skapa åtgärd" not in [e.label for e in at.expander]
        assert "Trygghetsvandringar i Flemingsberg" in texts(at)  # the plan itself is for everyone
        from tests.apptest.test_swedish_ui import FORBIDDEN, shown_texts

        assert [f for s in shown_texts(at) for f in FORBIDDEN if f in s] == []  # no codes, paths or commands
        focus = open_page("fokusomraden", {"fokus": "trygghet"})
        assert create_links(focus) == []
    finally:
        settings.cache_clear()


def test_an_atgard_from_a_meeting_is_tied_to_its_problem_on_the_page(one_action, fresh_app_db):
    from lagesbild.store import meetings as mt

    store = Store.open(fresh_app_db)
    with store.transaction() as s:
        mid = mt.create_meeting(s, A, mt.MeetingInput("Oktobermötet", date(2026, 10, 15)))
        mt.add_action(s, A, mid, mt.ActionInput("atgard", "Kartlägg belysningen.", "Gatuenheten"))
        pid = int(ap.plan_frame(s).set_index("title").loc["Kartlägg belysningen.", "id"])
    at = open_page("atgardsplan", {"atgard": str(pid)})
    assert not at.exception and not at.warning
    assert "Oktobermötet" in texts(at) and "Ingen indikator är kopplad" in texts(at)
    fk = f"plan_edit_{pid}_v1"
    assert at.text_input(key=f"{fk}_title").value == "Kartlägg belysningen."  # the stored values, read in
    at.selectbox(key=f"{fk}_focus").set_value("trygghet")
    at.multiselect(key=f"{fk}_inds").set_value(["bra_total_per100k"])
    at.date_input(key=f"{fk}_start").set_value(date(2024, 1, 1))
    at.button(key=f"{fk}_submit").click().run()
    assert not at.exception and not at.error
    assert frame(at, FOLLOW)["Efter start: period"].tolist() == ["2025"]
    with store.session() as s:
        row = ap.plan_frame(s).set_index("id").loc[pid]
    store.engine.dispose()
    assert (row["focus_area_id"], row["indicator_ids"], row["owner"], row["meeting_title"]) == (
        "trygghet", ["bra_total_per100k"], "Gatuenheten", "Oktobermötet")


def test_user_text_is_escaped(fresh_app_db):
    """Title, owner, description and the meeting's title reach Markdown escaped."""
    from lagesbild.store import meetings as mt

    image = "![bild](http://evil.example/pixel.png) :red[röd]"
    store = Store.open(fresh_app_db)
    with store.transaction() as s:
        mid = mt.create_meeting(s, A, mt.MeetingInput(image, date(2026, 10, 15)))
        mt.add_action(s, A, mid, mt.ActionInput("atgard", image + " " + image, image))
        pid = int(ap.plan_frame(s)["id"].iloc[0])
    store.engine.dispose()
    at = open_page("atgardsplan", {"atgard": str(pid)})
    assert not at.exception
    shown = [str(e.value) for kind in ("subheader", "markdown", "caption", "info") for e in getattr(at, kind)]
    assert any("bild" in v for v in shown)
    assert [v for v in shown if "![bild](" in v or ":red[" in v] == []


def test_oversikt_verdict_block_links_to_the_form_with_the_kommun(fresh_app_db):
    at = open_page("oversikt")
    assert not at.exception
    links = create_links(at)
    assert len(links) == 1 and links[0]["ny_omr"] == ["0126"] and links[0]["ny_ind"] and "ny_fokus" not in links[0]


def test_an_activity_is_listed_in_the_plan_and_its_status_reaches_the_activity(fresh_app_db):
    """One concept: the activity written in its own form is an entry of the plan, marked as
    the samverkansöverenskommelse's, and a status saved in the plan is the activity's too."""
    from lagesbild.domain import ActivityStatus
    from lagesbild.store.activities import ActivityInput, create_activity
    from lagesbild.store.models import Activity, PlanAction

    store = Store.open(fresh_app_db)
    with store.transaction() as s:
        act = create_activity(s, A, ActivityInput(title="Föräldravandringar i Vårby", partner_id="huge",
                                                  focus_area_id="gang", status=ActivityStatus.PLANERAD))
        act_id = act.id
        pid = s.query(PlanAction.id).filter(PlanAction.activity_id == act_id).scalar()
    store.engine.dispose()
    at = open_page("atgardsplan", {"atgard": str(pid)})
    assert not at.exception
    listed = frame(at, LIST)
    assert listed.loc[listed["Åtgärd"] == "Föräldravandringar i Vårby", LIST].tolist() == [
        "Samverkansöverenskommelsen (aktivitet)"]
    at.selectbox(key=f"plan_status_{pid}_s").set_value("pagaende")
    at.text_input(key=f"plan_status_{pid}_n").input("Två vandringar gjorda.")
    at.button(key=f"plan_status_{pid}_submit").click().run()
    assert not at.exception and "Statusen är sparad" in texts(at)
    with Store.open(fresh_app_db).session() as s:
        a = s.get(Activity, act_id)
        assert (a.status, a.follow_up) == ("pagaende", "Två vandringar gjorda.")
