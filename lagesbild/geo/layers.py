"""The map layers named in the kommun configuration, loaded once and cached.

Every layer is a GeoDataFrame in WGS 84 with `code`, `name` and `area_km2` (computed in
SWEREF 99 TM from the generalised boundaries, so lakes are included).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd

from lagesbild import overrides
from lagesbild.config import load_kommun, settings
from lagesbild.geo import METRIC_CRS, WEB_CRS
from lagesbild.i18n import t


@dataclass(frozen=True)
class LayerSpec:
    key: str  # key in kommun.toml [files]
    level: str  # district level in the store
    source_ids: tuple[str, ...]  # data/registry/sources.toml
    label_sv: str
    label_en: str

    def label(self, lang: str = "sv") -> str:
        text = self.label_en if lang == "en" else self.label_sv
        return text.format(year=list_year()) if "{year}" in text else text


LAYERS: dict[str, LayerSpec] = {
    "regso": LayerSpec("regso", "regso", ("scb_regso",), "RegSO-områden", "RegSO districts"),
    "valdistrikt": LayerSpec("valdistrikt", "valdistrikt", ("valmyndigheten_valdistrikt",), "Valdistrikt", "Election districts"),
    # The outline is the union of the valdistrikt (see geo/SOURCES.md); SCB's file names it.
    "kommun_outline": LayerSpec("kommun_outline", "kommun", ("valmyndigheten_valdistrikt", "scb_kommungrans"), "Kommungräns", "Municipal boundary"),
    "utsatta_omraden": LayerSpec("utsatta_omraden", "utsatt_omrade", ("polisen_uso",), "Utsatta områden {year}", "Vulnerable areas {year}"),
}
EXTRA_COLUMNS = {"utsatta_omraden": ("kategori", "aktualitet_start", "lokalpolisomrade", "polisen_id")}
# Polisen's list of utsatta områden that the shipped layer holds (its year and date); a list
# an admin imports carries its year in the `lista` column (lagesbild.importers.uso_layer).
USO_LIST_YEAR, USO_LIST_DATE = "2025", "2025-12-01"
DISTRICT_LAYERS = ("regso", "valdistrikt")  # layers whose areas are districts of the store
# The boundaries' year (RegSO 2025 from SCB, valdistrikt for the 2026 election); a priority
# area is the union of its RegSO.
BOUNDARY_YEAR = {"regso": "2025", "valdistrikt": "2026", "prioriterat": "2025"}


def boundaries(level: str = "regso", lang: str = "sv") -> str:
    """Which boundaries an area's surface comes from: "RegSO 2025", "valdistrikt 2026"."""
    kind = {"valdistrikt": ("valdistrikt", "election districts")}.get(level, ("RegSO", "RegSO"))
    return f"{kind[1] if lang == 'en' else kind[0]} {BOUNDARY_YEAR.get(level, '2025')}"


def area_label(level: str = "regso", lang: str = "sv") -> str:
    """The Yta column says what it measures and from which boundaries: the whole area,
    lakes included, from generalised boundaries of that year (not land area)."""
    return t("layers.area_label", lang, boundaries=boundaries(level, lang))


def has_layer(key: str) -> bool:
    """Does the kommun have this layer? Every layer but the outline is optional (a kommun may
    have valdistrikt only, no RegSO, no utsatta områden)."""
    return bool(load_kommun().raw.get("files", {}).get(key))


def district_layers() -> tuple[str, ...]:
    """The kommun's district layers, RegSO first (it carries population and statistics)."""
    return tuple(k for k in DISTRICT_LAYERS if has_layer(k))


def main_layer() -> str:
    """The layer maps colour and areas are counted in: RegSO where the kommun has it."""
    layers = district_layers()
    return layers[0] if layers else "valdistrikt"


def layer(key: str) -> gpd.GeoDataFrame:
    """The layer for the configured kommun; empty (with the columns) when the kommun has none.
    Shared and cached: do not modify it."""
    return _load(key, settings().kommun_config)


@overrides.cached(16)  # an admin's new list of utsatta områden replaces that layer
def _load(key: str, config_path: Path) -> gpd.GeoDataFrame:
    path = load_kommun(config_path).optional_path(key)
    if path is None:  # the columns a present layer of this kind has, no rows
        cols = {"code": pd.Series(dtype=str), "name": pd.Series(dtype=str), "area_km2": pd.Series(dtype=float),
                **{c: pd.Series(dtype=str) for c in EXTRA_COLUMNS.get(key, ())}}
        return gpd.GeoDataFrame(cols, geometry=gpd.GeoSeries([], crs=WEB_CRS), crs=WEB_CRS)
    return read_layer(path)


def read_layer(path: Path) -> gpd.GeoDataFrame:
    gdf = gpd.read_file(path)
    gdf = gdf.set_crs(WEB_CRS) if gdf.crs is None else gdf.to_crs(WEB_CRS)
    gdf["code"] = gdf["code"].astype(str)
    for col in gdf.columns:  # GDAL reads ISO dates as datetimes; the app shows ÅÅÅÅ-MM-DD text
        if col != "geometry" and pd.api.types.is_datetime64_any_dtype(gdf[col]):
            gdf[col] = gdf[col].dt.strftime("%Y-%m-%d")
    gdf["area_km2"] = gdf.geometry.to_crs(METRIC_CRS).area / 1e6
    return gdf.sort_values("code").reset_index(drop=True)


def list_year() -> str:
    """The year of the list of utsatta områden in force."""
    uso = layer("utsatta_omraden")
    return str(uso["lista"].iloc[0]) if "lista" in uso.columns and len(uso) else USO_LIST_YEAR


def list_as_of() -> str:
    """"Data t.o.m." of the list in force: the shipped list's date, an imported list's year."""
    return USO_LIST_DATE if list_year() == USO_LIST_YEAR else list_year()


def area_km2(geoms: gpd.GeoSeries) -> gpd.GeoSeries:
    return geoms.to_crs(METRIC_CRS).area / 1e6
