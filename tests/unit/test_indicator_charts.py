"""Indicator charts: the figure, its table and summary; hidden values never reach the JSON."""
from __future__ import annotations

import json

from lagesbild.queries import indicators as iv
from lagesbild.charts import indicators as ch
from lagesbild.registry.indicators import indicator
from tests.unit.picture_factory import picture

QUARTERS = [("bra_total_kvartal_antal", "0126", p, v, s) for p, v, s in
            [("2024K2", 3150, "ok"), ("2025K1", 3200, "ok"), ("2025K2", 3300, "ok"), ("2026K1", 3000, "preliminar"), ("2026K2", 3465, "preliminar")]]


def _numbers(fig) -> list[float]:
    out = []
    for trace in json.loads(fig.to_json())["data"]:
        for key in ("y", "x", "z", "values", "text", "customdata"):
            vals = trace.get(key)
            if isinstance(vals, dict):  # plotly's binary arrays
                continue
            for v in vals or []:
                if isinstance(v, (int, float)):
                    out.append(float(v))
    return out


def test_trend_marks_preliminary_in_legend_and_returns_table():
    s = iv.series(picture(QUARTERS), "bra_total_kvartal_antal")
    fig, table, summary = ch.trend(s, indicator("bra_total_kvartal_antal"), area_name="Huddinge")
    names = [t.name for t in fig.data]
    assert names == ["slutlig", "preliminär"]
    assert fig.data[1].marker.symbol == "circle-open" and fig.data[1].line.dash == "dash"
    assert fig.layout.separators == ",\u00a0"
    assert table["Värde"].tolist() == ["3\u00a0150", "3\u00a0200", "3\u00a0300", "3\u00a0000", "3\u00a0465"]
    assert table["Status"].tolist()[-1] == "preliminär"
    assert "2026K2: 3\u00a0465, preliminärt, +5,0\u00a0% mot 2025K2" in summary


def test_trend_in_english():
    s = iv.series(picture(QUARTERS), "bra_total_kvartal_antal")
    fig, table, summary = ch.trend(s, indicator("bra_total_kvartal_antal"), area_name="Huddinge", lang="en")
    assert fig.layout.separators == ".,"
    assert table.columns.tolist() == ["Period", "Value", "Status"]
    assert "2026K2: 3,465, preliminary" in summary
    assert fig.layout.xaxis.title.text == "Quarter"


def test_hidden_count_is_a_gap_and_dots():
    pic = picture([("partner_anlagda_brander", "0126R001", p, v) for p, v in [("2024K1", 11), ("2024K2", 3), ("2025K1", 17), ("2025K2", 12)]])
    s = iv.series(pic, "partner_anlagda_brander", "0126R001")
    fig, table, summary = ch.trend(s, indicator("partner_anlagda_brander"), area_name="Område 1")
    assert 3.0 not in _numbers(fig)
    assert fig.data[0].y[1] is None
    assert table["Värde"].tolist() == ["11", "..", "17", "12"]
    assert "1 värden visas inte" in summary
    fig2, table2, _ = ch.yoy_bars(s, indicator("partner_anlagda_brander"), area_name="Område 1")
    assert table2["Förändring"].tolist() == ["+55\u00a0%", ".."]
    assert 3.0 not in _numbers(fig2)


def test_yoy_bars_label_values_not_only_colour():
    s = iv.series(picture(QUARTERS), "bra_total_kvartal_antal")
    fig, table, summary = ch.yoy_bars(s, indicator("bra_total_kvartal_antal"), area_name="Huddinge")
    assert table["Period"].tolist() == ["2025K2", "2026K1", "2026K2"]
    assert list(fig.data[0].x) == ["2025K2", "2026K1 (prel.)", "2026K2 (prel.)"]
    assert list(fig.data[0].text) == table["Förändring"].tolist()
    assert summary.endswith("mot 2025K2.")


def test_small_multiples_table_is_long_with_area_column():
    pic = picture([("partner_anlagda_brander", a, p, v) for a in ("0126R001", "0126R002") for p, v in [("2025K1", 12), ("2025K2", 2)]])
    frames = {n: iv.series(pic, "partner_anlagda_brander", a) for n, a in [("Område 1", "0126R001"), ("Område 2", "0126R002")]}
    fig, table, summary = ch.small_multiples(frames, indicator("partner_anlagda_brander"))
    assert table.columns[0] == "Område" and len(table) == 4
    assert (table["Värde"] == "..").sum() == 2
    assert 2.0 not in _numbers(fig)
    assert "2 värden visas inte" in summary
