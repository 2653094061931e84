"""The "Läget i korthet" block that opens the profiles, the focus areas and Översikt: the
verdict lines of lagesbild.verdict, their sources, and the rule in one sentence."""
from __future__ import annotations

from datetime import date

import streamlit as st

from lagesbild import verdict as v
from lagesbild.i18n import t
from lagesbild.indicator_views import newest
from lagesbild.ui import provenance
from lagesbild.ui.state import lang


def bold(word: str) -> str:
    return f"**{word}**"


def today(pic) -> date:
    return pic.as_of if pic.frozen else date.today()  # a frozen meeting keeps its day


def block(pic, lines: list[v.Line], *, empty: str, notes: list[str] | None = None, key: str,
          labels: dict[int, str] | None = None) -> None:
    """Compact on purpose: it must fit above the fold at 1366×768 with the page title.
    `labels` puts a label before line i (Översikt names the focus area)."""
    lg = lang()
    shown = v.in_brief(lines, today(pic)) if labels is None else lines
    items = [f"{labels[i]}: " if labels else "" for i in range(len(shown))]
    items = [f"- {pre}{v.sentence(ln, lg, em=bold)}" for pre, ln in zip(items, shown)]
    with st.container(border=True, key=f"verdict_{key}"):
        st.subheader(t("verdict.title", lg), anchor=False)
        st.markdown("\n".join(items) if items else empty)
        for note in notes or []:
            st.markdown(note)
        if shown:
            sources = sorted({s for ln in shown for s in ln.source_ids})
            tom = newest([ln.data_tom for ln in shown])
            provenance.caption(sources, tom.text(lg) if tom else None, note=t("verdict.rule", lg))
        if labels is None and len(lines) > len(shown):
            st.caption(t("verdict.more", lg))


def rule_section() -> None:
    """The Om page: the rule behind every verdict word, with its numbers from the code."""
    lg = lang()
    st.header(t("verdict.rule_title", lg), anchor="sa-bedoms-laget")
    st.markdown(t("verdict.rule_text", lg).format(
        min_history=v.MIN_HISTORY, years=v.HISTORY_YEARS, factor=str(v.NOISE_FACTOR).replace(".", "," if lg == "sv" else "."),
        margin=int(v.PLACE_MARGIN * 100)))
