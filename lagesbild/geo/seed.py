"""Seed step: the districts of the map layers and the priority areas, as `District` rows.

Merged (not inserted), so it agrees with the SCB population import, which merges the same
RegSO codes with the same SCB names.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from lagesbild.config import load_kommun
from lagesbild.geo import priority
from lagesbild.geo.layers import LAYERS, district_layers, layer
from lagesbild.store.models import District
from lagesbild.store.seed import seed_step


def district_rows() -> list[dict]:
    kommun = load_kommun()
    rows = []
    for key in district_layers():
        for code, name in zip(layer(key)["code"], layer(key)["name"]):
            rows.append({"code": code, "name": name, "level": LAYERS[key].level, "parent_code": kommun.code, "is_priority": False})
    for area in priority.load():
        rows.append({"code": area.code, "name": area.name, "level": "prioriterat", "parent_code": kommun.code, "is_priority": True})
    return rows


@seed_step("områden")
def seed_districts(s: Session) -> None:
    for row in district_rows():
        s.merge(District(**row))
