"""Killing the app (SIGKILL) in the middle of an import leaves the database consistent.

A subprocess imports a large generated Polisen events file (tests/unit/kill_import_worker.py)
and is killed once its first rows are in the open transaction. Afterwards the database is
intact (SQLite: PRAGMA integrity_check), the import is either all there or not there at all,
and running it again works. On SQLite and, when LAGESBILD_TEST_PG is set, PostgreSQL.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from lagesbild.domain import SYSTEM_ACTOR
from lagesbild.importers import base, polisen
from lagesbild.store.db import Store
from lagesbild.store.models import ImportBatch, PoliceEvent

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
N_EVENTS = 8000  # 16 chunks of 500: the write takes a while, so a kill lands inside it
FIRST_ID = 900_000_000  # far above polisen.se's ids, so none collides with the seeded events
WAIT = 240  # seconds to wait for the worker to start writing (2 busy cores in CI)


def events_file(path: Path) -> Path:
    """Generated notices, marked as test data (they are not real events)."""
    events = [{
        "id": FIRST_ID + i,
        "datetime": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24}:{i % 60:02d}:00 +01:00",
        "name": f"{1 + i % 28} januari, Stöld, Huddinge",
        "summary": f"TESTDATA {i}: genererad notis för ett test, ingen verklig händelse.",
        "url": f"/testdata/{i}/", "type": "Stöld", "location": {"name": "Huddinge", "gps": "59.23,17.98"},
    } for i in range(N_EVENTS)]
    path.write_text(json.dumps(events), encoding="utf-8")
    return path


def imported(store: Store, filename: str) -> tuple[int, int]:
    """(import batches for the file, generated events in the store)."""
    with store.session() as s:
        batches = s.scalar(select(func.count()).select_from(ImportBatch).where(ImportBatch.filename == filename))
        rows = s.scalar(select(func.count()).select_from(PoliceEvent).where(PoliceEvent.id >= FIRST_ID))
    return batches, rows


def start_worker(url: str, events: Path, marker: Path, mode: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LAGESBILD_EDITING": "1"}
    return subprocess.Popen([sys.executable, "-m", "tests.unit.kill_import_worker", url, str(events), str(marker), mode],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def wait_for_writes(proc: subprocess.Popen, marker: Path) -> None:
    deadline = time.monotonic() + WAIT
    while not marker.exists():
        if proc.poll() is not None:
            pytest.fail("the import worker ended before writing:\n" + proc.stdout.read().decode(errors="replace"))
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the import worker wrote nothing in {WAIT} s")
        time.sleep(0.02)


def sqlite_integrity(url: str) -> str:
    import sqlite3

    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.mark.parametrize("mode", ["block", "run"])
def test_kill_during_import_leaves_all_or_nothing(new_db_url, tmp_path, mode):
    url = new_db_url()
    store = Store.open(url)  # seeded, as in production
    store.engine.dispose()
    events = events_file(tmp_path / "kill_test_events.json")
    marker = tmp_path / "progress.txt"

    proc = start_worker(url, events, marker, mode)
    wait_for_writes(proc, marker)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL

    if url.startswith("sqlite"):
        assert sqlite_integrity(url) == "ok"
    store = Store.open(url, seed=False)
    try:
        batches, rows = imported(store, events.name)
        if mode == "block":
            assert (batches, rows) == (0, 0), "killed inside the transaction: nothing may remain"
        else:
            assert (batches, rows) in ((0, 0), (1, N_EVENTS)), f"a partial import: {batches} batches, {rows} of {N_EVENTS} events"

        data = events.read_bytes()
        result = base.apply(store, SYSTEM_ACTOR, polisen.parse(data, events.name), events.name, data)
        assert result.added + result.unchanged == N_EVENTS
        assert imported(store, events.name)[1] == N_EVENTS
        with store.session() as s:
            if store.engine.dialect.name == "sqlite":
                assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    finally:
        store.engine.dispose()
