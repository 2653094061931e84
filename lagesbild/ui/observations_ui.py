"""The Iakttagelser page: the reporters' form (their own organisation), the weekly picture per
category for the kommun and the priority areas, and the district picture by month with its map.

Figures come from lagesbild.queries.observations (one protected table per picture); the note of
an observation is never read here. The form keeps what was typed when the store refuses it,
and starts empty after a save."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from lagesbild.queries import observations as ov
from lagesbild.charts import indicators as charts
from lagesbild.charts import maps
from lagesbild.errors import LagesbildError, ValidationError
from lagesbild.config import settings
from lagesbild.geo import choropleth, karta, layers
from lagesbild.queries.indicators import compositions, kommun_code
from lagesbild.registry.pages import page
from lagesbild.store import action_plan as ap
from lagesbild.store import observations as obs
from lagesbild.ui import auth, figure_ui, forms, map_ui
from lagesbild.ui.session import actor, picture
from lagesbild.ui.state import lang, store, text as _t

FORM = "obs_form"
RESULT = "_obs_saved"
LINK_LIST = 100  # observations offered for linking, newest first


_GEN = "_obs_form_generation"


def key(name: str) -> str:
    # New widget keys after each save: the browser kept a form's values after its keys were
    # emptied (forms.clear_if_saved), inviting the same observation twice.
    gen = st.session_state.get(_GEN, 0)
    return f"{FORM}{gen or ''}_{name}"


def render() -> None:
    pic = picture()
    st.title(_t("obs.title"), anchor=False)
    st.markdown(_t("obs.intro"))
    msg = st.session_state.pop(RESULT, None)
    if msg:
        st.success(msg, icon=":material/check_circle:")
    if auth.may("observation.write"):
        with st.expander(_t("obs.form.title"), icon=":material/edit_note:", expanded=True):
            _form(pic)
    if not ov.weeks(pic):
        st.info(_t("obs.none"), icon=":material/visibility:")
        return
    _weekly(pic)
    _districts(pic)
    _link(pic)


def _area_names(pic) -> dict[str, str]:
    d = pic.table("districts")
    return dict(zip(d["code"], d["name"]))


@st.fragment  # a widget here reruns this part only
def _form(pic) -> None:
    lg = lang()
    who = actor()
    names = _area_names(pic)
    d = pic.table("districts")
    areas = sorted(d.loc[d["level"] == obs.observation_level(), "code"], key=lambda c: names.get(c, c))
    partners = pic.table("partners")
    partners = partners[partners["retired_at"].isna()] if "retired_at" in partners else partners
    own = [who.partner_id] if who.partner_id else list(partners["id"])  # a reporter: its own only
    pnames = dict(zip(partners["id"], partners["name"]))
    cats = obs.categories()
    st.caption(_t("obs.form.intro"))
    _map_pick(areas)
    with st.form(FORM):
        c1, c2 = st.columns(2)
        partner = c1.selectbox(_t("obs.form.partner") + " *", own, index=0 if len(own) == 1 else None, key=key("partner"),
                               format_func=lambda p: pnames.get(p, p), placeholder=_t("obs.form.choose"))
        area = c2.selectbox(_t("obs.form.area") + " *", areas, index=None, key=key("area"), format_func=names.get,
                            placeholder=_t("obs.form.choose"), help=_t("obs.form.area_help"))
        c3, c4 = st.columns(2)
        day = c3.date_input(_t("obs.form.date") + " *", value=date.today(), max_value=date.today(), format="YYYY-MM-DD",
                            key=key("date"))
        band = c4.selectbox(_t("obs.form.time_band") + " *", list(obs.TIME_BANDS), index=None, key=key("band"),
                            format_func=lambda b: obs.TIME_BANDS[b][1 if lg == "en" else 0],
                            placeholder=_t("obs.form.choose"))
        c5, c6 = st.columns(2)
        category = c5.selectbox(_t("obs.form.category") + " *", list(cats), index=None, key=key("category"),
                                format_func=lambda c: cats[c][1 if lg == "en" else 0], placeholder=_t("obs.form.choose"))
        count = c6.number_input(_t("obs.form.count") + " *", min_value=1, max_value=obs.MAX_COUNT, value=1, step=1,
                                key=key("count"))
        # No max_chars: a longer note must reach the store and be refused with a message, not cut.
        note = st.text_area(_t("obs.form.note", n=obs.MAX_NOTE), key=key("note"))
        saved = st.form_submit_button(_t("obs.form.submit"), icon=":material/save:", type="primary")
    if not saved:
        return
    data = obs.ObservationInput(partner_id=partner, district_code=area, observed_on=day, time_band=band,
                                category=category, count=int(count) if count is not None else None, note=note or "")
    try:
        with store().transaction() as s:
            obs.file_observation(s, who, data)
    except ValidationError as err:
        st.error(err.summary + "\n\n" + "\n".join(f"- {i}" for i in err.issues), icon=":material/error:")
        return
    except LagesbildError as err:
        st.error(str(err), icon=":material/error:")
        return
    st.session_state[RESULT] = _t("obs.saved")
    st.session_state[_GEN] = st.session_state.get(_GEN, 0) + 1
    st.rerun()


def _map_pick(areas: list[str]) -> None:
    """A click on the map fills in the form's area (the area only, never the point)."""
    if not st.toggle(_t("obs.form.on_map"), key=key("on_map"), help=_t("obs.form.on_map_help")):
        return
    cfg = settings()
    fmap = karta.area_picker(obs.observation_level(), lang(), map_ui.assets(), chosen=st.session_state.get(key("area")),
                             tiles_url=cfg.tiles_url, tiles_attribution=cfg.tiles_attribution)
    clicked = map_ui.show(fmap, key=key("map"), height=420)
    if clicked in areas:
        st.session_state[key("area")] = clicked


