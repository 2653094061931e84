"""The form that adds an åtgärd to the plan, pre-filled from a verdict block's link
(?ny_fokus=gang&ny_omr=prio-flemingsberg&ny_ind=bra_person_antal). Only for users who may
write; the store checks again. A refused save keeps every field as typed."""
from __future__ import annotations

import streamlit as st

from lagesbild import plan_views as pv
from lagesbild.domain import ActivityStatus
from lagesbild.errors import LagesbildError, ValidationError
from lagesbild.picture import Picture
from lagesbild.registry.indicators import indicators
from lagesbild.store import action_plan as ap
from lagesbild.ui import auth, forms
from lagesbild.ui.session import actor
from lagesbild.ui.state import lang, store, text as _t

FORM = "plan_ny"
FIELDS = ("title", "desc", "focus", "areas", "inds", "partners", "owner", "start", "end", "reforms", "acts",
          "eff_ind", "eff_dir", "eff_hor")
PREFILL = {"ny_fokus": "focus", "ny_omr": "areas", "ny_ind": "inds"}
RESULT = "plan_result"


def key(name: str) -> str:
    return f"{FORM}_{name}"


def asked() -> bool:
    """Did a verdict block's link open this page (then the form opens by itself)?"""
    return any(p in st.query_params for p in PREFILL)


def _apply_prefill(options: dict[str, list]) -> None:
    """Put the link's values into the fields once per link (a later edit by the user wins)."""
    wanted = {p: [v for v in st.query_params.get_all(p) if v in options[PREFILL[p]]] for p in PREFILL}
    marker = repr(sorted(wanted.items()))
    if not any(wanted.values()) or st.session_state.get(key("_prefilled")) == marker:
        return
    st.session_state[key("_prefilled")] = marker
    if wanted["ny_fokus"]:
        st.session_state[key("focus")] = wanted["ny_fokus"][0]
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
    if not auth.may("plan.write"):
        return
    lg = lang()
    names = _names(pic, lg)
    forms.clear_if_saved(FORM, [key(f) for f in FIELDS])
    _apply_prefill({"focus": list(names["focus"]), "areas": list(names["areas"]), "inds": list(names["inds"])})
    st.caption(_t("plan.form.intro"))
    with st.form(FORM):
        title = st.text_input(_t("plan.f.title") + " *", max_chars=ap.MAX_TITLE, key=key("title"))
        desc = st.text_area(_t("plan.f.description"), key=key("desc"))
        focus = st.selectbox(_t("plan.f.focus") + " *", list(names["focus"]), index=None, key=key("focus"),
                             format_func=names["focus"].get, placeholder=_t("plan.f.choose"))
        c1, c2 = st.columns(2)
        areas = c1.multiselect(_t("plan.f.areas"), list(names["areas"]), key=key("areas"), format_func=names["areas"].get,
                               placeholder=_t("plan.f.choose"))
        inds = c2.multiselect(_t("plan.f.indicators"), list(names["inds"]), key=key("inds"), format_func=names["inds"].get,
                              placeholder=_t("plan.f.choose"))
        c3, c4 = st.columns(2)
        partners = c3.multiselect(_t("plan.f.partners") + " *", list(names["partners"]), key=key("partners"),
                                  format_func=names["partners"].get, placeholder=_t("plan.f.choose"))
        owner = c4.text_input(_t("plan.f.owner"), max_chars=ap.MAX_OWNER, key=key("owner"))
        c5, c6 = st.columns(2)
        start = c5.date_input(_t("plan.f.start"), value=None, format="YYYY-MM-DD", key=key("start"))
        end = c6.date_input(_t("plan.f.end"), value=None, format="YYYY-MM-DD", key=key("end"))
        c7, c8 = st.columns(2)
        reforms = c7.multiselect(_t("plan.f.reforms"), list(names["reforms"]), key=key("reforms"),
                                 format_func=names["reforms"].get, placeholder=_t("plan.f.choose"))
        acts = c8.multiselect(_t("plan.f.activities"), list(names["acts"]), key=key("acts"),
                              format_func=names["acts"].get, placeholder=_t("plan.f.choose"))
        st.markdown(_t("plan.f.effect_intro"))
        c9, c10, c11 = st.columns(3)
        eff_ind = c9.selectbox(_t("plan.f.effect_indicator"), list(names["inds"]), index=None, key=key("eff_ind"),
                               format_func=names["inds"].get, placeholder=_t("plan.f.choose"))
        eff_dir = c10.selectbox(_t("plan.f.direction"), list(ap.DIRECTIONS), index=None, key=key("eff_dir"),
                                format_func=lambda d: _t(f"plan.dir.{d}"), placeholder=_t("plan.f.choose"))
        eff_hor = c11.text_input(_t("plan.f.horizon"), key=key("eff_hor"), placeholder="2027")
        saved = st.form_submit_button(_t("plan.f.save"), icon=":material/save:", type="primary", key=key("submit"))
    if not saved:
        return
    data = ap.PlanActionInput(title=title, description=desc, focus_area_id=focus, area_codes=tuple(areas),
                              indicator_ids=tuple(inds), partner_ids=tuple(partners), owner=owner, start_date=start,
                              end_date=end, reform_ids=tuple(reforms), activity_ids=tuple(int(a) for a in acts),
                              effect_indicator_id=eff_ind, effect_direction=eff_dir, effect_horizon=eff_hor)
    try:
        with store().transaction() as s:
            ap.create_action(s, actor(), data, status=ActivityStatus.PLANERAD)
    except ValidationError as err:
        st.error(err.summary + "\n\n" + "\n".join(f"- {i}" for i in err.issues), icon=":material/error:")
        return
    except LagesbildError as err:
        st.error(str(err), icon=":material/error:")
        return
    st.session_state[RESULT] = _t("plan.saved")
    forms.mark_saved(FORM)
    for p in PREFILL:  # the link has done its work; the list below shows the new åtgärd
        if p in st.query_params:
            del st.query_params[p]
    st.rerun()
