"""The Reformer page in a real browser, offline: the EXEMPELDATA banner on every page, the
filter state in the URL, and the CSV round trip (download, edit, upload, apply)."""
from __future__ import annotations

import csv
import io
import re

import pytest

from lagesbild.registry.pages import PAGES
from tests.browser.conftest import wait_ready

pytestmark = pytest.mark.browser


def tall_screenshot(page, path, height: int) -> None:
    page.set_viewport_size({"width": 1400, "height": height})
    page.wait_for_timeout(1500)
    page.screenshot(path=path)
    page.set_viewport_size({"width": 1400, "height": 1000})


def url_of(app_url: str, slug: str, query: str = "") -> str:
    spec = next(p for p in PAGES if p.slug == slug)
    return f"{app_url}/{'' if spec.default else slug}{'?' + query if query else ''}"


# Case-sensitive: the sidebar toggle "Visa exempeldata" must not count as the banner.
BANNER = re.compile("EXEMPELDATA")


def test_demo_banner_on_every_registered_page(offline_page, app_url):
    page = offline_page
    for spec in PAGES:
        page.goto(url_of(app_url, spec.slug, "exempel=true"))
        page.locator("h1").first.wait_for()
        page.get_by_text(BANNER).first.wait_for()
    page.goto(url_of(app_url, "reformer"))
    page.get_by_text("reformer visas").first.wait_for()
    wait_ready(page)
    assert page.get_by_text(BANNER).count() == 0


def test_reformer_list_and_reform_page_in_demo_mode(offline_page, app_url, artifacts):
    page = offline_page
    page.goto(url_of(app_url, "reformer", "exempel=true"))
    page.get_by_text("17 av 17 reformer visas").wait_for()
    page.locator(".stPlotlyChart").nth(1).wait_for()  # both charts drawn (plotly is bundled: offline is fine)
    tall_screenshot(page, artifacts / "reformer-lista.png", 3200)
    page.goto(url_of(app_url, "reformer", "exempel=true&reform=R09"))
    page.get_by_text("Alla tre delarna klara").wait_for()
    page.get_by_text("Avtalet anger inga områden för denna reform.").wait_for()
    tall_screenshot(page, artifacts / "reformer-R09.png", 2600)
    assert page.blocked == [] or all("127.0.0.1" not in u for u, _ in page.blocked), page.blocked


def test_filters_live_in_the_url(offline_page, app_url):
    page = offline_page
    page.goto(url_of(app_url, "reformer", "tema=Bostad"))
    page.get_by_text("3 av 17 reformer visas").wait_for()
    page.goto(url_of(app_url, "reformer"))
    page.get_by_text("17 av 17 reformer visas").wait_for()
    page.get_by_label("Sök i titel och motivering").fill("frukost")
    page.get_by_label("Sök i titel och motivering").press("Enter")
    page.get_by_text("1 av 17 reformer visas").wait_for()
    page.wait_for_function("() => location.search.includes('sok=frukost')")
    shared = page.url
    page.goto(shared)  # the shared address restores the view
    page.get_by_text("1 av 17 reformer visas").wait_for()


def test_csv_round_trip_in_the_browser(offline_page, app_url, artifacts, tmp_path):
    page = offline_page
    page.goto(url_of(app_url, "reformer"))
    page.get_by_text("Massuppdatering (CSV/Excel)").click()
    with page.expect_download() as info:
        page.get_by_role("button", name=re.compile("Ladda ner CSV")).click()
    data = open(info.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf") and b";" in data.splitlines()[0]
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    r16 = next(r for r in rows if r[0] == "R16")
    r16[3:9] = ["Påbörjad", "", "2026-02-10", "Kartläggning av behoven av modersmålsundervisning är beslutad.",
                "https://www.huddinge.se/protokoll/16", "Test i webbläsare"]
    edited = tmp_path / "reformer.csv"
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(rows)
    edited.write_bytes(buf.getvalue().encode("utf-8-sig"))
    # The upload lives on the Administration page; the Reformer page links there for editors.
    page.get_by_role("link", name="Ladda upp den ändrade filen på sidan Administration").click()
    page.get_by_role("heading", name="Administration").wait_for()
    uploader = page.locator('[data-testid="stFileUploader"]').filter(has_text="Ladda upp den ifyllda filen")
    uploader.locator("input[type=file]").set_input_files(str(edited))
    page.get_by_text("1 reform får en ny bedömning").wait_for()
    tall_screenshot(page, artifacts / "reformer-massuppdatering.png", 2600)
    page.get_by_role("button", name=re.compile("Genomför ändringarna")).click()
    page.get_by_text("1 reform fick en ny bedömning").wait_for()
    page.goto(url_of(app_url, "reformer", "reform=R16"))
    page.get_by_text("Kartläggning av behoven").wait_for()
    page.get_by_text("Test i webbläsare").first.wait_for()
