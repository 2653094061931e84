"""Plotly figures of the reform follow-up, with their one-sentence summaries.

No streamlit here: the figures are plain `go.Figure`s, so the page, the meeting exports and
the tests all use the same ones. Colours come from `domain.STATUS_INFO` (Okabe-Ito); every
status is also named in text (axis labels, legend, hover), never by colour alone.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lagesbild import fmt
from lagesbild.domain import STATUS_INFO, ReformStatus
from lagesbild.i18n import t

# One marker shape per status, so lines differ by more than colour.
_MARKERS = {
    "ej_bedomd": "circle-open", "ej_paborjad": "circle", "paborjad": "triangle-up", "pagaende": "square",
    "forsenad": "x", "genomford": "diamond", "delvis_genomford": "star", "ej_genomford": "cross",
}
_FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=14)


def status_label(code: str, lang: str = "sv", *, symbol: bool = True) -> str:
    info = STATUS_INFO[ReformStatus(code)]
    text = info.label_en if lang == "en" else info.label_sv
    return f"{info.symbol} {text}" if symbol else text


def status_distribution(counts: pd.DataFrame, lang: str = "sv") -> go.Figure:
    """Horizontal bars: reforms per status, all eight statuses in domain order (top down)."""
    labels = [status_label(c, lang) for c in counts["status"]]
    fig = go.Figure(go.Bar(
        x=counts["count"].tolist(),
        y=labels,
        orientation="h",
        marker=dict(color=[STATUS_INFO[ReformStatus(c)].color for c in counts["status"]],
                    line=dict(color="#333333", width=1)),
        text=[fmt.number(n, 0, lang) for n in counts["count"]],
        textposition="outside",
        hovertemplate="%{y}: %{x}<extra></extra>",
        name=t("charts.reforms.number_reforms", lang),
    ))
    top = int(counts["count"].max()) if len(counts) else 0
    fig.update_layout(
        title=t("charts.reforms.status_distribution.reforms_status", lang),
        xaxis=dict(title=t("charts.reforms.number_reforms", lang), dtick=_dtick(top), tickformat="d",
                   range=[0, max(top, 1) * 1.15], rangemode="tozero"),
        yaxis=dict(categoryorder="array", categoryarray=labels, autorange="reversed", title=None),
        font=_FONT, margin=dict(l=10, r=30, t=50, b=40), height=360, showlegend=False,
        separators=", " if lang == "sv" else ".,",
    )
    return fig


def _dtick(top: int) -> int | None:
    """Whole reforms only: a tick per reform while that stays legible."""
    return 1 if top <= 8 else 2 if top <= 18 else None


def distribution_summary(counts: pd.DataFrame, lang: str = "sv") -> str:
    """"Av de 17 reformer som visas: 12 Ej bedömd, 3 Pågående och 2 Genomförd." """
    total = int(counts["count"].sum())
    parts = [(int(n), status_label(c, lang, symbol=False)) for c, n in zip(counts["status"], counts["count"]) if n]
    if not parts:
        return t("charts.reforms.distribution_summary.no_reforms_shown", lang)
    text = _join([f"{n} {label}" for n, label in parts], lang)
    return t("charts.reforms.distribution_summary.reforms_shown", lang, total=total, text=text)


def _join(items: list[str], lang: str) -> str:
    if len(items) == 1:
        return items[0]
    word = t("charts.reforms.and", lang)
    return ", ".join(items[:-1]) + word + items[-1]


def progress_over_time(long: pd.DataFrame, lang: str = "sv") -> go.Figure:
    """Step lines: how many reforms had each status at each date an assessment was made.
    Statuses that never occur in the period are left out of the figure (not of the table)."""
    fig = go.Figure()
    for code in STATUS_INFO:
        part = long[long["status"] == code.value]
        if part.empty or not part["count"].any():
            continue
        info = STATUS_INFO[code]
        fig.add_trace(go.Scatter(
            x=[d.isoformat() for d in part["date"]],
            y=part["count"].tolist(),
            name=status_label(code.value, lang),
            mode="lines+markers",
            line=dict(shape="hv", color=info.color, width=3),
            marker=dict(symbol=_MARKERS[code.value], size=10, color=info.color, line=dict(color="#333333", width=1)),
            hovertemplate="%{x}: %{y} " + t("charts.reforms.progress_over_time.reforms", lang) + f" – {status_label(code.value, lang, symbol=False)}<extra></extra>",
        ))
    fig.update_layout(
        title=t("charts.reforms.progress_over_time.reforms_status_over_time", lang),
        xaxis=dict(title=t("charts.reforms.progress_over_time.date_assessment", lang), type="date", tickformat="%Y-%m-%d"),
        yaxis=dict(title=t("charts.reforms.number_reforms", lang), rangemode="tozero", dtick=_dtick(_max(long)),
                   tickformat="d"),
        font=_FONT, margin=dict(l=10, r=10, t=50, b=10), height=440,
        legend=dict(orientation="h", yanchor="top", y=-0.2, x=0, title=None), hovermode="closest",
    )
    return fig


def _max(long: pd.DataFrame) -> int:
    return int(long["count"].max()) if not long.empty else 0


def progress_summary(long: pd.DataFrame, lang: str = "sv") -> str:
    """One sentence: the period covered and how the reforms stood on its last date."""
    if long.empty:
        return t("charts.reforms.progress_summary.no_assessment_has_been", lang)
    first, last = min(long["date"]), max(long["date"])
    end = long[long["date"] == last]
    parts = [f"{int(n)} {status_label(c, lang, symbol=False)}" for c, n in zip(end["status"], end["count"]) if n]
    span = fmt.iso(first) if first == last else t("charts.reforms.progress_summary.to", lang, first=fmt.iso(first),
                                                  last=fmt.iso(last))
    return t("charts.reforms.progress_summary.assessments_recorded_position", lang, span=span, last=fmt.iso(last),
             statuses=_join(parts, lang))
