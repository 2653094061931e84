"""The Haninge pack (valdistrikt only, built by `python -m lagesbild.kommun new` from Haninge's
real files) in a real browser: every page runs without an exception and names no Huddinge
place, and Karta draws Haninge's 54 valdistrikt."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from lagesbild.config import PROJECT_ROOT
from lagesbild.kommun import new_pack
from lagesbild.registry.pages import PAGES
from tests.browser.conftest import first_visit, running_app, wait_ready

pytestmark = pytest.mark.browser

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "haninge"
BRA = PROJECT_ROOT / "data" / "raw" / "bra_jmf" / "bra_anmalda_brott_jmf_kommuner_1996_2025.csv"
HUDDINGE_WORDS = re.compile(r"Huddinge|Flemingsberg|Skogås|Vårby|Visättra|Segeltorp|Länna")
MAP_FRAME = "iframe[src*='streamlit_folium']"


@pytest.fixture(scope="module")
def haninge_url(tmp_path_factory, browser_context):
    pack = tmp_path_factory.mktemp("haninge-pack")
    new_pack("0136", "Haninge", FIX / "haninge_valdistrikt_2026.geojson", FIX / "haninge_kommun_scb.geojson", pack,
             [("bra", BRA)])
    with running_app(tmp_path_factory, "haninge-app", {"LAGESBILD_KOMMUN_CONFIG": str(pack / "kommun.toml")}) as (url, _db):
        first_visit(browser_context, url)
        yield url


def test_every_page_of_the_haninge_pack(haninge_url, offline_page):
    page = offline_page
    for spec in PAGES:
        page.goto(f"{haninge_url}/{'' if spec.default else spec.slug}")
        page.locator("h1").first.wait_for()
        wait_ready(page)
        assert page.locator('[data-testid="stException"]').count() == 0, spec.slug
        body = page.locator('[data-testid="stMain"]').inner_text()
        assert "kunde inte starta" not in body, spec.slug
        assert not HUDDINGE_WORDS.search(body), (spec.slug, HUDDINGE_WORDS.search(body).group(0))
        assert "Lägesbild Haninge" in body, spec.slug


def test_karta_draws_the_54_valdistrikt(haninge_url, offline_page):
    page = offline_page
    page.goto(f"{haninge_url}/karta")
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator(".leaflet-container path.leaflet-interactive").first.wait_for(timeout=90_000)
    wait_ready(page)
    assert frame.locator(".leaflet-container path.leaflet-interactive").count() >= 54
    assert page.blocked == []  # offline: nothing fetched from outside
