"""AppTests of Mötesläge: a frozen meeting's pages read the snapshot (also after new data),
the header says so, a meeting is created, filled and frozen through the page, decisions are
recorded, the presentation steps through the agenda, and the pack is exported."""
from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from sqlalchemy import select

from lagesbild.domain import SYSTEM_ACTOR as A
from lagesbild.domain import ReformStatus
from lagesbild.store import meetings as mt
from lagesbild.store import reforms
from lagesbild.store.db import Store
from lagesbild.store.models import Observation
from tests.apptest.helpers import open_page, texts

ITEMS = [
    ("Läget i korthet", "oversikt", {}),
    ("Reform 1", "reformer", {"reform": "R01"}),
    ("Gängkriminalitet", "fokusomraden", {"fokus": "gang"}),
    ("Vårby", "omraden", {"omrade": "prio-varby"}),
    ("Folkmängd", "karta", {"matt": "befolkning"}),
]
FIRST = reforms.UpdateInput(ReformStatus.PAGAENDE, date(2026, 2, 1), "Arbetet har startat enligt nämndens beslut.",
                            "https://www.huddinge.se/a", "Test")
LATER = reforms.UpdateInput(ReformStatus.FORSENAD, date(2026, 3, 1), "Försenat på grund av upphandlingen av leverantör.",
                            "https://www.huddinge.se/b", "Test")


def frozen_meeting(url: str, *, freeze: bool = True) -> int:
    store = Store.open(url)
    with store.transaction() as s:
        reforms.record_update(s, A, "R01", 0, FIRST)
        mid = mt.create_meeting(s, A, mt.MeetingInput("Novembermötet", date(2026, 11, 30), ("huddinge_kommun", "polisen_syd")))
        for n, (title, slug, params) in enumerate(ITEMS, start=1):
            mt.add_item(s, A, mid, n, mt.ItemInput(title, slug, params))
    if freeze:
        with store.transaction() as s:
            mt.freeze(s, A, mid, len(ITEMS) + 1)
    store.engine.dispose()
    return mid


def new_data_after_freezing(url: str) -> None:
    """Another user imports and records after the meeting was frozen."""
    store = Store.open(url)
    with store.transaction() as s:
        reforms.record_update(s, A, "R01", 1, LATER)
        for o in s.scalars(select(Observation).where(Observation.indicator_id == "bra_total_per100k")):
            o.value = 99_999.0
    store.engine.dispose()


def start_page(query: dict):
    """The start page without switching pages: AppTest keeps what the router (app.py) draws,
    such as the header, only on the page it started on."""
    from streamlit.testing.v1 import AppTest

    from tests.apptest.helpers import APP, TIMEOUT

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def metric_values(at) -> list[str]:
    return [m.value for m in at.metric]


def test_frozen_meeting_pages_read_the_snapshot_after_new_data(fresh_app_db):
    mid = frozen_meeting(fresh_app_db)
    new_data_after_freezing(fresh_app_db)

    live = open_page("reformer", {"reform": "R01"})
    assert not live.exception
    assert "Försenat på grund av upphandlingen" in texts(live)

    frozen = open_page("reformer", {"reform": "R01", "mote": str(mid)})
    assert not frozen.exception
    shown = texts(frozen)
    assert "Arbetet har startat enligt nämndens beslut" in shown
    assert "Försenat på grund av upphandlingen" not in shown

    overview_live = start_page({})
    overview_frozen = start_page({"mote": str(mid)})
    header = texts(overview_frozen)
    assert "Lägesbild per" in header and "fryst för mötet" in header and "Novembermötet" in header
    assert "fryst för mötet" not in texts(overview_live)
    assert any("99" in v for v in metric_values(overview_live))
    assert not any("99\u00a0999" in v or "99 999" in v for v in metric_values(overview_frozen))
    assert metric_values(overview_frozen) != metric_values(overview_live)


