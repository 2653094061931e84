"""Geography: district layers, priority areas, choropleths and area profiles (no streamlit).

Metric work (areas, overlaps, densities) is done in SWEREF 99 TM (EPSG:3006), Sweden's
national projection; the files and the web maps use WGS 84 (EPSG:4326).
"""

WEB_CRS = "EPSG:4326"
METRIC_CRS = "EPSG:3006"


from dataclasses import dataclass as _dataclass


@_dataclass(frozen=True)
class Area:
    """An area a map or a profile shows: a district of a layer or a priority area (a set of
    districts). Here, not in measures or areas, so neither needs to import the other."""

    code: str
    name: str
    area_km2: float
    parts: tuple[str, ...]  # district codes whose figures make up the area (itself for a district)
    kind: str = "distrikt"  # distrikt | prioriterat
