"""The Fokusområden page: one focus area at a time (?fokus=gang|andts|vinr|trygghet).

Per area: its scope, its indicators (trend, same period last year with % change, rate per
inhabitants, level and proxy notes next to the figure, quoted survey sentences with their
address, freshness warnings), the registered indicators without data ("Uppgift saknas"
and how to import), the kommun against its comparison kommuner per Brå category (peers_ui),
its activities and its linked reforms. Every figure carries its
provenance caption; every chart a "Visa som tabell" and a one-sentence summary.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from lagesbild.queries import indicators as iv
from lagesbild import peers, privacy, verdict
from lagesbild.queries import reforms as rq
from lagesbild.queries import reference as rv
from lagesbild.charts import indicators as charts
from lagesbild.config import load_kommun
from lagesbild.domain import STATUS_INFO, ReformStatus
from lagesbild.i18n import t
from lagesbild.picture import Picture
from lagesbild.registry.indicators import Indicator, for_focus_area
from lagesbild.registry.pages import page
from lagesbild.registry.sources import source
from lagesbild.ui import activities_ui, figure_ui, notices_ui, peers_ui, provenance, uso_ui, verdict_ui
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.state import lang
from lagesbild.ui.session import picture
from lagesbild.ui.urlstate import url_id

PARAM = "fokus"
WIDGET = "fokus_val"
MAX_MULTIPLES = 12
RECENT_PERIODS = 24
LEVELS = ("kommun", "lokalpolisomrade", "regso", "deso", "valdistrikt", "prioriterat", "kommundel", "omrade")  # focus.level.*
GENDERS = ("T", "K", "M")  # focus.gender.*


def today(pic: Picture) -> date:
    """Freshness is judged on the day the picture shows: a frozen meeting keeps its date."""
    return pic.as_of if pic.frozen else date.today()


# --- page ---------------------------------------------------------------------------------


def render() -> None:
    pic = picture()
    st.title(t("focus.render.focus_areas", lang()))
    if pic.table("focus_areas").empty:
        st.info(t("focus.render.there_are_no_focus", lang()))
        return
    focus_area(pic, choose(pic))


def choose(pic: Picture) -> str:
    """The focus area named in the URL (?fokus=…); the URL is the source of truth, so a
    link from Översikt or a meeting agenda opens the right area. Default: the first."""
    focus = pic.table("focus_areas").sort_values("sort")
    names = dict(zip(focus["id"], focus["name_en" if lang() == "en" else "name_sv"]))
    ids = list(names)
    asked = url_id(PARAM)
    if asked is not None and asked not in ids:
        st.warning(t("focus.choose.unknown_focus_area_address", lang(), asked=md_escape(asked), shown=names[ids[0]]), icon=":material/warning:")
        del st.query_params[PARAM]
        asked = None
    chosen = asked or ids[0]
    if asked is None:  # the address names the view shown, so a saved agenda item does too
        st.query_params[PARAM] = chosen
    if st.session_state.get(WIDGET) != chosen:
        st.session_state[WIDGET] = chosen
    st.radio(t("focus.choose.choose_focus_area", lang()), ids, key=WIDGET, horizontal=True, format_func=names.get,
             label_visibility="collapsed", on_change=_url_from_widget)
    return chosen


def _url_from_widget() -> None:
    st.query_params[PARAM] = st.session_state[WIDGET]


def focus_area(pic: Picture, fid: str) -> None:
    lg = lang()
    row = pic.table("focus_areas").set_index("id").loc[fid]
    name = row["name_en"] if lg == "en" else row["name_sv"]
    st.header(name)
    lines = verdict.focus_lines(pic, fid)
    public = notices_ui.lines(pic, fid) + uso_ui.lines(pic, fid)  # local public facts without a verdict word
    no_public = not public and verdict.proxies_only(lines)
    notes = public + ([f":small[{t('verdict.proxy_only', lg, name=name.lower() if lg == 'sv' else name)}]"]
                      if lines and no_public else [])
    verdict_ui.block(pic, lines, empty=t("verdict.none_focus", lg), notes=notes, key=f"fokus_{fid}",
                     problem=(fid, ()))
    st.markdown(md_escape(row["scope_en"] if lg == "en" else row["scope_sv"]))
    st.subheader(t("focus.focus_area.indicators", lang()))
    st.caption(t("focus.focus_area.reported_offences_are_not", lang()))
    with_data, without = split_by_data(pic, fid)
    current, stale = split_by_freshness(pic, with_data)
    for ind, rate_ind in current:
        with st.container(border=True):
            indicator_block(pic, ind, rate_ind, key=f"{fid}_{ind.id}")
    if stale:
        # Folded: one note for the block instead of a warning on every chart (the page was
        # 14 000 px tall with seven warnings); the verdict and the current series come first.
        with st.expander(t("focus.older", lg).format(n=len(stale)), icon=":material/history:"):
            st.warning(t("focus.older_note", lg), icon=":material/update:")
            for ind, rate_ind in stale:
                with st.container(border=True):
                    indicator_block(pic, ind, rate_ind, key=f"{fid}_{ind.id}", warn=False)
    notices_ui.blocks(pic, fid)
    uso_ui.block(pic, fid)
    missing_block(without)
    if no_public:
        partner_offer(pic, name)
    peers_ui.section(pic, fid)
    st.subheader(t("focus.focus_area.activities", lang()))
    activities_ui.manage(pic, focus_area=fid, key=f"akt_{fid}")
    st.subheader(t("focus.focus_area.linked_reforms", lang()))
    reforms_block(pic, fid)


def split_by_data(pic: Picture, fid: str) -> tuple[list[tuple[Indicator, Indicator | None]], list[Indicator]]:
    """The focus area's indicators with data, each count paired with its rate (Brå's count
    and per-100 000 shown together), and those without data."""
    inds = for_focus_area(fid)
    ids = {i.id for i in inds}
    loaded = set(pic.table("observations")["indicator_id"].unique())
    rate_of = {i.count_of: i for i in inds if i.count_of in ids}
    paired = {i.id for i in rate_of.values()}
    with_data, without = [], []
    for ind in inds:
        if ind.id in paired and ind.count_of in loaded:
            continue  # shown with its count
        rate = rate_of.get(ind.id)
        if ind.id in loaded or (rate is not None and rate.id in loaded):
            with_data.append((ind, rate if rate is not None and rate.id in loaded else None))
        else:
            without.append(ind)
    return with_data, without


# --- one indicator ------------------------------------------------------------------------


def level_label(level: str, lg: str) -> str:
    """"hela kommunen", "lokalpolisområde <area> (ungefär kommunen)", … (the area from the kommun file)."""
    if level not in LEVELS:
        return level
    return t(f"focus.level.{level}", lg, area=load_kommun().local_police_area)


def notes_line(ind: Indicator) -> None:
    """Level, data type and proxy note, plainly next to the figure."""
    lg = lang()
    level = level_label(ind.level, lg)
    dtype = ind.data_type.label_en if lg == "en" else ind.data_type.label_sv
    st.markdown(f":material/location_on: **{t('focus.notes_line.level', lang())}:** {level} · **{t('focus.notes_line.type', lang())}:** {dtype}  \n"
                f"{md_escape(ind.definition_sv)}")
    if ind.proxy:
        text = ind.proxy.removeprefix("Ersättningsmått:").strip()
        st.warning(f"**{t('focus.notes_line.proxy_measure', lang())}:** {md_escape(text)}", icon=":material/info:")


def split_by_freshness(pic: Picture, pairs: list[tuple[Indicator, Indicator | None]]):
    """(current, stale): stale when the newest figure is older than the source's cycle allows."""
    current, stale = [], []
    for ind, rate_ind in pairs:
        tom = iv.data_tom(pic, ind.id)
        old = iv.freshness_warning(ind.id, tom, today(pic), lang()) is not None
        (stale if old else current).append((ind, rate_ind))
    return current, stale


