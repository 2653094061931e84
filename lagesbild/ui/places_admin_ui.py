"""Administration: Ortnamn — the places Polisen's notices are placed by, the share of notices
no place matches, and a form to add or change a place (lagesbild.store.place_names). Admins
only; the store checks the right again. The form keeps what was typed until it is saved and
names the version of the file it was opened with."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lagesbild.errors import ConflictError
from lagesbild.geo import events
from lagesbild.geo.layers import layer, main_layer
from lagesbild.store import place_names as pn
from lagesbild.ui import forms
from lagesbild.ui.auth import may, real_store
from lagesbild.ui.session import actor
from lagesbild.ui.state import text as _t

KEY = "ort_"
FLASH = "_ort_flash"
FIELDS = ("name", "aliases", "codes", "within", "ambiguous", "note")


def render(pic) -> None:
    if not may("admin.roles", actor()):  # admins only: readers and editors never see the form
        return
    st.header(_t("ortadm.title"))
    st.caption(_t("ortadm.intro"))
    forms.flash(FLASH)
    notices = pic.table("police_events")
    if not notices.empty:  # the newest year's notices: the share an edit is meant to bring down
        year = str(pd.to_datetime(notices["occurred_at"]).max().year)
        share = events.unplaced_share(pic, year)
        st.markdown(_t("ortadm.unplaced", year=year, total=share[0], share=share[1]))
    seen, table = pn.current()
    districts = dict(zip(layer(main_layer())["code"], layer(main_layer())["name"]))
    st.dataframe(pd.DataFrame({
        _t("ortadm.col.name"): list(table),
        _t("ortadm.col.aliases"): [", ".join(p.aliases) for p in table.values()],
        _t("ortadm.col.districts"): [", ".join(districts.get(c, c) for c in p.regso) for p in table.values()],
        _t("ortadm.col.within"): [p.within or "" for p in table.values()],
        _t("ortadm.col.ambiguous"): [_t("ortadm.yes") if p.ambiguous else "" for p in table.values()],
    }), hide_index=True, key=KEY + "table")
    chosen = st.selectbox(_t("ortadm.choose"), [None, *table], key=KEY + "pick",
                          format_func=lambda n: _t("ortadm.new") if n is None else n)
    _form(table.get(chosen), chosen, seen, table, districts)


def _form(place, old: str | None, seen: str, table: dict, districts: dict[str, str]) -> None:
    fk = f"{KEY}{old or 'ny'}"
    keys = {f: f"{fk}_{f}" for f in FIELDS}
    seen_key = fk + "_seen"
    forms.clear_if_saved(fk, [*keys.values(), seen_key])
    st.session_state.setdefault(seen_key, seen)
    start = {"name": "", "aliases": "", "codes": [], "within": None, "ambiguous": False, "note": ""} if place is None else \
        {"name": place.name, "aliases": ", ".join(place.aliases), "codes": [c for c in place.regso if c in districts],
         "within": place.within if place.within in table else None, "ambiguous": place.ambiguous, "note": place.note}
    for f in FIELDS:
        st.session_state.setdefault(keys[f], start[f])
    larger = [n for n in table if n != old]
    with st.form(fk, enter_to_submit=False):
        name = st.text_input(_t("ortadm.col.name") + " *", key=keys["name"], max_chars=pn.MAX_NAME)
        aliases = st.text_input(_t("ortadm.col.aliases"), key=keys["aliases"], help=_t("ortadm.aliases_help"))
        codes = st.multiselect(_t("ortadm.col.districts"), list(districts), key=keys["codes"],
                               format_func=lambda c: f"{districts[c]} ({c})", placeholder=_t("ortadm.choose_districts"))
        within = st.selectbox(_t("ortadm.col.within"), larger, index=None, key=keys["within"],
                              placeholder=_t("ortadm.none"))
        ambiguous = st.checkbox(_t("ortadm.ambiguous"), key=keys["ambiguous"], help=_t("ortadm.ambiguous_help"))
        note = st.text_area(_t("ortadm.col.note"), key=keys["note"], max_chars=pn.MAX_NOTE)
        st.caption(_t("ortadm.save_note"))
        submitted = st.form_submit_button(_t("ortadm.save"), type="primary", key=fk + "_save")
    if not submitted:
        return
    who = actor()
    data = pn.PlaceInput(name, tuple(a.strip() for a in aliases.split(",") if a.strip()), tuple(codes), within,
                         ambiguous, note)
    err = forms.write(lambda s: pn.save(s, who, old, data, st.session_state[seen_key]),
                      _t("ortadm.saved", name=name.strip()), store=real_store(), form=fk,
                      flash_key=FLASH)  # the real store: the gazetteer is the kommun's, not example data
    if isinstance(err, ConflictError):  # the table now shows the newer version: saving again is allowed
        st.session_state.pop(seen_key, None)