def test_a_frozen_meeting_names_definitions_edited_since(fresh_app_db, monkeypatch):
    """The small-count limit is raised after the freeze: the banner says the meeting is
    shown with today's rules."""
    from lagesbild.config import settings

    mid = frozen_meeting(fresh_app_db)
    assert "Ändrat sedan mötet frystes" not in texts(start_page({"mote": str(mid)}))
    monkeypatch.setenv("LAGESBILD_SUPPRESS_BELOW", "7")
    settings.cache_clear()
    try:
        shown = texts(start_page({"mote": str(mid)}))
    finally:
        monkeypatch.undo()
        settings.cache_clear()
    assert "Ändrat sedan mötet frystes: gränsen för små tal" in shown


def test_the_open_meeting_follows_the_session_to_other_pages(fresh_app_db):
    mid = frozen_meeting(fresh_app_db)
    new_data_after_freezing(fresh_app_db)
    at = open_page("mote", {"mote": str(mid)})
    assert at.session_state["open_meeting"] == mid
    at.switch_page("pages/reformer.py").run()
    at.query_params["reform"] = "R01"
    at.run()
    assert "Arbetet har startat enligt nämndens beslut" in texts(at)
    assert "Försenat på grund av upphandlingen" not in texts(at)
    at.switch_page("pages/mote.py").run()
    at.button(key="mote_close").click().run()
    assert at.session_state["open_meeting"] is None
    at.switch_page("pages/reformer.py").run()
    at.query_params["reform"] = "R01"
    at.run()
    assert "Försenat på grund av upphandlingen" in texts(at)


def test_the_header_closes_meeting_mode(fresh_app_db):
    mid = frozen_meeting(fresh_app_db)
    at = start_page({"mote": str(mid)})
    at.button(key="mote_banner_close").click().run()
    assert at.session_state["open_meeting"] is None and "mote" not in at.query_params
    assert "fryst för mötet" not in texts(at)


def test_a_draft_meeting_shows_live_data_and_says_so(fresh_app_db):
    mid = frozen_meeting(fresh_app_db, freeze=False)
    new_data_after_freezing(fresh_app_db)
    at = open_page("reformer", {"reform": "R01", "mote": str(mid)})
    assert "Försenat på grund av upphandlingen" in texts(at)
    assert "inte fryst" in texts(start_page({"mote": str(mid)}))


def test_create_fill_and_freeze_a_meeting_through_the_page(fresh_app_db):
    at = open_page("mote")
    assert not at.exception
    at.text_input(key="mote_ny_titel").input("Decembermötet")
    at.date_input(key="mote_ny_datum").set_value(date(2026, 12, 10))
    at.multiselect(key="mote_ny_org").set_value(["huddinge_kommun", "huge"])
    at.button(key="mote_ny_skapa").click().run()
    assert not at.exception
    mid = at.session_state["open_meeting"]
    assert mid is not None

    at.selectbox(key="ag_page").set_value("reformer").run()
    at.multiselect(key="ag_ref_status").set_value(["forsenad"]).run()
    at.button(key="mote_add").click().run()
    at.selectbox(key="ag_page").set_value("karta").run()
    at.button(key="mote_add").click().run()
    assert not at.exception
    store = Store.open(fresh_app_db)
    with store.session() as s:
        m = mt.get_meeting(s, mid)
    assert [(it.page_slug, it.params.get("status")) for it in m.items] == [("reformer", ["forsenad"]), ("karta", None)]
    assert m.items[0].title == "Reformer: Försenad"

    at.button(key=f"mote_upp_{m.items[1].id}").click().run()
    at.checkbox(key="mote_frys_ok").check().run()
    at.button(key="mote_frys").click().run()
    assert not at.exception
    with store.session() as s:
        m = mt.get_meeting(s, mid)
        assert mt.manifest(s, mid)["agenda"][0]["page"] == "karta"
    assert m.frozen and [it.page_slug for it in m.items] == ["karta", "reformer"]
    assert "Fryst" in texts(at)
    store.engine.dispose()


