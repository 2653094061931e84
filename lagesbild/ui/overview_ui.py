"""Översikt: the lägesbild at a glance, with "data t.o.m." on every block.

Per focus area its headline indicators (registry `headline = true`) with the change
against the same period last year; the reforms' status summary; the priority areas on a
small map (the map component when it exists); the latest activities.
"""
from __future__ import annotations

import streamlit as st

from lagesbild.queries import indicators as iv
from lagesbild import privacy, verdict
from lagesbild.queries import reforms as rq
from lagesbild.domain import STATUS_INFO, ReformStatus
from lagesbild.geo import areas as areas_mod
from lagesbild.geo import profile
from lagesbild.i18n import t
from lagesbild.picture import Picture
from lagesbild.registry.indicators import Indicator, for_focus_area
from lagesbild.registry.pages import page
from lagesbild.ui import activities_ui, figure_ui, provenance, verdict_ui
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.focus_ui import today
from lagesbild.ui.state import lang
from lagesbild.ui.session import picture

GENDER_SHORT = {"K": ("K", "F"), "M": ("M", "M")}


def render() -> None:
    pic = picture()
    st.title(t("overview.render.overview", lang()))
    st.markdown(t("overview.render.shared_situation_picture_brief", lang()))
    in_brief(pic)
    headlines(pic)
    left, right = st.columns(2)
    with left:
        reform_summary(pic)
    with right:
        priority_map(pic)
    st.subheader(t("overview.render.latest_activities", lang()))
    activities_ui.recent_section(pic)


# --- the verdict ----------------------------------------------------------------------------


def in_brief(pic: Picture) -> None:
    """Läget i korthet: per focus area its headline verdict, per priority area how it compares
    with the kommun (links to each)."""
    lg = lang()
    focus = pic.table("focus_areas").sort_values("sort")
    names = dict(zip(focus["id"], focus["name_en" if lg == "en" else "name_sv"]))
    per_focus = verdict.overview_lines(pic, list(names))
    shown = [(fid, ln) for fid, ln in per_focus.items() if ln is not None]
    notes = []
    for code, name, level in profile.options():
        if level != areas_mod.PRIORITY_LEVEL:
            continue
        summary = verdict.area_summary(verdict.area_lines(pic, code), lg)
        if summary:
            notes.append(f"- **{md_escape(name)}**: {summary}")
    if notes:
        notes = [t("verdict.priority_areas", lg) + "\n" + "\n".join(notes)]
    # "Skapa åtgärd" here names the kommun and the indicators shown; the form asks for the focus
    # area, since the block spans all of them.
    verdict_ui.block(pic, [ln for _f, ln in shown], empty=t("verdict.none_focus", lg), notes=notes, key="oversikt",
                     labels={i: f"**{md_escape(names[fid])}**" for i, (fid, _ln) in enumerate(shown)},
                     problem=(None, (iv.kommun_code(),)))


# --- headline indicators ------------------------------------------------------------------


def headlines(pic: Picture) -> None:
    lg = lang()
    focus = pic.table("focus_areas").sort_values("sort")
    for row in focus.itertuples():
        name = row.name_en if lg == "en" else row.name_sv
        st.subheader(name)
        inds = [i for i in for_focus_area(row.id) if i.headline]
        if not inds:
            st.info(t("overview.headlines.no_headline_indicator_chosen", lang()))
            continue
        cols = st.columns(max(len(inds), 2))
        for col, ind in zip(cols, inds):
            with col:
                headline_metric(pic, ind)
        st.page_link(page("fokusomraden").path, label=t("overview.headlines.more", lang(), name=name), query_params={"fokus": row.id},
                     icon=":material/arrow_forward:")


def headline_metric(pic: Picture, ind: Indicator) -> None:
    lg = lang()
    s = iv.series(pic, ind.id)
    tom = iv.data_tom(pic, ind.id)
    tom_text = tom.text(lg) if tom else None
    note = t("overview.headline_metric.proxy_see_focus_areas", lang()) if ind.proxy else ""
    help_text = ind.proxy or ind.definition_sv
    pt = iv.latest(s)
    if pt is None:
        value, delta, label = by_gender_text(pic, ind)
    else:
        value = iv.value_text(pt.value, pt.suppressed, ind, lg)
        delta = iv.change_text(iv.change(s), ind.unit, lg)
        label = f"{ind.name(lg)} ({pt.period}{t('overview.headline_metric.preliminary', lang()) if pt.preliminary else ''})"
    figure_ui.metric(label, value, delta=delta, direction=ind.direction, source_ids=[ind.source_id], tom=tom_text,
                     note=note, help=help_text)
    warn = iv.freshness_warning(ind.id, tom, today(pic), lg)
    if warn:
        st.caption(f":material/update: {warn}")


def by_gender_text(pic: Picture, ind: Indicator) -> tuple[str, None, str]:
    """A survey reported only by sex (no total): both values, never an invented total."""
    lg = lang()
    parts, period = [], None
    for g in ("K", "M"):
        pt = iv.latest(iv.series(pic, ind.id, gender=g))
        if pt is not None:
            period = pt.period
            parts.append(f"{GENDER_SHORT[g][1 if lg == 'en' else 0]} {iv.value_text(pt.value, pt.suppressed, ind, lg)}")
    if not parts:
        return privacy.cell_text(None, False, lang=lg), None, ind.name(lg)
    label = f"{ind.name(lg)} ({period}; {t('overview.by_gender_text.f_girls_m_boys', lang())})"
    return " · ".join(parts), None, label


# --- reforms ------------------------------------------------------------------------------


def reform_summary(pic: Picture) -> None:
    """Counts per status, icon + text: "17 av 17 Ej bedömd" on a fresh database."""
    lg = lang()
    st.subheader(t("overview.reform_summary.reforms_status", lang()))
    cur = rq.current(pic)
    counts = rq.status_counts(cur)
    total = int(counts["count"].sum())
    lines = []
    for r in counts.itertuples():
        if not r.count:
            continue
        info = STATUS_INFO[ReformStatus(r.status)]
        label = info.label_en if lg == "en" else info.label_sv
        lines.append(f"- :material/{info.icon}: **{r.count} {t('overview.reform_summary.of', lang())} {total}** {label}")
    st.markdown("\n".join(lines) if lines else t("overview.reform_summary.there_are_no_reforms", lang()))
    st.page_link(page("reformer").path, label=t("overview.reform_summary.reforms", lang()), icon=":material/checklist:")
    provenance.caption("reformuppfoljning", rq.latest_date(pic),
                       note=t("overview.reform_summary.status_latest_recorded_assessment", lang()))


# --- priority areas -------------------------------------------------------------------------


def priority_map(pic: Picture) -> None:
    st.subheader(t("overview.priority_map.priority_areas", lang()))
    try:
        from lagesbild.ui import map_ui
    except ImportError:  # the map part is not installed
        map_ui = None
    small = getattr(map_ui, "small_priority_map", None) if map_ui else None
    if small is not None:
        small(pic, key="oversikt_karta")
        return
    names = _priority_names(pic)
    st.info(t("overview.priority_map.map_priority_areas_map", lang()),
            icon=":material/map:")
    if names:
        st.markdown(", ".join(names))
    st.page_link(page("karta").path, label=t("overview.priority_map.map", lang()), icon=":material/map:")


def _priority_names(pic: Picture) -> list[str]:
    d = pic.table("districts")
    if d.empty:
        return []
    return d.loc[d["level"] == "prioriterat", "name"].tolist()
