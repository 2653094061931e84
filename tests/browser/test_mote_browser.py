"""The presentation view in a real browser, offline: a frozen five-item meeting walked forward
and back with the keyboard (→ ← and the clicker keys PageDown/PageUp), sidebar and toolbar
hidden, readable on a 1920×1080 projector and a 1366×768 laptop (screenshots to look at)."""
from __future__ import annotations

import re
from datetime import date

import pytest

from lagesbild.domain import SYSTEM_ACTOR
from lagesbild.store import meetings as mt
from lagesbild.store.db import Store

pytestmark = pytest.mark.browser

ITEMS = [
    ("Läget i korthet", "oversikt", {}),
    ("Reformernas status", "reformer", {}),
    ("Gängkriminalitet: nyckeltal", "fokusomraden", {"fokus": "gang"}),
    ("Vårby: områdesprofil", "omraden", {"omrade": "prio-varby"}),
    ("Folkmängd per område", "karta", {"matt": "befolkning"}),
]


@pytest.fixture(scope="module")
def frozen_meeting(app_db_url) -> int:
    store = Store.open(app_db_url)
    with store.transaction() as s:
        mid = mt.create_meeting(s, SYSTEM_ACTOR, mt.MeetingInput("Presentationstest – samverkansmöte", date(2026, 12, 3),
                                                                  ("huddinge_kommun", "polisen_syd")))
        for n, (title, slug, params) in enumerate(ITEMS, start=1):
            mt.add_item(s, SYSTEM_ACTOR, mid, n, mt.ItemInput(title, slug, params))
    with store.transaction() as s:
        mt.freeze(s, SYSTEM_ACTOR, mid, len(ITEMS) + 1)
    store.engine.dispose()
    return mid


def _outside(page) -> list[str]:
    """Requests that tried to leave the machine, except the tab icon (app.py's page_icon, a
    Material symbol Streamlit fetches from Google's font server; blocked, it is harmless)."""
    return [u for u, _frame in page.blocked if "materialsymbolsrounded/shield" not in u]


def _at(page, n: int) -> None:
    page.get_by_text(f"Punkt {n} av 5", exact=True).wait_for()
    page.locator("h1", has_text=f"{n}. {ITEMS[n - 1][0]}").wait_for()
    assert re.search(rf"[?&]punkt={n}(&|$)", page.url), page.url


def test_presentation_walks_with_the_keyboard(offline_page, app_url, frozen_meeting, artifacts):
    page = offline_page
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{app_url}/mote?mote={frozen_meeting}&presentation=1&punkt=1")
    _at(page, 1)
    page.locator('[data-testid="stSidebar"]').wait_for(state="hidden")  # the CSS comes with the page's first run
    assert not page.locator('header[data-testid="stHeader"]').is_visible()
    page.get_by_text("fryst för mötet").first.wait_for()
    page.wait_for_function("window.__moteKeys === true")  # the key listener comes with the first run

    page.keyboard.press("ArrowRight")
    _at(page, 2)
    page.keyboard.press("PageDown")
    _at(page, 3)
    page.locator(".stPlotlyChart").first.wait_for()
    page.wait_for_timeout(800)
    page.screenshot(path=str(artifacts / "mote-presentation-1920-punkt3.png"))
    page.keyboard.press("ArrowRight")
    _at(page, 4)
    page.keyboard.press("ArrowRight")
    _at(page, 5)
    page.keyboard.press("ArrowRight")  # the last item: nothing after it
    page.wait_for_timeout(600)
    _at(page, 5)
    page.keyboard.press("ArrowLeft")
    _at(page, 4)
    page.keyboard.press("PageUp")
    _at(page, 3)

    page.set_viewport_size({"width": 1366, "height": 768})
    page.keyboard.press("PageDown")  # two quick presses: both count
    page.keyboard.press("PageDown")
    _at(page, 5)
    page.locator(".stPlotlyChart").first.wait_for()
    page.wait_for_timeout(800)
    page.screenshot(path=str(artifacts / "mote-presentation-1366-punkt5.png"))
    # On a laptop the item's chart and the navigation fit on the screen without scrolling.
    nav = page.locator(".st-key-mote_nasta").bounding_box()
    chart = page.locator(".stPlotlyChart").first.bounding_box()
    assert nav["y"] + nav["height"] <= 768 and chart["y"] < 768 * 0.5
    assert _outside(page) == []


