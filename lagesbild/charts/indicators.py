"""Plotly figures of the indicators, each with the table it shows and a one-sentence summary.

No streamlit here. Every function takes *protected* series (`lagesbild.queries.indicators`),
so a hidden count is a gap in the line and ".." in the table, never a number. Preliminary
values get their own trace (open markers, dashed line, legend "preliminär"). Colours are
Okabe-Ito; meaning is always also in text (legend, labels, table). Numbers are Swedish:
decimal comma and a no-break space between thousands.
"""
from __future__ import annotations

import math
from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go

from lagesbild import fmt, privacy
from lagesbild.i18n import t
from lagesbild.queries.indicators import change, change_text, latest, previous_year_period
from lagesbild.registry.indicators import Indicator

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
BLUE, ORANGE, GREEN, VERMILION, GREY = "#0072B2", "#E69F00", "#009E73", "#D55E00", "#999999"
_FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=14)
PERIOD_AXIS = {"ar": "charts.ind.axis.year", "kvartal": "charts.ind.axis.quarter", "manad": "charts.ind.axis.month",
               "engang": "charts.ind.axis.year", "vecka": "charts.ind.axis.week"}  # periodicity → the x axis title's key in lagesbild.i18n


class Chart(NamedTuple):
    """A figure, the same data as a table (for "Visa som tabell" and exports), and a
    one-sentence text summary."""

    fig: go.Figure
    table: pd.DataFrame
    summary: str


def separators(lang: str) -> str:
    """Plotly's decimal and thousands separators: "," and a no-break space in Swedish."""
    return ",\u00a0" if lang == "sv" else ".,"


def layout(fig: go.Figure, *, title: str, x_title: str, y_title: str, lang: str, height: int = 380) -> go.Figure:
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left"), font=_FONT, separators=separators(lang), height=height,
        margin=dict(l=10, r=20, t=60, b=40), hovermode="x unified", plot_bgcolor="white",
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="right", x=1),
        xaxis=dict(title=x_title, type="category", showgrid=False, linecolor="#444"),
        yaxis=dict(title=y_title, rangemode="tozero", gridcolor="#e5e5e5", zerolinecolor="#999"),
    )
    return fig


def unit_label(ind: Indicator, lang: str, override: str | None = None) -> str:
    return override or ind.unit_label(lang)


def _texts(s: pd.DataFrame, unit: str, lang: str) -> list[str]:
    return [privacy.cell_text(v, bool(h), unit=unit, lang=lang) for v, h in zip(s["value"], s["suppressed"])]


def _status_texts(s: pd.DataFrame, lang: str) -> list[str]:
    out = []
    for h, p, st in zip(s["suppressed"], s["preliminary"], s["status"]):
        if h:
            out.append(t("charts.ind.status_texts.not_shown", lang))
        elif st == "saknas":
            out.append(t("charts.ind.status_texts.no_data", lang))
        else:
            out.append(t("charts.ind.preliminary", lang) if p else t("charts.ind.final", lang))
    return out


def series_table(s: pd.DataFrame, ind: Indicator, lang: str = "sv", unit: str | None = None, value_header: str | None = None) -> pd.DataFrame:
    """The rows of a series as shown: period, formatted value (".." when hidden) and status."""
    unit = unit or ind.unit
    return pd.DataFrame({
        "Period": s["period"].astype(str).tolist(),
        value_header or t("charts.ind.series_table.value", lang): _texts(s, unit, lang),
        "Status": _status_texts(s, lang),
    })


def _y(s: pd.DataFrame, mask) -> list:
    return [None if (not m or h or v is None or (isinstance(v, float) and math.isnan(v))) else float(v)
            for v, h, m in zip(s["value"], s["suppressed"], mask)]


