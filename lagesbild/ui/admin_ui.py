"""The Administration page: imports (lagesbild.ui.data_ui), the sources' technical detail and,
for admins only, the role table (OIDC mode) and the editing switch (local mode). Readers never
reach it (lagesbild.ui.auth.may); the store checks every right again on every write."""
from __future__ import annotations

import streamlit as st

from lagesbild.queries import reference as rv
from lagesbild.config import settings
from lagesbild.domain import Role
from lagesbild.errors import LagesbildError
from lagesbild.store import app_settings, roles
from lagesbild.ui import forms
from lagesbild.ui.auth import ROLE_LABELS, editing_on, may, real_store
from lagesbild.ui.state import lang, text as _t
from lagesbild.ui.session import actor, picture

KEY = "admin_"
FLASH = "_admin_flash"


def render_page() -> None:
    from lagesbild.ui import (about_ui, activities_ui, data_ui, indicator_admin_ui, places_admin_ui, priority_admin_ui,
                              reference_ui, reform_bulk_ui)

    pic = picture()
    st.caption(_t("admin.intro"))
    data_ui.render_admin(pic)
    reference_ui.render()
    priority_admin_ui.render()
    places_admin_ui.render(pic)
    indicator_admin_ui.section(pic)
    reform_bulk_ui.upload_section(pic)
    activities_ui.upload_section(pic)
    render(pic)
    if settings().auth_mode == "local":
        _local_editing_note()
    st.header(_t("admin.sources"))
    about_ui.technical_sources(expanded=True)


def _local_editing_note() -> None:
    """Where the editing switch of local mode is (moved here from the sidebar, never shown to readers)."""
    st.header(_t("admin.local_editing"))
    st.markdown(_t("admin.local_editing.note"))


def render(pic) -> None:
    """Roles and the editing switch, for admins only."""
    who = actor()
    if not may("admin.roles", who):
        return
    st.header(_t("admin.roles"))
    forms.flash(FLASH)
    if settings().auth_mode == "local":
        _editing_switch(who)
    _roles(pic, who)


def write(fn, done: str, *, form: str | None = None) -> LagesbildError | None:
    """lagesbild.ui.forms.write on the real store, with this page's message."""
    return forms.write(fn, done, store=real_store(), form=form, flash_key=FLASH)


def _editing_switch(who) -> None:
    on = editing_on()
    if st.button(_t("admin.editing.off" if on else "admin.editing.on"), key=KEY + "editing"):
        write(lambda s: app_settings.set_flag(s, who, app_settings.EDITING, not on), _t("admin.changed"))


def _role_label(r: str) -> str:
    return ROLE_LABELS[Role(r)][1 if lang() == "en" else 0]


def _roles(pic, who) -> None:
    st.subheader(_t("admin.roles.title"))
    with real_store().session() as s:
        table = roles.roles_table(s)
    partners = pic.table("partners")
    names = rv.names(partners, "name", lang())
    offered = rv.choices(partners)  # a retired partner is named in the table, not offered
    shown = table.assign(
        role=[_role_label(r) for r in table["role"]],
        partner_id=[names.get(p, "") if p else "" for p in table["partner_id"]],
    ).rename(columns={"email": _t("admin.email"), "role": _t("admin.role"),
                      "partner_id": _t("admin.organisation"), "reform_editor": _t("admin.reform_editor")})
    st.dataframe(shown, hide_index=True, key=KEY + "table")
    with st.form(KEY + "form", enter_to_submit=False):  # kept on error: nothing typed is lost
        c1, c2, c3 = st.columns([2, 1, 2])
        email = c1.text_input(_t("admin.email"), max_chars=254, key=KEY + "email")
        role = c2.selectbox(_t("admin.role"), [r.value for r in Role], key=KEY + "role", format_func=_role_label)
        partner = c3.selectbox(_t("admin.organisation"), [None, *offered], key=KEY + "partner",
                               format_func=lambda p: _t("admin.no_organisation") if p is None else names[p])
        reform_editor = st.checkbox(_t("admin.may_update_reforms"), key=KEY + "reform_editor")
        save, remove = st.columns(2)
        if save.form_submit_button(_t("admin.role.save"), type="primary"):
            write(lambda s: roles.set_role(s, who, email, Role(role), partner_id=partner, reform_editor=reform_editor),
                   _t("admin.role.saved", email=email))
        if remove.form_submit_button(_t("admin.role.remove")):
            write(lambda s: roles.remove_role(s, who, email), _t("admin.role.removed", email=email))
