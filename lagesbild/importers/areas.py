"""Areas named in words (survey texts, NTU tables) → area codes, and the rows that define them.

Codes: riket "00"; the county is the first two digits of the kommun code (SCB's län code,
e.g. "01" Stockholms län); the kommun its code; a kommundel named only in text (no
boundary) "kd-<slug>", e.g. "kd-glomsta".
"""
from __future__ import annotations

from lagesbild.config import load_kommun
from lagesbild.importers.base import slug

RIKET = {"code": "00", "name": "Riket", "level": "riket", "parent_code": None}


def county() -> dict:
    k = load_kommun()
    return {"code": k.code[:2], "name": k.raw["kommun"].get("lan", f"Län {k.code[:2]}"), "level": "lan", "parent_code": "00"}


def kommundel(name: str) -> dict:
    return {"code": f"kd-{slug(name)}", "name": name.strip(), "level": "kommundel",
            "parent_code": load_kommun().code, "is_priority": False}


def by_name(name: str) -> dict | None:
    """"HELA RIKET", "Stockholms län", "Huddinge", "Huddinge kommun" → a district row; else None."""
    k = load_kommun()
    key = name.strip().casefold()
    if key in ("hela riket", "riket", "sverige"):
        return RIKET
    if key == county()["name"].casefold():
        return county()
    if key in (k.name.casefold(), f"{k.name} kommun".casefold()):
        return {"code": k.code, "name": k.name, "level": "kommun", "parent_code": county()["code"]}
    return None
