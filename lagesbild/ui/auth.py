"""Login and the acting user. Two modes, chosen with LAGESBILD_AUTH:

local  One machine, no login (the default). Read-only until an admin turns editing on with
       `python -m lagesbild.admin editing on` (or LAGESBILD_EDITING=1 for one start).
oidc   The organisation's identity provider through `st.login` (Entra ID, Keycloak, …;
       see .streamlit/secrets.toml.example). The role table maps e-mail to role; anyone
       logged in but not in the table may only read. Nothing is shown before login.

This module only decides *who* acts; every write is checked again in the store layer
(lagesbild.store.access.require), so a hidden button is never the only control.
"""
from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitAuthError

from lagesbild import netguard
from lagesbild.config import settings
from lagesbild.domain import Actor, Role
from lagesbild.i18n import t
from lagesbild.store import app_settings
from lagesbild.store.access import allowed
from lagesbild.store.roles import actor_for

LOCAL_NAME = "Lokal användare"
ROLE_LABELS = {Role.VIEWER: ("läsare", "viewer"), Role.EDITOR: ("redaktör", "editor"), Role.ADMIN: ("administratör", "admin"),
               Role.REPORTER: ("rapportör", "reporter"), Role.COORDINATOR: ("samordnare", "coordinator")}


def real_store():
    # The switch and the role table live in the real database, also while Exempeldata is shown.
    from lagesbild.ui.state import _open_store

    return _open_store(settings().db_url, False)


def exposed() -> bool:
    """Local mode served beyond this machine (see lagesbild.netguard): never editable."""
    return not netguard.is_loopback(st.get_option("server.address"))


def editing_on() -> bool:
    """Local mode: may the single local user edit? Never while the server is reachable from
    the network, whatever the switch or LAGESBILD_EDITING say."""
    if exposed():
        return False
    forced = settings().editing_override
    if forced is not None:
        return forced
    with real_store().session() as s:
        return app_settings.get_flag(s, app_settings.EDITING, False)


def logged_in() -> bool:
    return bool(st.user.get("is_logged_in", False))


def current_actor() -> Actor:
    if settings().auth_mode == "oidc":
        if not logged_in():
            return Actor(name="Ej inloggad", role=Role.VIEWER)
        if st.user.get("email_verified") is False:
            # Keycloak says so for an address nobody confirmed (e.g. typed in by the user):
            # it must not pick up the role of whoever owns it. Entra ID sends no such claim.
            return Actor(name=st.user.get("name") or st.user.get("email") or "?", role=Role.VIEWER)
        with real_store().session() as s:
            return actor_for(s, st.user.get("email"), st.user.get("name"))
    if editing_on():
        return Actor(name=LOCAL_NAME, role=Role.EDITOR, reform_editor=True)
    return Actor(name=LOCAL_NAME, role=Role.VIEWER)


# What each permission asks of the acting user. The store checks every write again.
PERMISSIONS = {
    "data.import": lambda who: who.can_write,  # the Administration page: imports and bulk uploads
    "admin.roles": lambda who: who.role == Role.ADMIN,  # the role table and the editing switch
    "indicator.register": lambda who: who.can_write,  # a partner's new series (lagesbild.store.indicator_defs)
    "plan.write": lambda who: allowed(who, "plan.write"),  # the åtgärdsplan's forms and the verdict blocks' button
    "analysis.write": lambda who: allowed(who, "analysis.write"),  # the lägesbild document's analysis forms
    # The observation form: reporters (own organisation), editors and admins.
    "observation.write": lambda who: allowed(who, "observation.write"),
}


def may(permission: str, who: Actor | None = None) -> bool:
    """May the acting user (or `who`) do this? Unknown permissions are refused."""
    check = PERMISSIONS.get(permission)
    return bool(check and check(who or current_actor()))


def may_view() -> bool:
    """Local mode: always. OIDC mode: after login (the picture holds partners' own figures)."""
    return settings().auth_mode != "oidc" or logged_in()


def login_page() -> None:
    from lagesbild.ui.state import lang

    st.title("Lägesbild")
    st.markdown(t("auth.login.intro", lang()))
    if st.button(t("auth.login", lang()), type="primary", icon=":material/login:"):
        _login()


def not_allowed_page() -> None:
    """At the address of a page this user may not see (e.g. Administration for a reader)."""
    from lagesbild.ui.state import lang

    st.title(t("admin.not_allowed.title", lang()))
    st.info(t("admin.not_allowed", lang()), icon=":material/lock:")


def login_pages(slugs: list[str]) -> list:
    """Before login: the login page, also at every other page's address, so that a shared link
    opened before login shows the login page, not Streamlit's English "Page not found" box."""
    main = st.Page(login_page, title="Logga in", url_path="login", default=True)
    return [main] + [st.Page(login_page, title="Logga in", url_path=slug) for slug in slugs]


def _login() -> None:
    from lagesbild.ui.state import lang

    provider = settings().oidc_provider
    try:
        st.login(provider) if provider else st.login()
    except StreamlitAuthError as err:  # e.g. no [auth] section in secrets.toml
        st.error(t("auth.login.unconfigured", lang(), err=err),
                 icon=":material/error:")


def role_label(who: Actor) -> str:
    from lagesbild.ui.state import lang

    return ROLE_LABELS[who.role][1 if lang() == "en" else 0]


def sidebar_user() -> None:
    """Who you are and what you may do, in the sidebar."""
    from lagesbild.ui.state import lang

    who = current_actor()
    if settings().auth_mode == "oidc":
        if logged_in():
            st.sidebar.caption(t("auth.logged_in", lang(), name=who.name, role=role_label(who)))
            st.sidebar.button(t("auth.logout", lang()), on_click=st.logout, icon=":material/logout:")
        return
    if who.can_write:
        st.sidebar.caption(t("auth.local.editing", lang()))
    elif exposed():
        st.sidebar.caption(t("auth.local.exposed", lang()))
    else:  # readers see no commands; the switch is described on the Administration page
        st.sidebar.caption(t("auth.local.read_only", lang()))
