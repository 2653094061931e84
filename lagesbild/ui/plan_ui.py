"""The Åtgärdsplan page: the summary in one line, the plan (filters in the URL), and one
åtgärd (?atgard=…) with its follow-up and status history.

The plan is read from the store (like the meeting page's åtgärder); the follow-up's figures
from the picture, through lagesbild.queries.plan, so suppression is the pages' own."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lagesbild.queries import activities as av
from lagesbild.queries import plan as pv
from lagesbild.domain import ActivityStatus
from lagesbild.errors import LagesbildError
from lagesbild.picture import Picture
from lagesbild.store import action_plan as ap
from lagesbild.ui import auth, forms, plan_form, provenance
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.session import actor, picture
from lagesbild.ui.state import lang, store, text as _t
from lagesbild.ui.urlstate import url_multiselect, url_selectbox

PARAM = "atgard"


def render() -> None:
    lg = lang()
    pic = picture()
    st.title(_t("plan.title"), anchor=False)
    with store().session() as s:
        plan = ap.plan_frame(s)
    st.markdown(pv.summary(pic, plan).text(lg))
    msg = st.session_state.pop(plan_form.RESULT, None)
    if msg:
        st.success(msg, icon=":material/check_circle:")
    if auth.may("plan.write"):
        with st.expander(_t("plan.new"), icon=":material/add_task:", expanded=plan_form.asked()):
            plan_form.create_form(pic)
    if plan.empty:
        st.info(_t("plan.none"), icon=":material/event_note:")
        return
    names = _names(pic, lg)
    _list(plan, names, lg)
    _detail_section(pic, plan, names)


@st.fragment  # a filter reruns the list only
def _list(plan: pd.DataFrame, names: dict, lg: str) -> None:
    with st.expander(_t("plan.filters"), icon=":material/filter_alt:"):
        flt = _filters(plan, names)
    shown = pv.apply_filter(plan, flt)
    st.markdown(_t("plan.shown", shown=len(shown), total=len(plan)))
    if shown.empty:
        st.info(_t("plan.none_match"), icon=":material/filter_alt_off:")
    else:
        st.dataframe(_table(shown, names, lg), hide_index=True, key="plan_lista")


def _names(pic: Picture, lg: str) -> dict[str, dict]:
    focus = pic.table("focus_areas").sort_values("sort")
    d = pic.table("districts")
    return {"focus": dict(zip(focus["id"], focus["name_en" if lg == "en" else "name_sv"])),
            "areas": {**dict(zip(d["code"], d["name"])), **pv.area_labels(pic, lg)},
            "partners": dict(zip(pic.table("partners")["id"], pic.table("partners")["short_name"]))}


def _filters(plan: pd.DataFrame, names: dict) -> pv.PlanFilter:
    """Each filter kept in the URL (ap_fokus, ap_omr, ap_part, ap_status), so a view is a link."""
    every = _t("akt.all")
    used_areas = sorted({a for xs in plan["area_codes"] for a in xs}, key=lambda c: names["areas"].get(c, c))
    used_partners = sorted({p for xs in plan["partner_ids"] for p in xs}, key=lambda p: names["partners"].get(p, p))
    c1, c2 = st.columns(2)
    fok = url_multiselect(c1, _t("plan.f.focus"), list(names["focus"]), "ap_fokus", names["focus"].get, every)
    omr = url_multiselect(c2, _t("plan.f.areas"), used_areas, "ap_omr", lambda c: names["areas"].get(c, c), every)
    c3, c4 = st.columns(2)
    part = url_multiselect(c3, _t("plan.f.partners"), used_partners, "ap_part", lambda p: names["partners"].get(p, p), every)
    stat = url_multiselect(c4, "Status", [s.value for s in ActivityStatus], "ap_status",
                           lambda s: av.status_label(s, lang()), every)
    return pv.PlanFilter(tuple(fok), tuple(omr), tuple(part), tuple(stat))


def _join(ids, names: dict) -> str:
    return ", ".join(names.get(i, i) for i in ids or [])


def _responsible(row, names: dict) -> str:
    return ", ".join(x for x in (_join(row["partner_ids"], names["partners"]), row["owner"] or "") if x)


def _table(plan: pd.DataFrame, names: dict, lg: str) -> pd.DataFrame:
    """Words only, never an id: readers see titles and names."""
    rows = [{
        _t("plan.col.title"): r["title"],
        _t("plan.f.focus"): names["focus"].get(r["focus_area_id"], "") if r["focus_area_id"] else "",
        _t("plan.f.areas"): _join(r["area_codes"], names["areas"]),
        _t("plan.col.responsible"): _responsible(r, names),
        _t("plan.col.period"): pv.period_text(r["start_date"], r["end_date"]),
        "Status": av.status_label(r["status"], lg),
        _t("plan.col.effect"): pv.effect_text(r, lg) or "",
        _t("plan.col.meeting"): _origin(r),
    } for _i, r in plan.iterrows()]
    return pd.DataFrame(rows)


def _origin(row) -> str:
    """Where the åtgärd was decided: a meeting, or the samverkansöverenskommelse (an activity)."""
    if row["meeting_title"]:
        return row["meeting_title"]
    return _t("plan.origin.activity") if pd.notna(row["activity_id"]) else ""


# --- one åtgärd -------------------------------------------------------------------------------


@st.fragment  # choosing an åtgärd reruns this part only
def _detail_section(pic: Picture, plan: pd.DataFrame, names: dict) -> None:
    ids = [str(i) for i in plan["id"]]
    titles = dict(zip(ids, plan["title"]))
    chosen = url_selectbox(_t("plan.choose"), ids, param=PARAM, format_func=lambda i: titles.get(i, i),
                           placeholder=_t("plan.choose_placeholder"))
    if chosen is None:
        return
    row = plan.set_index(plan["id"].astype(str)).loc[chosen]
    _detail(pic, row, names)


def _detail(pic: Picture, row, names: dict) -> None:
    lg = lang()
    st.subheader(md_escape(row["title"]), anchor=False)
    facts = [f"**Status:** {av.status_label(row['status'], lg)}",
             f"**{_t('plan.col.period')}:** {pv.period_text(row['start_date'], row['end_date'])}"]
    if row["focus_area_id"]:
        facts.append(f"**{_t('plan.f.focus')}:** {names['focus'].get(row['focus_area_id'], '')}")
    if row["area_codes"]:
        facts.append(f"**{_t('plan.f.areas')}:** {md_escape(_join(row['area_codes'], names['areas']))}")
    facts.append(f"**{_t('plan.col.responsible')}:** {md_escape(_responsible(row, names))}")
    if pv.effect_text(row, lg):
        facts.append(f"**{_t('plan.col.effect')}:** {pv.effect_text(row, lg)}")
    facts += _links(pic, row, lg)
    if auth.may("plan.write"):  # who files and links observations sees them; a reader does not
        facts += _observations(pic, row, lg)
    if row["meeting_title"]:
        facts.append(f"**{_t('plan.col.meeting')}:** {md_escape(row['meeting_title'])} ({row['meeting_date']})")
    elif _origin(row):
        facts.append(f"**{_t('plan.col.meeting')}:** {_origin(row)}")
    st.markdown("  \n".join(facts))
    if row["description"]:
        st.markdown(md_escape(row["description"]))
    _follow_up(pic, row)
    _history(row)
    if auth.may("plan.write"):
        with st.expander(_t("plan.edit"), icon=":material/edit:"):
            plan_form.edit_form(pic, row)


def _links(pic: Picture, row, lg: str) -> list[str]:
    out = []
    reforms = pic.table("reforms").set_index("id")
    if row["reform_ids"]:
        col = "title_en" if lg == "en" else "title_sv"
        items = [f"{reforms.loc[r, 'number']}. {reforms.loc[r, col]}" for r in row["reform_ids"] if r in reforms.index]
        out.append(f"**{_t('plan.f.reforms')}:** {md_escape('; '.join(items))}")
    if row["activity_ids"]:
        acts = dict(zip(pic.table("activities")["id"].astype(int), pic.table("activities")["title"]))
        out.append(f"**{_t('plan.f.activities')}:** {md_escape('; '.join(acts.get(int(a), '') for a in row['activity_ids']))}")
    return out


def _observations(pic: Picture, row, lg: str) -> list[str]:
    """The place observations tied to the åtgärd: how many reports, of which categories."""
    from lagesbild.store.observations import categories

    o = pic.table("place_observations")
    o = o[o["plan_action_id"] == int(row["id"])] if not o.empty else o
    if o.empty:
        return []
    cats = categories()
    names = ", ".join(cats.get(c, (c, c))[1 if lg == "en" else 0] for c in dict.fromkeys(o["category"]))
    return [f"**{_t('obs.link.in_plan')}:** {_t('obs.link.in_plan_text', reports=len(o), categories=md_escape(names))}"]


def _follow_up(pic: Picture, row) -> None:
    lg = lang()
    st.markdown(f"**{_t('plan.followup.title')}**")
    if not pv.indicators_of(row):
        st.info(_t("plan.followup.no_indicator"), icon=":material/link_off:")
        return
    st.markdown(_t("plan.followup.not_effect"))
    table, prov = pv.follow_up_table(pic, row, lg)
    if table.empty:
        st.info(_t("plan.followup.no_data"), icon=":material/hourglass_empty:")
        return
    if row["start_date"] is None or pd.isna(row["start_date"]):
        st.caption(_t("plan.followup.no_start"))
    st.dataframe(table, hide_index=True, key="plan_uppfoljning")
    provenance.caption(sorted(prov.source_ids), prov.data_tom)


def _history(row) -> None:
    lg = lang()
    st.markdown(f"**{_t('plan.history')}**")
    with store().session() as s:
        hist = ap.history_frame(s, int(row["id"]))
    st.dataframe(pd.DataFrame([{
        _t("plan.col.when"): h.recorded_at.strftime("%Y-%m-%d %H:%M"), "Status": av.status_label(h.status, lg),
        _t("plan.col.note"): h.note, _t("plan.col.by"): h.recorded_by,
    } for h in hist.itertuples()]), hide_index=True, key="plan_historik")
    if auth.may("plan.write"):
        _status_form(row)


def _status_form(row) -> None:
    lg = lang()
    fk = f"plan_status_{row['id']}"
    with st.form(fk):
        c1, c2 = st.columns([1, 2])
        codes = [s.value for s in ActivityStatus]
        status = c1.selectbox(_t("plan.new_status"), codes, index=codes.index(row["status"]), key=f"{fk}_s",
                              format_func=lambda s: av.status_label(s, lg))
        note = c2.text_input(_t("plan.col.note"), key=f"{fk}_n")
        saved = st.form_submit_button(_t("plan.save_status"), icon=":material/save:", key=f"{fk}_submit")
    if not saved:
        return
    try:
        with store().transaction() as s:
            ap.record_status(s, actor(), int(row["id"]), int(row["version"]), ActivityStatus(status), note)
    except LagesbildError as err:  # a refusal: shown, the input kept
        forms.refusal(err)
        return
    st.session_state[plan_form.RESULT] = _t("plan.status_saved")
    st.session_state.pop(f"{fk}_n", None)
    st.rerun()
