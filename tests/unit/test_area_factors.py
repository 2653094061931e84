"""Area risk and protective factors: the aggregation, the joins and recomputations behind
them, what is stored at first start, and what the profile and the map make of it."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from lagesbild.config import load_kommun
from lagesbild.geo import area_factors, factors, measures, omradestyp, priority, turnout, uso_share
from lagesbild.geo.layers import layer
from lagesbild.registry.indicators import indicators

KOMMUN = load_kommun().code


@pytest.fixture(scope="module")
def deso():
    return factors.load_deso()


@pytest.fixture(scope="module")
def agg(deso):
    a = factors.aggregate(deso, priority.load(), KOMMUN)
    return a.set_index(["area_code", "indicator_id"])["value"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A store seeded from the shipped files (SQLite, once per module)."""
    from lagesbild.store.db import Store

    st = Store.open(f"sqlite:///{tmp_path_factory.mktemp('factors') / 'f.db'}")
    yield st
    st.engine.dispose()


@pytest.fixture(scope="module")
def picture(store):
    from lagesbild.picture import load_live

    with store.session() as s:
        return load_live(s)


# --- (a) SCB per DeSO → RegSO, priority areas, kommun ------------------------------------


def test_file_has_63_deso_in_22_regso(deso):
    assert len(deso) == 63 and deso["regso"].nunique() == 22
    assert deso["pop"].sum() == 114_683


@pytest.mark.parametrize("area,expected", [
    ("prio-flemingsberg", 28.9), ("prio-varby", 27.5), ("prio-skogas", 14.2), ("0126R012", 13.0), (KOMMUN, 11.6),
])
def test_low_economic_standard_reproduces_the_sources_note(agg, area, expected):
    """data/raw/SOURCES.md: population-weighted, 2024 values with 2025 weights."""
    assert agg[(area, "scb_lag_ekonomisk_standard")] == pytest.approx(expected, abs=0.1)


def test_priority_area_made_of_one_regso_equals_that_regso(agg):
    assert agg[("prio-huddinge-centrum", "scb_arbetsloshet")] == pytest.approx(agg[("0126R012", "scb_arbetsloshet")])


def test_each_field_has_its_own_weight():
    weight = {f.key: f.weight for f in factors.FIELDS}
    assert weight == {"low_econ": "pop", "unemp": "labour_force", "employment": "pop_20_64",
                      "higher_ed": "pop_25_64", "renters": "dwellings", "foreign": "pop", "young": "pop"}
    assert set(weight.values()) <= set(factors.WEIGHTS)


def test_unemployment_is_weighted_by_the_labour_force_not_population():
    # Two DeSO of equal population: the one with more people at work carries more weight.
    age_many = {"m": [0] * 4 + [100] * 9 + [0] * 4, "f": [0] * 4 + [100] * 9 + [0] * 4}
    age_few = {"m": [0] * 4 + [50] * 9 + [0] * 4, "f": [0] * 4 + [50] * 9 + [0] * 4}
    data = {"areas": [
        {"code": "9999A0001", "regso": "9999R001", "pop": "1800", "unemp": "10", "employment": "90",
         "dist": {"age": age_many, "tenure": [1, 1, 1, 0]}, "hist": {"unemp": {"2024": 10}}},
        {"code": "9999A0002", "regso": "9999R001", "pop": "1800", "unemp": "20", "employment": "40",
         "dist": {"age": age_few, "tenure": [1, 1, 1, 0]}, "hist": {"unemp": {"2024": 20}}},
    ]}
    d = factors.deso_frame(data)
    # employed 1620 and 360; labour force 1620/0.9 = 1800 and 360/0.8 = 450
    assert list(d["labour_force"].round(6)) == [1800.0, 450.0]
    unemp = next(f for f in factors.FIELDS if f.key == "unemp")
    expected = (0.10 * 1800 + 0.20 * 450) / (1800 + 450) * 100
    assert factors.weighted_share(d, unemp) == pytest.approx(expected)
    assert factors.weighted_share(d, unemp) != pytest.approx(15.0)  # not the population-weighted mean


def test_a_missing_part_makes_the_total_unknown(deso):
    low = next(f for f in factors.FIELDS if f.key == "low_econ")
    broken = deso.head(3).copy()
    broken.loc[broken.index[0], "low_econ"] = math.nan
    assert math.isnan(factors.weighted_share(broken, low))


def test_medians_are_never_averaged(deso, agg):
    assert factors.MEDIAN_INDICATOR not in set(agg.index.get_level_values("indicator_id"))
    medians = dict(zip(deso["deso"], deso["income_med"]))
    flem = deso[deso["regso"].isin(["0126R001", "0126R002", "0126R003"])]["deso"]
    lo, hi, n = factors.income_range(medians, flem)
    assert (lo, hi, n) == (min(medians[c] for c in flem), max(medians[c] for c in flem), len(flem))


