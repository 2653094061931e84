"""A reporter in production mode (OIDC against the local test provider) files place
observations in chromium: a note with a personnummer is refused in Swedish with the input kept,
the corrected observation is saved, and the weekly picture shows it beside the reports, with
no verdict. Screenshots at 1920×1080 and 1366×768 go to test-artifacts/."""
from __future__ import annotations

import re

import pytest

from lagesbild.domain import SYSTEM_ACTOR, Role
from lagesbild.store import roles
from lagesbild.store.db import Store
from tests.browser.conftest import choose_option, wait_ready
from tests.browser.test_oidc_login import USER, oidc_app, page, shot  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _box(page, label: str):
    return page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first


def _file(page, note: str, count: str) -> None:
    choose_option(page, _box(page, "Område *"), "Flemingsberg västra")
    choose_option(page, _box(page, "Tid på dygnet"), "Kväll (18–24)")
    choose_option(page, _box(page, "Kategori *"), "Klotter")
    page.get_by_role("spinbutton", name=re.compile("^Antal")).fill(count)
    page.get_by_role("textbox", name=re.compile("^Anteckning")).fill(note)
    page.get_by_role("button", name="Spara iakttagelse").click()
    wait_ready(page)


def test_a_reporter_files_is_refused_a_personnummer_and_sees_the_weekly_picture(oidc_app, page, artifacts):
    base, _idp, db_url = oidc_app
    with Store.open(db_url).transaction() as s:
        roles.set_role(s, SYSTEM_ACTOR, USER["email"], Role.REPORTER, partner_id="huge")
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{base}/iakttagelser")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_text("Inloggad som Tess Testare (rapportör)").wait_for()
    page.goto(f"{base}/iakttagelser")
    page.get_by_role("button", name="Spara iakttagelse").wait_for()
    wait_ready(page)

    # The area by a click on the map: the form's area is filled in (the point is not kept).
    page.get_by_text("Välj område på kartan").click()
    wait_ready(page)
    frame = page.frame_locator("iframe[src*='streamlit_folium']").first
    districts = frame.locator("path.leaflet-interactive")
    districts.first.wait_for()
    districts.nth(districts.count() // 2).click(force=True)
    page.wait_for_timeout(1500)
    wait_ready(page)
    assert "Välj" not in _box(page, "Område *").inner_text()
    shot(page, artifacts / "iakttagelser-karta-1920.png")

    _file(page, "Mannen 850101-1234 klottrade på tunneln", "6")
    page.get_by_text("Iakttagelsen sparades inte").wait_for()
    page.get_by_text(re.compile("liknar ett personnummer")).wait_for()
    assert page.get_by_role("textbox", name=re.compile("^Anteckning")).input_value().startswith("Mannen")  # kept
    shot(page, artifacts / "iakttagelser-nekad-1920.png")

    page.get_by_role("textbox", name=re.compile("^Anteckning")).fill("Nytt klotter på gångtunneln")
    page.get_by_role("button", name="Spara iakttagelse").click()
    wait_ready(page)
    page.get_by_text("Iakttagelsen är sparad").wait_for()
    page.get_by_text("Veckobild", exact=True).wait_for()
    page.get_by_text(re.compile("Ingen bedömning bättre eller sämre")).wait_for()
    assert page.get_by_role("textbox", name=re.compile("^Anteckning")).input_value() == ""  # a fresh form
    figures = page.locator('[data-testid="stMarkdown"], [data-testid="stDataFrame"], [data-testid="stPlotlyChart"]')
    assert figures.filter(has_text="gångtunneln").count() == 0  # the note is never shown
    shot(page, artifacts / "iakttagelser-sparad-1920.png")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.reload()
    page.get_by_text("Veckobild", exact=True).wait_for()
    wait_ready(page)
    shot(page, artifacts / "iakttagelser-formular-1366.png")
    for text, name in (("Veckobild", "veckobild"), ("Per område och månad", "omraden")):
        for width, height in ((1366, 768), (1920, 1080)):
            page.set_viewport_size({"width": width, "height": height})
            page.get_by_text(text, exact=True).scroll_into_view_if_needed()
            page.wait_for_timeout(800)
            page.screenshot(path=artifacts / f"iakttagelser-{name}-{width}.png")
    assert page.blocked == [], page.blocked