def trend(s: pd.DataFrame, ind: Indicator, *, area_name: str, lang: str = "sv", unit: str | None = None,
          unit_text: str | None = None, title: str | None = None) -> Chart:
    """A line over time. Hidden values are gaps; preliminary values a dashed, open-marker trace."""
    unit = unit or ind.unit
    periods = s["period"].astype(str).tolist()
    texts = _texts(s, unit, lang)
    prelim = s["preliminary"].astype(bool).tolist()
    final_mask = [not p for p in prelim]
    # The preliminary trace starts at the last final value so the line is unbroken.
    prelim_mask = list(prelim)
    if any(prelim) and not all(prelim):
        first = prelim.index(True)
        if first > 0:
            prelim_mask[first - 1] = True
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=periods, y=_y(s, final_mask), mode="lines+markers", name=t("charts.ind.final", lang),
        line=dict(color=BLUE, width=2.5), marker=dict(symbol="circle", size=7, color=BLUE),
        customdata=texts, hovertemplate="%{x}: %{customdata}<extra></extra>", connectgaps=False,
    ))
    if any(prelim):
        fig.add_trace(go.Scatter(
            x=periods, y=_y(s, prelim_mask), mode="lines+markers", name=t("charts.ind.preliminary", lang),
            line=dict(color=ORANGE, width=2.5, dash="dash"),
            marker=dict(symbol="circle-open", size=9, color=ORANGE, line=dict(width=2)),
            customdata=[f"{txt} ({t('charts.ind.preliminary', lang)})" for txt in texts],
            hovertemplate="%{x}: %{customdata}<extra></extra>", connectgaps=False,
        ))
    layout(fig, title=title or f"{ind.name(lang)} – {area_name}", x_title=t(PERIOD_AXIS.get(ind.periodicity, "charts.ind.axis.period"), lang),
           y_title=unit_label(ind, lang, unit_text), lang=lang)
    fig.update_layout(showlegend=any(prelim))
    table = series_table(s, ind, lang, unit)
    return Chart(fig, table, trend_summary(s, ind, area_name=area_name, lang=lang, unit=unit))


def trend_summary(s: pd.DataFrame, ind: Indicator, *, area_name: str, lang: str = "sv", unit: str | None = None) -> str:
    unit = unit or ind.unit
    pt = latest(s)
    name = ind.name(lang)
    if pt is None:
        return t("charts.ind.trend_summary.no_data", lang, name=name, area_name=area_name)
    value = privacy.cell_text(pt.value, pt.suppressed, unit=unit, lang=lang)
    prelim = t("charts.ind.trend_summary.preliminary", lang) if pt.preliminary else ""
    ch = change_text(change(s), unit, lang)
    span = f"{s['period'].iloc[0]}–{s['period'].iloc[-1]}"
    hidden = int(s["suppressed"].astype(bool).sum())
    hidden_sv = f"; {hidden} värden visas inte (..)" if hidden else ""
    hidden_en = f"; {hidden} values not shown (..)" if hidden else ""
    ch_part = f", {ch}" if ch else ""
    return t("charts.ind.trend_summary.series_covers", lang, name=name, area_name=area_name, period=pt.period,
             value=value, prelim=prelim, ch_part=ch_part, span=span, hidden_sv=hidden_sv, hidden_en=hidden_en)


def yoy_bars(s: pd.DataFrame, ind: Indicator, *, area_name: str, lang: str = "sv", last: int = 8) -> Chart:
    """Per period: the change against the same period a year earlier, in per cent (for
    shares: percentage points). Bars are labelled with their value; hidden ones say "..".
    """
    rows = []
    for period in s["period"].astype(str).tolist()[-last:]:
        prev = previous_year_period(period)
        if prev not in set(s["period"].astype(str)):
            continue
        ch = change(s, at=period)
        if ch is None or ch.previous is None:
            continue
        if ch.hidden or ch.diff is None:
            rows.append((period, prev, None, privacy.SUPPRESSED if ch.hidden else fmt.number(None, lang=lang), ch.current.preliminary))
            continue
        val = ch.diff if ind.unit == "procent" or ch.pct is None else ch.pct * 100
        rows.append((period, prev, val, _signed(val, lang) + (t("charts.ind.yoy_bars.pp", lang) if ind.unit == "procent" else "\u00a0%"), ch.current.preliminary))
    periods = [r[0] + (t("charts.ind.yoy_bars.prel", lang) if r[4] else "") for r in rows]
    fig = go.Figure(go.Bar(
        x=periods, y=[r[2] for r in rows], text=[r[3] for r in rows], textposition="outside",
        marker=dict(color=[GREY if r[2] is None else (VERMILION if r[2] > 0 else BLUE) for r in rows],
                    pattern=dict(shape=["/" if r[4] else "" for r in rows])),
        customdata=[f"{r[3]} {t('charts.ind.yoy_bars.vs', lang)} {r[1]}" + (t("charts.ind.yoy_bars.preliminary", lang) if r[4] else "") for r in rows],
        hovertemplate="%{x}: %{customdata}<extra></extra>", name=t("charts.ind.yoy_bars.change", lang),
    ))
    y_title = t("charts.ind.yoy_bars.change_percentage_points", lang) if ind.unit == "procent" else t("charts.ind.yoy_bars.change_year_before", lang)
    layout(fig, title=t("charts.ind.yoy_bars.change_same_period_year", lang, name=ind.name(lang)),
           x_title="Period", y_title=y_title, lang=lang, height=340)
    fig.update_layout(showlegend=False, yaxis=dict(rangemode="normal", zeroline=True))
    table = pd.DataFrame({"Period": [r[0] for r in rows], t("charts.ind.yoy_bars.compared", lang): [r[1] for r in rows],
                          t("charts.ind.yoy_bars.change", lang): [r[3] for r in rows],
                          "Status": [t("charts.ind.preliminary", lang) if r[4] else t("charts.ind.final", lang) for r in rows]})
    if rows:
        last_row = rows[-1]
        summary = t("charts.ind.yoy_bars.vs_2", lang, name=ind.name(lang), area_name=area_name, period=last_row[0],
                    change=last_row[3], previous=last_row[1])
    else:
        summary = t("charts.ind.yoy_bars.there_no_period_compare", lang)
    return Chart(fig, table, summary)