def test_medians_are_stored_per_deso_only():
    from lagesbild.importers.seed_factors import scb_import

    rec = scb_import().records
    med = rec[rec["indicator_id"] == factors.MEDIAN_INDICATOR]
    assert len(med) == 63 and med["area_code"].str.match(r"^\d{4}[A-C]\d{4}$").all()


# --- (b) områdestyp ------------------------------------------------------------------------


def test_omradestyp_joins_all_22_regso_by_code_and_name():
    reg = layer("regso")
    kommun = load_kommun()
    t = omradestyp.types(factors.factor_file("omradestyp"), factors.factor_file("omradestyp_key"),
                         kommun.code, kommun.name, dict(zip(reg["code"], reg["name"])))
    assert len(t) == 22 and t["joined"].all() and t["code"].nunique() == 22
    assert sorted(t.loc[t["typ"] == 2, "name_2025"]) == sorted(
        ["Flemingsberg västra", "Skogås västra", "Vårby gård", "Vårby Haga-Masmo", "Vårby Udde-Duvberget"])
    assert t["typ"].value_counts().to_dict() == {4: 11, 2: 5, 3: 3, 5: 3}


def test_type_mix_is_population_weighted():
    mix = omradestyp.mix({"A": 2, "B": 3}, {"A": 500.0, "B": 100.0}, ["A", "B"])
    assert mix == {2: pytest.approx(500 / 600), 3: pytest.approx(100 / 600)}
    assert omradestyp.mix({"A": 2}, {"A": 500.0, "B": 100.0}, ["A", "B"]) is None  # unknown stays unknown


# --- (c) utsatta områden ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def uso_cmp():
    return area_factors.uso_comparison().set_index("code")


def test_recomputed_shares_r022_is_not_sarskilt(uso_cmp):
    assert uso_cmp.loc["0126R022", "sarskilt"] == 0.0
    assert uso_cmp.loc["0126R022", "sarskilt_file"] > 0  # the shared file's sliver
    assert uso_cmp.loc["0126R022", "sarskilt_only_in_file"]
    assert uso_cmp.loc[KOMMUN, "sarskilt"] == 0.0 and uso_cmp.loc[KOMMUN, "sarskilt_only_in_file"]


def test_recomputed_shares_agree_with_the_file_otherwise(uso_cmp):
    for code in ("0126R001", "0126R002", "prio-flemingsberg"):
        assert uso_cmp.loc[code, "share"] > 0
    regso = uso_cmp[uso_cmp.index.str.match(r"^\d{4}R\d{3}$")]
    assert (regso["diff_pp"].abs() < 2.5).all()  # generalised boundaries differ a little
    assert uso_cmp.loc[KOMMUN, "share"] == pytest.approx(uso_cmp.loc[KOMMUN, "share_file"], abs=0.1)


def test_deso_rings_are_lat_lon_and_lie_in_the_kommun():
    d = uso_share.deso_polygons(factors.factor_file("scb_deso"))
    assert len(d) == 63 and d.geometry.is_valid.all()
    minx, miny, maxx, maxy = d.total_bounds
    assert 17 < minx < maxx < 19 and 59 < miny < maxy < 60  # lon, lat (the file stores lat, lon)


# --- (d) turnout ------------------------------------------------------------------------------


def test_turnout_match_rule():
    assert turnout.normalise("Huddinge c") == turnout.normalise("Huddinge centrum")
    assert turnout.normalise("Tomtberga N") == "tomtberga norra"
    assert turnout.normalise("Glömsta") != turnout.normalise("Glömsta södra")


def test_turnout_matched_and_unmatched():
    vd = layer("valdistrikt")
    current = dict(zip(vd["code"], vd["name"]))
    r22 = turnout.read_2022(factors.factor_file("val_2022"))
    m22, u22 = turnout.match(r22, current)
    assert len(m22) == 64 and u22.empty
    assert turnout.kommun_turnout(r22) == pytest.approx(80.80, abs=0.01)
    assert turnout.unsplit_votes(r22) == 2844
    r18 = turnout.read_2018(factors.factor_file("val_2018"))
    m18, u18 = turnout.match(r18, current)
    assert turnout.kommun_turnout(r18) == pytest.approx(84.94, abs=0.01)
    assert len(m18) == 49
    assert sorted(u18["code"]) == ["01260101", "01260102", "01260104", "01260111", "01260112", "01260113",
                                   "01260114", "01260115", "01260118", "01260121", "01260401"]
    assert "01260130" not in set(m18["code"])  # 2018 "Huddinge centrum" had code 112


