"""Priority areas: compositions of districts from a data file, dissolved into one outline each.

The file (data/kommun.toml [files] priority_areas) lists, per area, the map layer and the
district codes. Changing it changes the areas; no code names an area.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd

from lagesbild import overrides
from lagesbild.config import load_kommun, settings
from lagesbild.errors import Issue, ValidationError
from lagesbild.geo import WEB_CRS
from lagesbild.geo.layers import DISTRICT_LAYERS, area_km2, district_layers, layer

PRELIMINARY = "preliminär avgränsning"
REQUIRED = ("code", "name", "layer", "codes")


@dataclass(frozen=True)
class PriorityArea:
    code: str
    name: str
    layer: str
    codes: tuple[str, ...]
    status: str = "förslag"
    note: str = ""

    @property
    def preliminary(self) -> bool:
        return self.status.strip().casefold() == PRELIMINARY


def parse(raw: dict, known_codes: dict[str, set[str]] | None = None) -> list[PriorityArea]:
    """The [[area]] tables of the file; every problem is reported at once, in Swedish."""
    issues: list[Issue] = []
    areas: list[PriorityArea] = []
    seen: set[str] = set()
    for nr, row in enumerate(raw.get("area", []), start=1):
        where = f"område nr {nr}"
        missing = [k for k in REQUIRED if not row.get(k)]
        for key in missing:
            issues.append(Issue(f"{where}: ”{key}” saknas", column=key))
        if missing:
            continue
        code = str(row["code"])
        if code in seen:
            issues.append(Issue(f"{where}: koden ”{code}” används redan av ett annat område", column="code"))
        seen.add(code)
        if row["layer"] not in DISTRICT_LAYERS:
            issues.append(Issue(f"{where}: lagret ”{row['layer']}” finns inte; ange något av {', '.join(DISTRICT_LAYERS)}", column="layer"))
            continue
        codes = tuple(str(c) for c in row["codes"])
        if known_codes is not None:
            for c in codes:
                if c not in known_codes[row["layer"]]:
                    issues.append(Issue(f"{where} ({row['name']}): distriktet ”{c}” finns inte i lagret {row['layer']}", column="codes"))
        areas.append(PriorityArea(code, str(row["name"]), row["layer"], codes, str(row.get("status", "förslag")), str(row.get("note", ""))))
    if issues:
        raise ValidationError(issues, summary="Filen med prioriterade områden har fel och har inte lästs in.")
    return areas


def load(path: Path | None = None) -> list[PriorityArea]:
    """The configured priority areas, checked against the district layers."""
    path = path or load_kommun(settings().kommun_config).path("priority_areas")
    return list(_load(path, settings().kommun_config))


@overrides.cached(4)
def _load(path: Path, _config: Path) -> tuple[PriorityArea, ...]:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    known = {key: set(layer(key)["code"]) for key in district_layers()}
    return tuple(parse(raw, known))


def dissolve(areas: list[PriorityArea], layers: dict[str, gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    """One outline per area: the union of its districts (geopandas dissolve)."""
    frames = []
    for a in areas:
        parts = layers[a.layer]
        parts = parts[parts["code"].isin(a.codes)][["geometry"]].copy()
        parts["code"] = a.code
        frames.append(parts)
    if not frames:  # a kommun without priority areas (yet): the same columns, no rows
        cols = {c: [] for c in ("code", "name", "layer", "codes", "status", "note", "preliminary", "area_km2")}
        return gpd.GeoDataFrame(cols, geometry=gpd.GeoSeries([], crs=WEB_CRS), crs=WEB_CRS)
    merged = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=WEB_CRS).dissolve(by="code", sort=False).reset_index()
    info = pd.DataFrame([{"code": a.code, "name": a.name, "layer": a.layer, "codes": list(a.codes),
                          "status": a.status, "note": a.note, "preliminary": a.preliminary} for a in areas])
    out = gpd.GeoDataFrame(info.merge(merged, on="code"), geometry="geometry", crs=WEB_CRS)
    out["area_km2"] = area_km2(out.geometry)
    return out


def geometries() -> gpd.GeoDataFrame:
    """The dissolved priority areas of the configured kommun (cached)."""
    return _geometries(settings().kommun_config)


@overrides.cached(4)
def _geometries(_config: Path) -> gpd.GeoDataFrame:
    return dissolve(load(), {key: layer(key) for key in district_layers()})


def by_code() -> dict[str, PriorityArea]:
    return {a.code: a for a in load()}
