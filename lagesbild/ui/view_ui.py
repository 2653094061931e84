"""A `ViewContent` (lagesbild.agenda) on screen, the way every figure is shown in the app:
summary sentence, chart, "Visa som tabell" with the same data, and the provenance caption
right under it; tables with their caption; notes. Used by Mötesläge and its presentation."""
from __future__ import annotations

import streamlit as st

from lagesbild import privacy
from lagesbild.i18n import t
from lagesbild.ui import provenance
from lagesbild.ui.figure_ui import PLOTLY_CONFIG, md_escape, md_frame
from lagesbild.ui.state import lang
from lagesbild.content import FigureBlock, TableBlock, ViewContent


def figure(block: FigureBlock, *, key: str, height: int | None = None, show_summary: bool = True,
           font_size: int | None = None) -> None:
    if show_summary:
        st.markdown(md_escape(block.summary))
    fig = block.fig
    if height is not None or font_size is not None:
        import plotly.graph_objects as go

        fig = go.Figure(fig)  # a copy: the view's figure is not changed
        if height is not None:
            fig.update_layout(height=height)
        if font_size is not None:
            fig.update_layout(font_size=font_size)
    st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG)
    with st.expander(t("table.show", lang()), icon=":material/table:"):
        st.dataframe(block.table, hide_index=True, key=f"{key}_tabell")
    p = block.provenance
    provenance.caption(list(p.source_ids), p.data_tom, note=p.note)


def table(block: TableBlock, *, key: str, height: int | None = None, show_source: bool = True, static: bool = False) -> None:
    """`static`: a plain table whose cells wrap (presentation: readable from the back of the room,
    no scrolling inside a canvas); the rows a page could not hold are counted under it."""
    if block.title:
        st.markdown(f"**{md_escape(block.title)}**")
    if static:
        st.table(md_frame(block.table.head(block.max_rows)), hide_index=True, border="horizontal")
        more = len(block.table) - block.max_rows
        if more > 0:
            st.caption(t("view_ui.more_rows", lang(), more=more))
    else:
        kwargs = {"height": height} if height else {}
        st.dataframe(block.table, hide_index=True, key=key, **kwargs)
    if block.provenance is not None and show_source:
        p = block.provenance
        provenance.caption(list(p.source_ids), p.data_tom, note=p.note)


def notes(vc: ViewContent) -> None:
    items = list(vc.notes)
    if vc.has_suppressed:
        items.append(privacy.explanation(lang()))
    if items:
        st.caption("\n".join(f"- {md_escape(n)}" for n in items))


def render(vc: ViewContent, *, key: str, chart_height: int | None = None, table_height: int | None = None,
           summary: bool = True, static_tables: bool = False, font_size: int | None = None) -> None:
    """The whole view: one chart full width (a table beside it), two charts side by side."""
    if summary:
        st.markdown(md_escape(vc.summary))
    shown = {f.provenance for f in vc.figures}
    if len(vc.figures) == 1 and vc.tables:
        left, right = st.columns([3, 2])
        with left:
            figure(vc.figures[0], key=f"{key}_f0", height=chart_height, show_summary=False, font_size=font_size)
        with right:
            for i, tb in enumerate(vc.tables):
                table(tb, key=f"{key}_t{i}", height=table_height, show_source=tb.provenance not in shown, static=static_tables)
    else:
        if vc.figures:
            cols = st.columns(len(vc.figures))
            for i, (col, block) in enumerate(zip(cols, vc.figures)):
                with col:
                    figure(block, key=f"{key}_f{i}", height=chart_height, show_summary=False, font_size=font_size)
        for i, tb in enumerate(vc.tables):
            table(tb, key=f"{key}_t{i}", height=table_height, show_source=tb.provenance not in shown, static=static_tables)
    notes(vc)
