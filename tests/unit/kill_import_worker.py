"""Run one Polisen import against a database and report progress, to be killed by
tests/unit/test_kill_during_import.py. Not a test module.

    python -m tests.unit.kill_import_worker <db url> <events.json> <marker file> <block|run>

The marker file is written once the first rows are in the open transaction. With `block`
the import then waits inside the transaction (so a kill is certain to land mid-import);
with `run` it goes on writing as fast as it can.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("LAGESBILD_EDITING", "1")

from lagesbild.domain import SYSTEM_ACTOR  # noqa: E402
from lagesbild.importers import base, polisen  # noqa: E402
from lagesbild.store.db import Store  # noqa: E402


def main(url: str, events: str, marker: str, mode: str) -> None:
    store = Store.open(url, seed=False)
    data = Path(events).read_bytes()
    parsed = polisen.parse(data, Path(events).name)

    def progress(fraction: float) -> None:
        if fraction <= 0:
            return
        Path(marker).write_text(f"{fraction:.3f}\n")
        if mode == "block":
            time.sleep(600)  # held inside the transaction until the test kills us

    base.apply(store, SYSTEM_ACTOR, parsed, Path(events).name, data, progress=progress)
    Path(marker).write_text("done\n")


if __name__ == "__main__":
    main(*sys.argv[1:5])
