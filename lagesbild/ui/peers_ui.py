"""Fokusområden: "Jämfört med liknande kommuner" — the kommun against its comparison kommuner
for each of the focus area's Brå categories. Composition only; the numbers, the rank, the band,
the outliers and the verdict come from `lagesbild.peers`."""
from __future__ import annotations

import streamlit as st

from lagesbild.queries import indicators as iv
from lagesbild import peers
from lagesbild.charts import peers as peer_charts
from lagesbild.config import load_kommun
from lagesbild.i18n import t
from lagesbild.picture import Picture
from lagesbild.registry.indicators import Indicator
from lagesbild.ui import figure_ui
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.state import lang


def section(pic: Picture, fid: str) -> None:
    """The section for one focus area; nothing when it has no Brå category with peer data."""
    cfg = peers.config()
    cats = [i for i in peers.categories(fid) if not peers.comparison(pic, i.id).empty] if cfg.codes else []
    if not cats:
        return
    lg, kommun = lang(), load_kommun().name
    st.subheader(t("peers.title", lg))
    st.markdown(md_escape(t("peers.intro", lg).format(kommun=kommun, n=len(cfg.codes))))
    st.info(t("peers.caveat", lg), icon=":material/info:")
    with st.expander(t("peers.who", lg), icon=":material/groups:"):
        st.markdown(md_escape(t("peers.who_list", lg).format(names=", ".join(cfg.names.values()))))
        st.markdown(md_escape(cfg.reason(lg)))
        st.markdown(md_escape(t("peers.outlier_rule", lg)))
    focus = pic.table("focus_areas").set_index("id")
    focus_name = focus.loc[fid, "name_en" if lg == "en" else "name_sv"] if fid in focus.index else fid
    for ind in cats:
        with st.container(border=True):
            block(pic, ind, focus_name, key=f"{fid}_peers_{ind.id}")


def block(pic: Picture, ind: Indicator, focus_name: str, *, key: str) -> None:
    lg, kommun = lang(), load_kommun().name
    st.markdown(f"**{md_escape(ind.name(lg))}**")
    verdict = peers.peer_verdict(pic, ind.id)
    if verdict is None:
        st.markdown(md_escape(t("peers.no_verdict", lg).format(kommun=kommun, min=peers.MIN_PEERS)))
    else:
        st.markdown(f"**{md_escape(verdict.sentence(lg))}**  \n{md_escape(verdict.reading_text(lg))}")
        if verdict.kommun_outlier:
            st.markdown(md_escape(t("peers.kommun_outlier", lg).format(kommun=kommun, period=verdict.period)))
    if ind.proxy:
        text = ind.proxy.removeprefix("Ersättningsmått:").strip()
        st.caption(f"**{md_escape(t('peers.proxy', lg).format(focus=focus_name))}:** {md_escape(text)}")
    table = peers.comparison(pic, ind.id)
    tom = iv.data_tom(pic, ind.id)
    tom_text = tom.text(lg) if tom else None
    chart = iv.memo(pic, ("peers.chart", ind.id, lg), lambda: peer_charts.peer_chart(table, ind, kommun_name=kommun, lang=lg))
    figure_ui.chart(chart, key=f"{key}_chart", source_ids=[ind.source_id], tom=tom_text)
    newest = verdict.period if verdict else str(table["period"].iloc[-1])
    with st.expander(t("peers.values_expander", lg).format(period=newest), icon=":material/list:"):
        values = iv.memo(pic, ("peers.values_table", ind.id, newest, lg),
                         lambda: peer_charts.peer_values_table(peers.values(pic, ind.id), newest, lg))
        figure_ui.table(values.copy(), key=f"{key}_kommuner", source_ids=[ind.source_id], tom=tom_text)
