"""Adding a saved view to a meeting's agenda: choose a page of the registry, then the page's own
choices (the same ones its URL holds), and a title. Options come from the picture, so only
views with something to show are offered."""
from __future__ import annotations

import streamlit as st

from lagesbild.queries import indicators as iv
from lagesbild.queries import reference as rv
from lagesbild import agenda
from lagesbild.queries import reforms as rq
from lagesbild.charts.reforms import status_label
from lagesbild.i18n import t
from lagesbild.registry.indicators import indicators
from lagesbild.registry.pages import PAGES, page
from lagesbild.ui.state import lang

K = "ag_"  # widget keys of this form


def _reformer(pic) -> dict:
    cur = rq.current(pic)
    # Format functions get their texts now: AppTest calls them again after the run.
    kinds = {"lista": t("agenda.reformer.reforms_filtered_list", lang()), "en": t("agenda.reformer.one_reform", lang())}
    kind = st.radio(t("agenda.view", lang()), list(kinds), horizontal=True, key=K + "ref_kind", format_func=kinds.get)
    if kind == "en":
        labels = rv.reform_labels(pic, lang())  # a retired reform can still be shown, marked
        rid = st.selectbox(t("agenda.reformer.reform", lang()), list(labels), format_func=labels.get, key=K + "ref_id")
        return {"reform": rid} if rid else {}
    c1, c2, c3 = st.columns(3)
    statuses = c1.multiselect("Status", rq.STATUS_ORDER, key=K + "ref_status", select_all=False,
                              format_func=lambda c, lg=lang(): status_label(c, lg, symbol=False), placeholder=t("agenda.reformer.all", lang()))
    theme = c2.selectbox(t("agenda.reformer.theme", lang()), rq.themes(cur), index=None, key=K + "ref_tema", placeholder=t("agenda.reformer.all", lang()))
    names = rq.focus_area_names(pic, lang())
    focus = c3.selectbox(t("agenda.focus_area", lang()), list(names), index=None, format_func=names.get, key=K + "ref_fokus",
                         placeholder=t("agenda.reformer.all", lang()))
    return {"status": statuses, "tema": theme, "fokus": focus}


def _fokus(pic) -> dict:
    kinds = {"fokus": t("agenda.fokus.focus_area_s_headline", lang()),
             "indikator": t("agenda.fokus.one_indicator_over_time", lang())}
    kind = st.radio(t("agenda.view", lang()), list(kinds), horizontal=True, key=K + "fok_kind", format_func=kinds.get)
    if kind == "fokus":
        focus = pic.table("focus_areas").sort_values("sort")
        names = dict(zip(focus["id"], focus["name_en" if lang() == "en" else "name_sv"]))
        fid = st.selectbox(t("agenda.focus_area", lang()), list(names), format_func=names.get, key=K + "fok_id")
        return {"fokus": fid}
    loaded = set(pic.table("observations")["indicator_id"].unique())
    reg = indicators()
    lg = lang()
    ids = sorted((i for i in loaded if i in reg), key=lambda i: reg[i].name(lg))
    c1, c2 = st.columns([2, 1])
    iid = c1.selectbox(t("agenda.fokus.indicator", lang()), ids, format_func=lambda i: reg[i].name(lg), key=K + "fok_ind")
    if not iid:
        return {}
    areas = iv.areas_with_data(pic, iid)
    d = pic.table("districts")
    names = dict(zip(d["code"], d["name"]))
    kommun = iv.kommun_code()
    options = [kommun] + [a for a in areas if a != kommun]
    area = c2.selectbox(t("agenda.area", lang()), options, format_func=lambda c: names.get(c, c), key=K + "fok_area")
    return {"indikator": iid, "omrade": area if area != kommun else None}


def _karta(pic) -> dict:
    from lagesbild.geo import measures
    from lagesbild.geo.layers import layer, main_layer

    options = {m.id: m for m in measures.available(pic, set(layer(main_layer())["code"]))}
    c1, c2 = st.columns([2, 1])
    mid = c1.selectbox(t("agenda.karta.show", lang()), list(options), format_func=lambda i, lg=lang(): options[i].name(lg), key=K + "karta_matt")
    periods = measures.periods(pic, options[mid]) if mid else []
    period = c2.selectbox("Period", periods, key=K + "karta_period") if periods else None
    return {"matt": mid, "period": period}


def _omraden(pic) -> dict:
    from lagesbild.geo import areas as areas_mod
    from lagesbild.geo import profile

    opts = profile.options()
    names = {c: f"{n} – {areas_mod.level_label(lv, lang())}" for c, n, lv in opts}
    code = st.selectbox(t("agenda.area", lang()), [c for c, _, _ in opts], index=None, format_func=names.get, key=K + "omr",
                        placeholder=t("agenda.omraden.none_priority_areas", lang()))
    return {"omrade": code}


def _mote(_pic) -> dict:
    vy = st.radio(t("agenda.view", lang()), list(agenda.MEETING_VIEWS), key=K + "mote_vy", horizontal=True,
                  format_func=lambda v, lg=lang(): t(agenda.MEETING_VIEWS[v], lg))
    return {"vy": vy}


CHOICES = {"reformer": _reformer, "fokusomraden": _fokus, "karta": _karta, "omraden": _omraden, "mote": _mote}


def choose(pic) -> tuple[str, dict, str] | None:
    """The page, its parameters and a title. Returns None until a page is chosen."""
    slugs = [p.slug for p in PAGES if p.in_agenda]
    slug = st.selectbox(t("agenda.choose.page", lang()), slugs, format_func=lambda s, lg=lang(): page(s).title(lg), key=K + "page")
    if slug is None:
        return None
    params = CHOICES.get(slug, lambda _p: {})(pic)
    params = {k: v for k, v in params.items() if v not in (None, "", [], ())}
    suggestion = agenda.describe(pic, slug, params, lang())
    title = st.text_input(t("agenda.choose.title_agenda", lang()), key=K + "title", placeholder=suggestion,
                          help=t("agenda.choose.leave_empty_suggestion", lang()), max_chars=300)
    return slug, params, (title or "").strip() or suggestion
