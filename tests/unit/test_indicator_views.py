"""Indicator views: series, latest value, change against last year, rates, data t.o.m., freshness."""
from __future__ import annotations

from datetime import date

import pytest

from lagesbild.queries import indicators as iv
from tests.unit.picture_factory import picture

BRA = [("bra_total_antal", "0126", str(y), v) for y, v in [(2022, 12000), (2023, 13000), (2024, 12500), (2025, 13562)]]
QUARTERS = [("bra_total_kvartal_antal", "0126", p, v, s) for p, v, s in
            [("2025K1", 3200, "ok"), ("2025K2", 3300, "ok"), ("2026K1", 3000, "preliminar"), ("2026K2", 3465, "preliminar")]]


def test_series_is_sorted_and_marks_preliminary():
    s = iv.series(picture(QUARTERS), "bra_total_kvartal_antal")
    assert s["period"].tolist() == ["2025K1", "2025K2", "2026K1", "2026K2"]
    assert s["preliminary"].tolist() == [False, False, True, True]


def test_latest_and_change_against_same_period_last_year():
    s = iv.series(picture(QUARTERS), "bra_total_kvartal_antal")
    ch = iv.change(s)
    assert ch.current.period == "2026K2" and ch.previous.period == "2025K2"
    assert ch.diff == 165 and ch.pct == pytest.approx(0.05)
    assert iv.change_text(ch, "antal") == "+5,0\u00a0% mot 2025K2"
    assert iv.change_text(ch, "antal", "en") == "+5.0\u00a0% vs 2025K2"


def test_change_of_annual_series():
    ch = iv.change(iv.series(picture(BRA), "bra_total_antal"))
    assert (ch.current.period, ch.previous.period) == ("2025", "2024")
    assert ch.pct == pytest.approx(13562 / 12500 - 1)


def test_no_previous_year_gives_no_change():
    ch = iv.change(iv.series(picture([("bra_total_antal", "0126", "2025", 100)]), "bra_total_antal"))
    assert ch.previous is None and iv.change_text(ch, "antal") is None


def test_change_from_a_hidden_count_is_hidden():
    pic = picture([("partner_anlagda_brander", "0126R001", "2024", 3), ("partner_anlagda_brander", "0126R001", "2025", 9)])
    ch = iv.change(iv.series(pic, "partner_anlagda_brander", "0126R001"))
    assert ch.hidden and ch.pct is None
    assert iv.change_text(ch, "antal").startswith("..")


def test_percentage_points_for_survey_shares():
    pic = picture([("enkat_trygg_sen_kvall", "0126", "2020", 71), ("enkat_trygg_sen_kvall", "0126", "2021", 77)])
    ch = iv.change(iv.series(pic, "enkat_trygg_sen_kvall"))
    assert iv.change_text(ch, "procent") == "+6 procentenheter mot 2020"


def test_small_count_hidden_in_series():
    pic = picture([("partner_anlagda_brander", "0126R001", "2025K1", 3), ("partner_anlagda_brander", "0126R001", "2025K2", 8)])
    s = iv.series(pic, "partner_anlagda_brander", "0126R001")
    assert s["suppressed"].tolist() == [True, False]
    assert s["value"].isna().tolist() == [True, False]


def test_rate_per_1000_for_a_district_count_with_population():
    pic = picture([("partner_anlagda_brander", "0126R001", "2025", 12), ("partner_anlagda_brander", "0126R001", "2026", 10),
                   ("scb_befolkning", "0126R001", "2025", 4000)])
    r = iv.rate_series(pic, "partner_anlagda_brander", "0126R001")
    assert r["period"].tolist() == ["2025"], "only the year with a population"
    assert r["value"].iloc[0] == pytest.approx(3.0)
    assert iv.rate_base("0126R001")[0] == 1000 and iv.rate_base("0126")[0] == 100_000


def test_rate_of_hidden_count_is_hidden():
    pic = picture([("partner_anlagda_brander", "0126R001", "2025", 3), ("scb_befolkning", "0126R001", "2025", 4000)])
    r = iv.rate_series(pic, "partner_anlagda_brander", "0126R001")
    assert r["suppressed"].iloc[0] and r["value"].isna().iloc[0]


def test_never_a_rate_for_police_events_surveys_or_where_the_source_has_one():
    from lagesbild.registry.indicators import indicator

    assert not iv.rate_applicable(indicator("polisen_handelser_antal"))
    assert not iv.rate_applicable(indicator("enkat_trygg_sen_kvall"))
    assert not iv.rate_applicable(indicator("bra_total_antal")), "Brå publishes its own rate"
    assert not iv.rate_applicable(indicator("scb_befolkning"))
    assert iv.rate_applicable(indicator("partner_anlagda_brander"))


