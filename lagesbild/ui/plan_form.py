"""The form that adds an åtgärd to the plan, pre-filled from a verdict block's link
(?ny_fokus=gang&ny_omr=prio-flemingsberg&ny_ind=bra_person_antal). Only for users who may
write; the store checks again. A refused save keeps every field as typed."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lagesbild.queries import plan as pv
from lagesbild.domain import ActivityStatus
from lagesbild.errors import LagesbildError
from lagesbild.picture import Picture
from lagesbild.registry.indicators import indicators
from lagesbild.store import action_plan as ap
from lagesbild.ui import auth, forms
from lagesbild.ui.session import actor
from lagesbild.ui.state import lang, store, text as _t

FORM = "plan_ny"
FIELDS = ("title", "desc", "focus", "areas", "inds", "partners", "owner", "start", "end", "reforms", "acts",
          "eff_ind", "eff_dir", "eff_hor")
PREFILL = {"ny_fokus": "focus", "ny_omr": "areas", "ny_ind": "inds", "ny_titel": "title"}
RESULT = "plan_result"


def key(name: str) -> str:
    return f"{FORM}_{name}"


def asked() -> bool:
    """Did a verdict block's link open this page (then the form opens by itself)?"""
    return any(p in st.query_params for p in PREFILL)


def _apply_prefill(options: dict[str, list]) -> None:
    """Put the link's values into the fields once per link (a later edit by the user wins)."""
    wanted = {p: [v for v in st.query_params.get_all(p) if p == "ny_titel" or v in options[PREFILL[p]]]
              for p in PREFILL}
    marker = repr(sorted(wanted.items()))
    if not any(wanted.values()) or st.session_state.get(key("_prefilled")) == marker:
        return
    st.session_state[key("_prefilled")] = marker
    if wanted["ny_fokus"]:
        st.session_state[key("focus")] = wanted["ny_fokus"][0]
    if wanted["ny_titel"]:  # a suggestion (the observation page's), free text: only cut to length
        st.session_state[key("title")] = wanted["ny_titel"][0].strip()[:ap.MAX_TITLE]
    st.session_state[key("areas")] = wanted["ny_omr"]
    st.session_state[key("inds")] = wanted["ny_ind"]


def _names(pic: Picture, lg: str) -> dict[str, dict]:
    focus = pic.table("focus_areas").sort_values("sort")
    partners = pic.table("partners")
    reforms = pic.table("reforms").sort_values("number")
    acts = pic.table("activities")
    return {
        "focus": dict(zip(focus["id"], focus["name_en" if lg == "en" else "name_sv"])),
        "areas": pv.area_labels(pic, lg),
        "inds": {i.id: i.name(lg) for i in indicators().values()},
        "partners": dict(zip(partners["id"], partners["short_name"])),
        "reforms": {r: f"{n}. {title}" for r, n, title in zip(reforms["id"], reforms["number"],
                                                              reforms["title_en" if lg == "en" else "title_sv"])},
        "acts": _unique(dict(zip(acts["id"].astype(int), acts["title"]))),
    }


def _unique(labels: dict) -> dict:
    """A chooser tells options apart by label: a repeated title gets (2), (3), …"""
    seen: dict[str, int] = {}
    out = {}
    for k, v in labels.items():
        seen[v] = seen.get(v, 0) + 1
        out[k] = v if seen[v] == 1 else f"{v} ({seen[v]})"
    return out


def create_form(pic: Picture) -> None:
    """A new åtgärd, pre-filled from a verdict block's link."""
    _form(pic, FORM, None)


def edit_form(pic: Picture, row) -> None:
    """Change an åtgärd (e.g. tie one recorded at a meeting to its problem). The form's key
    carries the version it was read at, so a saved change is read afresh."""
    _form(pic, f"plan_edit_{row['id']}_v{row['version']}", row)


def _seed(k, names: dict, row) -> None:
    """The stored values into the fields, once (what the user then types wins)."""
    if k("title") in st.session_state:
        return
    d = ap.input_of(row)
    known = {"areas": names["areas"], "inds": names["inds"], "partners": names["partners"], "reforms": names["reforms"],
             "acts": names["acts"]}
    values = {"title": d.title, "desc": d.description, "focus": d.focus_area_id, "areas": list(d.area_codes),
              "inds": list(d.indicator_ids), "partners": list(d.partner_ids), "owner": d.owner, "start": d.start_date,
              "end": d.end_date, "reforms": list(d.reform_ids), "acts": list(d.activity_ids),
              "eff_ind": d.effect_indicator_id, "eff_dir": d.effect_direction, "eff_hor": d.effect_horizon or ""}
    for name, value in values.items():
        st.session_state[k(name)] = [v for v in value if v in known[name]] if name in known else value


