"""The "Läget i korthet" block that opens the profiles, the focus areas and Översikt: the
verdict lines of lagesbild.verdict, their sources, and the rule in one sentence."""
from __future__ import annotations

from datetime import date

import streamlit as st

from lagesbild import verdict as v
from lagesbild.i18n import t
from lagesbild.queries.indicators import newest
from lagesbild.ui import provenance
from lagesbild.ui.state import lang


def bold(word: str) -> str:
    return f"**{word}**"


def today(pic) -> date:
    return pic.as_of if pic.frozen else date.today()  # a frozen meeting keeps its day


def block(pic, lines: list[v.Line], *, empty: str, notes: list[str] | None = None, key: str,
          labels: dict[int, str] | None = None, problem: tuple[str | None, tuple[str, ...]] | None = None) -> None:
    """Compact on purpose: it must fit above the fold at 1366×768 with the page title.
    `labels` puts a label before line i (Översikt names the focus area). `problem` (focus
    area, area codes) adds "Skapa åtgärd" for users who may write the plan."""
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
        if problem is not None:
            create_action_link(problem[0], problem[1], [ln.indicator_id for ln in shown], key=key)


def create_action_link(focus_area: str | None, areas, indicator_ids: list[str], *, key: str) -> None:
    """A link to the åtgärdsplan's form, filled in with this block's problem. Readers never see it."""
    from lagesbild.registry.pages import page
    from lagesbild.ui import auth

    if not auth.may("plan.write"):
        return
    params = {"ny_omr": list(areas), "ny_ind": list(dict.fromkeys(indicator_ids))}
    if focus_area:
        params["ny_fokus"] = focus_area
    st.page_link(page("atgardsplan").path, label=t("plan.create_from_verdict", lang()), icon=":material/add_task:",
                 help=t("plan.create_from_verdict_help", lang()), query_params={k: v for k, v in params.items() if v})


def rule_section() -> None:
    """The Om page: the rule behind every verdict word, with its numbers from the code."""
    lg = lang()
    st.header(t("verdict.rule_title", lg), anchor="sa-bedoms-laget")
    st.markdown(t("verdict.rule_text", lg).format(
        min_history=v.MIN_HISTORY, years=v.HISTORY_YEARS, factor=str(v.NOISE_FACTOR).replace(".", "," if lg == "sv" else "."),
        margin=int(v.PLACE_MARGIN * 100)))
