"""The Områden page: one profile template for a district or a priority area, named in the URL
(?omrade=<priority area or district code>), so a profile can be shared."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lagesbild import fmt, privacy, verdict
from lagesbild.queries import indicators as iv
from lagesbild.config import settings
from lagesbild.geo import areas as areas_mod
from lagesbild.geo import karta, profile
from lagesbild.geo.layers import area_label, boundaries, list_as_of
from lagesbild.i18n import t
from lagesbild.registry.pages import page
from lagesbild.ui import map_ui, provenance, verdict_ui
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.state import lang
from lagesbild.ui.session import picture
from lagesbild.ui.urlstate import url_id

PARAM = map_ui.AREA_PARAM


WIDGET = "omr_select"


def _url_from_widget() -> None:
    """The selectbox changed: the URL follows (callbacks run before the page)."""
    code = st.session_state.get(WIDGET)
    if code:
        st.query_params[PARAM] = code
    elif PARAM in st.query_params:
        del st.query_params[PARAM]


def choose(where=st) -> str | None:
    """The area named in the URL (?omrade=…). The URL is the source of truth, so every
    profile's address names its area; no default area."""
    lg = lang()
    opts = profile.options()
    names = {c: f"{n} – {areas_mod.level_label(lv, lg)}" for c, n, lv in opts}
    pending = map_ui.take_pending_area()  # always taken, so it cannot resurface later
    asked = url_id(PARAM) or pending
    if asked and not profile.exists(asked):
        st.warning(f"{t('omr.unknown', lg)}: ”{md_escape(asked)}”.", icon=":material/warning:")
        asked = None
    if asked and st.session_state.get(WIDGET) != asked:
        st.session_state[WIDGET] = asked
    if asked and st.query_params.get(PARAM) != asked:  # from the map's click
        st.query_params[PARAM] = asked
    if not asked and st.query_params.get(PARAM):
        del st.query_params[PARAM]
    return where.selectbox(t("omr.choose", lg), [c for c, _, _ in opts], index=None, key=WIDGET,
                        format_func=names.get, placeholder=t("omr.placeholder", lg), on_change=_url_from_widget)


def render() -> None:
    lg = lang()
    # A profile opens with its name and verdict; the page title and the chooser share one row
    # so the verdict stays above the fold at 1366×768.
    head, pick = st.columns([3, 2], vertical_alignment="bottom")
    head.title(t("omr.title", lg))
    code = choose(pick)
    if code is None:
        _overview()
        return
    pic = picture()  # the profile is built once per picture and language (never changed after)
    p = iv.memo(pic, ("profile", code, lg), lambda: profile.build(pic, code, lg))
    st.header(p.name)
    # SCB's and Valmyndigheten's codes help a reader compare; a priority area's code is ours only.
    official = "" if p.priority else f" · {t('omraden.render.code', lang())} {p.code}"
    st.caption(f"{areas_mod.level_label(p.level, lg)}{official}")
    _verdict(p)
    _membership(p)
    _headline(p)
    _factors(p)
    _delimitation(p)
    _area_map(p)
    _key_figures(p)
    _uso(p)
    _events(p)
    _activities(p)
    _reforms(p)


def _verdict(p: profile.Profile) -> None:
    """Läget i korthet: the area against the kommun on every measure with a stated direction,
    then what is known only for the whole kommun and what partners could add."""
    lg = lang()
    pic = picture()
    loaded = set(pic.table("observations").loc[lambda o: o["area_code"] == p.code, "indicator_id"])
    missing = verdict.missing_partner_indicators(("regso", "valdistrikt", "kommundel", "deso"), loaded)
    notes = [t("verdict.kommun_only", lg)]
    if missing:
        notes.append(f"{t('verdict.missing', lg)}: " + ", ".join(i.name(lg).lower() for i in missing) + ".")
    notes = [f":small[{n}]" for n in notes]
    verdict_ui.block(pic, verdict.area_lines(pic, p.code), empty=t("verdict.none_area", lg), notes=notes, key="omrade",
                     problem=(None, (p.code,)))


