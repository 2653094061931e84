"""Administration › Ortnamn: an admin adds a place; a refused form (the kommun's own name)
names the problem and keeps what was typed; the retry is saved and listed. An editor sees no
form."""
from __future__ import annotations

from tests.apptest.helpers import texts
from tests.apptest.test_access import admin_page, mode  # noqa: F401 (the fixture)
from tests.apptest.test_reference_admin import EDITOR, _ok, _open

N = "ort_ny_"


def test_an_editor_sees_no_place_name_form(mode):
    at = _open(mode, EDITOR)
    _ok(at)
    assert "Ortnamn för Polisens händelser" not in {h.value for h in at.header}


def test_add_a_place_refused_kept_then_saved(mode):
    at = _open(mode)
    _ok(at)
    assert "Ortnamn för Polisens händelser" in {h.value for h in at.header}
    at.text_input(key=N + "name").set_value("Huddinge")
    at.text_input(key=N + "aliases").set_value("Kvarnbergsplanen")
    at.multiselect(key=N + "codes").set_value(["0126R012"])
    at.button(key=N + "save").click().run()
    _ok(at)
    assert any("Ortnamnet har inte sparats" in e.value and "kommunens eget namn" in e.value for e in at.error)
    assert at.text_input(key=N + "aliases").value == "Kvarnbergsplanen"  # kept

    at.text_input(key=N + "name").set_value("Kvarnbergsplan")
    at.button(key=N + "save").click().run()
    _ok(at)
    assert any("Ortnamnet Kvarnbergsplan är sparat" in s.value for s in at.success), [e.value for e in at.error]
    table = next(df.value for df in at.dataframe if "Ortnamn" in df.value.columns)
    assert "Kvarnbergsplan" in set(table["Ortnamn"])
    assert at.text_input(key=N + "name").value == ""  # the next one starts empty
    assert "0126R012" not in texts(at).replace("(0126R012)", "")  # codes only beside names in the chooser
