"""The committed map layers (geo/*.geojson): real, valid, complete and consistent."""
from __future__ import annotations

import itertools

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from lagesbild.config import PROJECT_ROOT, load_kommun
from lagesbild.geo import METRIC_CRS, WEB_CRS
from lagesbild.geo import build as b
from lagesbild.geo.layers import read_layer

KOMMUN = load_kommun()
EXPECTED = {"regso": 22, "valdistrikt": 64, "utsatta_omraden": 3, "kommun_outline": 1}
TOLERANCE_M2 = 10_000  # 0.01 km²: far below the 40 m generalisation of the RegSO source


def gdf(key: str) -> gpd.GeoDataFrame:
    return read_layer(KOMMUN.path(key))


def m2(geoms) -> float:
    geoms = [g for g in geoms if not g.is_empty]
    return float(gpd.GeoSeries(geoms, crs=WEB_CRS).to_crs(METRIC_CRS).area.sum()) if geoms else 0.0


@pytest.mark.parametrize("key", list(EXPECTED))
def test_layer_has_the_expected_areas_and_valid_polygons(key):
    g = gdf(key)
    assert len(g) == EXPECTED[key]
    assert g["code"].is_unique
    assert g.crs.to_epsg() == 4326
    assert g.is_valid.all()
    assert set(g.geom_type) <= {"Polygon", "MultiPolygon"}
    assert (g["area_km2"] > 0).all()
    assert g["name"].str.len().gt(0).all()


@pytest.mark.parametrize("key", ["regso", "valdistrikt"])
def test_districts_do_not_overlap(key):
    geoms = list(gdf(key).geometry)
    overlaps = [shapely.intersection(a, c) for a, c in itertools.combinations(geoms, 2)]
    assert m2([o for o in overlaps if o.area > 0]) < 1.0  # square metres, all pairs together
    assert shapely.coverage_is_valid(np.array(geoms))


@pytest.mark.parametrize("key", ["regso", "valdistrikt"])
def test_districts_cover_the_kommun_outline(key):
    outline = gdf("kommun_outline").geometry.union_all()
    union = gdf(key).geometry.union_all()
    assert m2([outline.difference(union)]) < TOLERANCE_M2
    assert m2([union.difference(outline)]) < TOLERANCE_M2
    total = gdf(key)["area_km2"].sum()
    assert total == pytest.approx(gdf("kommun_outline")["area_km2"].sum(), rel=1e-3)


def test_kommun_outline_agrees_with_scb_and_is_about_the_official_area():
    outline = gdf("kommun_outline")
    assert outline["code"].iloc[0] == KOMMUN.code
    assert 120 < outline["area_km2"].iloc[0] < 160  # official total area 140.6 km² incl. water
    scb = b.read_scb_kommun(PROJECT_ROOT / KOMMUN.raw["geo_build"]["kommun_outline"], KOMMUN.code)
    inside = m2([scb.geometry.iloc[0].intersection(outline.geometry.iloc[0])]) / m2([scb.geometry.iloc[0]])
    assert inside > 0.9


def test_utsatta_omraden_are_polisens_polygons_reprojected():
    uso = gdf("utsatta_omraden")
    assert set(uso["kategori"]) == {"Utsatt område"}
    assert {"name", "kategori", "aktualitet_start"} <= set(uso.columns)
    assert uso["aktualitet_start"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    raw = gpd.read_file(PROJECT_ROOT / KOMMUN.raw["geo_build"]["utsatta_omraden"])
    # Reprojection keeps Polisen's own area (Shape_Area, m²) within rounding.
    ours = dict(zip(uso["polisen_id"].astype(int), uso["area_km2"] * 1e6))
    for pid, area in zip(raw["SPECIALOMRADES_ID"].astype(int), raw["Shape_Area"]):
        assert ours[pid] == pytest.approx(area, rel=2e-3)
    outline = gdf("kommun_outline").geometry.union_all()
    for geom in uso.geometry:
        assert m2([geom.intersection(outline)]) / m2([geom]) > 0.9


def test_regso_names_are_scbs():
    pop = pd.read_csv(PROJECT_ROOT / "data/raw/scb_population/huddinge_regso2025_population_2025.csv", dtype=str)
    regso = gdf("regso")
    assert dict(zip(regso["code"], regso["name"])) == dict(zip(pop["regso_code"], pop["regso_name"]))


def test_committed_files_match_a_fresh_build():
    """geo/ is generated: a stale or hand-edited file fails here (run scripts/build_geo.py)."""
    raw = {k: PROJECT_ROOT / v for k, v in KOMMUN.raw["geo_build"].items()}
    vald = b.rounded(b.read_valdistrikt(raw["valdistrikt"], KOMMUN.code))
    regso, report = b.clean_tiling(b.read_scb_lookup(raw["regso"], KOMMUN.code), b.dissolve_outline(vald))
    committed = gdf("regso").set_index("code")
    for code, geom in zip(regso["code"], b.rounded(regso).geometry):
        assert geom.equals_exact(committed.loc[code, "geometry"], tolerance=2e-5) or \
            m2([geom.symmetric_difference(committed.loc[code, "geometry"])]) < 1.0, code
    assert max(abs(r.change_pct) for r in report) < 5  # the repair stays within the generalisation


def test_population_sums_over_deso_and_regso():
    """SCB 2025: the 63 DeSO (and the 22 RegSO) sum to 114 683, through the real importer."""
    scb = pytest.importorskip("lagesbild.importers.scb")
    for name in ("huddinge_deso2025_population_2025.csv", "huddinge_regso2025_population_2025.csv"):
        path = PROJECT_ROOT / "data/raw/scb_population" / name
        parsed = scb.parse(path.read_bytes(), name)
        assert parsed.records["value"].sum() == 114_683
    regso_codes = set(gdf("regso")["code"])
    parsed = scb.parse((PROJECT_ROOT / "data/raw/scb_population/huddinge_regso2025_population_2025.csv").read_bytes(),
                       "huddinge_regso2025_population_2025.csv")
    assert set(parsed.records["area_code"]) == regso_codes  # every map district has a population


def test_no_kommun_specific_literal_in_geo_code():
    """The kommun comes from configuration: no Huddinge name, code or coordinate in the code."""
    import re

    for path in list((PROJECT_ROOT / "lagesbild" / "geo").glob("*.py")) + [PROJECT_ROOT / "scripts" / "build_geo.py",
                                                                       PROJECT_ROOT / "lagesbild" / "ui" / "map_ui.py",
                                                                       PROJECT_ROOT / "lagesbild" / "ui" / "karta_ui.py",
                                                                       PROJECT_ROOT / "lagesbild" / "ui" / "omraden_ui.py"]:
        text = path.read_text(encoding="utf-8")
        for word in ("Huddinge", "0126", "Flemingsberg", "Skogås", "Vårby"):
            assert word not in text, f"{path.name}: {word}"
        assert not re.search(r"\b(59|18|17)\.\d{3,}", text), f"{path.name}: a coordinate"