def _form(pic: Picture, fk: str, row) -> None:
    if not auth.may("plan.write"):
        return
    lg = lang()
    names = _names(pic, lg)

    def k(name: str) -> str:
        return f"{fk}_{name}"

    if row is None:
        # After a save the next link's values are applied again, even the same ones.
        forms.clear_if_saved(fk, [k(f) for f in FIELDS] + [key("_prefilled")])
        _apply_prefill({"focus": list(names["focus"]), "areas": list(names["areas"]), "inds": list(names["inds"])})
        st.caption(_t("plan.form.intro"))
    else:
        _seed(k, names, row)
        if pd.notna(row["activity_id"]):
            st.caption(_t("plan.activity_rule"))
    with st.form(fk):
        title = st.text_input(_t("plan.f.title") + " *", max_chars=ap.MAX_TITLE, key=k("title"))
        desc = st.text_area(_t("plan.f.description"), key=k("desc"))
        focus = st.selectbox(_t("plan.f.focus") + " *", list(names["focus"]), index=None, key=k("focus"),
                             format_func=names["focus"].get, placeholder=_t("plan.f.choose"))
        c1, c2 = st.columns(2)
        areas = c1.multiselect(_t("plan.f.areas"), list(names["areas"]), key=k("areas"), format_func=names["areas"].get,
                               placeholder=_t("plan.f.choose"))
        inds = c2.multiselect(_t("plan.f.indicators"), list(names["inds"]), key=k("inds"), format_func=names["inds"].get,
                              placeholder=_t("plan.f.choose"))
        c3, c4 = st.columns(2)
        partners = c3.multiselect(_t("plan.f.partners") + " *", list(names["partners"]), key=k("partners"),
                                  format_func=names["partners"].get, placeholder=_t("plan.f.choose"))
        owner = c4.text_input(_t("plan.f.owner"), max_chars=ap.MAX_OWNER, key=k("owner"))
        c5, c6 = st.columns(2)
        start = c5.date_input(_t("plan.f.start"), value=None, format="YYYY-MM-DD", key=k("start"))
        end = c6.date_input(_t("plan.f.end"), value=None, format="YYYY-MM-DD", key=k("end"))
        c7, c8 = st.columns(2)
        reforms = c7.multiselect(_t("plan.f.reforms"), list(names["reforms"]), key=k("reforms"),
                                 format_func=names["reforms"].get, placeholder=_t("plan.f.choose"))
        acts = c8.multiselect(_t("plan.f.activities"), list(names["acts"]), key=k("acts"),
                              format_func=names["acts"].get, placeholder=_t("plan.f.choose"))
        st.markdown(_t("plan.f.effect_intro"))
        c9, c10, c11 = st.columns(3)
        eff_ind = c9.selectbox(_t("plan.f.effect_indicator"), list(names["inds"]), index=None, key=k("eff_ind"),
                               format_func=names["inds"].get, placeholder=_t("plan.f.choose"))
        eff_dir = c10.selectbox(_t("plan.f.direction"), list(ap.DIRECTIONS), index=None, key=k("eff_dir"),
                                format_func=lambda d: _t(f"plan.dir.{d}"), placeholder=_t("plan.f.choose"))
        eff_hor = c11.text_input(_t("plan.f.horizon"), key=k("eff_hor"), placeholder="2027")
        saved = st.form_submit_button(_t("plan.f.save"), icon=":material/save:", type="primary", key=k("submit"))
    if not saved:
        return
    data = ap.PlanActionInput(title=title, description=desc, focus_area_id=focus, area_codes=tuple(areas),
                              indicator_ids=tuple(inds), partner_ids=tuple(partners), owner=owner, start_date=start,
                              end_date=end, reform_ids=tuple(reforms), activity_ids=tuple(int(a) for a in acts),
                              effect_indicator_id=eff_ind, effect_direction=eff_dir, effect_horizon=eff_hor,
                              meeting_id=None if row is None else row["meeting_id"])
    try:
        with store().transaction() as s:
            if row is None:
                ap.create_action(s, actor(), data, status=ActivityStatus.PLANERAD)
            else:
                ap.update_action(s, actor(), int(row["id"]), int(row["version"]), data)
    except LagesbildError as err:  # a refusal: shown, the input kept
        forms.refusal(err)
        return
    st.session_state[RESULT] = _t("plan.saved")
    if row is None:
        forms.mark_saved(fk)
        for p in PREFILL:  # the link has done its work; the list below shows the new åtgärd
            if p in st.query_params:
                del st.query_params[p]
    st.rerun()