def _overview() -> None:
    """No area chosen yet: the priority areas first, then every district, as links."""
    lg = lang()
    st.markdown(t("omr.intro", lg))
    opts = profile.options()
    prio = [(c, n) for c, n, lv in opts if lv == areas_mod.PRIORITY_LEVEL]
    st.subheader(t("omraden.overview.priority_areas", lang()))
    cols = st.columns(max(len(prio), 1))
    for col, (code, name) in zip(cols, prio):
        col.page_link(page("omraden").path, label=name, icon=":material/flag:", query_params={PARAM: code})
    map_ui.profile_links([(c, n) for c, n, lv in opts if lv == "regso"], label=t("omraden.overview.regso_districts", lang()))


def _membership(p: profile.Profile) -> None:
    if p.priority:
        icon = ":material/edit_note:" if p.priority.preliminary else ":material/flag:"
        st.markdown(f"{icon} **{t('omraden.membership.priority_area', lang())}** · {t('omraden.membership.status', lang())}: "
                    f"**{p.priority.status}**")
    for code, name in p.in_priority:
        st.page_link(page("omraden").path, label=t("omraden.membership.part_priority_area", lang(), name=name),
                     icon=":material/flag:", query_params={PARAM: code})


def _headline(p: profile.Profile) -> None:
    """Four key figures, each with its own provenance caption (they come from different sources)."""
    lg = lang()
    tom = p.population.data_tom or p.population.period
    geo_src = "valmyndigheten_valdistrikt" if p.level == "valdistrikt" else "scb_regso"
    density = p.population.value / p.area_km2 if p.population.value == p.population.value and p.area_km2 else None
    share = (p.population.value / p.kommun_population.value
             if density and p.kommun_population.value == p.kommun_population.value else None)
    no_pop = t("omraden.headline.population_exists_per_regso", lang()) if not density else ""
    missing = fmt.number(None, lang=lg)
    cells = [
        (t("omr.population", lg), p.population.text, ["scb_befolkning"], tom, no_pop),
        (t("omr.area", lg), f"{fmt.number(p.area_km2, 2 if p.area_km2 < 1 else 1, lg)} km²", [geo_src], list_as_of(),
         t("omraden.headline.whole_area_incl_lakes", lang(), boundaries=boundaries(p.level, lg))),
        (t("omr.density", lg), fmt.number(density, 0, lg) if density else missing,
         ["scb_befolkning", geo_src], tom, ""),
        (t("omr.share", lg), fmt.percent(share, 1, lg) if share else missing,
         ["scb_befolkning", "kolada"], tom, ""),
    ]
    for col, (label, value, sources, data_tom, note) in zip(st.columns(4), cells):
        with col:
            if value == missing:  # said in plain text: a metric's large type cut it to "Uppgift sak…"
                st.markdown(f"{label}  \n**{missing}**")
            else:
                st.metric(label, value)
            provenance.caption(sources, data_tom, note=note)


def _factors(p: profile.Profile) -> None:
    """Risk- och skyddsfaktorer: each block with its own provenance caption (different sources)."""
    lg = lang()
    f = p.factors
    st.subheader(t("fac.title", lg))
    st.caption(t("fac.intro", lg))
    if f.table.empty:
        st.markdown(t("fac.no_scb", lg))
    else:
        st.table(f.table, hide_index=True)
        provenance.caption(list(f.table_sources), f.table_tom, note=t("fac.weights", lg))
    if f.income:
        st.markdown(f.income)
        provenance.caption("scb_deso_socioekonomi", f.income_year)
    if f.types:
        st.markdown(f.types)
        provenance.caption("scb_omradestyp", t("fac.types.year", lg))
    if f.uso:
        st.markdown(f.uso)
        if f.uso_note:
            st.info(f.uso_note, icon=":material/info:")
        provenance.caption(["polisen_uso", "scb_regso"], list_as_of())
    st.markdown(f.turnout_text)
    if f.turnout.empty:
        st.markdown(t("fac.turnout.none", lg))
    else:
        st.table(f.turnout, hide_index=True)
    provenance.caption("valmyndigheten_val", f.turnout_tom)


def _delimitation(p: profile.Profile) -> None:
    if not p.priority:
        return
    lg = lang()
    st.subheader(t("omr.delimitation", lg))
    st.markdown(p.priority.note)
    if p.priority.preliminary:
        st.info(t("omraden.delimitation.preliminary_delimitation_partners_have", lang()),
                icon=":material/edit_note:")
    st.dataframe(p.parts_table, hide_index=True, key="omr_parts")
    provenance.caption(["scb_regso", "scb_befolkning"], p.population.data_tom,
                       note=t("omraden.delimitation.delimitation_as_proposed_partners", lang()))


