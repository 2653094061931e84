"""Administration: Prioriterade områden — the areas with their districts, and a form to change
one or add one (lagesbild.store.priority_areas). Admins only; the store checks the right
again. The form keeps what was typed until it is saved and names the version of the file it
was opened with, so another admin's change meanwhile is not overwritten."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lagesbild.errors import ConflictError
from lagesbild.geo.layers import district_layers, layer
from lagesbild.store import priority_areas as pa
from lagesbild.ui import forms
from lagesbild.ui.auth import may, real_store
from lagesbild.ui.session import actor
from lagesbild.ui.state import text as _t

KEY = "prio_"
FLASH = "_prio_flash"
FIELDS = ("name", "layer", "codes", "status", "note")


def render() -> None:
    if not may("admin.roles", actor()):  # admins only: readers and editors never see the form
        return
    st.header(_t("prioadm.title"))
    st.caption(_t("prioadm.intro"))
    forms.flash(FLASH)
    seen, areas = pa.current()
    names = {k: dict(zip(layer(k)["code"], layer(k)["name"])) for k in district_layers()}
    st.dataframe(pd.DataFrame({
        _t("prioadm.col.name"): [a.name for a in areas],
        _t("prioadm.col.layer"): [_t(f"prioadm.layer.{a.layer}") for a in areas],
        _t("prioadm.col.districts"): [", ".join(names[a.layer].get(c, c) for c in a.codes) for a in areas],
        _t("prioadm.col.status"): [_status(a.status) for a in areas],
    }), hide_index=True, key=KEY + "table")
    by_code = {a.code: a for a in areas}
    chosen = st.selectbox(_t("prioadm.choose"), [None, *by_code], key=KEY + "pick",
                          format_func=lambda c: _t("prioadm.new") if c is None else by_code[c].name)
    _form(by_code.get(chosen), chosen, seen, names)


def _form(area, code: str | None, seen: str, names: dict[str, dict[str, str]]) -> None:
    fk = f"{KEY}{code or 'ny'}"
    keys = {f: f"{fk}_{f}" for f in FIELDS}
    seen_key = fk + "_seen"
    forms.clear_if_saved(fk, [*keys.values(), seen_key])
    st.session_state.setdefault(seen_key, seen)
    first = district_layers()[0]
    start = {"name": "", "layer": first, "codes": [], "status": pa.STATUSES[0], "note": ""} if area is None else \
        {"name": area.name, "layer": area.layer, "codes": list(area.codes), "status": area.status, "note": area.note}
    for f in FIELDS:
        st.session_state.setdefault(keys[f], start[f])
    # The layer decides which districts can be chosen, so it sits outside the form (a form
    # would only update the district list on saving).
    chosen_layer = st.selectbox(_t("prioadm.col.layer"), district_layers(), key=keys["layer"],
                                format_func=lambda k: _t(f"prioadm.layer.{k}"))
    offered = names[chosen_layer]
    kept = [c for c in st.session_state[keys["codes"]] if c in offered]
    if kept != st.session_state[keys["codes"]]:  # another layer was chosen: its districts only
        # (only then: setting a form widget's state on every run made the browser send the
        # form's other fields empty on the next submit)
        st.session_state[keys["codes"]] = kept
    with st.form(fk, enter_to_submit=False):
        name = st.text_input(_t("prioadm.col.name") + " *", key=keys["name"], max_chars=pa.MAX_NAME)
        codes = st.multiselect(_t("prioadm.col.districts") + " *", list(offered), key=keys["codes"],
                               format_func=lambda c: f"{offered[c]} ({c})", placeholder=_t("prioadm.choose_districts"))
        status = st.selectbox(_t("prioadm.col.status"), pa.STATUSES, key=keys["status"], format_func=_status)
        note = st.text_area(_t("prioadm.col.note"), key=keys["note"], max_chars=pa.MAX_NOTE,
                            help=_t("prioadm.note_help"))
        st.caption(_t("prioadm.save_note"))
        submitted = st.form_submit_button(_t("prioadm.save"), type="primary", key=fk + "_save")
    if not submitted:
        return
    who = actor()
    data = pa.AreaInput(name, chosen_layer, tuple(codes), status, note)
    err = forms.write(lambda s: pa.save(s, who, code, data, st.session_state[seen_key]),
                _t("prioadm.saved", name=name.strip()), store=real_store(), form=fk,
                      flash_key=FLASH)  # the real store: definitions are the kommun's, not example data
    if isinstance(err, ConflictError):  # the table now shows the newer version: saving again is allowed
        st.session_state.pop(seen_key, None)


def _status(value: str) -> str:
    return _t(f"prioadm.status.{pa.STATUSES.index(value)}") if value in pa.STATUSES else value
