"""Every area with a profile: the districts of the map layers and the priority areas.

One table (`catalogue`) with code, name, level, parts (the districts whose figures make up
the area), area and geometry, plus the relations a profile needs: which priority area a
district belongs to, and how much of each utsatt område lies in an area.
"""
from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from lagesbild import overrides
from lagesbild.config import settings
from lagesbild.geo import METRIC_CRS, WEB_CRS, Area, priority
from lagesbild.geo.layers import LAYERS, district_layers, layer

PRIORITY_LEVEL = "prioriterat"
LEVEL_LABELS = {
    "prioriterat": ("Prioriterat område", "Priority area"),
    "regso": ("RegSO-område (SCB)", "RegSO district (SCB)"),
    "valdistrikt": ("Valdistrikt", "Election district"),
    "kommun": ("Kommun", "Municipality"),
}


def level_label(level: str, lang: str = "sv") -> str:
    sv, en = LEVEL_LABELS.get(level, (level, level))
    return en if lang == "en" else sv


def catalogue() -> gpd.GeoDataFrame:
    """code, name, level, parts, area_km2, geometry for every area (cached, read-only)."""
    return _catalogue(settings().kommun_config)


@overrides.cached(4)
def _catalogue(_config: Path) -> gpd.GeoDataFrame:
    frames = []
    for key in district_layers():
        g = layer(key)[["code", "name", "area_km2", "geometry"]].copy()
        g["level"] = LAYERS[key].level
        g["parts"] = [(c,) for c in g["code"]]
        frames.append(g)
    p = priority.geometries()[["code", "name", "area_km2", "geometry", "codes"]].copy()
    p["level"] = PRIORITY_LEVEL
    p["parts"] = [tuple(c) for c in p.pop("codes")]
    frames.append(p)
    out = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs=WEB_CRS)
    return out.set_index("code", drop=False)


def as_areas(gdf: gpd.GeoDataFrame) -> list[Area]:
    return [Area(c, n, float(a), tuple(p), "prioriterat" if lv == PRIORITY_LEVEL else "distrikt")
            for c, n, a, p, lv in zip(gdf["code"], gdf["name"], gdf["area_km2"], gdf["parts"], gdf["level"])]


def of_level(level: str) -> gpd.GeoDataFrame:
    cat = catalogue()
    return cat[cat["level"] == level]


def priority_of(code: str) -> list[str]:
    """The priority areas a district is part of (codes)."""
    cat = catalogue()
    prio = cat[cat["level"] == PRIORITY_LEVEL]
    return [c for c, parts in zip(prio["code"], prio["parts"]) if code in parts]


def uso_overlap(uso: gpd.GeoDataFrame, areas: gpd.GeoDataFrame, min_share: float = 0.02) -> pd.DataFrame:
    """How much of each utsatt område lies in each area (share of the utsatt område's surface).

    Rows: area_code, uso_code, uso_name, kategori, aktualitet_start, share. Shares under
    `min_share` are border slivers of generalised boundaries and are left out."""
    if uso.empty or areas.empty:
        return pd.DataFrame(columns=["area_code", "uso_code", "uso_name", "kategori", "aktualitet_start", "share"])
    u = uso.to_crs(METRIC_CRS)
    a = areas.to_crs(METRIC_CRS)
    rows = []
    for ucode, uname, kat, start, ug in zip(u["code"], u["name"], u["kategori"], u["aktualitet_start"], u.geometry):
        for acode, ag in zip(a["code"], a.geometry):
            share = ug.intersection(ag).area / ug.area
            if share >= min_share:
                rows.append({"area_code": acode, "uso_code": ucode, "uso_name": uname, "kategori": kat,
                             "aktualitet_start": start, "share": share})
    return pd.DataFrame(rows)


def uso_by_area() -> pd.DataFrame:
    return _uso_by_area(settings().kommun_config)


@overrides.cached(4)
def _uso_by_area(_config: Path) -> pd.DataFrame:
    return uso_overlap(layer("utsatta_omraden"), catalogue())