def _link(pic) -> None:
    """Whoever writes the plan ties observations to an åtgärd (or unties them). The list names
    day, area, category, count and organisation; never the note."""
    if not auth.may("plan.write"):
        return
    lg = lang()
    with st.expander(_t("obs.link.title"), icon=":material/link:"):
        with store().session() as s:
            plan = ap.plan_frame(s)
        if plan.empty:
            st.info(_t("obs.link.no_plan"), icon=":material/event_note:")
            return
        rows = pic.table("place_observations").sort_values(["observed_on", "id"], ascending=False).head(LINK_LIST)
        names, cats = _area_names(pic), obs.categories()
        pnames = dict(zip(pic.table("partners")["id"], pic.table("partners")["short_name"]))
        titles = dict(zip(plan["id"].astype(int), plan["title"]))

        def label(r) -> str:
            linked = titles.get(int(r.plan_action_id)) if pd.notna(r.plan_action_id) else None
            category = cats.get(r.category, (r.category, r.category))[1 if lg == "en" else 0]
            parts = (str(r.observed_on)[:10], names.get(r.district_code, r.district_code), f"{category} ({r.count})",
                     pnames.get(r.partner_id, r.partner_id), f"→ {linked}" if linked else "")
            return " · ".join(x for x in parts if x)

        labels = {int(r.id): label(r) for r in rows.itertuples()}
        st.caption(_t("obs.link.intro"))
        with st.form("obs_link"):
            chosen = st.multiselect(_t("obs.link.observations", n=LINK_LIST), list(labels), format_func=labels.get,
                                    key="obs_link_rows", placeholder=_t("obs.form.choose"))
            action = st.selectbox(_t("obs.link.action"), [0] + list(titles), key="obs_link_action",
                                  format_func=lambda a: titles.get(a, _t("obs.link.none")))
            saved = st.form_submit_button(_t("obs.link.submit"), icon=":material/link:")
        if not saved:
            return
        if not chosen:
            st.error(_t("obs.link.choose_some"), icon=":material/error:")
            return
        try:
            with store().transaction() as s:
                for oid in chosen:
                    obs.link_action(s, actor(), oid, action or None)
        except LagesbildError as err:  # a refusal: shown, the choice kept
            forms.refusal(err)
            return
        st.session_state[RESULT] = _t("obs.link.saved", n=len(chosen))
        st.session_state.pop("obs_link_rows", None)
        st.rerun()


