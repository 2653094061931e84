"""From problem to åtgärd in the browser, the path a coordinator takes: Flemingsberg's verdict
block → "Skapa åtgärd" → the plan's form filled in with the area and the block's indicators →
refused without focus area and partner (the title stays) → saved → the åtgärd opened from the
list shows its indicators before and after → it is in the lägesbild document's Word file.
Screenshots at 1920×1080 and 1366×768."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import choose_option, own_server_fixtures, wait_ready
from tests.unit.document_text import docx_tables

pytestmark = [pytest.mark.browser, pytest.mark.slow]

own_app, app_url, app_db_url = own_server_fixtures("plan-app")
TITLE = "Trygghetsvandringar i Flemingsberg (test)"


def _shot(page, artifacts, name: str) -> None:
    page.wait_for_timeout(600)
    page.screenshot(path=artifacts / name)


def test_an_action_from_flemingsbergs_verdict_is_followed_up(offline_page, app_url, artifacts):
    page = offline_page
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(app_url + "/omraden?omrade=prio-flemingsberg")
    verdict = page.locator(".st-key-verdict_omrade, [class*='st-key-verdict']").first
    verdict.wait_for()
    wait_ready(page)
    verdict.get_by_role("link", name="Skapa åtgärd").click()

    form = page.locator('[data-testid="stForm"]').filter(has=page.get_by_role("button", name="Spara åtgärden")).first
    form.wait_for()
    wait_ready(page)
    assert "Flemingsberg" in form.locator('[data-testid="stMultiSelect"]').first.inner_text()  # the area came along
    linked = form.locator('[data-testid="stMultiSelect"]').nth(1).inner_text()
    assert linked.strip() and "Välj" not in linked  # and the block's indicators
    form.get_by_role("textbox", name="Åtgärd *").fill(TITLE)
    form.get_by_role("button", name="Spara åtgärden").click()
    page.get_by_text("Åtgärden sparades inte").first.wait_for()
    wait_ready(page)
    assert form.get_by_role("textbox", name="Åtgärd *").input_value() == TITLE  # kept
    _shot(page, artifacts, "plan-1-nekad-1920.png")

    choose_option(page, form.get_by_role("combobox", name="Fokusområde *"), "Trygghet i offentlig miljö")
    form.locator('[data-testid="stMultiSelect"]').nth(2).click()
    page.get_by_role("option", name="Kommunen").click()
    page.keyboard.press("Escape")
    form.get_by_role("button", name="Spara åtgärden").click()
    page.get_by_text("Åtgärden är sparad i planen.").wait_for()
    wait_ready(page)

    choose_option(page, page.get_by_role("combobox", name="Visa en åtgärd med uppföljning och historik"), TITLE)
    page.get_by_role("heading", name=TITLE).wait_for()
    wait_ready(page)
    page.get_by_text("Tabellen visar hur indikatorerna har utvecklats").wait_for()
    page.get_by_text("Källa: SCB, bearbetad").last.wait_for()  # the follow-up table's figures carry their source
    assert page.get_by_text("Lägesbilden har inga värden").count() == 0
    assert page.get_by_text("Ingen indikator är kopplad").count() == 0
    page.get_by_role("heading", name=TITLE).scroll_into_view_if_needed()
    _shot(page, artifacts, "plan-2-uppfoljning-1920.png")
    page.set_viewport_size({"width": 1366, "height": 768})
    _shot(page, artifacts, "plan-3-uppfoljning-1366.png")

    # … and in the lägesbild document's åtgärdsplan, as the kommun's Word file
    page.goto(app_url + "/lagesbildsdokument")
    wait_ready(page)
    page.get_by_role("button", name="Ta fram Word- och PDF-fil").click()
    get = page.get_by_role("button", name="Ladda ned Word (DOCX)")
    get.wait_for(timeout=180_000)  # the charts are drawn once for both files
    with page.expect_download() as download:
        get.click()
    body = Path(download.value.path()).read_bytes()
    in_plan = [df for section, _caption, df in docx_tables(body) if section == "Åtgärder i planen"]
    assert any(TITLE in set(df.astype(str).to_numpy().ravel()) for df in in_plan)
    assert page.blocked == [], page.blocked
