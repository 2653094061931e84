"""The data-source registry (data/registry/sources.toml)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from lagesbild.config import DATA_DIR, load_kommun
from lagesbild.domain import DataType

SOURCES_FILE = DATA_DIR / "registry" / "sources.toml"  # the default kommun's; a pack names its own


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    publisher: str
    short_publisher: str  # named in captions: "Brå", "SCB", "SCB, bearbetad", …
    via: str
    url: str
    licence: str
    attribution: str
    data_type: DataType
    level: str
    update_months: int
    files: tuple[str, ...]
    notes: str
    # A break in the series from this month (ÅÅÅÅ-MM): later periods are not like-for-like.
    break_from: str = ""
    break_note_sv: str = ""
    break_note_en: str = ""


def sources() -> dict[str, Source]:
    """The kommun's source registry ([files] sources in its kommun file, else the default)."""
    return _sources(load_kommun().optional_path("sources", SOURCES_FILE))


@lru_cache(maxsize=4)
def _sources(path) -> dict[str, Source]:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    return {
        sid: Source(
            id=sid,
            name=d["name"],
            publisher=d["publisher"],
            short_publisher=d["short_publisher"],
            via=d.get("via", ""),
            url=d.get("url", ""),
            licence=d["licence"],
            attribution=d["attribution"],
            data_type=DataType(d["data_type"]),
            level=d["level"],
            update_months=int(d["update_months"]),
            files=tuple(d.get("files", [])),
            notes=d.get("notes", ""),
            break_from=d.get("break_from", ""),
            break_note_sv=d.get("break_note_sv", ""),
            break_note_en=d.get("break_note_en", ""),
        )
        for sid, d in raw.items()
    }


PARTNER = "partner"


def known(source_id: str) -> bool:
    """Is the source in this kommun's registry (a pack may lack e.g. the default kommun's surveys)?"""
    return source_id.split(":", 1)[0] in sources()


def source(source_id: str) -> Source:
    """A registered source; "partner:<id>" is the partners' own figures of one partner, named
    in captions by the partner's short name (from the kommun's partner list)."""
    if source_id.startswith(PARTNER + ":"):
        return _partner_source(source_id.split(":", 1)[1], load_kommun().seed_dir)
    return sources()[source_id]


@lru_cache(maxsize=64)
def _partner_source(partner_id: str, seed_dir) -> Source:
    import csv
    from dataclasses import replace

    base = sources()[PARTNER]
    with open(seed_dir / "partners.csv", encoding="utf-8", newline="") as fh:
        names = {r["id"]: r.get("short_name") or r["name"] for r in csv.DictReader(fh)}
    who = names.get(partner_id, partner_id)
    return replace(base, id=f"{PARTNER}:{partner_id}", short_publisher=f"{who} ({base.short_publisher})",
                   attribution=f"Källa: {who} ({base.short_publisher})")
