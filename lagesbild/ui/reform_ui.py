"""The Reformer page: the list with filters and charts, or one reform (one template for all
17, chosen by ?reform=R07), and the method section.

Reads only through `session.picture()`; the computations are in `lagesbild.queries.reforms`,
the figures in `lagesbild.charts.reforms`. Filters are bound to the URL (bind="query-params")
so a view can be shared; the reform is named by its id (?reform=R07).
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lagesbild.queries import reference as rv
from lagesbild.queries import reforms as rq
from lagesbild.queries.indicators import memo
from lagesbild.charts import reforms as charts
from lagesbild.domain import STATUS_INFO, ReformStatus
from lagesbild.errors import NotFound
from lagesbild.i18n import t
from lagesbild.reform_method import method_markdown
from lagesbild.registry.pages import page
from lagesbild.store import reference
from lagesbild.ui import provenance, reform_bulk_ui, reform_form
from lagesbild.ui.reform_card import assessment, date_text, progress_text, safe_url, status_md
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.state import lang, store
from lagesbild.ui.session import picture
from lagesbild.ui.urlstate import url_id, url_multiselect, url_selectbox
from lagesbild.agenda.params import reform_statuses

SOURCE_ID = "reformuppfoljning"
REFORM_PARAM = "reform"
PICK_KEY = "reform_pick"
FILTER_KEYS = ("status", "tema", "ansvarig", "fokus", "sok")


def title_of(row) -> str:
    return row["title_en"] if lang() == "en" else row["title_sv"]


# --- page ---------------------------------------------------------------------------------


def render() -> None:
    lg = lang()
    pic = picture()
    cur = rq.current(pic)
    st.title(t("reform.title", lg))
    rid = choose(pic, cur)
    if rid is None:
        st.session_state.pop(reform_form.OPEN_KEY, None)  # a reform opened later is read afresh
        overview(pic, cur)
    else:
        detail(pic, cur.set_index("id").loc[rid], rid)
    with st.expander(t("reform.method", lg), icon=":material/rule:"):
        st.markdown(method_markdown(lg))


def choose(pic, cur: pd.DataFrame) -> str | None:
    """The reform named in the URL (?reform=R07). The URL is the source of truth: the
    selectbox writes it, links from the list set it."""
    lg = lang()
    ids = cur["id"].tolist()
    asked = url_id(REFORM_PARAM)
    if asked and asked not in ids:
        st.warning(t("reformer.choose.unknown_reform_address", lang(), asked=asked),
                   icon=":material/warning:")
        del st.query_params[REFORM_PARAM]
        asked = None
    if st.session_state.get(PICK_KEY) != asked:
        st.session_state[PICK_KEY] = asked
    labels = rv.reform_labels(pic, lg)
    st.selectbox(t("reform.choose", lg), ids, index=None, key=PICK_KEY, format_func=labels.get,
                 placeholder=t("reform.choose_placeholder", lg), on_change=_pick_changed)
    return asked


def _open(rid: str) -> None:
    st.query_params[REFORM_PARAM] = rid


def _pick_changed() -> None:
    value = st.session_state.get(PICK_KEY)
    if value:
        st.query_params[REFORM_PARAM] = value
    elif REFORM_PARAM in st.query_params:
        del st.query_params[REFORM_PARAM]


# --- the list -----------------------------------------------------------------------------


def overview(pic, cur: pd.DataFrame) -> None:
    lg = lang()
    st.markdown(t("reform.intro", lg))
    flt = filters(pic, cur)
    shown = rq.apply_filter(cur, flt)
    st.markdown(f"**{t('reform.shown', lg).format(n=len(shown), total=len(cur))}**")
    reform_list(shown)
    tom = rq.latest_date(pic)
    provenance.caption(SOURCE_ID, tom)
    charts_section(pic, shown, filtered=flt.active)
    reform_bulk_ui.render(pic)


def _status_ids_in_url() -> None:
    """Older links (and meeting agendas) carry status labels (?status=Försenad); keep them working."""
    asked = st.query_params.get_all("status")
    codes, _ = reform_statuses(asked)
    if asked and codes != asked:
        st.query_params["status"] = codes


def filters(pic, cur: pd.DataFrame) -> rq.ReformFilter:
    lg = lang()
    _status_ids_in_url()
    everything = t("reform.filter.all", lg)
    names = rq.focus_area_names(pic, lg)
    c1, c2, c3 = st.columns([2, 1, 1])
    statuses = url_multiselect(c1, t("reform.filter.status", lg), list(rq.STATUS_ORDER), "status",
                               lambda c: charts.status_label(c, lg, symbol=False), everything)
    theme = c2.selectbox(t("reform.filter.theme", lg), rq.themes(cur), index=None, key="tema",
                         bind="query-params", placeholder=everything)
    responsible = c3.selectbox(t("reform.filter.responsible", lg), rq.responsibles(cur), index=None,
                               key="ansvarig", bind="query-params", placeholder=everything)
    c4, c5 = st.columns([1, 2])
    focus = url_selectbox(t("reform.filter.focus", lg), list(names), param="fokus", format_func=names.get,
                          placeholder=everything, where=c4)
    query = c5.text_input(t("reform.filter.search", lg), key="sok", bind="query-params")
    return rq.ReformFilter(tuple(statuses), theme, responsible, focus, query or "")


_WIDTHS = [0.6, 4.5, 1.5, 2.1, 1.7, 1.2, 1.3]
# Page links are one line with an ellipsis; the agreement's wording must be readable in full.
# Scoped to the list's keyed container (class st-key-reform_list); if a Streamlit release
# renames the parts, the titles are cut again but nothing else breaks.
_WRAP_LINKS = """<style>
.st-key-reform_list [data-testid="stPageLink-NavLink"] span,
.st-key-reform_list [data-testid="stPageLink-NavLink"] p {
  white-space: normal; overflow: visible; text-overflow: clip;
}
</style>"""


def reform_list(shown: pd.DataFrame) -> None:
    """One row per reform: number, title (a link to its page), theme, responsible, status
    (icon + text), progress and the date of the latest assessment."""
    lg = lang()
    if shown.empty:
        st.info(t("reform.none_shown", lg), icon=":material/filter_alt_off:")
        return
    heads = ["number", "reform", "theme", "responsible", "status", "progress", "date"]
    st.html(_WRAP_LINKS)
    with st.container(border=True, key="reform_list"):
        cols = st.columns(_WIDTHS, vertical_alignment="center")
        for col, key in zip(cols, heads):
            col.markdown(f"**{t('reform.col.' + key, lg)}**")
        for _, row in shown.iterrows():
            cols = st.columns(_WIDTHS, vertical_alignment="center")
            cols[0].markdown(f"**{row['number']}**")
            cols[1].page_link(page("reformer").path, label=md_escape(title_of(row)), query_params={REFORM_PARAM: row["id"]})
            cols[2].markdown(md_escape(row["theme"]))
            cols[3].markdown(md_escape(row["responsible"]))
            cols[4].markdown(status_md(row["status"], lg))
            cols[5].markdown(progress_text(row["progress"]))
            cols[6].markdown(date_text(row["update_date"]))


MEMO_MOST = 32  # filter choices kept per picture for each of the two charts


def charts_section(pic, shown: pd.DataFrame, *, filtered: bool) -> None:
    lg = lang()
    ids = shown["id"].tolist()
    chosen = tuple(ids)  # the filters' reforms: figures and charts built once per picture and choice
    tom = rq.latest_date(pic, ids)
    note = t("reformer.charts_section.selection_reforms", lang(), n_ids=len(ids)) if filtered else ""
    left, right = st.columns(2)
    with left:
        st.subheader(t("reform.chart.distribution", lg))
        counts = rq.status_counts(shown)
        st.markdown(charts.distribution_summary(counts, lg))
        fig = memo(pic, ("reform_status_chart", chosen, lg), lambda: charts.status_distribution(counts, lg), most=MEMO_MOST)
        st.plotly_chart(fig, key="reform_chart_status", config={"displaylogo": False})
        with st.expander(t("table.show", lg)):
            st.dataframe(_counts_table(counts, lg), hide_index=True, key="reform_table_status")
        provenance.caption(SOURCE_ID, tom, note=note)
    with right:
        st.subheader(t("reform.chart.progress", lg))
        long = memo(pic, ("reform_progress", chosen), lambda: rq.progress_over_time(pic, ids), most=MEMO_MOST)
        st.markdown(charts.progress_summary(long, lg))
        if not long.empty:
            fig = memo(pic, ("reform_progress_chart", chosen, lg), lambda: charts.progress_over_time(long, lg), most=MEMO_MOST)
            st.plotly_chart(fig, key="reform_chart_progress", config={"displaylogo": False})
            with st.expander(t("table.show", lg)):
                st.dataframe(rq.progress_table(long, lg), hide_index=True, key="reform_table_progress")
        provenance.caption(SOURCE_ID, tom, note=note)


def _counts_table(counts: pd.DataFrame, lg: str) -> pd.DataFrame:
    label = "label_en" if lg == "en" else "label_sv"
    return pd.DataFrame({
        t("reformer.counts_table.status", lang()): [f"{STATUS_INFO[ReformStatus(c)].symbol} {name}" for c, name in zip(counts["status"], counts[label])],
        t("reformer.counts_table.number_reforms", lang()): counts["count"].tolist(),
    })


# --- one reform ---------------------------------------------------------------------------


def detail(pic, row: pd.Series, rid: str) -> None:
    lg = lang()
    st.page_link(page("reformer").path, label=t("reform.back", lg), icon=":material/arrow_back:")
    st.header(f"{row['number']}. {md_escape(title_of(row))}")
    if lg == "en":  # the agreement is Swedish; Swedish mode shows no English title
        st.markdown(f"**{t('reform.sv_title', lg)}:** {md_escape(row['title_sv'])}")
    original = _original(rid, lg)
    if original and original != title_of(row):  # reworded by an admin: the agreement's text is the source
        st.caption(f"{t('ref.original', lg)}: {md_escape(original)}")
    c1, c2, c3, c4 = st.columns(4)
    c1.markdown(f"**{t('reform.col.status', lg)}**  \n{status_md(row['status'], lg)}")
    c2.markdown(f"**{t('reform.col.progress', lg)}**  \n{progress_text(row['progress'])}")
    c3.markdown(f"**{t('reform.col.theme', lg)}**  \n{md_escape(row['theme'])}")
    c4.markdown(f"**{t('reform.col.responsible', lg)}**  \n{md_escape(row['responsible'])}")
    provenance.caption(SOURCE_ID, row["update_date"])
    hist = rq.history(pic, rid)
    if rv.is_retired(pic.table("reforms"), rid):  # its history stays; it takes no new assessment
        st.info(t("reform.retired", lg), icon=":material/archive:")
    else:
        reform_form.render(pic, row, rid, hist)
    st.subheader(t("reform.history", lg))
    timeline(hist)
    links_section(pic, rid)


def _original(rid: str, lg: str) -> str | None:
    """The agreement's wording of the reform (lagesbild.store.reference.wording)."""
    try:
        with store().session() as s:
            w = reference.wording(s, rid)
    except NotFound:  # shown from a copy of a meeting frozen before versioning
        return None
    return w.original_en if lg == "en" else w.original_sv


