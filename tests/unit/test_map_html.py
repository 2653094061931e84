"""The folium maps: only local assets (offline), every text escaped, credits on the map."""
from __future__ import annotations

import re

import branca
import folium
import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from lagesbild.config import PROJECT_ROOT
from lagesbild.geo import choropleth, karta, measures
from lagesbild.geo import foliummap as fm

HOSTILE = '<img src=x onerror="alert(1)">&<script>alert(2)</script>'


def decoded(html: str) -> str:
    """The page with folium's JSON \\uXXXX escapes undone (what Leaflet finally sees)."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), html)


def walk(el):
    yield el
    for child in getattr(el, "_children", {}).values():
        yield from walk(child)


def asset_urls(m: folium.Map) -> list[str]:
    """What streamlit-folium would load: every element's default_js/default_css (and d3 for a
    branca colormap), the same walk as st_folium does."""
    urls = []
    for el in walk(m):
        if isinstance(el, branca.colormap.ColorMap):
            urls.append("https://d3js.org/d3.v4.min.js")
        urls += [u for _, u in getattr(el, "default_js", [])] + [u for _, u in getattr(el, "default_css", [])]
    return urls


@pytest.fixture(scope="module")
def karta_map():
    from tests.unit.test_geo_views import POP, make_picture, obs_rows

    pic = make_picture(obs_rows("scb_befolkning", POP))
    return karta.build(pic, measures.DENSITY, None, "sv", fm.offline_assets()).fmap


def test_only_the_apps_own_leaflet_is_loaded(karta_map):
    urls = asset_urls(karta_map)
    assert urls and set(urls) == {"/app/static/vendor/leaflet/leaflet.js", "/app/static/vendor/leaflet/leaflet.css"}
    for u in urls:
        assert (PROJECT_ROOT / "static" / u.removeprefix("/app/static/")).is_file()
    html = karta_map.get_root().render()
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert "cdn" not in html.lower()


def test_profile_map_is_offline_too():
    m = karta.area_map("prio-skogas", "sv", fm.offline_assets("/base/app/static/vendor/leaflet"))
    assert set(asset_urls(m)) == {"/base/app/static/vendor/leaflet/leaflet.js", "/base/app/static/vendor/leaflet/leaflet.css"}


def test_every_layer_is_credited_on_the_map(karta_map):
    html = decoded(karta_map.get_root().render())
    for credit in ("RegSO: SCB", "Valdistrikt: Valmyndigheten", "Utsatta områden 2025: Polismyndigheten",
                   "Kommungräns: Valmyndigheten, SCB", "Värden: SCB"):
        assert any(credit in a for a in re.findall(r'"attribution": "([^"]*)"', html)), credit


def test_tooltips_and_legend_name_value_period_and_source(karta_map):
    html = decoded(karta_map.get_root().render())
    assert "Flemingsberg västra" in html and "Period 2025" in html and "Källa: SCB" in html
    assert "Utsatt område: Grantorp / Visättra" in html  # the RegSO tooltip names the overlay
    assert "Aktualitet från 2021-12-01" in html


def hostile_map():
    gdf = gpd.GeoDataFrame({"code": ["X1", "X2"], "name": [HOSTILE, "Vanlig"]},
                           geometry=[box(17.9, 59.2, 17.95, 59.25), box(17.95, 59.2, 18.0, 59.25)], crs=4326)
    values = pd.DataFrame({"code": ["X1", "X2"], "value": [1.0, 2.0], "suppressed": [False, False]})
    classes = choropleth.classify(values)
    m = fm.base_map(fm.bounds_of(gdf), fm.offline_assets(), tiles_url="http://127.0.0.1/{z}/{x}/{y}.png",
                    tiles_attribution=HOSTILE, tiles_name=HOSTILE)
    tips = {c: fm.tooltip_html(n, [HOSTILE]) for c, n in zip(gdf["code"], gdf["name"])}
    fm.add_outline(m, gdf.dissolve(), name=HOSTILE, attribution=HOSTILE)
    fm.add_choropleth(m, gdf, classes, tips, name=HOSTILE, attribution=HOSTILE, kind="regso",
                      labels=dict(zip(gdf["code"], gdf["name"])))
    fm.add_boundaries(m, gdf, tips, name=HOSTILE, attribution=HOSTILE, kind="valdistrikt", color="#000", weight=1,
                      dash=None, show=True)
    fm.add_priority(m, gdf, tips, name=HOSTILE, attribution=HOSTILE)
    fm.add_highlight(m, gdf.iloc[[0]], name=HOSTILE)
    folium.LayerControl().add_to(m)
    fm.Legend(fm.legend_html(HOSTILE, classes, [(fm.USO_LINE, HOSTILE)], note=HOSTILE)).add_to(m)
    return m


def test_a_hostile_district_name_is_escaped_everywhere():
    html = hostile_map().get_root().render()
    assert "<img src=x" not in html and "<script>alert(2)" not in html
    # Inside folium's JSON strings < and > are \\u-escaped; undo that to see what Leaflet
    # puts into the page as HTML: only the html.escape'd text, in every place.
    seen = decoded(html)
    assert "<img src=x" not in seen and "<script>alert(2)" not in seen
    escaped = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&lt;script&gt;alert(2)&lt;/script&gt;"
    # tooltip, label, layer-control name, attribution, legend, tile credit
    assert seen.count(escaped) >= 8


def test_tooltip_html_escapes():
    assert fm.tooltip_html("<b>", ["a&b", ""]) == "<strong>&lt;b&gt;</strong><br>a&amp;b"


def test_labels_only_show_where_they_fit():
    narrow = box(0, 0, 500, 500)  # 500 m square in metres
    wide = box(0, 0, 8000, 8000)
    assert fm.min_zoom_for_label("Sjödalen centrala-norra", narrow, 59.2) > fm.min_zoom_for_label("Sjödalen centrala-norra", wide, 59.2)
    assert fm.min_zoom_for_label("A", wide, 59.2) < 11


def test_background_tiles_are_off_by_default_and_configurable():
    from tests.unit.test_geo_views import POP, make_picture, obs_rows

    pic = make_picture(obs_rows("scb_befolkning", POP))
    plain = karta.build(pic, measures.DENSITY, None, "sv", fm.offline_assets()).fmap
    assert not [el for el in walk(plain) if isinstance(el, folium.TileLayer)]
    tiled = karta.build(pic, measures.DENSITY, None, "sv", fm.offline_assets(),
                        tiles_url="https://tiles.example/{z}/{x}/{y}.png", tiles_attribution="© Exempel").fmap
    layers = [el for el in walk(tiled) if isinstance(el, folium.TileLayer)]
    assert len(layers) == 1 and layers[0].tiles == "https://tiles.example/{z}/{x}/{y}.png"
    assert "© Exempel" in decoded(tiled.get_root().render())


def test_legend_title_does_not_repeat_the_unit():
    assert karta.legend_title(measures.indicator_measure("partner_anlagda_brander"), "sv").endswith("per 1 000 invånare")
    assert karta.legend_title(measures.NOTICES, "sv") == "Publicerade polishändelser (notiser)"
    assert karta.legend_title(measures.DENSITY, "sv") == "Befolkningstäthet (inv./km²)"
