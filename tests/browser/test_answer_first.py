"""Answer first, as a person on a laptop sees it: at 1366×768 the verdict block ("Läget i
korthet") of every priority-area profile shows at least three figures with a verdict word
without scrolling; Översikt and every focus area show their verdict heading above the fold."""
from __future__ import annotations

import pytest

from lagesbild.geo import areas, profile

pytestmark = pytest.mark.browser

READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
PRIORITY = [c for c, _n, lv in profile.options() if lv == areas.PRIORITY_LEVEL]
WORDS = ("än kommunen", "i nivå med kommunen")


def _open(page, url: str) -> None:
    page.goto(url)
    page.locator("h1").first.wait_for()
    page.wait_for_timeout(400)
    page.locator(READY).wait_for(timeout=120_000)


@pytest.fixture
def laptop(offline_page):
    offline_page.set_viewport_size({"width": 1366, "height": 768})
    return offline_page


def test_priority_area_verdicts_are_above_the_fold(laptop, app_url, artifacts):
    page = laptop
    for code in PRIORITY:
        _open(page, f"{app_url}/omraden?omrade={code}")
        box = page.locator(".st-key-verdict_omrade")
        box.wait_for()
        worded = [li for li in box.locator("li").all() if any(w in li.inner_text() for w in WORDS)]
        assert len(worded) >= 3, (code, box.inner_text())
        bottom = max(li.bounding_box()["y"] + li.bounding_box()["height"] for li in worded[:3])
        assert bottom <= 768, (code, bottom)
        page.screenshot(path=str(artifacts / f"verdict-{code}-1366.png"))


@pytest.mark.parametrize("path, key", [("", "oversikt"), ("fokusomraden?fokus=gang", "fokus_gang"),
                                       ("fokusomraden?fokus=vinr", "fokus_vinr"), ("fokusomraden?fokus=trygghet", "fokus_trygghet")])
def test_verdict_heading_and_first_line_are_above_the_fold(laptop, app_url, path, key):
    page = laptop
    _open(page, f"{app_url}/{path}")
    first = page.locator(f".st-key-verdict_{key} li").first
    first.wait_for()
    box = first.bounding_box()
    assert box["y"] + box["height"] <= 768, (path, box)
