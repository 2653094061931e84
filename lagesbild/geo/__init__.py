"""Geography: district layers, priority areas, choropleths and area profiles (no streamlit).

Metric work (areas, overlaps, densities) is done in SWEREF 99 TM (EPSG:3006), Sweden's
national projection; the files and the web maps use WGS 84 (EPSG:4326).
"""

WEB_CRS = "EPSG:4326"
METRIC_CRS = "EPSG:3006"