def indicator_block(pic: Picture, ind: Indicator, rate_ind: Indicator | None, *, key: str, warn: bool = True) -> None:
    lg = lang()
    st.markdown(f"#### {md_escape(ind.name(lg))}")
    notes_line(ind)
    kommun = iv.kommun_code()
    main = ind
    s = iv.series(pic, ind.id, kommun)
    tom = iv.data_tom(pic, ind.id)
    stale_note = iv.freshness_warning(ind.id, tom, today(pic), lg) if warn else None
    if stale_note:
        st.warning(stale_note, icon=":material/update:")
    src = [ind.source_id]
    tom_text = tom.text(lg) if tom else None
    if not s.empty:
        metrics_row(pic, ind, rate_ind, s, key=key)
        if len(s) >= 2:
            area = _area_name(pic, kommun)
            figure_ui.chart(iv.memo(pic, ("trend", ind.id, kommun, lg), lambda: charts.trend(s, ind, area_name=area, lang=lg)),
                            key=f"{key}_trend", source_ids=src, tom=tom_text)
            if ind.periodicity in ("kvartal", "manad") and len(s) >= 5:
                figure_ui.chart(iv.memo(pic, ("yoy", ind.id, kommun, lg), lambda: charts.yoy_bars(s, ind, area_name=area, lang=lg)),
                                key=f"{key}_yoy", source_ids=src, tom=tom_text)
        if rate_ind is not None:
            rs = iv.series(pic, rate_ind.id, kommun)
            if len(rs) >= 2:
                rtom = iv.data_tom(pic, rate_ind.id)
                area = _area_name(pic, kommun)
                figure_ui.chart(iv.memo(pic, ("trend", rate_ind.id, kommun, lg), lambda: charts.trend(rs, rate_ind, area_name=area, lang=lg)),
                                key=f"{key}_rate_trend", source_ids=[rate_ind.source_id], tom=rtom.text(lg) if rtom else None)
    by_area_block(pic, main, key=key)
    other_values_block(pic, main, s, key=key)
    quotes_block(pic, main)


