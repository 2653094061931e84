"""Shared bits for the importer tests."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from lagesbild.errors import ValidationError
from lagesbild.store.models import AuditEntry, District, ImportBatch, Observation, PoliceEvent

ROOT = Path(__file__).resolve().parents[3]
FIX = ROOT / "tests" / "fixtures"
RAW = ROOT / "data" / "raw"


def fixture(rel: str) -> bytes:
    return (FIX / rel).read_bytes()


def raw(rel: str) -> bytes:
    return (RAW / rel).read_bytes()


def state(store) -> dict:
    """Row counts and a checksum of observation values: equal before/after = nothing written."""
    with store.session() as s:
        return {
            "observations": s.scalar(select(func.count()).select_from(Observation)),
            "value_sum": s.scalar(select(func.sum(Observation.value))),
            "events": s.scalar(select(func.count()).select_from(PoliceEvent)),
            "batches": s.scalar(select(func.count()).select_from(ImportBatch)),
            "districts": s.scalar(select(func.count()).select_from(District)),
            "audit": s.scalar(select(func.count()).select_from(AuditEntry)),
        }


def refused(fn, *args, **kwargs) -> ValidationError:
    """Call `fn`, expect a ValidationError, return it (for message checks)."""
    with pytest.raises(ValidationError) as info:
        fn(*args, **kwargs)
    return info.value
