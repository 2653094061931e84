"""Polisen's list of utsatta områden, imported by an admin when Polisen publishes a new one:
the national GeoJSON (SWEREF 99 TM, as polisen.se publishes it) → the areas that lie in the
kommun, put in force as the map layer, and each area's share of its surface inside them as
observations of the list's year (earlier years' shares stay).

The year comes from the file name ("utsatta_omraden_2027.geojson"), as for SCB's files: the
file itself dates each area (AKTUALITET_START), not the list.
"""
from __future__ import annotations

import io

import geopandas as gpd
import pandas as pd

from lagesbild.config import load_kommun
from lagesbild.errors import Issue
from lagesbild.geo import WEB_CRS, factors, priority, uso_share
from lagesbild.geo.build import USO_FIELDS, read_utsatta_omraden
from lagesbild.geo.layers import layer, list_year
from lagesbild.importers.base import ParsedImport, fail, observation_frame, period_end
from lagesbild.importers.scb import year_from_filename

KIND = "uso_lista"
SOURCE_ID = "polisen_uso"
LAYER = "utsatta_omraden"  # the kommun pack's [files] entry the import replaces


def parse(data: bytes, filename: str) -> ParsedImport:
    year = year_from_filename(filename)
    issues = [] if year else [Issue("filnamnet anger inte listans år; döp filen t.ex. till utsatta_omraden_2027.geojson.")]
    try:
        raw = gpd.read_file(io.BytesIO(data))
    except Exception:  # GDAL's own message names no field a user could fix
        fail([*issues, Issue("filen kunde inte läsas som GeoJSON (Polisens fil över utsatta områden).")])
    missing = [f for f in USO_FIELDS if f not in raw.columns]
    issues += [Issue(f"egenskapen ”{f}” saknas; Polisens fil har {', '.join(USO_FIELDS)}.", None, f) for f in missing]
    if raw.crs is None:
        issues.append(Issue("filen anger inget koordinatsystem (crs); Polisens fil är i SWEREF 99 TM (EPSG:3006)."))
    fail(issues)
    outline = layer("kommun_outline").geometry.union_all()
    uso = read_utsatta_omraden(raw, outline)
    uso["lista"] = str(year)
    kommun = load_kommun().name
    found = [f"{n} ({k.lower()})" for n, k in zip(uso["name"], uso["kategori"])]
    warnings = [f"{len(uso)} utsatta områden i {kommun} på listan {year}: {', '.join(found)}." if found else
                f"Inget utsatt område i {kommun} på listan {year}; kartan visar då inga."]
    return ParsedImport(kind=KIND, source_id=SOURCE_ID, records=share_rows(uso, str(year)), vintage=str(year),
                        warnings=warnings, definition=(LAYER, uso.to_json(drop_id=True).encode("utf-8")))


def share_rows(uso: gpd.GeoDataFrame, year: str) -> pd.DataFrame:
    """The share of each area's surface inside the list's utsatta områden, as observations
    (none for a kommun without SCB's area files: the areas to compute them for are missing)."""
    kommun = load_kommun()
    if "factors" not in kommun.raw or not layer("regso").shape[0]:
        return observation_frame([])
    s = uso_share.shares(uso_areas(), uso)
    return observation_frame([{"row": i + 2, "indicator_id": uso_share.INDICATOR, "area_code": r.code, "period": year,
                               "period_end": period_end(year), "value": float(r.share), "status": "ok"}
                              for i, r in enumerate(s.itertuples(index=False))])


def in_force_rows() -> pd.DataFrame:
    """share_rows for the list in force (the seed, and again when the areas change)."""
    return share_rows(layer(LAYER), list_year())


def uso_areas() -> gpd.GeoDataFrame:
    """Every area the share is stored for: DeSO (outlines from the SCB file), RegSO,
    valdistrikt, priority areas and the kommun outline."""
    parts = [uso_share.deso_polygons(factors.factor_file("scb_deso")), layer("regso")[["code", "geometry"]],
             layer("valdistrikt")[["code", "geometry"]],
             priority.geometries()[["code", "geometry"]], layer("kommun_outline")[["code", "geometry"]]]
    return gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry", crs=WEB_CRS)
