"""Översikt, Fokusområden and Om data och metod in a real browser, offline: the real Brå
series with sources and dates, preliminary values marked, the focus area in the URL, an
activity added through the form and imported through the template, screenshots."""
from __future__ import annotations

import re

import pytest

from lagesbild.importers import activities as tpl
from tests.browser.conftest import wait_ready
from tests.browser.test_reformer_browser import tall_screenshot, url_of

pytestmark = pytest.mark.browser


def _no_outside_requests(page) -> None:
    """Nothing but the browser tab's icon (app.py's page_icon, a Material symbol Streamlit
    fetches from Google's font server) tries to leave the machine; blocked, it is harmless."""
    other = [u for u, _frame in page.blocked if "materialsymbols" not in u]
    assert other == [], other[:5]


def test_oversikt_at_a_glance(offline_page, app_url, artifacts):
    page = offline_page
    page.goto(url_of(app_url, "oversikt"))
    page.get_by_text("17 av 17").first.wait_for()
    page.get_by_text("Ej bedömd").first.wait_for()
    page.get_by_text("Inga registrerade aktiviteter ännu").first.wait_for()
    page.get_by_text("mot 2024").first.wait_for()
    assert page.get_by_text(re.compile("Data t.o.m. 2025-12-31")).count() >= 4
    tall_screenshot(page, artifacts / "oversikt.png", 2600)
    _no_outside_requests(page)


def test_the_start_pages_own_slug_opens_it_not_streamlits_english_page_not_found(offline_page, app_url):
    """The start page is served at "/"; typed or linked as /oversikt (with its query) it opens
    there, in the chosen language, without Streamlit's English "Page not found" box."""
    page = offline_page
    page.goto(f"{app_url}/oversikt?lang=en")
    page.wait_for_url(re.compile(r"/\?lang=en$"), timeout=60_000)
    wait_ready(page)
    page.get_by_role("heading", name="Overview", level=1).wait_for()
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator('[data-testid="stException"]').count() == 0


def test_fokusomraden_real_bra_series_with_provenance(offline_page, app_url, artifacts):
    page = offline_page
    page.goto(url_of(app_url, "fokusomraden", "fokus=trygghet"))
    page.get_by_role("heading", name="Trygghet i offentlig miljö").wait_for()
    page.get_by_text("Anmälda brott totalt per kvartal").first.wait_for()
    page.locator(".stPlotlyChart").first.wait_for()
    page.get_by_text("preliminär").first.wait_for()  # 2026 quarters are preliminary
    page.get_by_text(re.compile(r"Källa: Brå · Typ: Anmälda brott · Data t\.o\.m\. 2026-06-30 \(preliminär\)")).first.wait_for()
    page.get_by_text(re.compile(r"^Äldre serier \(\d+\)")).first.click()  # the 2022 survey figures, folded
    page.get_by_text("äldre än källans vanliga uppdateringscykel").first.wait_for()
    tall_screenshot(page, artifacts / "fokus-trygghet.png", 5200)
    page.goto(url_of(app_url, "fokusomraden", "fokus=andts"))
    page.get_by_role("heading", name=re.compile("ANDTS")).wait_for()
    page.get_by_text("narkotika och vapen är en sammanslagen kategori").first.wait_for()
    tall_screenshot(page, artifacts / "fokus-andts.png", 3600)
    page.goto(url_of(app_url, "fokusomraden", "fokus=vinr"))
    page.get_by_text("inte bara våld i nära relationer").first.wait_for()
    _no_outside_requests(page)


def test_add_activity_with_the_form_and_see_it_on_oversikt(offline_page, app_url, artifacts):
    page = offline_page
    page.goto(url_of(app_url, "fokusomraden", "fokus=gang"))
    page.get_by_text("Lägg till eller ändra en aktivitet").click()
    title = page.get_by_label("Titel", exact=True)
    title.wait_for()
    title.fill("Föräldravandring i Skogås centrum")
    page.get_by_role("button", name="Spara", exact=True).click()
    page.get_by_text("Aktiviteten är sparad.").wait_for()
    page.get_by_text("1 av 1 aktiviteter visas").wait_for()
    # the list's filters live in the address
    page.goto(url_of(app_url, "fokusomraden", "fokus=gang&akt_status=genomford"))
    page.get_by_text("0 av 1 aktiviteter visas").wait_for()
    page.goto(url_of(app_url, "fokusomraden", "fokus=gang&akt_status=planerad"))
    page.get_by_text("1 av 1 aktiviteter visas").wait_for()
    page.goto(url_of(app_url, "oversikt"))
    page.get_by_text("Senaste aktiviteter", exact=True).wait_for()
    page.locator(".stDataFrame").first.wait_for()
    page.get_by_text(re.compile(r"Källa: partnerrapport · Typ: Partnerrapport · Data t\.o\.m\. \d{4}-\d{2}-\d{2}")).first.wait_for()
    _no_outside_requests(page)


def test_activity_template_upload_preview_and_import(offline_page, app_url, artifacts, tmp_path):
    page = offline_page
    header = ";".join(tpl.COLUMNS)
    body = "\r\n".join([header,
                        "HUGE-1;Trygghetsvandring Vårby gård;Med boende och polis;Huge;trygghet;0126R020;Planerad;2026-04-15;2026-04-15;",
                        "HUGE-2;Klotter bort inom 24 timmar;;Huge;trygghet;;Pågående;2026-01-01;;"]) + "\r\n"
    f = tmp_path / "aktiviteter.csv"
    f.write_bytes(("\ufeff" + body).encode("utf-8"))
    page.goto(url_of(app_url, "administration"))  # the uploader lives on the Administration page only
    page.get_by_role("heading", name="Aktiviteter från mall").wait_for()
    page.locator("input[type=file]").last.set_input_files(str(f))
    page.get_by_text("Förhandsgranskning:").wait_for()
    page.get_by_text("2 nya, 0 ändrade, 0 oförändrade").wait_for()
    page.get_by_role("button", name="Importera").click()
    page.get_by_text("Importerat: 2 nya, 0 ändrade, 0 oförändrade.").wait_for()
    tall_screenshot(page, artifacts / "administration-aktiviteter.png", 5600)
    bad = tmp_path / "trasig.csv"
    bad.write_bytes(("\ufeff" + header + "\r\nHUGE-3;Ok;;Okänd;trygghet;;Klar;2026-13-01;;\r\n").encode("utf-8"))
    page.locator("input[type=file]").last.set_input_files(str(bad))
    page.get_by_text("Inget har ändrats").first.wait_for()
    page.get_by_text(re.compile("rad 2, kolumn ”status”")).first.wait_for()
    _no_outside_requests(page)


def test_om_lists_every_source_with_licence(offline_page, app_url, artifacts):
    from lagesbild.registry.sources import sources

    page = offline_page
    page.goto(url_of(app_url, "om"))
    page.get_by_role("heading", name="Källor").wait_for()
    for src in sources().values():
        page.get_by_text(f"{src.name} – {src.short_publisher}").first.wait_for()
    page.get_by_text("Skydd av små tal och enskilda").wait_for()
    tall_screenshot(page, artifacts / "om.png", 4200)
    _no_outside_requests(page)
