"""Randomised concurrent edits of one reform: every writer retries on conflict, and at the
end every writer's assessment is in the history exactly once (nothing lost, nothing doubled)."""
import random
import threading
from datetime import date

from sqlalchemy.exc import OperationalError

from lagesbild.domain import SYSTEM_ACTOR, ReformStatus
from lagesbild.errors import ConflictError
from lagesbild.store import reforms
from lagesbild.store.models import Reform

WRITERS, EDITS_EACH = 6, 5


def _writer(store, wid: int, rng: random.Random, errors: list) -> None:
    for n in range(EDITS_EACH):
        text = f"Skribent {wid} bedömning {n}: uppföljning enligt protokoll."
        while True:
            with store.session() as s:
                version = s.get(Reform, "R12").version
            try:
                with store.transaction() as s:
                    reforms.record_update(s, SYSTEM_ACTOR, "R12", version, reforms.UpdateInput(
                        rng.choice([ReformStatus.PAGAENDE, ReformStatus.FORSENAD, ReformStatus.PABORJAD]),
                        date(2026, 1, 1), text, f"https://exempel.invalid/{wid}/{n}", f"Skribent {wid}"))
                break
            except (ConflictError, OperationalError):
                continue  # someone else was first (or SQLite was busy): read again and retry
            except Exception as err:  # pragma: no cover - reported below
                errors.append(err)
                return


def test_concurrent_edits_lose_nothing(store):
    errors: list = []
    threads = [threading.Thread(target=_writer, args=(store, w, random.Random(w), errors)) for w in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    with store.session() as s:
        hist = reforms.history(s, "R12")
        version = s.get(Reform, "R12").version
    assert len(hist) == WRITERS * EDITS_EACH == version
    assert hist["seq"].tolist() == list(range(1, version + 1))
    assert hist["motivation"].is_unique
