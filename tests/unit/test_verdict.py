"""The verdict rules (lagesbild.verdict): words only by the stated rule, never from one noisy
point, never for neutral indicators; and what the seeded real data says."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from lagesbild import verdict as v
from lagesbild.queries.indicators import DataTom
from lagesbild.picture import load_live
from lagesbild.registry.indicators import indicator

RATE = indicator("bra_total_per100k")  # lower_better, yearly
SHARE = indicator("scb_lag_ekonomisk_standard")  # lower_better, procent
NEUTRAL = indicator("bra_drugs_weapons_per100k")


def series(values: dict[str, float]) -> pd.DataFrame:
    rows = [{"period": p, "period_end": date(int(p[:4]), 12, 31), "value": val, "status": "ok", "suppressed": False,
             "preliminary": False} for p, val in values.items()]
    return pd.DataFrame(rows)


def wobbly(last: float, years: int = 11, start: int = 2014) -> pd.DataFrame:
    """A series that moves ±2 % a year, then `last` in the newest year."""
    vals, x = {}, 10_000.0
    for i in range(years):
        x *= 1.02 if i % 2 else 0.98
        vals[str(start + i)] = x
    vals[str(start + years)] = last
    return series(vals)


def test_a_change_outside_the_normal_variation_is_better_or_worse():
    s = wobbly(0)
    prev = float(s["value"].iloc[-2])
    assert v.time_verdict(wobbly(prev * 0.80), RATE).word == v.BETTER  # fewer offences: better
    assert v.time_verdict(wobbly(prev * 1.20), RATE).word == v.WORSE


def test_a_change_inside_the_normal_variation_is_unchanged():
    prev = float(wobbly(0)["value"].iloc[-2])
    tv = v.time_verdict(wobbly(prev * 1.01), RATE)
    assert tv.word == v.UNCHANGED and tv.threshold == pytest.approx(1.5 * 0.02, rel=0.05)


def test_too_few_points_cannot_be_judged():
    tv = v.time_verdict(series({"2022": 100.0, "2023": 50.0, "2024": 20.0, "2025": 5.0}), RATE)
    assert tv.word == v.UNKNOWN  # three earlier changes only: never a word from so few points
    assert v.time_verdict(series({"2025": 5.0}), RATE).word == v.UNKNOWN


def test_neutral_indicators_never_get_a_word():
    prev = float(wobbly(0)["value"].iloc[-2])
    assert v.time_verdict(wobbly(prev * 2), NEUTRAL).word is None
    assert v.place_verdict(30.0, 10.0, "neutral") == (v.HIGHER, None)


def test_place_verdict_against_the_kommun():
    assert v.place_verdict(28.9, 11.6, "lower_better") == (v.HIGHER, v.WORSE)
    assert v.place_verdict(66.9, 79.9, "higher_better") == (v.LOWER, v.WORSE)
    assert v.place_verdict(52.0, 54.1, "higher_better") == (v.IN_LINE, v.IN_LINE)  # within 10 %
    assert v.place_verdict(4.0, 5.6, "lower_better") == (v.LOWER, v.BETTER)
    assert v.place_verdict(4.0, None, "lower_better") == (None, None)


def test_in_brief_puts_words_first_and_drops_stale_figures_without_a_word():
    worded = v.Line("scb_lag_ekonomisk_standard", "2024", 28.9, place=v.HIGHER, place_reading=v.WORSE, kommun_value=11.6)
    stale = v.Line("ntu_utsatta_person", "2008", 7.6, data_tom=DataTom("2008", date(2008, 12, 31), False))  # no word, old
    assert v.in_brief([stale, worded], date(2026, 12, 2)) == [worded]


@pytest.fixture(scope="module")
def real_picture(tmp_path_factory):
    from lagesbild.store.db import Store

    st = Store.open(f"sqlite:///{tmp_path_factory.mktemp('verdict') / 'a.db'}")
    with st.session() as s:
        pic = load_live(s)
    st.engine.dispose()
    return pic


def test_every_priority_area_has_at_least_three_area_figures_with_a_word(real_picture):
    from lagesbild.geo import areas, profile

    prio = [c for c, _n, lv in profile.options() if lv == areas.PRIORITY_LEVEL]
    assert len(prio) == 4
    for code in prio:
        lines = v.area_lines(real_picture, code)
        worded = [ln for ln in lines if ln.place_reading is not None]
        assert len(worded) >= 3, (code, [v.sentence(ln, "sv") for ln in lines])
        assert all(ln.source_ids and ln.kommun_value is not None for ln in worded)
        assert not any(ln.ind.direction == "neutral" for ln in lines)  # demography never gets a word


def test_flemingsberg_reads_as_the_sources_say(real_picture):
    lines = {ln.indicator_id: ln for ln in v.area_lines(real_picture, "prio-flemingsberg")}
    low = lines["scb_lag_ekonomisk_standard"]
    assert round(low.value, 1) == 28.9 and round(low.kommun_value, 1) == 11.6
    assert "högre än kommunen" in v.sentence(low, "sv") and "sämre" in v.sentence(low, "sv")


def test_focus_areas_compare_with_peers_and_name_shared_proxies(real_picture):
    for fid in ("gang", "andts", "vinr", "trygghet"):
        lines = v.focus_lines(real_picture, fid)
        assert any(ln.peer is not None for ln in lines), fid  # each has a Brå category
    vinr = v.focus_lines(real_picture, "vinr")
    assert v.proxies_only(vinr)  # no public local measure of its own
    assert "Gängkriminalitet" in v.sentence(vinr[0], "sv")  # the shared proxy is said on both pages
    assert "Våld i nära relationer" in v.sentence(
        next(ln for ln in v.focus_lines(real_picture, "gang") if ln.indicator_id == vinr[0].indicator_id), "sv")
