"""How much of an area's surface lies inside Polisen's utsatta områden, recomputed from the
polygons in SWEREF 99 TM, and compared with a shared precomputed file (pure functions).

Area shares, not population shares: a park inside an utsatt område counts like a block of
flats. The särskilt utsatt share is computed the same way from the polygons whose category
says so; with none in the kommun's file it is 0, which is the point of the comparison.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import Polygon
from shapely.ops import unary_union

from lagesbild.geo import METRIC_CRS, WEB_CRS

INDICATOR = "polisen_uso_andel_yta"
SARSKILT = "särskilt"  # in Polisen's KATEGORI "Särskilt utsatt område"


def deso_polygons(path: Path) -> gpd.GeoDataFrame:
    """DeSO outlines from the SCB/am-dashboard file: `rings` are [lat, lon] (note the order).

    Rings are combined by the even-odd rule (symmetric difference), so a hole is a hole and
    two islands are two islands, whatever the ring order in the file."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    codes, geoms = [], []
    for a in data.get("areas", []):
        rings = a.get("rings")
        rings = json.loads(rings) if isinstance(rings, str) else rings
        geom = None
        for ring in rings or []:
            poly = Polygon([(lon, lat) for lat, lon in ring]).buffer(0)
            geom = poly if geom is None else geom.symmetric_difference(poly)
        if geom is not None:
            codes.append(a["code"].split("_", 1)[0])
            geoms.append(geom)
    return gpd.GeoDataFrame({"code": codes}, geometry=geoms, crs=WEB_CRS)


def shares(areas: gpd.GeoDataFrame, uso: gpd.GeoDataFrame) -> pd.DataFrame:
    """code, share (0–100, any utsatt område), sarskilt (0–100) per area."""
    a = areas.to_crs(METRIC_CRS)
    u = uso.to_crs(METRIC_CRS)
    is_sarskilt = u["kategori"].astype(str).str.casefold().str.contains(SARSKILT)
    every = unary_union(list(u.geometry)) if len(u) else None
    special = unary_union(list(u.geometry[is_sarskilt])) if is_sarskilt.any() else None
    rows = []
    for code, g in zip(a["code"], a.geometry):
        area = g.area
        rows.append({"code": code,
                     "share": 100 * g.intersection(every).area / area if every is not None and area else 0.0,
                     "sarskilt": 100 * g.intersection(special).area / area if special is not None and area else 0.0})
    return pd.DataFrame(rows, columns=["code", "share", "sarskilt"])


def read_shared(path: Path) -> pd.DataFrame:
    """The shared overlap file: code (suffix stripped), level, class, share, sarskilt (per cent)."""
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    return pd.DataFrame([{"code": r["code"].split("_", 1)[0], "level": r["level"], "class": r["class"],
                          "share_file": float(r["share_pct"]), "sarskilt_file": float(r["sarskilt_pct"])}
                         for r in rows], columns=["code", "level", "class", "share_file", "sarskilt_file"])


def compare(recomputed: pd.DataFrame, shared: pd.DataFrame) -> pd.DataFrame:
    """Recomputed against the shared file, for every area in either (absent in the file = 0:
    the file lists only areas that touch an utsatt område)."""
    out = recomputed.merge(shared, on="code", how="outer")
    for col in ("share", "sarskilt", "share_file", "sarskilt_file"):
        out[col] = out[col].fillna(0.0)
    out["diff_pp"] = out["share"] - out["share_file"]
    # The case the note is about: the file says särskilt where the polygons have none.
    out["sarskilt_only_in_file"] = (out["sarskilt_file"] > 0) & (out["sarskilt"] == 0)
    return out
