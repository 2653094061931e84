"""Turning the raw boundary files into the app's GeoJSON layers (used by scripts/build_geo.py).

Readers know each publisher's *format*, never a particular kommun: the kommun code comes from
the configuration and filters national files down to the kommun.

The one geometric repair is `clean_tiling`: SCB's RegSO lookup was simplified polygon by
polygon (Douglas-Peucker, 40 m), so neighbours overlap and leave slivers between them. The
repair (GEOS's coverage cleaner) only moves boundaries within that generalisation, and the
build reports by how much each area changed.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from lagesbild.geo import METRIC_CRS, WEB_CRS

DECIMALS = 5  # about 1 m at Swedish latitudes: far finer than the sources' generalisation
GAP_WIDTH_DEG = 0.001  # about 60-110 m: gaps narrower than this between districts are simplification slivers


# --- readers (one per publisher format) ---------------------------------------------------


def read_scb_lookup(path: Path, kommun_code: str) -> gpd.GeoDataFrame:
    """SCB RegSO/DeSO lookup JSON: a list of {code, name, bbox, p: MultiPolygon [lon, lat]}."""
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    recs, geoms = [], []
    for row in rows:
        code = row["code"].split("_")[0]  # "<kommun>R001_RegSO2025" -> "<kommun>R001"
        if not code.startswith(kommun_code):
            continue
        recs.append({"code": code, "name": row["name"]})
        geoms.append(shape({"type": "MultiPolygon", "coordinates": row["p"]}))
    return _sorted(gpd.GeoDataFrame(recs, geometry=geoms, crs=WEB_CRS))


def read_valdistrikt(path: Path, kommun_code: str) -> gpd.GeoDataFrame:
    """Valmyndigheten valdistrikt GeoJSON with `kod` (8 digits, kommun first) and `namn`."""
    raw = gpd.read_file(path)
    raw = raw[raw["kod"].astype(str).str.startswith(kommun_code)]
    out = gpd.GeoDataFrame({"code": raw["kod"].astype(str), "name": raw["namn"]}, geometry=raw.geometry, crs=raw.crs)
    return _sorted(out.to_crs(WEB_CRS))


def read_scb_kommun(path: Path, kommun_code: str) -> gpd.GeoDataFrame:
    """SCB generalised kommun boundary with `kommun_kod` and `kommun`."""
    raw = gpd.read_file(path)
    raw = raw[raw["kommun_kod"].astype(str) == kommun_code]
    return gpd.GeoDataFrame({"code": raw["kommun_kod"], "name": raw["kommun"]}, geometry=raw.geometry, crs=raw.crs).to_crs(WEB_CRS)


USO_FIELDS = {"NAMN": "name", "KATEGORI": "kategori", "AKTUALITET_START": "aktualitet_start",
              "LOKALPOLISOMRADE": "lokalpolisomrade", "SPECIALOMRADES_ID": "polisen_id"}


def read_utsatta_omraden(path: Path | gpd.GeoDataFrame, outline: BaseGeometry) -> gpd.GeoDataFrame:
    """Polisen's utsatta områden (national file, SWEREF 99 TM): the areas that lie in the kommun.

    Polisen's polygons are kept as published (only reprojected and rounded), even where one
    reaches a few metres over the kommun border.
    """
    raw = path if isinstance(path, gpd.GeoDataFrame) else gpd.read_file(path)  # a file, or one read from an upload
    if raw.crs is None:
        raise ValueError(f"{path}: saknar koordinatsystem (crs)")
    raw = raw.to_crs(WEB_CRS)
    inside = raw.geometry.to_crs(METRIC_CRS).intersection(_to_metric(outline)).area
    raw = raw[inside > 0.5 * raw.geometry.to_crs(METRIC_CRS).area]
    out = raw[list(USO_FIELDS)].rename(columns=USO_FIELDS)
    out["code"] = "uso-" + out["polisen_id"].astype(str)
    out["aktualitet_start"] = pd.to_datetime(out["aktualitet_start"]).dt.strftime("%Y-%m-%d")
    out = gpd.GeoDataFrame(out, geometry=raw.geometry, crs=WEB_CRS)
    return _sorted(out[["code", "name", "kategori", "aktualitet_start", "lokalpolisomrade", "polisen_id", "geometry"]])


def _sorted(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return gdf.sort_values("code").reset_index(drop=True)


def _to_metric(geom: BaseGeometry) -> BaseGeometry:
    return gpd.GeoSeries([geom], crs=WEB_CRS).to_crs(METRIC_CRS).iloc[0]


# --- outline and topology -------------------------------------------------------------------

GRID = 10.0 ** -DECIMALS  # the output grid (degrees)


def dissolve_outline(parts: gpd.GeoDataFrame) -> BaseGeometry:
    """The union of a complete tiling (e.g. all valdistrikt), snapped to the output grid."""
    geoms = shapely.set_precision(shapely.make_valid(parts.to_crs(WEB_CRS).geometry.to_numpy()), GRID)
    return polygonal(shapely.union_all(geoms, grid_size=GRID))


def polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Only the polygons of a geometry (overlays can leave stray lines and points)."""
    polys = [g for g in shapely.get_parts(shapely.make_valid(geom)) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(polys) if polys else shapely.Polygon()


def metric_areas(geoms: list[BaseGeometry]) -> list[float]:
    """Areas in m² (EPSG:3006) of WGS 84 geometries."""
    if not geoms:
        return []
    return list(gpd.GeoSeries(list(geoms), crs=WEB_CRS).to_crs(METRIC_CRS).area)


@dataclass(frozen=True)
class TilingReport:
    code: str
    area_before_km2: float
    area_after_km2: float

    @property
    def change_pct(self) -> float:
        return 100 * (self.area_after_km2 - self.area_before_km2) / self.area_before_km2


def clean_tiling(parts: gpd.GeoDataFrame, outline: BaseGeometry) -> tuple[gpd.GeoDataFrame, list[TilingReport]]:
    """Make polygons tile `outline`: no overlaps, no gaps, nothing outside, shared edges identical.

    GEOS's coverage cleaner (shapely.coverage_clean) resolves overlaps and closes the slivers
    between neighbours (each goes to the neighbour with the longest shared border); the strips
    left along the outline go the same way. Returns EPSG:4326 on the output grid.
    """
    parts = parts.to_crs(WEB_CRS)
    outline = polygonal(outline)
    clipped = [polygonal(shapely.intersection(polygonal(g), outline)) for g in parts.geometry]
    cleaned = list(shapely.coverage_clean(clipped, gap_width=GAP_WIDTH_DEG, merge_strategy="longest_border"))
    strips = _polygons(polygonal(shapely.difference(outline, shapely.union_all(cleaned))))
    for bit in strips:
        i = _best_neighbour(bit, cleaned)
        cleaned[i] = polygonal(shapely.union(cleaned[i], bit))
    cleaned = shapely.coverage_clean(cleaned, gap_width=GAP_WIDTH_DEG)
    kept = [polygonal(g) for g in shapely.set_precision(cleaned, GRID)]
    before, after = metric_areas(list(parts.geometry)), metric_areas(kept)
    report = [TilingReport(c, a / 1e6, z / 1e6) for c, a, z in zip(parts["code"], before, after)]
    return gpd.GeoDataFrame(parts.drop(columns="geometry"), geometry=kept, crs=WEB_CRS), report


def _polygons(geom: BaseGeometry) -> list[BaseGeometry]:
    return [g for g in shapely.get_parts(geom) if g.geom_type == "Polygon" and not g.is_empty]


def _best_neighbour(bit: BaseGeometry, polys: list[BaseGeometry]) -> int:
    """Index of the polygon sharing the longest border with `bit` (nearest if none touches)."""
    edge = bit.boundary
    shared = [edge.intersection(p.buffer(GRID)).length for p in polys]
    if max(shared) > 0:
        return max(range(len(polys)), key=shared.__getitem__)
    return min(range(len(polys)), key=lambda i: polys[i].distance(bit))


# --- output ---------------------------------------------------------------------------------


def rounded(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Snap to the output grid, keeping every geometry valid and polygonal."""
    out = gdf.to_crs(WEB_CRS).copy()
    geoms = shapely.set_precision(shapely.make_valid(out.geometry.to_numpy()), GRID)
    out["geometry"] = [polygonal(g) for g in geoms]
    return out


def write_geojson(gdf: gpd.GeoDataFrame, path: Path, decimals: int = DECIMALS) -> None:
    """Compact GeoJSON (RFC 7946: WGS 84, right-hand rings), coordinates to `decimals`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    gdf.to_file(path, driver="GeoJSON", engine="pyogrio",
                layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": str(decimals), "WRITE_NAME": "NO"})
