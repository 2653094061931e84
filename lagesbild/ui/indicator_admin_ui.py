"""Administration: register a partner's new indicator in the app (name, unit, desirable
direction, level, periodicity, focus areas) — then it is in the partner template and its
figures appear on the profiles, the map, the focus areas, the verdicts and the meeting pack,
with no change to code or to the registry file."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lagesbild.queries import reference as rv
from lagesbild.errors import LagesbildError, ValidationError
from lagesbild.registry.indicators import UNITS, indicators
from lagesbild.store import indicator_defs as defs
from lagesbild.ui.auth import may
from lagesbild.ui.state import lang, store, text as _t
from lagesbild.ui.session import actor

KEY = "indadm_"
FLASH = "_indadm_flash"
DIRECTIONS = {"lower_better": "indadm.dir.lower", "higher_better": "indadm.dir.higher", "neutral": "indadm.dir.neutral"}
PERIODICITIES = {"manad": "indadm.per.manad", "kvartal": "indadm.per.kvartal", "ar": "indadm.per.ar"}
LEVELS = {"regso": "indadm.level.regso", "valdistrikt": "indadm.level.valdistrikt",
          "prioriterat": "indadm.level.prioriterat", "kommun": "indadm.level.kommun"}


def section(pic) -> None:
    if not may("indicator.register", actor()):
        return
    lg = lang()
    st.header(_t("indadm.title"))
    st.markdown(_t("indadm.intro"))
    done = st.session_state.pop(FLASH, None)
    if done:
        st.success(done, icon=":material/check:")
    focus = rv.active(pic.table("focus_areas")).sort_values("sort")  # retired ones are offered for nothing new
    partners = rv.active(pic.table("partners"))
    with st.form(KEY + "form", clear_on_submit=False, enter_to_submit=False):
        st.caption(_t("indadm.required"))
        name_sv = st.text_input(_t("indadm.name_sv") + " *", max_chars=defs.MAX_NAME, key=KEY + "name_sv")
        name_en = st.text_input(_t("indadm.name_en"), max_chars=defs.MAX_NAME, key=KEY + "name_en")
        definition = st.text_area(_t("indadm.definition") + " *", max_chars=defs.MAX_DEFINITION, key=KEY + "def",
                                  help=_t("indadm.definition_help"))
        c1, c2 = st.columns(2)
        unit = c1.selectbox(_t("indadm.unit") + " *", defs.UNITS, format_func=lambda u: UNITS[u][1 if lg == "en" else 0],
                            key=KEY + "unit")
        direction = c2.selectbox(_t("indadm.direction") + " *", list(DIRECTIONS), format_func=lambda d: _t(DIRECTIONS[d]),
                                 key=KEY + "dir", help=_t("indadm.direction_help"))
        level = c1.selectbox(_t("indadm.level") + " *", list(LEVELS), format_func=lambda v: _t(LEVELS[v]), key=KEY + "level",
                             help=_t("indadm.level_help"))
        periodicity = c2.selectbox(_t("indadm.periodicity") + " *", list(PERIODICITIES), index=1,
                                   format_func=lambda p: _t(PERIODICITIES[p]), key=KEY + "per")
        names = dict(zip(focus["id"], focus["name_en" if lg == "en" else "name_sv"]))
        chosen = st.multiselect(_t("indadm.focus"), list(names), format_func=names.get, key=KEY + "focus",
                                placeholder=_t("indadm.choose"))
        pnames = {"": _t("indadm.partner_several"), **dict(zip(partners["id"], partners["name"]))}
        partner = st.selectbox(_t("indadm.partner"), list(pnames), format_func=pnames.get, key=KEY + "partner")
        submitted = st.form_submit_button(_t("indadm.submit"), type="primary", icon=":material/add:")
    if submitted:
        spec = defs.IndicatorSpec(name_sv=name_sv, name_en=name_en, definition_sv=definition, unit=unit, level=level,
                                  periodicity=periodicity, direction=direction, focus_areas=tuple(chosen),
                                  partner_id=partner or None)
        try:
            with store().transaction() as s:
                iid = defs.register_indicator(s, actor(), spec)
        except ValidationError as err:
            st.error(err.summary, icon=":material/error:")
            st.markdown("\n".join(f"- {i}" for i in err.issues))
        except LagesbildError as err:
            st.error(str(err), icon=":material/error:")
        else:
            st.session_state[FLASH] = _t("indadm.done").format(name=spec.name_sv.strip())
            for k in ("name_sv", "name_en", "def", "focus"):  # the next one starts empty
                st.session_state.pop(KEY + k, None)
            st.rerun()
    _registered(pic)


def _registered(pic) -> None:
    table = pic.table("indicator_definitions")
    if table.empty:
        return
    lg = lang()
    st.subheader(_t("indadm.registered"))
    reg = indicators()
    rows = [{_t("indadm.col.name"): r.name_sv, _t("indadm.col.unit"): UNITS[r.unit][1 if lg == "en" else 0],
             _t("indadm.col.direction"): _t(DIRECTIONS[r.direction]), _t("indadm.col.level"): _t(LEVELS[r.level]),
             _t("indadm.col.by"): r.created_by, "Id": r.id}
            for r in table.itertuples() if r.id in reg]
    st.dataframe(pd.DataFrame(rows), hide_index=True, key=KEY + "list")
