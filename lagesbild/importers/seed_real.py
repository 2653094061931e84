"""Seed step "verkliga data": every shipped real file through the same importers as the UI.

No second code path: each file is parsed by the importer its Data-page type uses and
applied with `base.apply_in`, so every batch is an ImportBatch with its source, file,
checksum and "data t.o.m.", exactly as if a user had uploaded it. The files and their
provenance are described in data/raw/SOURCES.md and data/registry/sources.toml.
"""
from __future__ import annotations

import time

from sqlalchemy.orm import Session

from lagesbild.config import PROJECT_ROOT
from lagesbild.domain import Actor, Role
from lagesbild.errors import SeedError
from lagesbild.importers.base import apply_in
from lagesbild.importers.registry import importer
from lagesbild.store.seed import seed_step

SEED_ACTOR = Actor(name="system (grunddata)", role=Role.ADMIN)

# (import type, file relative to the project root). Order matters only for areas: SCB
# first, so the RegSO and DeSO exist before anything refers to them.
SEED_FILES: tuple[tuple[str, str], ...] = (
    ("scb", "data/raw/scb_population/huddinge_deso2025_population_2025.csv"),
    ("scb", "data/raw/scb_population/huddinge_regso2025_population_2025.csv"),
    ("bra", "data/raw/bra_sol/bra_anmalda_brott_huddinge_0126_1996_2025.csv"),
    ("bra", "data/raw/bra_sol/bra_anmalda_brott_totalt_kvartal_huddinge_0126_2014-2026.csv"),
    # The comparison kommuner ([peers] in data/kommun.toml); its Huddinge rows equal the file above.
    ("bra", "data/raw/bra_jmf/bra_anmalda_brott_jmf_kommuner_1996_2025.csv"),
    ("kolada", "data/raw/kolada/kolada_values_huddinge_0126_via_juvahem.csv"),
    ("polisen", "data/raw/polisen_events/polisen_events_huddinge_2022-09_2026-08.json"),
    ("enkat_text", "data/raw/text_sourced/huddinge_survey_figures_from_text.csv"),
    ("ntu", "data/raw/bra_ntu/bra_ntu2010_otrygghet_oro_huddinge.csv"),
    ("ntu", "data/raw/bra_ntu/bra_ntu2009_utsatthet_2008_huddinge.csv"),
)
timings: dict[str, float] = {}  # file → seconds, for the report and the docs


def import_file(s: Session, kind: str, rel_path: str) -> None:
    try:
        data = (PROJECT_ROOT / rel_path).read_bytes()
        parsed = importer(kind).parse(data, rel_path.rsplit("/", 1)[-1])
        apply_in(s, SEED_ACTOR, parsed, rel_path, data)
    except Exception as err:  # the importer's message names rows and columns; add the file
        raise SeedError("verkliga data", f"{rel_path} (importtyp {kind}): {err}") from err


@seed_step("verkliga data")
def seed_real_data(s: Session) -> None:
    for kind, rel_path in SEED_FILES:
        t0 = time.perf_counter()
        import_file(s, kind, rel_path)
        timings[rel_path] = time.perf_counter() - t0