def test_buttons_walk_too_and_exit_returns_to_the_meeting(offline_page, app_url, frozen_meeting):
    page = offline_page
    page.goto(f"{app_url}/mote?mote={frozen_meeting}&presentation=1&punkt=4")
    _at(page, 4)
    page.get_by_role("button", name="Föregående").click()
    _at(page, 3)
    page.get_by_role("button", name="Nästa").click()
    _at(page, 4)
    page.get_by_role("button", name="Avsluta").click()
    page.get_by_role("tab", name="Dagordning").wait_for()
    page.locator('[data-testid="stSidebar"]').wait_for(state="visible")
    assert _outside(page) == []


def test_a_page_view_is_saved_to_a_draft_agenda(offline_page, app_url, app_db_url):
    """"Lägg till den här vyn i dagordningen": the page and its filters from the address."""
    store = Store.open(app_db_url)
    with store.transaction() as s:
        mid = mt.create_meeting(s, SYSTEM_ACTOR, mt.MeetingInput("Utkast till decembermötet", date(2026, 12, 20), ()))
    page = offline_page
    page.goto(f"{app_url}/reformer?mote={mid}&status=F%C3%B6rsenad")  # an older link, with the label
    page.get_by_text("är öppet men inte fryst").wait_for()
    page.get_by_role("button", name="Lägg till den här vyn i dagordningen").click()
    page.get_by_text("har lagts till i dagordningen").wait_for()
    with store.session() as s:
        items = mt.get_meeting(s, mid).items
    store.engine.dispose()
    assert [(it.title, it.page_slug, it.params) for it in items] == [("Reformer: Försenad", "reformer", {"status": "forsenad"})]
    assert _outside(page) == []


def test_a_focus_area_saved_from_its_default_view_is_titled_by_its_name(offline_page, app_url, app_db_url):
    """Fokusområden opened without ?fokus= shows the first focus area; the saved item says which."""
    store = Store.open(app_db_url)
    with store.transaction() as s:
        mid = mt.create_meeting(s, SYSTEM_ACTOR, mt.MeetingInput("Utkast med fokusområde", date(2026, 12, 21), ()))
    page = offline_page
    page.goto(f"{app_url}/fokusomraden?mote={mid}")
    page.get_by_text("är öppet men inte fryst").wait_for()
    page.get_by_role("button", name="Lägg till den här vyn i dagordningen").click()
    page.get_by_text("har lagts till i dagordningen").wait_for()
    with store.session() as s:
        items = mt.get_meeting(s, mid).items
    store.engine.dispose()
    assert [(it.title, it.params) for it in items] == [("Fokusområde: Gängkriminalitet", {"fokus": "gang"})]


def test_the_meeting_picker_says_frozen_right_after_freezing(offline_page, app_url, app_db_url):
    store = Store.open(app_db_url)
    with store.transaction() as s:
        mid = mt.create_meeting(s, SYSTEM_ACTOR, mt.MeetingInput("Frysprov", date(2026, 12, 22), ()))
        mt.add_item(s, SYSTEM_ACTOR, mid, 1, mt.ItemInput("Reformernas status", "reformer", {}))
    store.engine.dispose()
    page = offline_page
    page.goto(f"{app_url}/mote?mote={mid}")
    picker = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"] input').first  # shows the choice as its value
    page.get_by_text("Jag vill frysa mötet nu").wait_for()
    assert picker.input_value() == "2026-12-22 · Frysprov · ✎ Utkast"
    page.get_by_text("Jag vill frysa mötet nu").click()
    page.get_by_role("button", name="Frys mötet").click()
    page.get_by_text("Mötet är fryst").first.wait_for()
    for _ in range(60):  # the run after the freeze draws the picker again
        if picker.input_value() == "2026-12-22 · Frysprov · 🔒 Fryst":
            break
        page.wait_for_timeout(500)
    assert picker.input_value() == "2026-12-22 · Frysprov · 🔒 Fryst"  # before the fix it still said Utkast
