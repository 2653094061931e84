"""Backup → restore into an empty database → an identical backup."""
import json
from datetime import date

import pytest

from lagesbild.domain import SYSTEM_ACTOR, ReformStatus
from lagesbild.errors import LagesbildError
from lagesbild.store import reforms
from lagesbild.store.backup import backup, restore


def test_backup_restore_is_identical(store, empty_store):
    with store.transaction() as s:
        reforms.record_update(s, SYSTEM_ACTOR, "R05", 0, reforms.UpdateInput(
            ReformStatus.GENOMFORD, date(2025, 5, 1), "Beslut i kommunfullmäktige om ägardirektiv.",
            "https://www.huddinge.se/kf/2025-05", "Test"))
    first = backup(store)
    counts = restore(empty_store, first)
    assert counts["reform"] == 17 and counts["reform_update"] == 1
    from zipfile import ZipFile
    import io
    a, b = ZipFile(io.BytesIO(first)), ZipFile(io.BytesIO(backup(empty_store)))
    for name in a.namelist():
        if name not in ("manifest.json", "data_version.json"):
            assert a.read(name) == b.read(name), name
    # the same data version under a new identity: pictures cached for another store never apply
    (src,), (dst,) = json.loads(a.read("data_version.json")), json.loads(b.read("data_version.json"))
    assert dst["current"] == src["current"] and dst["store_id"] != src["store_id"]
    # the restored database keeps working: ids continue after the restored ones
    with empty_store.transaction() as s:
        reforms.record_update(s, SYSTEM_ACTOR, "R05", 1, reforms.UpdateInput(
            ReformStatus.GENOMFORD, date(2025, 6, 1), "Bekräftat i årsredovisningen för bolaget.",
            "https://www.huddinge.se/ar", "Test"))


def test_restore_refuses_non_empty_database_and_garbage(store):
    blob = backup(store)
    with pytest.raises(LagesbildError, match="inte tom"):
        restore(store, blob)
    with pytest.raises(LagesbildError, match="säkerhetskopia"):
        restore(store, b"not a zip")