def metrics_row(pic: Picture, ind: Indicator, rate_ind: Indicator | None, s: pd.DataFrame, *, key: str) -> None:
    lg = lang()
    kommun = iv.kommun_code()
    cols = st.columns(3)
    pt = iv.latest(s)
    ch = iv.change(s)
    tom = iv.data_tom(pic, ind.id)
    with cols[0]:
        label = t("focus.metrics_row.latest_value", lang(), period=pt.period) if pt else t("focus.metrics_row.latest_value_2", lang())
        if pt and pt.preliminary:
            label += t("focus.metrics_row.preliminary", lang())
        figure_ui.metric(label, iv.value_text(pt.value if pt else None, pt.suppressed if pt else False, ind, lg) + f" {_unit_suffix(ind, lg)}",
                         delta=iv.change_text(ch, ind.unit, lg), direction=ind.direction, source_ids=[ind.source_id],
                         tom=tom.text(lg) if tom else None, help=t("focus.metrics_row.change_same_period_year", lang()))
    rate_done = False
    if rate_ind is not None:
        rs = iv.series(pic, rate_ind.id, kommun)
        rpt = iv.latest(rs)
        if rpt is not None:
            rtom = iv.data_tom(pic, rate_ind.id)
            with cols[1]:
                figure_ui.metric(f"{rate_ind.unit_label(lg)} ({rpt.period})", iv.value_text(rpt.value, rpt.suppressed, rate_ind, lg),
                                 delta=iv.change_text(iv.change(rs), rate_ind.unit, lg), direction=rate_ind.direction,
                                 source_ids=[rate_ind.source_id], tom=rtom.text(lg) if rtom else None,
                                 help=t("focus.metrics_row.source_s_own_rate", lang()))
                rate_done = True
    if not rate_done:
        rate = iv.rate_series(pic, ind.id, kommun)
        if rate is not None:
            last = rate.iloc[-1]
            base_key = iv.rate_base(kommun)[1]
            with cols[1]:
                figure_ui.metric(f"{t(base_key, lg)} ({last['period']})",
                                 privacy.cell_text(last["value"], bool(last["suppressed"]), unit="per_1000", lang=lg),
                                 delta=None, direction=ind.direction, source_ids=[ind.source_id, "scb_befolkning"],
                                 tom=last["period_end"],
                                 note=t("focus.metrics_row.computed_scb_s_population", lang()))
    if ch is not None and ch.previous is not None:
        with cols[2]:
            prev = ch.previous
            figure_ui.metric(t("focus.metrics_row.same_period_year_earlier", lang(), period=prev.period),
                             iv.value_text(prev.value, prev.suppressed, ind, lg) + f" {_unit_suffix(ind, lg)}", delta=None,
                             direction=ind.direction, source_ids=[ind.source_id], tom=prev.period_end)


def _unit_suffix(ind: Indicator, lg: str) -> str:
    return "" if ind.unit in ("procent", "antal") else ind.unit_label(lg)


def _area_name(pic: Picture, code: str) -> str:
    d = pic.table("districts")
    hit = d.loc[d["code"] == code, "name"] if not d.empty else []
    return hit.iloc[0] if len(hit) else code


