"""Roles are enforced in the store: a viewer can change nothing by any store path."""
from datetime import date

import pytest

from lagesbild.domain import SYSTEM_ACTOR, Actor, ReformStatus, Role
from lagesbild.errors import PermissionDenied, ValidationError
from lagesbild.store import app_settings, reforms, roles
from lagesbild.store.access import ACTIONS, require

VIEWER = Actor("läsare", Role.VIEWER)
EDITOR_HUGE = Actor("redaktör", Role.EDITOR, partner_id="huge")


@pytest.mark.parametrize("action", list(ACTIONS))
def test_viewer_may_do_nothing(action):
    with pytest.raises(PermissionDenied):
        require(VIEWER, action)


def test_editor_scoped_to_own_organisation():
    require(EDITOR_HUGE, "activity.write", partner_id="huge")
    with pytest.raises(PermissionDenied, match="egen organisation"):
        require(EDITOR_HUGE, "activity.write", partner_id="polisen_syd")
    with pytest.raises(PermissionDenied, match="utsedda redaktörer"):
        require(EDITOR_HUGE, "reform.update")
    with pytest.raises(PermissionDenied):
        require(EDITOR_HUGE, "admin")


def test_role_table_resolves_actor(store):
    with store.transaction() as s:
        roles.set_role(s, SYSTEM_ACTOR, "Anna@Huddinge.se", Role.EDITOR, partner_id="huddinge_kommun", reform_editor=True)
    with store.session() as s:
        anna = roles.actor_for(s, "anna@huddinge.se", "Anna")
        stranger = roles.actor_for(s, "okand@example.org")
        anonymous = roles.actor_for(s, None)
        no_email_claim = roles.actor_for(s, None, "Kim Entra")
    assert anna.role == Role.EDITOR and anna.partner_id == "huddinge_kommun" and anna.reform_editor
    assert stranger.role == Role.VIEWER and anonymous.role == Role.VIEWER
    assert (no_email_claim.name, no_email_claim.role) == ("Kim Entra", Role.VIEWER)


def test_bad_role_rows_refused(store):
    with pytest.raises(ValidationError):
        with store.transaction() as s:
            roles.set_role(s, SYSTEM_ACTOR, "inte-en-adress", Role.EDITOR, partner_id="nope")
    with pytest.raises(PermissionDenied):
        with store.transaction() as s:
            roles.set_role(s, EDITOR_HUGE, "x@y.se", Role.ADMIN)


def test_only_admin_switches_editing(store):
    with pytest.raises(PermissionDenied):
        with store.transaction() as s:
            app_settings.set_flag(s, EDITOR_HUGE, app_settings.EDITING, True)
    with store.transaction() as s:
        app_settings.set_flag(s, SYSTEM_ACTOR, app_settings.EDITING, True)
    with store.session() as s:
        assert app_settings.get_flag(s, app_settings.EDITING, False) is True


def test_viewer_reform_update_leaves_no_trace(store):
    with pytest.raises(PermissionDenied):
        with store.transaction() as s:
            reforms.record_update(s, VIEWER, "R01", 0, reforms.UpdateInput(
                ReformStatus.PAGAENDE, date(2026, 1, 1), "Försök att ändra utan behörighet.", "https://a.se/b", "x"))
    with store.session() as s:
        assert reforms.current_reforms(s)["version"].sum() == 0


def test_admin_cli_backup_and_editing(tmp_path, monkeypatch, capsys):
    from lagesbild import admin
    from lagesbild.config import settings

    monkeypatch.setenv("LAGESBILD_DB_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    settings.cache_clear()
    try:
        assert admin.main(["editing", "on"]) == 0
        assert admin.main(["role", "add", "a@b.se", "editor", "--partner", "huge"]) == 0
        assert admin.main(["backup", str(tmp_path / "b.zip")]) == 0
        assert (tmp_path / "b.zip").stat().st_size > 1000
        assert admin.main(["role", "add", "a@b.se", "editor", "--partner", "finns-inte"]) == 2
        assert "okänd organisation" in capsys.readouterr().err
    finally:
        settings.cache_clear()
