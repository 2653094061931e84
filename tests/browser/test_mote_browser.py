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
    page.locator("h1", has_text=f"{n}. {ITEMS[n - 1][0]}").first.wait_for()
    assert re.search(rf"[?&]punkt={n}(&|$)", page.url), page.url


READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'

# The smallest text on a slide, in CSS px: HTML text and the chart's SVG text.
MIN_FONT_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  let min = 1e9;
  for (const el of main.querySelectorAll('p, li, td, th, text')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || !(el.textContent || '').trim()) continue;
    min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
  }
  return min;
}"""


def _pos(page) -> tuple[int, int]:
    item = re.search(r"[?&]punkt=(\d+)", page.url)
    slide = re.search(r"[?&]bild=(\d+)", page.url)
    return int(item.group(1)), int(slide.group(1)) if slide else 1


def _moved_from(page, before: tuple[int, int]) -> tuple[int, int]:
    for _ in range(120):
        if _pos(page) != before:
            break
        page.wait_for_timeout(250)
    page.wait_for_timeout(400)
    page.locator(READY).wait_for()
    return _pos(page)


def _check_slide(page, width: int, height: int, min_px: float) -> None:
    """The slide fits the screen as laid out (no scroll, no scaling) and its text is large enough."""
    page.wait_for_timeout(400)
    page.locator(READY).wait_for()
    tall = page.evaluate("Math.max(document.documentElement.scrollHeight, document.querySelector('[data-testid=stMain]').scrollHeight)")
    assert tall <= height, (page.url, tall)
    assert page.locator(".modebar").count() == 0, "no chart toolbar on a slide"
    assert page.locator('[data-testid="stExpander"]').count() == 0, "no expanders on a slide"
    assert page.evaluate(MIN_FONT_JS) >= min_px, page.url


def _walk(page, key: str, width: int, height: int, min_px: float, artifacts) -> list[tuple[int, int]]:
    """Every slide of every item, forward with `key`, each checked; returns the positions."""
    seen = [_pos(page)]
    while True:
        _check_slide(page, width, height, min_px)
        n, k = seen[-1]
        if k == 1:
            page.screenshot(path=str(artifacts / f"mote-presentation-{width}-punkt{n}.png"))
            if width == 1920:  # WCAG 2.1 A/AA in presentation mode too: no serious or critical violation
                from tests.browser.test_every_page import _axe, _blocking

                assert _blocking(_axe(page)) == [], (page.url, _blocking(_axe(page)))
        # .first: a disabled button with help is drawn twice by Streamlit (one inside its tooltip)
        if page.locator(".st-key-mote_nasta button").first.is_disabled():
            return seen
        page.keyboard.press(key)
        seen.append(_moved_from(page, seen[-1]))


def test_presentation_walks_every_slide_and_each_fits_the_screen(offline_page, app_url, frozen_meeting, artifacts):
    """Every agenda item kind, at 1920×1080 and 1366×768: each slide is no taller than the screen,
    has no chart toolbar or expander, and its text is at least 18 px (14 px on the laptop);
    → and PageDown walk slide by slide across items, ← goes back to the previous item's last slide."""
    page = offline_page
    for (width, height), key, min_px in (((1920, 1080), "ArrowRight", 18), ((1366, 768), "PageDown", 14)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{app_url}/mote?mote={frozen_meeting}&presentation=1&punkt=1")
        _at(page, 1)
        page.locator('[data-testid="stSidebar"]').wait_for(state="hidden")  # the CSS comes with the page's first run
        assert not page.locator('header[data-testid="stHeader"]').is_visible()
        page.get_by_text("fryst för mötet").first.wait_for()
        page.wait_for_function("window.__moteKeys === true")  # the key listener comes with the first run
        seen = _walk(page, key, width, height, min_px, artifacts)
        assert [n for n, _ in seen] == sorted(n for n, _ in seen) and {n for n, _ in seen} == {1, 2, 3, 4, 5}, seen
        assert len(seen) == len(set(seen)), seen  # one step is one slide
    last_of_3 = max(k for n, k in seen if n == 3)
    page.goto(f"{app_url}/mote?mote={frozen_meeting}&presentation=1&punkt=4&bild=1")
    _at(page, 4)
    page.wait_for_function("window.__moteKeys === true")
    page.keyboard.press("ArrowLeft")
    assert _moved_from(page, (4, 1)) == (3, last_of_3)
    page.goto(f"{app_url}/mote?mote={frozen_meeting}&presentation=1&punkt=1&bild=1")
    _at(page, 1)
    page.wait_for_function("window.__moteKeys === true")
    page.keyboard.press("PageDown")  # two quick presses: both count
    page.keyboard.press("PageDown")
    for _ in range(60):
        if seen.index(_pos(page)) == 2:
            break
        page.wait_for_timeout(250)
    assert _pos(page) == seen[2]
    assert _outside(page) == []


def test_the_presenter_window_follows_the_slide(browser_context, app_url, frozen_meeting):
    audience, presenter = browser_context.new_page(), browser_context.new_page()
    try:
        audience.goto(f"{app_url}/mote?mote={frozen_meeting}&presentation=1&punkt=2&bild=1")
        _at(audience, 2)
        presenter.goto(f"{app_url}/mote?mote={frozen_meeting}&presentation=1&talare=1")
        presenter.get_by_text(re.compile(r"Punkt 2 · bild 1")).wait_for()
        presenter.get_by_text("Källa:", exact=False).first.wait_for()  # the sources are in the notes
        audience.get_by_role("button", name="Nästa").click()
        presenter.get_by_text(re.compile(r"Punkt (2 · bild 2|3 · bild 1)")).wait_for(timeout=30_000)
    finally:
        audience.close()
        presenter.close()


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
