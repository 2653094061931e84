"""Several app instances starting at once against one new database (behind a load balancer):
each runs `Store.open`, i.e. migrate and seed. All must start, and the database must be
seeded once, not twice or half."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from lagesbild.store.db import Store
from lagesbild.store.models import Base

INSTANCES = 3
# Each process imports everything first, then waits for the same moment to call Store.open,
# so that the migrations really run side by side (imports alone take seconds).
_OPEN_AT = """
import sys, time
from lagesbild.store.db import Store
from lagesbild.store import seed  # noqa: F401  (imported before the start line, like the app)
at = float(sys.argv[2])
time.sleep(max(0.0, at - time.time()))
Store.open(sys.argv[1]).engine.dispose()
"""


@pytest.mark.slow
def test_instances_starting_together_migrate_and_seed_once(new_db_url, request):
    if "postgresql" not in request.node.name:
        pytest.skip("several instances share one database only on PostgreSQL (docs/drift.md)")
    url = new_db_url()
    start_at = time.time() + 8  # after every process has imported the app
    procs = [subprocess.Popen([sys.executable, "-c", _OPEN_AT, url, str(start_at)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
             for _ in range(INSTANCES)]
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    failed = [out[-1500:] for p, out in zip(procs, outputs) if p.returncode != 0]
    assert not failed, failed

    reference = Store.open(new_db_url())  # a database seeded by one instance alone
    shared = Store.open(url, seed=False)
    try:
        with reference.session() as a, shared.session() as b:
            for table in Base.metadata.sorted_tables:
                count = select(func.count()).select_from(table)
                assert b.scalar(count) == a.scalar(count), table.name
    finally:
        reference.engine.dispose()
        shared.engine.dispose()
