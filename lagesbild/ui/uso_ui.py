"""Polisen's utsatta områden over time, for a focus area that follows them (one of its
indicators comes from Polisen's list): which areas were listed, each year, with confidence."""
from __future__ import annotations

import streamlit as st

from lagesbild.geo import uso_overview
from lagesbild.i18n import t
from lagesbild.importers.uso_history import SOURCE_ID, uso_history
from lagesbild.ui import figure_ui
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.state import lang

USO_SOURCE, follows_uso = uso_overview.USO_SOURCE, uso_overview.follows_uso


def block(pic, fid: str) -> None:
    if not follows_uso(fid):
        return
    lg = lang()
    wide, newest = uso_overview.overview(pic, lg), uso_overview.newest_list(pic)
    if wide.empty or newest is None:
        return
    with st.container(border=True, key=f"uso_{fid}"):
        st.markdown(f"#### {t('uso.title', lg)}")
        st.markdown(md_escape(summary(pic)))
        figure_ui.table(wide, key=f"uso_{fid}_tabell", source_ids=[USO_SOURCE, SOURCE_ID],
                        tom=str(uso_history()["year"].max()), note=t("uso.note", lg))


def summary(pic, key: str = "uso.summary") -> str:
    newest = uso_overview.newest_list(pic)
    return "" if newest is None else t(key, lang(), year=newest[0], areas=", ".join(newest[1]) or "–")


def lines(pic, fid: str) -> list[str]:
    """The verdict block's line for a focus area that follows the list."""
    return [f":small[{md_escape(summary(pic, 'uso.brief'))}]"] if follows_uso(fid) and uso_overview.newest_list(pic) else []