def test_decisions_are_recorded_and_marked_done(fresh_app_db):
    mid = frozen_meeting(fresh_app_db)
    store = Store.open(fresh_app_db)
    with store.session() as s:
        item = mt.get_meeting(s, mid).items[1].id
    at = open_page("mote", {"mote": str(mid)})
    form = f"mote_form_{item}"
    at.radio(key=f"{form}_typ").set_value("atgard")
    at.text_area(key=f"{form}_vad").input("Kommunen återkommer om upphandlingen.")
    at.text_input(key=f"{form}_vem").input("Kommunen")
    at.button(key=f"{form}_spara").click().run()
    assert not at.exception
    with store.session() as s:
        acts = mt.actions_frame(s, mid)
    assert acts["text"].tolist() == ["Kommunen återkommer om upphandlingen."] and acts["agenda_item_id"].tolist() == [item]
    at.checkbox(key=f"mote_akt_{item}_klar_{int(acts['id'].iloc[0])}").check().run()
    with store.session() as s:
        assert mt.actions_frame(s, mid)["done"].tolist() == [True]
    # a refused write says why and saves nothing
    at.text_area(key=f"{form}_vad").input("x")
    at.button(key=f"{form}_spara").click().run()
    assert any("texten saknas" in e.value for e in at.error)
    store.engine.dispose()


def test_presentation_steps_through_the_agenda(fresh_app_db):
    mid = frozen_meeting(fresh_app_db)
    at = open_page("mote", {"mote": str(mid), "presentation": "1", "punkt": "2"})
    assert not at.exception
    assert [t.value for t in at.title] == ["2. Reform 1"]
    assert "Punkt 2 av 5" in texts(at) and "fryst för mötet" in texts(at)
    at.button(key="mote_nasta").click().run()
    assert [t.value for t in at.title] == ["3. Gängkriminalitet"] and at.query_params["punkt"] in ("3", ["3"])
    assert "normal variation" in at.markdown[0].value or any("normal variation" in m.value for m in at.markdown[:4]), \
        "a focus area's first slide opens with its verdict line"
    at.button(key="mote_foregaende").click().run()
    assert [t.value for t in at.title][0].startswith("2. Reform 1")  # back to item 2's last slide
    at.button(key="mote_foregaende").click().run()
    for _ in range(5):  # item 1's slides, back to its first
        if at.button(key="mote_foregaende").disabled:
            break
        at.button(key="mote_foregaende").click().run()
    assert [t.value for t in at.title][0].startswith("1. Läget i korthet")
    assert at.button(key="mote_foregaende").disabled and at.query_params["bild"] in ("1", ["1"])
    at.button(key="mote_avsluta").click().run()
    assert "presentation" not in at.query_params


def test_meeting_page_and_presentation_in_english(fresh_app_db):
    from streamlit.testing.v1 import AppTest

    from tests.apptest.helpers import APP, TIMEOUT

    mid = frozen_meeting(fresh_app_db)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["lang"] = "en"
    at.query_params["mote"] = str(mid)
    at.run()
    assert "frozen for the meeting" in texts(at)
    at.switch_page("pages/mote.py").run()
    assert not at.exception and "Start the presentation" in [b.label for b in at.button]
    at.button(key="mote_present").click().run()
    assert not at.exception and "Item 1 of 5" in texts(at) and [b.label for b in at.button][:2] == ["Previous", "Next"]


@pytest.mark.slow
def test_meeting_pack_is_exported_from_the_page(fresh_app_db):
    mid = frozen_meeting(fresh_app_db)
    at = open_page("mote", {"mote": str(mid)})
    at.button(key="mote_export").click().run(timeout=300)
    assert not at.exception
    downloads = at.get("download_button")
    assert len(downloads) == 3
    zipped = zipfile.ZipFile(io.BytesIO(at.session_state[f"mote_pack_{mid}_{len(ITEMS) + 2}_0_0"].zip))
    assert sorted(n.rsplit(".", 1)[1] for n in zipped.namelist()) == ["csv", "json", "pdf", "pptx"]
