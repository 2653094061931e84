"""The Administration page: imports (lagesbild.ui.data_ui), the sources' technical detail and,
for admins only, the role table (OIDC mode) and the editing switch (local mode). Readers never
reach it (lagesbild.ui.auth.may); the store checks every right again on every write."""
from __future__ import annotations

import streamlit as st

from lagesbild.config import settings
from lagesbild.domain import Role
from lagesbild.errors import LagesbildError
from lagesbild.store import app_settings, roles
from lagesbild.ui.auth import ROLE_LABELS, editing_on, may, real_store
from lagesbild.ui.state import actor, lang, picture

KEY = "admin_"
FLASH = "_admin_flash"


def _t(sv: str, en: str) -> str:
    return en if lang() == "en" else sv


def render_page() -> None:
    from lagesbild.ui import about_ui, data_ui

    pic = picture()
    st.caption(_t(
        "Här läser du in nya data från Brå, Kolada, Polisen, SCB och parterna. Varje fil granskas och "
        "visas innan något sparas; felaktiga filer sparas inte alls.",
        "Load new data from Brå, Kolada, the Police, SCB and the partners here. Every file is checked and "
        "previewed before anything is saved; faulty files are not saved at all."))
    data_ui.render_admin(pic)
    render(pic)
    if settings().auth_mode == "local":
        _local_editing_note()
    st.header(_t("Källornas tekniska uppgifter", "The sources' technical detail"))
    about_ui.technical_sources(expanded=True)


def _local_editing_note() -> None:
    """Where the editing switch of local mode is (moved here from the sidebar, never shown to readers)."""
    st.header(_t("Redigering i lokalt läge", "Editing in local mode"))
    st.markdown(_t(
        "Redigeringen är påslagen. Den som driftar appen slår av den med `python -m lagesbild.admin editing off` "
        "(och på med `editing on`). Appen kan inte redigeras medan den nås från nätverket utan inloggning.",
        "Editing is on. Whoever runs the app switches it off with `python -m lagesbild.admin editing off` "
        "(and on with `editing on`). The app cannot be edited while it is reachable from the network without login."))


def render(pic) -> None:
    """Roles and the editing switch, for admins only."""
    who = actor()
    if not may("admin.roles", who):
        return
    st.header(_t("Roller och redigering", "Roles and editing"))
    _flash()
    if settings().auth_mode == "local":
        _editing_switch(who)
    _roles(pic, who)


def _write(fn, done: str) -> None:
    try:
        with real_store().transaction() as s:
            fn(s)
    except LagesbildError as err:
        st.error(str(err), icon=":material/error:")
        return
    st.session_state[FLASH] = done
    st.rerun()  # redraw the table and the switch with the change


def _flash() -> None:
    done = st.session_state.pop(FLASH, None)
    if done:
        st.success(done, icon=":material/check:")


def _editing_switch(who) -> None:
    on = editing_on()
    label = _t("Stäng av redigering", "Turn editing off") if on else _t("Slå på redigering", "Turn editing on")
    if st.button(label, key=KEY + "editing"):
        _write(lambda s: app_settings.set_flag(s, who, app_settings.EDITING, not on),
               _t("Ändrat.", "Changed."))


def _roles(pic, who) -> None:
    st.subheader(_t("Roller", "Roles"))
    with real_store().session() as s:
        table = roles.roles_table(s)
    partners = pic.table("partners")
    names = dict(zip(partners["id"], partners["name"])) if not partners.empty else {}
    shown = table.assign(
        role=[ROLE_LABELS[Role(r)][1 if lang() == "en" else 0] for r in table["role"]],
        partner_id=[names.get(p, "") if p else "" for p in table["partner_id"]],
    ).rename(columns={"email": _t("E-post", "E-mail"), "role": _t("Roll", "Role"),
                      "partner_id": _t("Organisation", "Organisation"), "reform_editor": _t("Reformredaktör", "Reform editor")})
    st.dataframe(shown, hide_index=True, key=KEY + "table")
    with st.form(KEY + "form", enter_to_submit=False):  # kept on error: nothing typed is lost
        c1, c2, c3 = st.columns([2, 1, 2])
        email = c1.text_input(_t("E-post", "E-mail"), max_chars=254, key=KEY + "email")
        role = c2.selectbox(_t("Roll", "Role"), [r.value for r in Role], key=KEY + "role",
                            format_func=lambda r: ROLE_LABELS[Role(r)][1 if lang() == "en" else 0])
        partner = c3.selectbox(_t("Organisation", "Organisation"), [None, *names], key=KEY + "partner",
                               format_func=lambda p: _t("Ingen", "None") if p is None else names[p])
        reform_editor = st.checkbox(_t("Får uppdatera reformer", "May update reforms"), key=KEY + "reform_editor")
        save, remove = st.columns(2)
        if save.form_submit_button(_t("Spara roll", "Save role"), type="primary"):
            _write(lambda s: roles.set_role(s, who, email, Role(role), partner_id=partner, reform_editor=reform_editor),
                   _t(f"Rollen för {email} är sparad.", f"The role of {email} is saved."))
        if remove.form_submit_button(_t("Ta bort roll", "Remove role")):
            _write(lambda s: roles.remove_role(s, who, email), _t(f"Rollen för {email} är borttagen.", f"The role of {email} is removed."))
