"""Karta in a real browser with no internet: the districts are drawn, the priority areas are
labelled, nothing is fetched from outside, and a click on Flemingsberg opens its profile."""
from __future__ import annotations

import pytest

from lagesbild.geo.choropleth import PALETTE

pytestmark = pytest.mark.browser

MAP_FRAME = "iframe[src*='streamlit_folium']"


def outside_requests_of_maps(page) -> list[tuple[str, str]]:
    """Blocked requests made by a map (its iframe) or for map assets (Leaflet, tiles)."""
    return [(url, frame) for url, frame in page.blocked
            if "streamlit_folium" in frame or any(w in url for w in ("leaflet", "tile", "jquery", "bootstrap", "d3"))]


def tall_screenshot(page, path, height: int) -> None:
    """Streamlit scrolls inside the page, so a "full page" shot is one screen: grow the window."""
    page.set_viewport_size({"width": 1400, "height": height})
    page.wait_for_timeout(1500)
    page.screenshot(path=path)
    page.set_viewport_size({"width": 1400, "height": 1000})


def test_karta_offline_then_click_flemingsberg(offline_page, app_url, artifacts):
    page = offline_page
    page.goto(f"{app_url}/karta")  # opens on the safety layer: police notices, as counts
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator(".lb-legend", has_text="Publicerade polishändelser").wait_for()
    page.get_by_text("inte knytas till ett område").first.wait_for()
    frame.locator(".leaflet-container").screenshot(path=artifacts / "karta-notiser.png")
    page.goto(f"{app_url}/karta?matt=tathet")
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator(".lb-prio-label", has_text="Flemingsberg").wait_for()
    frame.locator(".lb-legend", has_text="Befolkningstäthet").wait_for()

    # All 22 RegSO are drawn as filled SVG paths in the choropleth's colours.
    fills = frame.locator("path.leaflet-interactive").evaluate_all("els => els.map(e => e.getAttribute('fill'))")
    assert sum(f in PALETTE for f in fills) == 22, fills
    labels = sorted(frame.locator(".lb-prio-label").all_inner_texts())
    assert labels == ["Flemingsberg", "Huddinge centrum", "Skogås", "Vårby"]
    legend = frame.locator(".lb-legend").inner_text()
    assert "Befolkningstäthet" in legend and "Utsatt område" in legend
    credits = frame.locator(".leaflet-control-attribution").inner_text()
    for who in ("SCB", "Valmyndigheten", "Polismyndigheten"):
        assert who in credits
    layers = frame.locator(".leaflet-control-layers").inner_text()
    assert "Valdistrikt" in layers and "Utsatta områden 2025" in layers
    page.get_by_text("Visa som tabell").first.wait_for()
    tall_screenshot(page, artifacts / "karta.png", 2000)
    frame.locator(".leaflet-container").screenshot(path=artifacts / "karta-map.png")
    assert outside_requests_of_maps(page) == [], page.blocked

    frame.locator(".lb-prio-label", has_text="Flemingsberg").click()
    page.wait_for_url("**/omraden?omrade=prio-flemingsberg*")
    page.locator("h2", has_text="Flemingsberg").first.wait_for()
    page.get_by_text("Så avgränsas området").wait_for()
    area_frame = page.frame_locator(MAP_FRAME).first
    area_frame.locator(".lb-prio-label", has_text="Flemingsberg").wait_for()
    page.get_by_text("Reformer som rör området").wait_for()
    tall_screenshot(page, artifacts / "omraden-flemingsberg.png", 4200)
    assert outside_requests_of_maps(page) == [], page.blocked


def test_valdistrikt_layer_can_be_switched_on(offline_page, app_url, artifacts):
    page = offline_page
    page.goto(f"{app_url}/karta")
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator(".lb-prio-label").first.wait_for()
    before = frame.locator("path.leaflet-interactive").count()
    frame.locator(".leaflet-control-layers label", has_text="Valdistrikt").click()
    frame.locator("path.leaflet-interactive").nth(before + 63).wait_for()
    assert frame.locator("path.leaflet-interactive").count() == before + 64
    frame.locator(".leaflet-container").screenshot(path=artifacts / "karta-valdistrikt.png")
    assert outside_requests_of_maps(page) == [], page.blocked


def test_click_on_a_district_opens_its_profile(offline_page, app_url):
    page = offline_page
    page.goto(f"{app_url}/karta?matt=tathet")
    frame = page.frame_locator(MAP_FRAME).first
    label = frame.locator(".lb-label", has_text="Gladö-Lissma")
    label.wait_for()
    box = label.bounding_box()  # the name does not catch clicks: the district under it does
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/omraden?omrade=0126R006*")
    page.locator("h2", has_text="Gladö-Lissma").first.wait_for()
