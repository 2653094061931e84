"""Administration: Samverkanspartner, Fokusområden and Reformer edited in the app. A refused
form names the field and keeps what was typed; the retry is saved; a reworded reform shows
the agreement's original wording and the change; a retired partner is no longer offered."""
from __future__ import annotations

from lagesbild.domain import SYSTEM_ACTOR, Role
from lagesbild.store import roles
from tests.apptest.helpers import texts
from tests.apptest.test_access import admin_page, mode  # noqa: F401 (the fixture)

P = "ref_partner_ny_"
ADMIN = {"is_logged_in": True, "email": "admin@huddinge.se", "name": "Admin"}
EDITOR = {"is_logged_in": True, "email": "red@huddinge.se", "name": "Red"}


def _open(mode, user=ADMIN):
    store = mode("oidc")
    with store.transaction() as s:
        roles.set_role(s, SYSTEM_ACTOR, ADMIN["email"], Role.ADMIN)
        roles.set_role(s, SYSTEM_ACTOR, EDITOR["email"], Role.EDITOR, partner_id="polisen_syd")
    return admin_page(user)


def _ok(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


def test_an_editor_sees_no_reference_forms(mode):
    at = _open(mode, EDITOR)
    _ok(at)
    assert "Samverkanspartner" not in {h.value for h in at.header}


def test_add_partner_fails_names_the_field_keeps_input_then_succeeds_and_retires(mode):
    at = _open(mode)
    _ok(at)
    assert {"Samverkanspartner", "Fokusområden", "Reformer"} <= {h.value for h in at.header}
    at.text_input(key=P + "short_name").set_value("Trygga Gårdar")
    at.text_input(key=P + "kind").set_value("förening")
    at.button(key=P + "save").click().run()
    _ok(at)
    assert any("Parten sparades inte" in e.value and "kolumn ”namn”" in e.value for e in at.error)
    assert at.text_input(key=P + "short_name").value == "Trygga Gårdar"  # kept

    at.text_input(key=P + "name").set_value("Stiftelsen Trygga Gårdar")
    at.button(key=P + "save").click().run()
    _ok(at)
    assert any("”Stiftelsen Trygga Gårdar” är sparad" in s.value for s in at.success), [e.value for e in at.error]
    assert at.text_input(key=P + "name").value == ""  # the next one starts empty
    table = next(df.value for df in at.dataframe if "Kortnamn" in df.value.columns)
    assert "Stiftelsen Trygga Gårdar" in set(table["Namn"])
    assert "trygga_gardar" not in texts(at)  # no internal id on screen
    assert "trygga_gardar" in at.selectbox(key="indadm_partner").options or \
        "Stiftelsen Trygga Gårdar" in at.selectbox(key="indadm_partner").options

    at.selectbox(key="ref_partner_pick").select("trygga_gardar").run()
    at.checkbox(key="ref_partner_trygga_gardar_retire_sure").check().run()
    at.button(key="ref_partner_trygga_gardar_retire").click().run()
    _ok(at)
    assert any("är avslutad" in s.value for s in at.success)
    table = next(df.value for df in at.dataframe if "Kortnamn" in df.value.columns)
    assert table.loc[table["Namn"] == "Stiftelsen Trygga Gårdar", "Läge"].tolist() == ["avslutad"]
    offered = at.selectbox(key="indadm_partner").options
    assert not any("Trygga Gårdar" in o for o in offered)  # not offered for a new indicator


def test_reform_rewording_shows_the_original_and_the_change(mode):
    at = _open(mode)
    at.selectbox(key="ref_reform_pick").select("R01").run()
    _ok(at)
    original = at.text_area(key="ref_reform_R01_title_sv").value
    at.text_area(key="ref_reform_R01_title_sv").set_value("Kort")
    at.button(key="ref_reform_R01_save").click().run()
    assert any("kolumn ”lydelse (svenska)”" in e.value for e in at.error)
    assert at.text_area(key="ref_reform_R01_title_sv").value == "Kort"

    at.text_area(key="ref_reform_R01_title_sv").set_value("Stärk likvärdigheten i grundskolan.")
    at.button(key="ref_reform_R01_save").click().run()
    _ok(at)
    shown = texts(at)
    assert f"Ursprunglig lydelse:** {original}" in shown or f"Ursprunglig lydelse:** {original[:40]}" in shown
    assert "Ändrad lydelse" in shown and "→ ”Stärk likvärdigheten i grundskolan.”" in shown

    at.switch_page("pages/reformer.py").run()  # the reform's page: the new wording, the original beside it
    at.query_params["reform"] = "R01"
    at.run()
    _ok(at)
    assert "1. Stärk likvärdigheten i grundskolan." in [h.value for h in at.header]
    assert any(c.value.startswith("Ursprunglig lydelse: Stärk likvärdigheten i grundskolan genom") for c in at.caption)


def test_a_retired_reform_keeps_its_page_but_takes_no_new_assessment(mode):
    at = _open(mode)
    at.selectbox(key="ref_reform_pick").select("R02").run()
    at.checkbox(key="ref_reform_R02_retire_sure").check().run()
    at.button(key="ref_reform_R02_retire").click().run()
    _ok(at)
    table = next(df.value for df in at.dataframe if "Tema" in df.value.columns)
    assert table.loc[table["Nr"] == 2, "Läge"].tolist() == ["avslutad"]
    at.switch_page("pages/reformer.py").run()
    at.query_params["reform"] = "R02"
    at.run()
    _ok(at)
    assert "Reformen är avslutad" in texts(at)
    assert at.selectbox(key="reform_pick").format_func("R02").endswith("(avslutad)")
