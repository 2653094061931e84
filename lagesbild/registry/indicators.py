"""The indicator registry (data/registry/indicators.toml)."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lagesbild.config import DATA_DIR, load_kommun, settings
from lagesbild.domain import DataType
from lagesbild.registry.sources import source

INDICATORS_FILE = DATA_DIR / "registry" / "indicators.toml"  # the default kommun's


def registry_file() -> Path:
    """The kommun's indicator registry ([files] indicators in its kommun file, else the default);
    the benchmark points LAGESBILD_INDICATORS_FILE at a larger registry of synthetic indicators."""
    return _registry_file(settings().kommun_config, os.environ.get("LAGESBILD_INDICATORS_FILE"))


@lru_cache(maxsize=8)
def _registry_file(config: Path, override: str | None) -> Path:
    return Path(override) if override else load_kommun(config).optional_path("indicators", INDICATORS_FILE)
UNITS = {
    "antal": ("antal", "count"),
    "per_100k": ("per 100 000 inv.", "per 100,000 inh."),
    "per_1000": ("per 1 000 inv.", "per 1,000 inh."),
    "procent": ("procent", "per cent"),
    "tkr": ("tusen kr", "SEK thousand"),
    "typ": ("områdestyp", "area type"),  # an ordinal class (SCB's områdestyp 1–5), not a quantity
}


@dataclass(frozen=True)
class Indicator:
    id: str
    name_sv: str
    name_en: str
    definition_sv: str
    source_id: str
    unit: str
    level: str
    periodicity: str
    direction: str
    focus_areas: tuple[str, ...]
    proxy: str = ""
    sensitive: bool = False
    headline: bool = False
    derived: bool = False
    count_of: str | None = None
    kolada_kpi: str | None = None
    factor: bool = False  # an area risk or protective factor (Risk- och skyddsfaktorer)
    # Counted from Polisen's published notices of these types (kommun per year, protected with
    # the other notice figures in lagesbild.geo.events), not from observations.
    notice_types: tuple[str, ...] = ()

    @property
    def data_type(self) -> DataType:
        return source(self.source_id).data_type

    @property
    def is_count(self) -> bool:
        return self.unit == "antal"

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" else self.name_sv

    def unit_label(self, lang: str = "sv") -> str:
        return UNITS[self.unit][1 if lang == "en" else 0]


# Indicators an administrator registered in the app (the store's indicator_definition table),
# installed by every Picture that carries them (lagesbild.picture). Only ever added to: a
# definition is never deleted, so live and frozen pictures agree on every id they share.
_REGISTERED: dict[str, Indicator] = {}


def indicators() -> dict[str, Indicator]:
    """The file's indicators and those registered in the app (the file's win on an id)."""
    return _merged(registry_file())


@lru_cache(maxsize=4)
def _merged(path: Path) -> dict[str, Indicator]:
    return {**_REGISTERED, **_from_file(path)}


def file_ids() -> set[str]:
    """The ids of data/registry/indicators.toml (a registration may not take one)."""
    return set(_from_file(registry_file()))


def register(defs) -> None:
    """Install indicators registered in the app: rows of the indicator_definition table."""
    new = {}
    for d in defs:
        ind = Indicator(
            id=d["id"], name_sv=d["name_sv"], name_en=d["name_en"] or d["name_sv"], definition_sv=d["definition_sv"],
            source_id=f"{REGISTERED_SOURCE}:{d['partner_id']}" if d.get("partner_id") else REGISTERED_SOURCE, unit=d["unit"], level=d["level"], periodicity=d["periodicity"],
            direction=d["direction"], focus_areas=tuple(f for f in str(d.get("focus_areas") or "").split(",") if f),
        )
        if _REGISTERED.get(ind.id) != ind:
            new[ind.id] = ind
    if new:
        _REGISTERED.update(new)
        _merged.cache_clear()


REGISTERED_SOURCE = "partner"  # the partners' own figures: the source names the partner per value


@lru_cache(maxsize=4)
def _from_file(path: Path) -> dict[str, Indicator]:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    out = {}
    for iid, d in raw.items():
        out[iid] = Indicator(
            id=iid, name_sv=d["name_sv"], name_en=d["name_en"], definition_sv=d["definition_sv"],
            source_id=d["source"], unit=d["unit"], level=d["level"], periodicity=d["periodicity"],
            direction=d["direction"], focus_areas=tuple(d.get("focus_areas", [])), proxy=d.get("proxy", ""),
            sensitive=d.get("sensitive", False), headline=d.get("headline", False), derived=d.get("derived", False),
            count_of=d.get("count_of"), kolada_kpi=d.get("kolada_kpi"), factor=d.get("factor", False),
            notice_types=tuple(d.get("notice_types", [])),
        )
    return out


def indicator(indicator_id: str) -> Indicator:
    return indicators()[indicator_id]


def for_focus_area(focus_area_id: str) -> list[Indicator]:
    """The focus area's indicators read from observations (notice counts: `notice_counts`)."""
    return [i for i in indicators().values() if focus_area_id in i.focus_areas and not i.notice_types]


def notice_counts(focus_area_id: str | None = None) -> list[Indicator]:
    """Indicators counted from published police notices, for one focus area or all."""
    return [i for i in indicators().values() if i.notice_types
            and (focus_area_id is None or focus_area_id in i.focus_areas)]
