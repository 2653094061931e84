"""Priority areas edited in the app (lagesbild.store.priority_areas): the composition in force
changes for every reader, the figures computed per area follow in the same transaction, a frozen
meeting keeps its figures and names the changed composition, the file keeps its comments, and
bad input, a stale form or a non-admin change nothing."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lagesbild import overrides
from lagesbild.domain import SYSTEM_ACTOR as A
from lagesbild.domain import Actor, Role
from lagesbild.errors import ConflictError, PermissionDenied, ValidationError
from lagesbild.geo import priority
from lagesbild.picture import load_as_of, load_live
from lagesbild.store import definitions
from lagesbild.store import priority_areas as pa
from lagesbild.store.db import Store
from lagesbild.store.models import AuditEntry, District

FLEMINGSBERG = "prio-flemingsberg"


def _area(code: str) -> priority.PriorityArea:
    return {a.code: a for a in priority.load()}[code]


def _figures(pic, code: str) -> dict:
    obs = pic.table("observations")
    rows = obs[obs["area_code"] == code]
    return dict(zip(rows["indicator_id"] + "|" + rows["period"].astype(str), rows["value"]))


def _edit(area, **change) -> pa.AreaInput:
    base = dict(name=area.name, layer=area.layer, codes=area.codes, status=area.status, note=area.note)
    return pa.AreaInput(**{**base, **change})


def test_a_changed_composition_is_read_everywhere_and_its_figures_follow(store):
    seen, _ = pa.current()
    old = _area(FLEMINGSBERG)
    with store.session() as s:
        before = load_live(s)
        recorded = definitions.current()
    with store.transaction() as s:
        pa.save(s, A, FLEMINGSBERG, _edit(old, codes=old.codes[:2], status="fastställd"), seen)
    assert _area(FLEMINGSBERG).codes == old.codes[:2] and _area(FLEMINGSBERG).status == "fastställd"
    assert definitions.changed_since(recorded) == ["priority_areas"]
    text = pa._path().read_text(encoding="utf-8")
    assert "# The kommun's priority areas" in text  # the shipped file's comments are kept
    with store.session() as s:
        after = load_live(s)
        frozen = load_as_of(s, before.version, before.as_of)
    assert after.version > before.version
    assert _figures(after, FLEMINGSBERG) != _figures(before, FLEMINGSBERG)  # the SCB shares of two RegSO now
    assert _figures(frozen, FLEMINGSBERG) == _figures(before, FLEMINGSBERG)  # a frozen meeting keeps its own
    with store.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "priority_area.edit")).one()
    assert entry.entity_id == FLEMINGSBERG and "codes" in entry.detail["changed"]

    # another process opening the store (or a restart) reads the edited composition …
    overrides.use({})
    assert _area(FLEMINGSBERG).codes == old.codes
    Store.open(store.engine.url.render_as_string(hide_password=False), seed=False).engine.dispose()
    assert _area(FLEMINGSBERG).codes == old.codes[:2]


def test_a_new_area_gets_a_district_row_and_its_figures(store):
    seen, areas = pa.current()
    used = {c for a in areas for c in a.codes}
    free = [c for c in priority.layer("regso")["code"] if c not in used][:2]
    with store.transaction() as s:
        code = pa.save(s, A, None, pa.AreaInput("Stuvsta-Snättringe", "regso", tuple(free), "förslag", "Två RegSO."), seen)
    assert code == "prio-stuvsta-snattringe"
    with store.session() as s:
        row = s.get(District, code)
        pic = load_live(s)
    assert (row.name, row.level, row.is_priority) == ("Stuvsta-Snättringe", "prioriterat", True)
    assert _figures(pic, code)  # SCB factors and the utsatta-områden share for the new area


def test_bad_input_names_each_field_in_swedish_and_changes_nothing(store):
    seen, _ = pa.current()
    skogas = _area("prio-skogas")
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        pa.save(s, A, "prio-skogas", _edit(skogas, name="Flemingsberg", codes=(), status="klar"), seen)
    text = str(err.value)
    assert "Ett annat prioriterat område heter redan ”Flemingsberg”" in text
    assert "Välj minst ett distrikt" in text and "Status måste vara en av" in text
    with pytest.raises(ValidationError, match="finns inte i kartlagret regso"), store.transaction() as s:
        pa.save(s, A, "prio-skogas", _edit(skogas, codes=("0126R999",)), seen)
    # overlapping areas would give away, as their difference, counts hidden in the districts
    with pytest.raises(ValidationError, match="ingår redan i området ”Flemingsberg”"), store.transaction() as s:
        pa.save(s, A, "prio-skogas", _edit(skogas, codes=(*skogas.codes, _area(FLEMINGSBERG).codes[0])), seen)
    assert pa.current()[0] == seen and overrides.in_force() == {}


def test_a_stale_form_and_a_non_admin_are_refused(store):
    seen, _ = pa.current()
    skogas = _area("prio-skogas")
    with store.transaction() as s:
        pa.save(s, A, "prio-skogas", _edit(skogas, note="Ny beskrivning."), seen)
    with pytest.raises(ConflictError, match="ändrats av någon annan"), store.transaction() as s:
        pa.save(s, A, "prio-skogas", _edit(skogas, note="En annan."), seen)
    editor = Actor("redaktor@example.se", Role.EDITOR, reform_editor=True)
    with pytest.raises(PermissionDenied), store.transaction() as s:
        pa.save(s, editor, "prio-skogas", _edit(skogas, note="En tredje."), pa.current()[0])
    assert _area("prio-skogas").note == "Ny beskrivning."


def test_a_rolled_back_edit_leaves_the_previous_file_in_force(store):
    seen, _ = pa.current()
    skogas = _area("prio-skogas")
    with pytest.raises(RuntimeError), store.transaction() as s:
        pa.save(s, A, "prio-skogas", _edit(skogas, name="Skogås centrum"), seen)
        raise RuntimeError("something later in the same transaction fails")
    assert _area("prio-skogas").name == "Skogås" and overrides.in_force() == {}
