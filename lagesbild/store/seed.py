"""Seeding an empty database from the versioned files in data/.

Seed steps run in order, all in one transaction, only when the database has no reforms
yet: a step that fails (a file another kommun's pack got wrong) leaves the database empty, and
the next start tries again, instead of running on a half-seeded database that never seeds
again. Other modules add steps (e.g. the real public data) with `seed_step`.
"""
from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lagesbild.config import load_kommun
from lagesbild.errors import SeedError
from lagesbild.store.models import District, FocusArea, Partner, Reform, ReformDistrictLink, ReformFocusLink

def seed_dir():
    """The kommun's seed folder (partners, focus areas, reforms): [files] seed_dir, else data/seed."""
    return load_kommun().seed_dir
SeedFn = Callable[[Session], None]
_STEPS: list[tuple[str, SeedFn, bool]] = []  # (name, fn, demo_only)


def seed_step(name: str, *, demo_only: bool = False) -> Callable[[SeedFn], SeedFn]:
    def register(fn: SeedFn) -> SeedFn:
        _STEPS.append((name, fn, demo_only))
        return fn
    return register


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def seed_if_empty(store, *, demo: bool = False) -> bool:
    """Seed when the database is empty. Returns True when it seeded."""
    with store.session() as s:
        if s.scalar(select(func.count()).select_from(Reform)):
            return False
    _load_plugins()
    with store.transaction() as s:
        for name, fn, demo_only in _STEPS:
            if demo_only and not demo:
                continue
            try:
                fn(s)
            except SeedError:
                raise
            except Exception as err:  # any failure: name the step; the transaction rolls back
                raise SeedError(name, f"{type(err).__name__}: {err}") from err
    return True


def _load_plugins() -> None:
    """Import the modules that register further seed steps (real data, geography, demo)."""
    import importlib

    # Order matters: the factors name priority areas, which the geography step adds.
    for mod in ("lagesbild.importers.seed_real", "lagesbild.geo.seed", "lagesbild.importers.seed_factors", "lagesbild.demo"):
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as err:
            if err.name != mod:  # a real import error inside the module must surface
                raise


@seed_step("referensdata")
def seed_reference(s: Session) -> None:
    for row in read_csv(seed_dir() / "partners.csv"):
        s.merge(Partner(**row))
    for row in read_csv(seed_dir() / "focus_areas.csv"):
        s.merge(FocusArea(**{**row, "sort": int(row["sort"])}))
    kommun = load_kommun()
    s.merge(District(code=kommun.code, name=kommun.name, level="kommun"))


@seed_step("reformer")
def seed_reforms(s: Session) -> None:
    for row in read_csv(seed_dir() / "reforms.csv"):
        s.merge(Reform(**{**row, "number": int(row["number"]), "version": 0}))
    s.flush()
    for row in read_csv(seed_dir() / "reform_focus_links.csv"):
        s.merge(ReformFocusLink(**row))
    for row in read_csv(seed_dir() / "reform_district_links.csv"):
        s.merge(ReformDistrictLink(**row))
