"""Small-count protection: examples, and properties checked by hypothesis.

Acceptance: a count of 3 never appears anywhere, and a hidden value cannot be worked out
from the shown totals.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from lagesbild import privacy
from lagesbild.privacy import AreaTree, IndicatorFacts, build_groups, cell_text, protect, protect_table
from tests.unit.privacy_audit import pinned

N = 5
COUNT = "partner_anlagda_brander"  # a registered count (antal) at regso level


def obs(rows, indicator=COUNT):
    """rows: (area, period, gender, value[, status])"""
    recs = []
    for r in rows:
        area, period, gender, value = r[:4]
        recs.append({"indicator_id": indicator, "area_code": area, "period": period, "gender": gender,
                     "value": value, "status": r[4] if len(r) > 4 else "ok"})
    return pd.DataFrame(recs)


def districts(codes, parent="0126", level="regso"):
    return pd.DataFrame({"code": ["0126", *codes], "level": ["kommun", *[level] * len(codes)],
                         "parent_code": [None, *[parent] * len(codes)], "name": ["Huddinge", *codes]})


def shown(df, area, period="2025", gender="T"):
    row = df[(df.area_code == area) & (df.period == period) & (df.gender == gender)].iloc[0]
    return None if row.suppressed else row.value


# --- primary suppression --------------------------------------------------------------


@pytest.mark.parametrize("value,hidden", [(0, False), (1, True), (3, True), (4, True), (4.0, True), (5, False), (120, False)])
def test_primary_suppression_hides_one_to_four_and_shows_zero(value, hidden):
    out = protect(obs([("0126R001", "2025", "T", value)]), n=N)
    assert bool(out.suppressed.iloc[0]) is hidden
    if hidden:
        assert math.isnan(out.value.iloc[0]) and out.suppression.iloc[0] == "primär"
    else:
        assert out.value.iloc[0] == value


def test_threshold_comes_from_settings(monkeypatch):
    from lagesbild.config import settings

    monkeypatch.setenv("LAGESBILD_SUPPRESS_BELOW", "10")
    settings.cache_clear()
    try:
        out = protect(obs([("0126R001", "2025", "T", 7)]))
        assert out.suppressed.iloc[0]
        assert "1–9" in privacy.explanation("sv")
    finally:
        monkeypatch.delenv("LAGESBILD_SUPPRESS_BELOW")
        settings.cache_clear()
    assert privacy.threshold() == 5


def test_percentages_and_rates_are_not_counts():
    df = obs([("0126", "2022", "T", 3)], indicator="enkat_trygg_sen_kvall")
    assert not protect(df, n=N).suppressed.iloc[0]


def test_source_withheld_value_is_shown_as_dots():
    out = protect(obs([("0126", "2010", "T", None, "sekretess")], indicator="ntu_otrygghet_sen_kvall"), n=N)
    assert out.suppressed.iloc[0] and out.suppression.iloc[0] == "sekretess"
    assert cell_text(out.value.iloc[0], out.suppressed.iloc[0]) == ".."


def test_missing_is_not_suppressed():
    out = protect(obs([("0126R001", "2025", "T", None, "saknas")]), n=N)
    assert not out.suppressed.iloc[0]
    assert cell_text(out.value.iloc[0], False) == "Uppgift saknas"


def test_preliminary_flag():
    out = protect(obs([("0126", "2026K1", "T", 5000, "preliminar")], indicator="bra_total_kvartal_antal"), n=N)
    assert out.preliminary.iloc[0] and out.value.iloc[0] == 5000


# --- secondary suppression ------------------------------------------------------------


def test_area_total_would_reveal_the_part():
    df = obs([("0126", "2025", "T", 40), ("0126R001", "2025", "T", 3), ("0126R002", "2025", "T", 12), ("0126R003", "2025", "T", 25)])
    out = protect(df, districts=districts(["0126R001", "0126R002", "0126R003"]), n=N)
    assert shown(out, "0126R001") is None
    assert shown(out, "0126R002") is None, "the next-smallest part is hidden too"
    assert shown(out, "0126R003") == 25 and shown(out, "0126") == 40


def test_two_small_parts_that_add_up_below_threshold_need_a_third():
    # 1 + 1 = 2 would pin both (each ".." is at least 1).
    df = obs([("0126", "2025", "T", 32), ("0126R001", "2025", "T", 1), ("0126R002", "2025", "T", 1), ("0126R003", "2025", "T", 30)])
    out = protect(df, districts=districts(["0126R001", "0126R002", "0126R003"]), n=N)
    assert shown(out, "0126R003") is None


def test_no_total_no_secondary():
    df = obs([("0126R001", "2025", "T", 3), ("0126R002", "2025", "T", 12)])
    out = protect(df, districts=districts(["0126R001", "0126R002"]), n=N)
    assert shown(out, "0126R002") == 12


def test_gender_complement_is_a_hidden_count():
    # T 10 and K 7 shown would give M = 3.
    df = obs([("0126R001", "2025", "T", 10), ("0126R001", "2025", "K", 7)])
    out = protect(df, n=N)
    assert shown(out, "0126R001", gender="K") is None or shown(out, "0126R001") is None


def test_remainder_of_places_named_in_text_is_protected():
    # kommundelar do not cover the kommun: 50 − (20 + 28) = 2 events are elsewhere.
    df = obs([("0126", "2025", "T", 50), ("kd-glomsta", "2025", "T", 20), ("kd-visattra", "2025", "T", 28)])
    out = protect(df, n=N)
    assert out.suppressed.any()


def test_quarters_reveal_against_the_year():
    df = obs([("0126R001", "2025", "T", 60), ("0126R001", "2025K1", "T", 20), ("0126R001", "2025K2", "T", 3),
              ("0126R001", "2025K3", "T", 17), ("0126R001", "2025K4", "T", 20)])
    out = protect(df, n=N)
    hidden = out[out.suppressed].period.tolist()
    assert "2025K2" in hidden and len(hidden) >= 2


def test_months_reveal_against_the_quarter():
    rows = [("0126", "2025K1", "T", 30), ("0126", "2025-01", "T", 2), ("0126", "2025-02", "T", 14), ("0126", "2025-03", "T", 14)]
    out = protect(obs(rows), n=N)
    assert out.suppressed.sum() >= 2


def test_hierarchy_deso_regso_kommun():
    d = pd.DataFrame({
        "code": ["0126", "0126R001", "0126R002", "0126C1010", "0126C1020", "0126C1030"],
        "level": ["kommun", "regso", "regso", "deso", "deso", "deso"],
        "parent_code": [None, "0126", "0126", "0126R001", "0126R001", "0126R002"],
        "name": list("abcdef"),
    })
    df = obs([("0126", "2025", "T", 40), ("0126R001", "2025", "T", 15), ("0126R002", "2025", "T", 25),
              ("0126C1010", "2025", "T", 3), ("0126C1020", "2025", "T", 12), ("0126C1030", "2025", "T", 25)])
    out = protect(df, districts=d, n=N)
    assert shown(out, "0126C1010") is None and shown(out, "0126C1020") is None


# --- rates --------------------------------------------------------------------------------


def test_rate_of_a_hidden_count_is_hidden():
    df = pd.concat([
        obs([("0126", "2025", "T", 3)], indicator="bra_burglary_antal"),
        obs([("0126", "2025", "T", 2.6)], indicator="bra_burglary_per100k"),
    ])
    out = protect(df, n=N)
    assert out.suppressed.all()
    assert set(out.suppression) == {"primär", "kvot"}


def test_rate_whose_implied_count_is_small_is_hidden():
    df = obs([("0126", "2025", "T", 2.0)], indicator="kolada_N07402")  # per 100 000, no count given
    out = protect(df, population={("0126", 2025): 114_000}, n=N)
    assert out.suppressed.iloc[0]  # 2.0 × 114 000 / 100 000 ≈ 2.3 cases
    out = protect(df.assign(value=20.0), population={("0126", 2025): 114_000}, n=N)
    assert not out.suppressed.iloc[0]


def test_sensitive_indicators_are_never_points():
    assert not privacy.points_allowed("kolada_N07402")
    assert privacy.points_allowed("bra_total_antal")


# --- wide tables --------------------------------------------------------------------------


def test_protect_table_with_margins():
    t = pd.DataFrame({"jan": [3, 10, 13], "feb": [8, 9, 17], "Totalt": [11, 19, 30]}, index=["A", "B", "Totalt"])
    out = protect_table(t, total_row="Totalt", total_col="Totalt", n=N)
    assert math.isnan(out.loc["A", "jan"])
    for r in out.index:  # no row or column with exactly one hidden cell and a shown total
        assert out.loc[r].isna().sum() != 1 or math.isnan(out.loc[r, "Totalt"])
    for c in out.columns:
        assert out[c].isna().sum() != 1 or math.isnan(out.loc["Totalt", c])


# --- display ------------------------------------------------------------------------------


def test_cell_text_formats_swedish():
    assert cell_text(11838.0, unit="per_100k") == "11\u00a0838"
    assert cell_text(2.64, unit="per_100k") == "2,6"
    assert cell_text(71, unit="procent") == "71\u00a0%"
    assert cell_text(3, True) == ".."
    assert cell_text(12345, unit="antal", lang="en") == "12,345"


# --- properties ---------------------------------------------------------------------------

small_biased = st.one_of(st.integers(0, 6), st.integers(0, 40))
FACTS = {COUNT: IndicatorFacts(is_count=True)}


def _fact(i):
    return FACTS.get(i, IndicatorFacts())


def _audit(df_in, out, d):
    """No small count visible; no hidden primary cell pinned by the shown values."""
    assert privacy.visible_small_counts(out, N, _fact).empty
    shown_vals = out.value.to_numpy()
    true_vals = pd.to_numeric(df_in.reset_index(drop=True).value).to_numpy(dtype=float)
    # Protection never changes a shown number.
    keep = ~out.suppressed.to_numpy()
    assert np.array_equal(shown_vals[keep], true_vals[keep], equal_nan=True)
    mask = np.ones(len(out), dtype=bool)
    groups = build_groups(out, mask, AreaTree.from_districts(d))
    primary = (out.suppression == "primär").tolist()
    bad = pinned(groups, true_vals.tolist(), out.suppressed.tolist(), primary)
    assert not bad, out.assign(true=true_vals).iloc[bad]


@st.composite
def area_table(draw):
    n_parts = draw(st.integers(2, 6))
    covered = draw(st.booleans())
    parts = draw(st.lists(small_biased, min_size=n_parts, max_size=n_parts))
    extra = 0 if covered else draw(st.integers(0, 6))
    codes = [f"0126R{k:03d}" for k in range(1, n_parts + 1)]
    d = districts(codes if covered else codes + ["0126R099"])
    rows = [("0126", "2025", "T", sum(parts) + extra)] + [(c, "2025", "T", v) for c, v in zip(codes, parts)]
    return obs(rows), d


@given(area_table())
@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_property_area_parts_and_total(case):
    df, d = case
    _audit(df, protect(df, districts=d, n=N, fact_of=_fact), d)


@st.composite
def area_by_gender(draw):
    n_parts = draw(st.integers(2, 4))
    codes = [f"0126R{k:03d}" for k in range(1, n_parts + 1)]
    rows = []
    tot_k = tot_m = 0
    for c in codes:
        k, m = draw(small_biased), draw(small_biased)
        tot_k, tot_m = tot_k + k, tot_m + m
        rows += [(c, "2025", "K", k), (c, "2025", "M", m), (c, "2025", "T", k + m)]
    rows += [("0126", "2025", "K", tot_k), ("0126", "2025", "M", tot_m), ("0126", "2025", "T", tot_k + tot_m)]
    return obs(rows), districts(codes)


@given(area_by_gender())
@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_property_two_way_table_areas_by_gender(case):
    df, d = case
    _audit(df, protect(df, districts=d, n=N, fact_of=_fact), d)


@st.composite
def quarters_by_area(draw):
    codes = ["0126R001", "0126R002", "0126R003"]
    rows, kommun = [], {q: 0 for q in range(1, 5)}
    for c in codes:
        qs = draw(st.lists(small_biased, min_size=4, max_size=4))
        rows += [(c, f"2025K{q}", "T", v) for q, v in zip(range(1, 5), qs)] + [(c, "2025", "T", sum(qs))]
        for q, v in zip(range(1, 5), qs):
            kommun[q] += v
    rows += [("0126", f"2025K{q}", "T", v) for q, v in kommun.items()] + [("0126", "2025", "T", sum(kommun.values()))]
    return obs(rows), districts(codes)


@given(quarters_by_area())
@hsettings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_property_quarters_years_and_areas(case):
    df, d = case
    _audit(df, protect(df, districts=d, n=N, fact_of=_fact), d)


@given(st.lists(st.tuples(st.integers(0, 30), st.floats(0.01, 50)), min_size=1, max_size=6))
@hsettings(max_examples=100, deadline=None)
def test_property_rates_never_reveal_a_hidden_count(pairs):
    rows_c, rows_r = [], []
    for k, (count, rate) in enumerate(pairs):
        period = str(2000 + k)
        rows_c.append(("0126", period, "T", count))
        rows_r.append(("0126", period, "T", rate))
    df = pd.concat([obs(rows_c, "bra_burglary_antal"), obs(rows_r, "bra_burglary_per100k")])
    out = protect(df, n=N)
    counts = out[out.indicator_id == "bra_burglary_antal"].set_index("period")
    rates = out[out.indicator_id == "bra_burglary_per100k"].set_index("period")
    for period in counts.index:
        assert not (0 < counts.loc[period, "value"] < N)
        if counts.loc[period, "suppressed"]:
            assert rates.loc[period, "suppressed"]


@given(st.integers(1, 4))
def test_a_count_of_one_to_four_never_survives_in_any_position(v):
    rows = [("0126", "2025", "T", 100 + v), ("0126R001", "2025", "T", v), ("0126R002", "2025", "T", 100)]
    out = protect(obs(rows), districts=districts(["0126R001", "0126R002"]), n=N)
    assert v not in out.value.dropna().tolist()
    texts = [cell_text(val, sup) for val, sup in zip(out.value, out.suppressed)]
    assert str(v) not in texts


def test_audit_can_fail_primary_suppression_alone_is_not_enough(monkeypatch):
    """The audit itself must catch a leak: switch secondary suppression off and look."""
    monkeypatch.setattr(privacy, "_secondary", lambda *a, **k: None)
    df = obs([("0126", "2025", "T", 40), ("0126R001", "2025", "T", 3), ("0126R002", "2025", "T", 12), ("0126R003", "2025", "T", 25)])
    d = districts(["0126R001", "0126R002", "0126R003"])
    with pytest.raises(AssertionError):
        _audit(df, protect(df, districts=d, n=N, fact_of=_fact), d)


def test_priority_area_made_of_regso_is_a_sum_relation():
    comp = {"prio-x": ("0126R001", "0126R002")}
    df = obs([("prio-x", "2025", "T", 15), ("0126R001", "2025", "T", 3), ("0126R002", "2025", "T", 12)])
    out = protect(df, compositions=comp, n=N)
    assert shown(out, "0126R001") is None
    assert shown(out, "0126R002") is None or shown(out, "prio-x") is None
    single = protect(obs([("prio-y", "2025", "T", 3), ("0126R012", "2025", "T", 3)]), compositions={"prio-y": ("0126R012",)}, n=N)
    assert single.suppressed.all()


@given(st.floats(-1e9, 1e9, allow_nan=False), st.integers(0, 3), st.sampled_from(["sv", "en"]))
@hsettings(max_examples=500, deadline=None)
def test_fast_number_text_equals_babel(value, decimals, lang):
    from lagesbild import fmt

    assert privacy.number_text(value, decimals, lang) == fmt.number(value, decimals, lang=lang)