def by_area_block(pic: Picture, ind: Indicator, *, key: str) -> None:
    """An indicator reported per area (e.g. the partners' figures per RegSO): the newest
    value of each area, protected, with a rate per 1 000 where the population is known."""
    lg = lang()
    latest = iv.memo(pic, ("by_area_latest", ind.id), lambda: iv.named_partition(iv.latest_by_area(pic, ind.id)))
    if latest.empty:
        return
    st.markdown(f"**{t('focus.by_area_block.area_latest_period', lang())}**")
    tom = iv.data_tom(pic, ind.id)
    tom_text = tom.text(lg) if tom else None
    table = iv.memo(pic, ("by_area_table", ind.id, lg), lambda: _by_area_table(pic, ind, latest, lg))
    figure_ui.table(table.copy(), key=f"{key}_omraden",
                    source_ids=[ind.source_id, "scb_befolkning"] if iv.rate_applicable(ind) else [ind.source_id], tom=tom_text)
    # Built once per picture: the series per area cost half a second on every rerun.
    chart = iv.memo(pic, ("multiples", ind.id, lg), lambda: _multiples(pic, ind, latest, lg))
    if chart is not None:
        note = "" if len(latest) <= MAX_MULTIPLES else t("focus.by_area_block.first_areas_all_are", lg,
                                                         MAX_MULTIPLES=MAX_MULTIPLES, n_latest=len(latest))
        figure_ui.chart(chart, key=f"{key}_multiples", source_ids=[ind.source_id], tom=tom_text, note=note)


def _by_area_table(pic: Picture, ind: Indicator, latest: pd.DataFrame, lg: str) -> pd.DataFrame:
    pops = iv.populations(pic)
    with_rate = iv.rate_applicable(ind)  # counts: a rate per 1 000 beside them; shares and rates: none
    rows = []
    for r in latest.itertuples(index=False):
        row = {t("focus.by_area_block.area", lg): r.name, "Period": r.period,
               t("focus.by_area_block.value", lg): privacy.cell_text(r.value, bool(r.suppressed), unit=ind.unit, lang=lg)}
        if with_rate:
            pop = pops.get((r.area_code, privacy._year(r.period)))
            rate = privacy.cell_text(None if r.suppressed else r.value / pop * 1000, bool(r.suppressed), unit="per_1000",
                                     lang=lg) if pop else "–"
            row[t("focus.by_area_block.per_1_000_inh", lg)] = rate
        rows.append(row)
    return pd.DataFrame(rows)


def _multiples(pic: Picture, ind: Indicator, latest: pd.DataFrame, lg: str):
    """Small multiples of the most recent periods (a chart per area stays readable), or None
    when no area has two periods."""
    frames = {r.name: iv.series(pic, ind.id, r.area_code).tail(RECENT_PERIODS) for r in latest.head(MAX_MULTIPLES).itertuples(index=False)}
    return charts.small_multiples(frames, ind, lang=lg) if any(len(f) >= 2 for f in frames.values()) else None


def other_values_block(pic: Picture, ind: Indicator, kommun_series: pd.DataFrame, *, key: str) -> None:
    """Values that are not a kommun-wide trend (one-off surveys, by gender, other areas,
    the county and country for comparison): shown as a table, never left out."""
    lg = lang()
    trend = len(kommun_series) >= 2
    table = iv.memo(pic, ("other_values", ind.id, lg, trend), lambda: _other_values(pic, ind, trend, lg))
    if table is None or (not trend and len(table) == len(kommun_series)):
        return  # nothing else, or a single kommun value that is already in the metric
    st.markdown(f"**{t('focus.other_values_block.all_values', lang())}**")
    tom = iv.data_tom(pic, ind.id)
    figure_ui.table(table.copy(), key=f"{key}_alla", source_ids=[ind.source_id], tom=tom.text(lg) if tom else None)


def _other_values(pic: Picture, ind: Indicator, trend: bool, lg: str) -> pd.DataFrame | None:
    df = iv.protected(pic, ind.id)
    if df.empty:
        return None
    kommun = iv.kommun_code()
    shown_in_trend = (df["area_code"] == kommun) & (df["gender"] == "T") if trend else pd.Series(False, index=df.index)
    per_area = df["area_code"].isin(iv.district_codes(pic))  # by area above (or left out there: DeSO)
    compared = df["area_code"].isin(peers.config().codes)  # shown in "Jämfört med liknande kommuner"
    rest = df[~shown_in_trend & ~per_area & ~compared]
    if rest.empty:
        return None
    names = dict(zip(pic.table("districts")["code"], pic.table("districts")["name"]))
    area_col = t("focus.other_values_block.area", lg)
    return pd.DataFrame({
        area_col: [names.get(c, c) for c in rest["area_code"]],
        "Period": rest["period"].tolist(),
        t("focus.other_values_block.sex", lg): [t(f"focus.gender.{g}", lg) if g in GENDERS else g for g in rest["gender"]],
        t("focus.other_values_block.value", lg): [privacy.cell_text(v, bool(h), unit=ind.unit, lang=lg) for v, h in zip(rest["value"], rest["suppressed"])],
    }).sort_values(["Period", area_col], kind="stable")


