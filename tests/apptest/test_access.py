"""Who may do what, seen through the app: local mode is read-only until an admin turns editing
on; OIDC mode shows nothing before login and maps the logged-in e-mail to a role."""
from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from lagesbild.config import settings
from lagesbild.domain import SYSTEM_ACTOR, ReformStatus, Role
from lagesbild.errors import PermissionDenied
from lagesbild.registry.pages import page
from lagesbild.store import app_settings, roles
from lagesbild.store.db import Store
from lagesbild.store.reforms import UpdateInput, record_update
from tests.apptest.helpers import APP, TIMEOUT, texts

LOCKED_SV = "Du har läsbehörighet och kan inte uppdatera reformer."


@pytest.fixture
def mode(fresh_app_db, monkeypatch):
    """Set LAGESBILD_AUTH / LAGESBILD_EDITING for one test (None = unset)."""
    def set_mode(auth: str = "local", editing: str | None = None) -> Store:
        monkeypatch.setenv("LAGESBILD_AUTH", auth)
        if editing is None:
            monkeypatch.delenv("LAGESBILD_EDITING", raising=False)
        else:
            monkeypatch.setenv("LAGESBILD_EDITING", editing)
        settings.cache_clear()
        return Store.open(fresh_app_db)
    yield set_mode
    settings.cache_clear()


