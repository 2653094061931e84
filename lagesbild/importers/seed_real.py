"""Seed step "verkliga data": every shipped real file through the same importers as the UI.

No second code path: each file is parsed by the importer its Data-page type uses and
applied with `base.apply_in`, so every batch is an ImportBatch with its source, file,
checksum and "data t.o.m.", exactly as if a user had uploaded it. The files and their
provenance are described in data/raw/SOURCES.md and data/registry/sources.toml.
"""
from __future__ import annotations

import time

from sqlalchemy.orm import Session

from lagesbild.config import load_kommun
from lagesbild.domain import Actor, Role
from lagesbild.errors import SeedError
from lagesbild.importers.base import apply_in
from lagesbild.importers.registry import importer
from lagesbild.store.seed import seed_step

SEED_ACTOR = Actor(name="system (grunddata)", role=Role.ADMIN)

def seed_files() -> tuple[tuple[str, str], ...]:
    """The kommun's real files ([seed] in its kommun file), imported in this order."""
    return load_kommun().seed_files


timings: dict[str, float] = {}  # file → seconds, for the report and the docs


def import_file(s: Session, kind: str, rel_path: str) -> None:
    try:
        data = load_kommun().resolve(rel_path).read_bytes()
        parsed = importer(kind).parse(data, rel_path.rsplit("/", 1)[-1])
        apply_in(s, SEED_ACTOR, parsed, rel_path, data)
    except Exception as err:  # the importer's message names rows and columns; add the file
        raise SeedError("verkliga data", f"{rel_path} (importtyp {kind}): {err}") from err


@seed_step("verkliga data")
def seed_real_data(s: Session) -> None:
    for kind, rel_path in seed_files():
        t0 = time.perf_counter()
        import_file(s, kind, rel_path)
        timings[rel_path] = time.perf_counter() - t0