@st.fragment  # a widget here reruns this part only
def _weekly(pic) -> None:
    lg = lang()
    names = _area_names(pic)
    top = [kommun_code()] + [p for p in compositions() if p in names]
    st.header(_t("obs.weekly.title"), anchor=False)
    area = st.selectbox(_t("obs.weekly.area"), top, key="obs_area", format_func=lambda c: names.get(c, c))
    for line in ov.brief(pic, area, lg):
        st.markdown(line)
    tom = ov.weeks(pic)[-1]
    figure_ui.table(ov.weekly_table(pic, area, lg), key="obs_weekly", source_ids=[ov.SOURCE_ID],
                    tom=ov.week_text(tom, lg), note=_t("obs.weekly.caption", below=figure_ui.privacy.threshold() - 1))
    ids = ov.indicator_ids()
    chosen = st.selectbox(_t("obs.trend.category"), ids, key="obs_trend", format_func=lambda i: ov.label(i, lg))
    chart = charts.trend(ov.series(pic, chosen, area), ov.as_indicator(chosen, lg), area_name=names.get(area, area),
                         lang=lg)
    figure_ui.chart(chart, key="obs_trend_chart", source_ids=[ov.SOURCE_ID], tom=ov.week_text(tom, lg))
    what = _t("obs.to_action_any") if chosen == ov.REPORTS else ov.label(chosen, lg)
    _to_action(area, _t("obs.to_action_title", what=what, area=names.get(area, area)))


@st.fragment  # a widget here reruns this part only
def _districts(pic) -> None:
    lg = lang()
    st.header(_t("obs.district.title"), anchor=False)
    st.caption(_t("obs.district.caption"))
    months = ov.months(pic)
    c1, c2 = st.columns(2)
    chosen = c1.selectbox(_t("obs.form.category"), ov.indicator_ids(), key="obs_map_cat",
                          format_func=lambda i: ov.label(i, lg))
    month = c2.selectbox(_t("obs.district.period"), months[::-1], key="obs_month")
    vals = ov.district_values(pic, chosen, month)
    classes = choropleth.classify(vals, lang=lg)
    geo = layers.layer(obs.observation_level())
    text = {r.code: f"{r.name}: {figure_ui.privacy.cell_text(r.value, r.suppressed, lang=lg)}" for r in vals.itertuples()}
    from lagesbild.geo import priority

    fig = maps.choropleth(geo, classes, title=_t("obs.district.map_title", what=ov.label(chosen, lg), period=month),
                          lang=lg, hover=text, priority=priority.geometries())
    st.plotly_chart(fig, key="obs_map", config=figure_ui.PLOTLY_CONFIG)
    table = vals.assign(value=[figure_ui.privacy.cell_text(v, s, lang=lg) for v, s in zip(vals["value"], vals["suppressed"])])
    table = table[["name", "value"]].rename(columns={"name": _t("obs.col.area"), "value": _t("obs.col.value")})
    with st.expander(_t("table.show"), icon=":material/table:"):
        figure_ui.table(table, key="obs_district_table", source_ids=[ov.SOURCE_ID], tom=month)


def _to_action(area: str, title: str) -> None:
    """"Gör till åtgärd": the åtgärdsplan's form with the area and a title (the category shown)
    filled in. Readers never see it; the observations are then linked below."""
    if not auth.may("plan.write"):
        return
    st.page_link(page("atgardsplan").path, label=_t("obs.to_action"), icon=":material/add_task:",
                 help=_t("obs.to_action_help"), query_params={"ny_omr": [area], "ny_titel": title})
