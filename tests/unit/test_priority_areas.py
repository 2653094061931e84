"""Priority areas: read from the data file, checked, dissolved; changeable without code."""
from __future__ import annotations

import tomllib

import geopandas as gpd
import pytest

from lagesbild.config import load_kommun
from lagesbild.errors import ValidationError
from lagesbild.geo import METRIC_CRS, priority
from lagesbild.geo.layers import layer


def test_the_configured_areas_are_compositions_of_existing_districts():
    areas = priority.load()
    assert [a.code for a in areas] == ["prio-flemingsberg", "prio-skogas", "prio-varby", "prio-huddinge-centrum"]
    by = {a.code: a for a in areas}
    assert by["prio-flemingsberg"].codes == ("0126R001", "0126R002", "0126R003")
    assert by["prio-skogas"].codes == ("0126R014", "0126R015")
    assert by["prio-varby"].codes == ("0126R020", "0126R021", "0126R022")
    assert by["prio-huddinge-centrum"].preliminary and by["prio-huddinge-centrum"].codes == ("0126R012",)
    assert not by["prio-flemingsberg"].preliminary
    assert all(a.note for a in areas)


def test_dissolve_gives_one_valid_outline_equal_to_the_union_of_its_districts():
    geo = priority.geometries().set_index("code")
    regso = layer("regso").set_index("code")
    for a in priority.load():
        outline = geo.loc[a.code, "geometry"]
        assert outline.is_valid and outline.geom_type == "Polygon", a.code  # contiguous: one polygon
        union = regso.loc[list(a.codes)].geometry.union_all()
        diff = gpd.GeoSeries([outline.symmetric_difference(union)], crs=4326).to_crs(METRIC_CRS).area.iloc[0]
        assert diff < 1.0
        assert geo.loc[a.code, "area_km2"] == pytest.approx(regso.loc[list(a.codes), "area_km2"].sum(), rel=1e-6)


def test_the_utsatta_omraden_lie_in_their_priority_areas():
    from lagesbild.geo.areas import uso_by_area

    u = uso_by_area()
    prio = u[u["area_code"].str.startswith("prio-")].set_index("uso_name")
    assert prio.loc["Grantorp / Visättra", "area_code"] == "prio-flemingsberg"
    assert prio.loc["Skogås", "area_code"] == "prio-skogas"
    assert prio.loc["Vårby", "area_code"] == "prio-varby"
    assert (prio["share"] > 0.9).all()


def _raw():
    with open(load_kommun().path("priority_areas"), "rb") as fh:
        return tomllib.load(fh)


def _known():
    return {"regso": set(layer("regso")["code"]), "valdistrikt": set(layer("valdistrikt")["code"])}


def test_a_changed_file_changes_the_areas_without_code(tmp_path):
    raw = _raw()
    raw["area"][1]["codes"] = ["0126R014"]  # Skogås without Skogås östra
    raw["area"].append({"code": "prio-test", "name": "Testområde", "layer": "valdistrikt",
                        "codes": ["01260404", "01260409"], "status": "förslag", "note": "test"})
    areas = priority.parse(raw, _known())
    out = priority.dissolve(areas, {"regso": layer("regso"), "valdistrikt": layer("valdistrikt")}).set_index("code")
    assert out.loc["prio-skogas", "area_km2"] == pytest.approx(layer("regso").set_index("code").loc["0126R014", "area_km2"])
    assert out.loc["prio-test", "layer"] == "valdistrikt"
    assert len(out) == 5


@pytest.mark.parametrize("change, words", [
    (lambda r: r["area"][0]["codes"].append("0126R999"), ["0126R999", "område nr 1", "regso"]),
    (lambda r: r["area"][1].update(code="prio-flemingsberg"), ["prio-flemingsberg", "används redan"]),
    (lambda r: r["area"][2].update(layer="deso"), ["deso", "regso, valdistrikt"]),
    (lambda r: r["area"][3].pop("codes"), ["codes", "saknas", "område nr 4"]),
])
def test_errors_in_the_file_are_named_in_swedish(change, words):
    raw = _raw()
    change(raw)
    with pytest.raises(ValidationError) as err:
        priority.parse(raw, _known())
    for w in words:
        assert w in str(err.value)
    assert "har inte lästs in" in str(err.value)


def test_seed_rows_agree_with_the_layers_and_the_scb_names():
    from lagesbild.geo.seed import district_rows

    rows = district_rows()
    by_level = {}
    for r in rows:
        by_level.setdefault(r["level"], []).append(r)
    assert len(by_level["regso"]) == 22 and len(by_level["valdistrikt"]) == 64 and len(by_level["prioriterat"]) == 4
    assert all(r["parent_code"] == "0126" for r in rows)
    assert all(r["is_priority"] for r in by_level["prioriterat"])
    assert {r["code"]: r["name"] for r in by_level["regso"]}["0126R012"] == "Sjödalen centrala-norra"


def test_a_seeded_store_has_the_districts(store):
    from sqlalchemy import func, select

    from lagesbild.store.models import District

    with store.session() as s:
        counts = dict(s.execute(select(District.level, func.count()).group_by(District.level)).all())
        prio = s.get(District, "prio-huddinge-centrum")
    assert counts["regso"] == 22 and counts["valdistrikt"] == 64 and counts["prioriterat"] == 4
    assert prio.is_priority and prio.parent_code == "0126"
