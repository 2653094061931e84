"""The kommun against its comparison kommuner over time (lagesbild.peers), as a Plotly figure.

The kommun is a solid line with markers, the peers' middle half (25th–75th percentile) a
filled band, their median a dashed line, and marked outliers open diamonds with hover text.
Meaning is carried by line style, marker shape, the legend and the table, not by colour alone.
An outlier far above everything else would flatten the chart, so the y axis stops a little
above the kommun, the band and the median; an outlier beyond it is drawn at the top edge as
a triangle labelled with its real value (the table and hover text have it too).
"""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from lagesbild import fmt
from lagesbild.charts.indicators import BLUE, GREY, VERMILION, Chart, layout
from lagesbild.i18n import t
from lagesbild.peers import outlier_text
from lagesbild.registry.indicators import Indicator

HEADROOM = 1.15  # the y axis ends this much above the highest of kommun, band and median


def _num(v, lang: str) -> str:
    return fmt.number(None if v is None or (isinstance(v, float) and math.isnan(v)) else v, 0, lang)


def _y(values) -> list:
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v) for v in values]


def peer_chart(table: pd.DataFrame, ind: Indicator, *, kommun_name: str, lang: str = "sv") -> Chart:
    """`table` is `lagesbild.peers.comparison` (one row per year)."""
    x = table["period"].astype(str).tolist()
    fig = go.Figure()
    # The band: the 75th percentile (invisible), then the 25th filled up to it.
    fig.add_trace(go.Scatter(x=x, y=_y(table["p75"]), mode="lines", line=dict(width=0), hoverinfo="skip", showlegend=False))
    band_text = [f"{_num(a, lang)}–{_num(b, lang)}" for a, b in zip(table["p25"], table["p75"])]
    fig.add_trace(go.Scatter(
        x=x, y=_y(table["p25"]), mode="lines", line=dict(width=0), fill="tonexty", fillcolor="rgba(86,180,233,0.30)",
        name=t("peers.legend.band", lang), customdata=band_text,
        hovertemplate=t("peers.legend.band", lang) + ": %{customdata}<extra></extra>",
    ))
    fig.add_trace(go.Scatter(
        x=x, y=_y(table["median"]), mode="lines", name=t("peers.legend.median", lang), line=dict(color=GREY, width=2, dash="dash"),
        customdata=[_num(v, lang) for v in table["median"]], hovertemplate=t("peers.legend.median", lang) + ": %{customdata}<extra></extra>",
    ))
    fig.add_trace(go.Scatter(
        x=x, y=_y(table["kommun_value"]), mode="lines+markers", name=kommun_name, line=dict(color=BLUE, width=3),
        marker=dict(symbol="circle", size=7, color=BLUE),
        customdata=[f"{_num(v, lang)} – " + (t("peers.rank", lang).format(rank=int(r), n=int(n)) if pd.notna(r) else "–")
                    for v, r, n in zip(table["kommun_value"], table["rank"], table["n_ranked"])],
        hovertemplate=kommun_name + " %{x}: %{customdata}<extra></extra>", connectgaps=False,
    ))
    top = max([v for v in _y(table["kommun_value"]) + _y(table["p75"]) + _y(table["median"]) if v is not None], default=0.0) * HEADROOM
    inside, beyond = [], []
    for period, outs in zip(x, table["outliers"]):
        for name, value, median in outs:
            (inside if value <= top else beyond).append((period, name, value, median))
    if inside:
        fig.add_trace(go.Scatter(
            x=[o[0] for o in inside], y=[o[2] for o in inside], mode="markers", name=t("peers.legend.outliers", lang),
            marker=dict(symbol="diamond-open", size=12, color=VERMILION, line=dict(width=2)),
            customdata=[outlier_text(o[1], o[0], o[2], o[3], lang) for o in inside], hovertemplate="%{customdata}<extra></extra>",
        ))
    if beyond:
        fig.add_trace(go.Scatter(
            x=[o[0] for o in beyond], y=[top] * len(beyond), mode="markers+text", name=t("peers.legend.outliers", lang),
            showlegend=not inside, marker=dict(symbol="triangle-up", size=13, color=VERMILION),
            text=[f"{o[1]} {_num(o[2], lang)}" for o in beyond], textposition="bottom center", textfont=dict(color="#000000"),
            customdata=[outlier_text(o[1], o[0], o[2], o[3], lang) for o in beyond], hovertemplate="%{customdata}<extra></extra>",
        ))
    layout(fig, title=t("peers.chart_title", lang).format(name=ind.name(lang), kommun=kommun_name), x_title=t("peers.col.year", lang),
           y_title=ind.unit_label(lang), lang=lang, height=470)
    # Four legend entries do not fit beside the title: the legend goes under the chart.
    fig.update_layout(hovermode="closest", margin=dict(l=10, r=20, t=60, b=150),
                      legend=dict(orientation="h", yanchor="top", y=-0.28, xanchor="left", x=0, traceorder="normal"))
    if top > 0:
        fig.update_yaxes(range=[0, top * 1.04])
    n_out = sum(len(o) for o in table["outliers"])
    n_peers = int(table["n_peers"].max()) if not table.empty else 0
    summary = t("peers.summary", lang).format(name=ind.name(lang), kommun=kommun_name, n=n_peers,
                                              first=x[0] if x else "–", last=x[-1] if x else "–", outliers=n_out)
    if beyond:
        summary += " " + t("peers.off_scale", lang)
    return Chart(fig, peer_table(table, kommun_name, lang), summary)


def peer_table(table: pd.DataFrame, kommun_name: str, lang: str = "sv") -> pd.DataFrame:
    """The chart's data as shown: per year the kommun, its rank, the band and the outliers."""
    rows = []
    for r in table.itertuples(index=False):
        rank = f"{int(r.rank)} / {int(r.n_ranked)}" if pd.notna(r.rank) else "–"
        outs = "; ".join(outlier_text(n, r.period, v, m, lang) for n, v, m in r.outliers)
        rows.append({
            t("peers.col.year", lang): r.period, kommun_name: _num(r.kommun_value, lang), t("peers.col.rank", lang): rank,
            t("peers.col.p25", lang): _num(r.p25, lang), t("peers.col.median", lang): _num(r.median, lang),
            t("peers.col.p75", lang): _num(r.p75, lang), t("peers.col.min", lang): _num(r.min, lang),
            t("peers.col.max", lang): _num(r.max, lang), t("peers.col.n", lang): int(r.n_peers), t("peers.col.outliers", lang): outs or "–",
        })
    return pd.DataFrame(rows)


def peer_values_table(values: pd.DataFrame, period: str, lang: str = "sv") -> pd.DataFrame:
    """Every compared kommun's value in one year, lowest first, with its place and outlier mark."""
    v = values[values["period"] == period].copy()
    known = v[v["value"].notna()].sort_values("value")
    ranks = {code: 1 + int((known["value"] < val).sum()) for code, val in zip(known["area_code"], known["value"])}
    v["rank"] = v["area_code"].map(ranks)
    v = v.sort_values(["rank", "name"], na_position="last")
    return pd.DataFrame({
        t("peers.col.kommun", lang): v["name"].tolist(),
        t("peers.col.code", lang): v["area_code"].tolist(),
        t("peers.col.value", lang).format(period=period): [fmt.SUPPRESSED if h else _num(x, lang) for x, h in zip(v["value"], v["suppressed"])],
        t("peers.col.rank", lang): [str(int(r)) if pd.notna(r) else "–" for r in v["rank"]],
        t("peers.col.outlier", lang): [t("peers.yes", lang) if o else "–" for o in v["outlier"]],
    })
