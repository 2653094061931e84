"""A focus area's counts of Polisen's published notices (lagesbild.notice_counts): the yearly
table with its rule, the source break and the provenance."""
from __future__ import annotations

import streamlit as st

from lagesbild import notice_counts as nc
from lagesbild.i18n import t
from lagesbild.registry.indicators import notice_counts
from lagesbild.ui import figure_ui
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.state import lang


def lines(pic, fid: str) -> list[str]:
    """The focus area's notice counts, one sentence each, for its verdict block."""
    lg = lang()
    counts = [nc.count(pic, ind, lg) for ind in notice_counts(fid)]
    return [f":small[{md_escape(nc.summary(c, lg))}]" for c in counts if c is not None and c.any_shown]


def blocks(pic, fid: str) -> None:
    lg = lang()
    for ind in notice_counts(fid):
        c = nc.count(pic, ind, lg)
        if c is None:
            continue
        with st.container(border=True, key=f"notices_{fid}_{ind.id}"):
            st.markdown(f"#### {md_escape(ind.name(lg))}")
            st.markdown(md_escape(nc.summary(c, lg, named=False)))
            st.caption(md_escape(t("notice.rule", lg)))
            figure_ui.table(nc.table(c, lg), key=f"notices_{fid}_{ind.id}_tabell", source_ids=[ind.source_id],
                            tom=c.data_tom)
            if c.break_note and any(y.after_break for y in c.years):
                st.info(md_escape(c.break_note), icon=":material/info:")
