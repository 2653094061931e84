"""The first screen on a fresh server: the sidebar never lists the files in pages/ by name.

Streamlit's own menu showed "app, data, fokusomraden, …" until app.py had run once after a
server start; the app now draws its menu itself from the page registry."""
from __future__ import annotations

import pytest

from lagesbild.registry.pages import PAGES
from tests.browser.conftest import running_app

pytestmark = pytest.mark.browser

READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
FILE_NAMES = {"app", "fokusomraden", "oversikt", "omraden", "tillganglighet", "mote", "om"}


def test_a_deep_link_on_a_fresh_server_never_shows_file_names(tmp_path_factory, browser_context):
    with running_app(tmp_path_factory, "fresh-app") as (url, _db):
        page = browser_context.new_page()
        try:
            seen: set[str] = set()
            page.goto(url + "/karta", wait_until="commit")
            for _ in range(600):  # every 100 ms until the page has run
                sidebar = page.locator('[data-testid="stSidebar"]')
                if sidebar.count():
                    seen |= {w.strip() for w in sidebar.first.inner_text().split("\n")}
                if page.locator(READY).count() and page.locator("h1").count():
                    break
                page.wait_for_timeout(100)
            page.wait_for_timeout(500)
            menu = page.locator('[data-testid="stSidebar"]').inner_text()
            assert not seen & FILE_NAMES, sorted(seen & FILE_NAMES)
            for spec in PAGES:
                if not spec.permission:  # the reader's pages (Administration needs a permission)
                    assert spec.title("sv") in menu, spec.title("sv")
        finally:
            page.close()