def _signed(v: float, lang: str) -> str:
    decimals = 1 if abs(v) < 10 else 0
    return ("+" if v > 0 else "") + fmt.number(v, decimals, lang)


def small_multiples(frames: dict[str, pd.DataFrame], ind: Indicator, *, lang: str = "sv", cols: int = 3,
                    unit: str | None = None) -> Chart:
    """One small line chart per area (same y scale), e.g. a partner indicator per district."""
    unit = unit or ind.unit
    names = list(frames)
    rows_n = max(1, math.ceil(len(names) / cols))
    # The grid is laid out here, in one layout dict, rather than by make_subplots and update
    # calls: plotly validates every update, which cost ~0.5 s a chart (19 charts on a focus page).
    hs, vs = 0.05, (0.18 if rows_n > 1 else 0.1)
    w, h = (1 - hs * (cols - 1)) / cols, (1 - vs * (rows_n - 1)) / rows_n
    layout = dict(title=dict(text=f"{ind.name(lang)} – {t('charts.ind.small_multiples.area', lang)}", x=0), font=_FONT,
                  separators=separators(lang), height=220 * rows_n + 80, margin=dict(l=10, r=10, t=80, b=30),
                  plot_bgcolor="white", showlegend=False, annotations=[])
    traces = []
    for k, name in enumerate(names):
        s = frames[name]
        row, col, ax = k // cols, k % cols, "" if k == 0 else str(k + 1)
        x0, y1 = col * (w + hs), 1 - row * (h + vs)
        layout[f"xaxis{ax}"] = dict(domain=[x0, x0 + w], anchor=f"y{ax}", type="category", showgrid=False)
        layout[f"yaxis{ax}"] = dict(domain=[y1 - h, y1], anchor=f"x{ax}", rangemode="tozero", gridcolor="#e5e5e5",
                                    **({"matches": "y", "showticklabels": col == 0} if k else {}))  # one y scale for all
        layout["annotations"].append(dict(text=name, x=x0 + w / 2, y=y1, xref="paper", yref="paper", xanchor="center",
                                          yanchor="bottom", showarrow=False, font=dict(size=16)))
        traces.append(dict(
            type="scatter", xaxis=f"x{ax}", yaxis=f"y{ax}", x=s["period"].astype(str).tolist(), y=_y(s, [True] * len(s)),
            mode="lines+markers", name=name, line=dict(color=OKABE_ITO[0], width=2),
            marker=dict(size=6, symbol=["circle-open" if p else "circle" for p in s["preliminary"]]),
            customdata=_texts(s, unit, lang), hovertemplate="%{x}: %{customdata}<extra>" + name + "</extra>"))
    fig = go.Figure(dict(data=traces, layout=layout))
    parts = [series_table(frames[n], ind, lang, unit).assign(**{t("charts.ind.small_multiples.area_2", lang): n}) for n in names]
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=[t("charts.ind.small_multiples.area_2", lang), "Period"])
    if not table.empty:
        area_col = t("charts.ind.small_multiples.area_2", lang)
        table = table[[area_col, *[c for c in table.columns if c != area_col]]]
    hidden = int(sum(f["suppressed"].astype(bool).sum() for f in frames.values()))
    summary = (t("charts.ind.small_multiples.summary", lang, name=ind.name(lang), n_areas=len(names))
               + (t("charts.ind.small_multiples.hidden", lang, hidden=hidden) if hidden else "."))
    return Chart(fig, table, summary)
