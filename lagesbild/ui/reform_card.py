"""One reform assessment as a card, and the small formatters it and the Reformer page share:
in a module of their own so the update form can show a saved assessment the way the timeline
does without importing the page (which imports the form)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lagesbild import fmt
from lagesbild.domain import STATUS_INFO, ReformStatus
from lagesbild.i18n import t
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.state import lang


def safe_url(url: str) -> str:
    return str(url).replace("(", "%28").replace(")", "%29").replace(" ", "%20")


def status_md(code: str, lg: str | None = None) -> str:
    """Status as Material icon + text (never colour alone)."""
    info = STATUS_INFO[ReformStatus(code)]
    label = info.label_en if (lg or lang()) == "en" else info.label_sv
    return f":material/{info.icon}: {label}"


def progress_text(value) -> str:
    return t("common.missing", lang()) if value is None else fmt.percent(value / 100, 0, lang())


def date_text(value) -> str:
    return fmt.iso(value) if value is not None else t("common.missing", lang())


def assessment(h: pd.Series) -> None:
    lg = lang()
    with st.container(border=True):
        head = [f"**{date_text(h['update_date'])}**", status_md(h["status"], lg)]
        if h["progress"] is not None:
            head.append(f"{t('reform.col.progress', lg).lower()} {progress_text(h['progress'])}")
        head.append(f"{t('reform.assessed_by', lg)} {md_escape(h['author'])}")
        st.markdown(" · ".join(head))
        st.markdown(md_escape(h["motivation"]))
        st.markdown(f":material/link: [{t('reform.source_link', lg)}: {md_escape(h['source_url'])}]({safe_url(h['source_url'])})")
