"""Administration › Prioriterade områden: an admin changes an area's districts; a refused form
names the problem and keeps what was chosen; the retry is saved and the Områden page shows the
new composition. An editor sees no form."""
from __future__ import annotations

from tests.apptest.helpers import texts
from tests.apptest.test_access import admin_page, mode  # noqa: F401 (the fixture)
from tests.apptest.test_reference_admin import EDITOR, _ok, _open

F = "prio_prio-flemingsberg_"


def test_an_editor_sees_no_priority_area_form(mode):
    at = _open(mode, EDITOR)
    _ok(at)
    assert "Prioriterade områden" not in {h.value for h in at.header}


def test_change_districts_fail_keep_retry_and_see_it_on_the_area_page(mode):
    at = _open(mode)
    _ok(at)
    assert "Prioriterade områden" in {h.value for h in at.header}
    at.selectbox(key="prio_pick").select("prio-flemingsberg").run()
    codes = at.multiselect(key=F + "codes").value
    assert len(codes) == 3
    at.multiselect(key=F + "codes").set_value([])
    at.text_input(key=F + "name").set_value("Skogås")  # taken by another area
    at.button(key=F + "save").click().run()
    _ok(at)
    shown = " ".join(e.value for e in at.error)
    assert "Området har inte sparats" in shown and "heter redan ”Skogås”" in shown and "minst ett distrikt" in shown
    assert at.text_input(key=F + "name").value == "Skogås"  # kept

    at.text_input(key=F + "name").set_value("Flemingsberg")
    at.multiselect(key=F + "codes").set_value(codes[:2])
    at.button(key=F + "save").click().run()
    _ok(at)
    assert any("Området Flemingsberg är sparat" in s.value for s in at.success), [e.value for e in at.error]
    table = next(df.value for df in at.dataframe if "Distrikt" in df.value.columns)
    row = table[table["Namn"] == "Flemingsberg"].iloc[0]
    assert row["Distrikt"].count(",") == 1  # two districts now
    assert "prio-flemingsberg" not in texts(at)  # no internal id on screen

    at.switch_page("pages/omraden.py").run()
    at.query_params["omrade"] = "prio-flemingsberg"
    at.run()
    _ok(at)
    assert "Flemingsberg består av 2 områden" in texts(at)  # the profile reads the new composition