def test_party_columns_are_never_read():
    r = turnout.read_2022(factors.factor_file("val_2022"))
    assert list(r.columns) == ["code", "name", "eligible", "voted"]


# --- registry, store, profile and map ---------------------------------------------------------


def test_factor_indicators_are_registered_with_a_defensible_direction():
    reg = indicators()
    direction = {i.id: i.direction for i in reg.values() if i.factor}
    assert direction["scb_lag_ekonomisk_standard"] == "lower_better"
    assert direction["scb_arbetsloshet"] == "lower_better"
    assert direction["scb_forvarvsfrekvens"] == "higher_better"
    assert direction["scb_eftergymnasial"] == "higher_better"
    for demography in ("scb_hyresratt", "scb_utlandsk_bakgrund", "scb_andel_20_34", "scb_omradestyp"):
        assert direction[demography] == "neutral"
    assert reg["val_valdeltagande_riksdag"].proxy  # a proxy, named as one
    for f in factors.FIELDS:
        assert f.indicator_id in reg and "vägd" in reg[f.indicator_id].definition_sv  # the weight is documented


def test_area_factor_rows(picture):
    rows = area_factor_rows = area_factors.area_factor_rows(picture, "prio-flemingsberg")
    assert list(rows.columns) == ["indicator_id", "value", "kommun_value", "year", "source_id", "direction", "unit"]
    low = area_factor_rows.set_index("indicator_id").loc["scb_lag_ekonomisk_standard"]
    assert low["value"] == pytest.approx(28.9, abs=0.1) and low["kommun_value"] == pytest.approx(11.6, abs=0.1)
    assert low["year"] == "2024" and low["source_id"] == "scb_deso_socioekonomi"
    vd = area_factors.area_factor_rows(picture, "01260130").set_index("indicator_id")
    assert vd.loc["val_valdeltagande_riksdag", "value"] == pytest.approx(71.4, abs=0.05)
    assert "scb_lag_ekonomisk_standard" not in vd.index  # no SCB figure per valdistrikt


def test_area_factor_rows_from_a_store_equal_those_from_a_picture(store, picture):
    pd.testing.assert_frame_equal(area_factors.area_factor_rows(store, "0126R001"),
                                  area_factors.area_factor_rows(picture, "0126R001"))


def test_profile_section_for_flemingsberg(picture):
    from lagesbild.geo import profile

    p = profile.build(picture, "prio-flemingsberg", "sv")
    f = p.factors
    row = f.table.set_index("Faktor").loc["Andel med låg ekonomisk standard"]
    assert row["Området"] == "28,9\u00a0%" and row["Hela kommunen"] == "11,6\u00a0%" and row["Skillnad"] == "+17,3 p.e."
    assert "typ 2" in f.types and "tkr" in f.income
    assert "Valdistrikt" in f.turnout.columns and "ersättningsmått" in f.turnout_text
    # the factors are not repeated among the key figures
    assert "Andel med låg ekonomisk standard" not in set(p.key_figures["Nyckeltal"])
    r022 = profile.build(picture, "0126R022", "sv").factors
    assert "särskilt utsatt område: 0,0" in r022.uso and "Vårby Udde-Duvberget (1,02" in r022.uso_note


def test_the_map_offers_a_registered_regso_factor_and_colours_priority_areas(picture):
    regso = set(layer("regso")["code"])
    offered = {m.indicator_id for m in measures.available(picture, regso)}
    assert {"scb_lag_ekonomisk_standard", "scb_omradestyp", "polisen_uso_andel_yta"} <= offered
    assert "scb_inkomst_median_deso" not in offered and "val_valdeltagande_riksdag" not in offered
    from lagesbild.geo import karta

    mv = karta.map_values(picture, measures.indicator_measure("scb_lag_ekonomisk_standard"), None)
    table = mv.table.set_index("code")
    assert mv.period == "2024"
    assert table.loc["prio-varby", "value"] == pytest.approx(27.5, abs=0.1)
    assert table.loc[table["kind"] == "distrikt", "value"].notna().sum() == 22
    assert measures.indicator_measure("scb_omradestyp").decimals == 0


def test_stored_observations_cover_every_level(picture):
    obs = picture.table("observations")
    low = obs[obs["indicator_id"] == "scb_lag_ekonomisk_standard"]
    assert len(low) == 63 + 22 + len(priority.load()) + 1
    assert pd.Series(low["period"]).astype(str).unique().tolist() == ["2024"]