def _area_map(p: profile.Profile) -> None:
    lg = lang()
    st.subheader(t("omr.map", lg))
    cfg, assets = settings(), map_ui.assets()
    # Built once per picture (the areas it draws are versioned with it), drawn on every run.
    m = iv.memo(picture(), ("area_map", p.code, lg, assets, cfg.tiles_url, cfg.tiles_attribution),
                lambda: karta.area_map(p.code, lg, assets, tiles_url=cfg.tiles_url, tiles_attribution=cfg.tiles_attribution),
                most=map_ui.MAPS_KEPT)
    st.markdown(p.map_summary)  # in words before the map
    clicked = map_ui.show(m, key="omr_map", height=420)
    provenance.caption(["scb_regso", "valmyndigheten_valdistrikt", "polisen_uso"], list_as_of())
    table = p.parts_table if not p.parts_table.empty else pd.DataFrame([{
        t("omraden.area_map.district", lang()): p.name, t("omraden.area_map.code", lang()): p.code,
        t("omraden.area_map.population", lang()): p.population.text, area_label(p.level, lg): fmt.number(p.area_km2, 1, lg)}])
    map_ui.as_table(table, key="omr_map")
    if clicked and clicked != p.code:
        map_ui.open_profile(clicked)


def _key_figures(p: profile.Profile) -> None:
    lg = lang()
    st.subheader(t("omr.indicators", lg))
    st.caption(t("omraden.key_figures.most_br_kolada_statistics", lang()))
    st.table(p.key_figures, hide_index=True)  # a static table: the notes wrap instead of being cut
    provenance.caption(["scb_befolkning", "kolada", "bra_sol", "polisen_handelser", "enkater_citerade"],
                       t("omraden.key_figures.see_period_column", lang()))


def _uso(p: profile.Profile) -> None:
    lg = lang()
    st.subheader(t("omr.uso", lg))
    if p.uso.empty:
        st.markdown(t("omraden.uso.none_police_s_vulnerable", lang()))
    else:
        for u in p.uso.itertuples():
            share = fmt.percent(u.share, 0, lg)
            st.markdown(f":material/report: **{u.uso_name}**: {u.kategori.lower()} "
                        f"({t('omraden.uso.valid_from', lang())} {u.aktualitet_start}; "
                        f"{t('omraden.uso.vulnerable_area_lies_here', lang(), share=share)}).")
    provenance.caption("polisen_uso", list_as_of())
    if not p.uso_history.empty:
        st.markdown(f"**{t('omr.uso_history', lg)}**")
        h = p.uso_history
        st.table(pd.DataFrame({
            t("omraden.uso.year", lang()): h["year"].astype(str), t("omraden.uso.area", lang()): h["area"],
            t("omraden.uso.classification", lang()): h["classification"],
            t("omraden.uso.confidence", lang()): h["confidence"], t("omraden.uso.source", lang()): h["source"],
        }), hide_index=True)
        provenance.caption("uso_historik", str(h["year"].max()),
                           note=t("omraden.uso.confidence_per_row_low", lang()))


def _events(p: profile.Profile) -> None:
    lg = lang()
    st.subheader(t("omr.events", lg))
    st.markdown(p.events_summary)
    if not p.events.empty:
        note = t("omraden.events.counted_place_named_text", lang())
        st.dataframe(p.events, hide_index=True, key="omr_events")
        provenance.caption("polisen_handelser", p.events_tom, note=note)
        if not p.events_types.empty:
            st.dataframe(p.events_types, hide_index=True, key="omr_event_types")
            provenance.caption("polisen_handelser", p.events_tom, note=note)
        st.caption(privacy.explanation(lg))
    else:
        provenance.caption("polisen_handelser", p.events_tom)


def _activities(p: profile.Profile) -> None:
    lg = lang()
    st.subheader(t("omr.activities", lg))
    if p.activities.empty:
        st.markdown(t("omr.no_activities", lg) + ".")
    else:
        st.dataframe(p.activities, hide_index=True, key="omr_activities")
        provenance.caption("partner", None)


def _reforms(p: profile.Profile) -> None:
    lg = lang()
    st.subheader(t("omr.reforms", lg))
    if p.reforms.empty:
        st.markdown(t("omr.no_reforms", lg))
    else:
        st.dataframe(p.reforms, hide_index=True, key="omr_reforms")
        provenance.caption("reformuppfoljning", None)