def timeline(hist: pd.DataFrame) -> None:
    """Newest first: date, status (icon + text), progress, author, motivation, source link."""
    lg = lang()
    if hist.empty:
        st.info(t("reform.no_history", lg), icon=":material/help:")
        return
    for _, h in hist.iterrows():
        assessment(h)


def links_section(pic, rid: str) -> None:
    lg = lang()
    left, right = st.columns(2)
    with left:
        st.subheader(t("reform.evidence", lg))
        ev = rq.evidence(pic, rid)
        if ev.empty:
            st.markdown(t("reform.no_evidence", lg))
        for e in ev.itertuples(index=False):
            st.markdown(f"- [{md_escape(e.source_url)}]({safe_url(e.source_url)}) ({date_text(e.update_date)})")
    with right:
        st.subheader(t("reform.focus", lg))
        focus = rq.focus_links(pic, rid, lg)
        if focus.empty:
            st.markdown(t("reform.no_focus", lg))
        for f in focus.itertuples(index=False):
            strength = t(f"reform.strength.{f.strength}", lg) if f.strength in ("direkt", "indirekt") else f.strength
            st.markdown(f"**{md_escape(f.name)}** ({strength})  \n{md_escape(f.reasoning_sv)}")
        st.subheader(t("reform.districts", lg))
        dist = rq.district_links(pic, rid)
        if dist.empty:
            st.markdown(t("reform.no_districts", lg))
        for d in dist.itertuples(index=False):
            st.markdown(f"**{md_escape(d.name)}** ({md_escape(d.strength)})  \n{md_escape(d.reasoning_sv)}")