def open_as(slug: str, user: dict | None = None, query: dict | None = None) -> AppTest:
    """A page as the given st.user sees it (None: AppTest's default user)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if user is not None:
        at.user = user
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    return at.switch_page(page(slug).path).run()


def reform_page(user: dict | None = None) -> AppTest:
    return open_as("reformer", user, {"reform": "R01"})


def test_local_mode_is_read_only_until_an_admin_turns_editing_on(mode):
    st_ = mode("local", editing=None)
    at = reform_page()
    assert not at.exception
    assert LOCKED_SV in texts(at)
    assert "endast läsning" in " ".join(c.value for c in at.caption)

    with st_.transaction() as s:  # what `python -m lagesbild.admin editing on` does
        app_settings.set_flag(s, SYSTEM_ACTOR, app_settings.EDITING, True)
    at = reform_page()
    assert LOCKED_SV not in texts(at)
    assert "redigering påslagen" in " ".join(c.value for c in at.caption)


def test_local_mode_is_never_editable_while_served_beyond_loopback(mode):
    """Bound to another address than 127.0.0.1, local mode (no login) stays read-only even with
    the switch on and LAGESBILD_EDITING=1, and says why; readers see no command line."""
    from streamlit import config

    st_ = mode("local", editing="1")
    with st_.transaction() as s:
        app_settings.set_flag(s, SYSTEM_ACTOR, app_settings.EDITING, True)
    before = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    try:
        at = reform_page()
    finally:
        config.set_option("server.address", before)
    assert not at.exception
    assert LOCKED_SV in texts(at)
    captions = " ".join(c.value for c in at.caption)
    assert "nås från nätverket utan inloggning" in captions and "python -m" not in captions


def test_a_reader_has_no_import_and_no_administration_page(mode):
    mode("local", editing="0")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(page("administration").path)  # not in a reader's navigation at all
    at.switch_page(page("data").path).run()
    assert not at.exception
    assert not at.get("file_uploader") and not [b for b in at.button if b.label == "Importera"]


def test_a_reader_at_the_administration_address_gets_a_swedish_refusal(mode):
    """app.py registers the address hidden, with this page instead of the file."""
    mode("local", editing="0")
    at = AppTest.from_string("from lagesbild.ui import auth\nauth.not_allowed_page()\n", default_timeout=TIMEOUT).run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Sidan är inte tillgänglig"]
    assert "bara för dem som administrerar" in at.info[0].value


def test_oidc_mode_shows_only_the_login_page_before_login(mode):
    mode("oidc")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.user = {"is_logged_in": False}
    at.query_params["reform"] = "R01"
    at.run()
    assert not at.exception
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(page("reformer").path)  # no page file is registered before login, only the login page
    assert [t.value for t in at.title] == ["Lägesbild"]
    assert any(b.label == "Logga in" for b in at.button)
    assert "Reformer" not in texts(at) and "Ej bedömd" not in texts(at)


def test_oidc_user_without_a_role_may_only_read(mode):
    mode("oidc")
    at = reform_page({"is_logged_in": True, "email": "okand@example.se", "name": "Okänd Person"})
    assert not at.exception
    assert LOCKED_SV in texts(at)
    assert "Inloggad som Okänd Person (läsare)" in " ".join(c.value for c in at.caption)


def test_oidc_reform_editor_from_the_role_table_may_update(mode):
    st_ = mode("oidc")
    with st_.transaction() as s:
        roles.set_role(s, SYSTEM_ACTOR, "Anna@Huddinge.se", Role.EDITOR, reform_editor=True)
    at = reform_page({"is_logged_in": True, "email": "anna@huddinge.se", "name": "Anna"})
    assert not at.exception
    assert LOCKED_SV not in texts(at)
    assert "Inloggad som Anna (redaktör)" in " ".join(c.value for c in at.caption)


def test_oidc_unverified_email_does_not_get_the_role_of_that_address(mode):
    st_ = mode("oidc")
    with st_.transaction() as s:
        roles.set_role(s, SYSTEM_ACTOR, "anna@huddinge.se", Role.EDITOR, reform_editor=True)
    at = reform_page({"is_logged_in": True, "email": "anna@huddinge.se", "email_verified": False, "name": "Anna?"})
    assert not at.exception
    assert LOCKED_SV in texts(at)
    assert "Inloggad som Anna? (läsare)" in " ".join(c.value for c in at.caption)


def test_the_store_refuses_a_viewer_whatever_the_ui_shows(mode):
    st_ = mode("oidc")
    with st_.session() as s:
        viewer = roles.actor_for(s, "okand@example.se")
    with pytest.raises(PermissionDenied, match="läsbehörighet"), st_.transaction() as s:
        record_update(s, viewer, "R01", 1, UpdateInput(
            status=ReformStatus.PAGAENDE, update_date=date(2026, 3, 1), motivation="Försök",
            source_url="https://example.se", author="x", progress=10))


def admin_page(user: dict) -> AppTest:
    return open_as("administration", user)


def test_an_oidc_admin_manages_the_role_table_in_the_app(mode):
    st_ = mode("oidc")
    with st_.transaction() as s:
        roles.set_role(s, SYSTEM_ACTOR, "admin@huddinge.se", Role.ADMIN)
    at = admin_page({"is_logged_in": True, "email": "admin@huddinge.se", "name": "Admin"})
    assert not at.exception
    assert "Roller och redigering" in [h.value for h in at.header]
    at.text_input(key="admin_email").input("Polis@Example.se")
    at.selectbox(key="admin_role").set_value("editor")
    at.selectbox(key="admin_partner").set_value("polisen_syd")
    next(b for b in at.button if b.label == "Spara roll").click().run()
    assert not at.exception
    assert any("Rollen för Polis@Example.se är sparad." in s.value for s in at.success)
    with st_.session() as s:
        polis = roles.actor_for(s, "polis@example.se")
    assert (polis.role, polis.partner_id, polis.reform_editor) == (Role.EDITOR, "polisen_syd", False)

    at.text_input(key="admin_email").input("inte-en-adress")
    at.selectbox(key="admin_role").set_value("viewer")
    next(b for b in at.button if b.label == "Spara roll").click().run()
    assert any("är ingen e-postadress" in e.value for e in at.error)


def test_an_editor_imports_but_manages_no_roles(mode):
    st_ = mode("oidc")
    with st_.transaction() as s:
        roles.set_role(s, SYSTEM_ACTOR, "anna@huddinge.se", Role.EDITOR, reform_editor=True)
    at = admin_page({"is_logged_in": True, "email": "anna@huddinge.se", "name": "Anna"})
    assert not at.exception
    assert at.get("file_uploader")
    assert "Roller och redigering" not in [h.value for h in at.header]


def test_an_oidc_reader_has_no_administration_page(mode):
    mode("oidc")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.user = {"is_logged_in": True, "email": "okand@example.se", "name": "Okänd"}
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(page("administration").path)