def test_kommun_population_is_summed_from_all_regso():
    rows = [("scb_befolkning", f"0126R{k:03d}", "2025", 5000) for k in range(1, 23)]
    pops = iv.populations(picture(rows))
    assert pops[("0126", 2025)] == 22 * 5000
    assert pops[("prio-flemingsberg", 2025)] == 15000


def test_data_tom_is_newest_period_end_and_says_preliminary():
    pic = picture(QUARTERS)
    tom = iv.data_tom(pic, "bra_total_kvartal_antal")
    assert tom.period_end == date(2026, 6, 30) and tom.preliminary
    assert tom.text() == "2026-06-30 (preliminär)"
    assert iv.data_tom(pic, "bra_total_antal") is None


def test_hidden_values_still_count_for_data_tom_but_missing_do_not():
    pic = picture([("partner_anlagda_brander", "0126R001", "2025K1", 8), ("partner_anlagda_brander", "0126R001", "2025K2", 2),
                   ("partner_anlagda_brander", "0126R001", "2025K3", None, "saknas")])
    assert iv.data_tom(pic, "partner_anlagda_brander").period == "2025K2"


@pytest.mark.parametrize("today,stale", [(date(2027, 6, 30), False), (date(2027, 7, 1), True)])
def test_freshness_warning_after_update_cycle_plus_lag(today, stale):
    pic = picture(BRA)  # Brå: yearly (12 months) + 6 months publishing lag after 2025-12-31
    warn = iv.freshness_warning("bra_total_antal", iv.data_tom(pic, "bra_total_antal"), today)
    assert (warn is not None) is stale
    if stale:
        assert warn.startswith("Uppgifterna kan vara inaktuella: senaste värde avser 2025")


def test_old_survey_is_flagged():
    pic = picture([("ntu_otrygghet_sen_kvall", "0126", "2010", 18)])
    warn = iv.freshness_warning("ntu_otrygghet_sen_kvall", iv.data_tom(pic, "ntu_otrygghet_sen_kvall"), date(2026, 11, 1), "en")
    assert "2010" in warn and "out of date" in warn


def test_latest_by_area_protects_and_names():
    pic = picture([("partner_anlagda_brander", "0126R001", "2025", 3), ("partner_anlagda_brander", "0126R002", "2025", 14),
                   ("partner_anlagda_brander", "0126", "2025", 40)])
    t = iv.latest_by_area(pic, "partner_anlagda_brander")
    assert t["area_code"].tolist() == ["0126R001", "0126R002"]
    assert t["suppressed"].tolist() == [True, False]
    assert t["name"].tolist() == ["Område 1", "Område 2"]


def test_family_links_count_and_rate():
    assert iv.family("bra_burglary_per100k") == {"bra_burglary_per100k", "bra_burglary_antal"}
    assert iv.family("bra_burglary_antal") == {"bra_burglary_per100k", "bra_burglary_antal"}


def test_rate_hidden_with_its_count_through_the_family():
    pic = picture([("bra_burglary_antal", "0126", "2025", 4), ("bra_burglary_per100k", "0126", "2025", 3.5)])
    s = iv.series(pic, "bra_burglary_per100k")
    assert s["suppressed"].iloc[0]


def test_sessions_opening_the_same_view_build_it_once(monkeypatch):
    """A meeting room opens the same page after an import: the first session builds each
    figure and the others wait for it, instead of building it side by side."""
    import threading
    import time

    pic = picture(BRA)
    calls = []

    def build():
        calls.append(1)
        time.sleep(0.2)
        return object()

    results = []
    threads = [threading.Thread(target=lambda: results.append(iv.memo(pic, ("x",), build))) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(calls) == 1 and len({id(r) for r in results}) == 1
    # protected(): one family protected once however many sessions ask at the same moment
    from lagesbild import privacy

    protects = []
    real = privacy.protect

    def counting(*a, **k):
        protects.append(1)
        time.sleep(0.1)
        return real(*a, **k)

    monkeypatch.setattr(privacy, "protect", counting)
    pic2 = picture([(*row[:3], row[3] + 7) for row in BRA])  # rows no earlier test protected
    threads = [threading.Thread(target=iv.protected, args=(pic2, "bra_total_antal")) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(protects) == 1