def quotes_block(pic: Picture, ind: Indicator) -> None:
    """A quoted survey figure is shown with its sentence and its address."""
    from lagesbild.importers.text_sourced import quotes

    q = iv.memo(pic, "quotes", lambda: quotes(pic.table("observations")))  # one scan per picture, not per block
    q = q[q["indicator_id"] == ind.id]
    if q.empty:
        return
    with st.expander(t("focus.quotes_block.quotes_source_addresses", lang()), icon=":material/format_quote:"):
        for (quote, url), _grp in q.groupby(["quote", "source_url"], sort=False):
            st.markdown(f"> {md_escape(quote)}\n\n:material/link: {md_escape(url)}")
    st.caption(t("focus.quotes_block.figures_are_quoted_from", lang()))


def partner_offer(pic: Picture, name: str) -> None:
    """A focus area no public source shows locally: what the partners' own figures would add,
    and the template (a download, not an upload: importing is on the Administration page)."""
    from lagesbild.importers import partner

    lg = lang()
    st.subheader(t("focus.partner_offer", lg))
    st.markdown(md_escape(t("focus.partner_offer_text", lg, name=name.lower() if lg == "sv" else name)))
    workbook = iv.memo(pic, ("partner_template",), lambda: partner.template_xlsx(rv.active(pic.table("partners"))))
    st.download_button(t("focus.partner_template", lg), workbook,
                       file_name="mall_lokala_indikatorer.xlsx", icon=":material/download:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="fokus_partner_tpl")


def missing_block(without: list[Indicator]) -> None:
    if not without:
        return
    from lagesbild.ui.auth import may

    lg = lang()
    importer = may("data.import")  # how to load is admin work; a reader is told only that it is missing
    st.markdown(f"**{t('focus.missing_block.registered_indicators_without_data', lang())}**")
    lines = []
    for ind in without:
        how = _how_to_load(ind, lg) if importer else t("focus.no_data", lang())
        lines.append(f"- **{md_escape(ind.name(lg))}** ({source(ind.source_id).short_publisher}): {how}")
    st.markdown("\n".join(lines))
    if importer:
        st.page_link(page("administration").path, icon=":material/database:",
                     label=t("focus.missing_block.administration_page_import_templates", lang()))


def _how_to_load(ind: Indicator, lg: str) -> str:
    if ind.source_id.startswith("partner"):
        return t("focus.how_to_load.no_data_import_local", lang())
    try:
        from lagesbild.importers.status import how_to_load

        return how_to_load(ind.id, lg) + t("focus.how_to_load.administration_page", lang())
    except (ImportError, KeyError):
        return t("focus.no_data", lang())


# --- reforms ------------------------------------------------------------------------------


def reforms_block(pic: Picture, fid: str) -> None:
    lg = lang()
    links = pic.table("reform_focus_links")
    links = links[links["focus_area_id"] == fid]
    if links.empty:
        st.info(t("focus.reforms_block.no_reforms_are_linked", lang()))
        return
    cur = rq.current(pic).set_index("id")
    for r in links.merge(cur.reset_index()[["id", "number"]], left_on="reform_id", right_on="id").sort_values("number").itertuples():
        rf = cur.loc[r.reform_id]
        info = STATUS_INFO[ReformStatus(rf["status"])]
        status = f":material/{info.icon}: {info.label_en if lg == 'en' else info.label_sv}"
        title = rf["title_en"] if lg == "en" else rf["title_sv"]
        strength = {"direkt": t("focus.reforms_block.direct_link", lang()), "indirekt": t("focus.reforms_block.indirect_link", lang())}.get(r.strength, r.strength)
        with st.container(border=True):
            st.page_link(page("reformer").path, label=f"{rf['number']}. {md_escape(title)}", query_params={"reform": r.reform_id})
            st.markdown(f"{status} · {strength}  \n{md_escape(r.reasoning_sv)}")
    provenance.caption("reformuppfoljning", rq.latest_date(pic, links["reform_id"].tolist()),
                       note=t("focus.reforms_block.status_latest_recorded_assessment", lang()))
