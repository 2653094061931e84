"""Reform assessments: history kept, concurrency conflicts refused, validation in Swedish."""
from datetime import date

import pytest

from lagesbild.domain import SYSTEM_ACTOR, Actor, ReformStatus, Role
from lagesbild.errors import ConflictError, PermissionDenied, ValidationError
from lagesbild.store import reforms

GOOD = reforms.UpdateInput(
    status=ReformStatus.PAGAENDE, update_date=date(2026, 3, 1),
    motivation="Handlingsplanen är på remiss i nämnden.", source_url="https://www.huddinge.se/beslut/1",
    author="Anna Andersson",
)


def test_all_17_reforms_start_not_assessed(store):
    with store.session() as s:
        df = reforms.current_reforms(s)
    assert len(df) == 17
    assert set(df["status"]) == {"ej_bedomd"}
    assert df["number"].tolist() == list(range(1, 18))


def test_update_is_appended_and_history_kept(store):
    with store.transaction() as s:
        reforms.record_update(s, SYSTEM_ACTOR, "R07", 0, GOOD)
    second = reforms.UpdateInput(**{**GOOD.__dict__, "status": ReformStatus.GENOMFORD, "update_date": date(2026, 6, 1)})
    with store.transaction() as s:
        reforms.record_update(s, SYSTEM_ACTOR, "R07", 1, second)
    with store.session() as s:
        hist = reforms.history(s, "R07")
        cur = reforms.current_reforms(s).set_index("id").loc["R07"]
    assert hist["status"].tolist() == ["pagaende", "genomford"]
    assert cur["status"] == "genomford" and cur["version"] == 2


def test_concurrent_update_is_refused_and_both_survive(store):
    with store.transaction() as s:
        reforms.record_update(s, SYSTEM_ACTOR, "R08", 0, GOOD)  # user A saved first
    late = reforms.UpdateInput(**{**GOOD.__dict__, "motivation": "Användare B:s bedömning som inte får försvinna."})
    with pytest.raises(ConflictError) as err:
        with store.transaction() as s:
            reforms.record_update(s, SYSTEM_ACTOR, "R08", 0, late)  # user B opened at version 0
    assert "ändrats av någon annan" in str(err.value)
    with store.session() as s:
        assert reforms.history(s, "R08")["motivation"].tolist() == [GOOD.motivation]
    with store.transaction() as s:  # B re-reads and saves again: nothing lost
        reforms.record_update(s, SYSTEM_ACTOR, "R08", 1, late)
    with store.session() as s:
        assert len(reforms.history(s, "R08")) == 2


@pytest.mark.parametrize("field,value,column", [
    ("motivation", "", "motivering"),
    ("source_url", "www.utan-schema.se", "källa"),
    ("source_url", "javascript:alert(1)", "källa"),
    ("update_date", date(2999, 1, 1), "datum"),
    ("status", ReformStatus.EJ_BEDOMD, "status"),
    ("progress", 140, "framsteg"),
    ("author", " ", "bedömd av"),
])
def test_bad_update_is_refused_with_swedish_message(store, field, value, column):
    bad = reforms.UpdateInput(**{**GOOD.__dict__, field: value})
    with pytest.raises(ValidationError) as err:
        with store.transaction() as s:
            reforms.record_update(s, SYSTEM_ACTOR, "R01", 0, bad)
    assert any(i.column == column for i in err.value.issues)
    with store.session() as s:
        assert reforms.history(s, "R01").empty


def test_viewer_cannot_update(store):
    with pytest.raises(PermissionDenied):
        with store.transaction() as s:
            reforms.record_update(s, Actor("läsare", Role.VIEWER), "R01", 0, GOOD)
