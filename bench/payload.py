"""Map payload: the size of the folium HTML (GeoJSON, tooltips, Leaflet set-up) that the
Karta page and an Områden profile send to the browser, raw and gzipped (what a proxy that
compresses would send), for the default view and the largest choropleth.

Run in its own process by bench.run (the indicator registry is read at import time):

    .venv/bin/python -m bench.payload

Prints one JSON object on the last line.
"""
from __future__ import annotations

import gzip
import json
import time

from bench.server import peak_rss_mb


def size(fmap) -> dict:
    html = fmap.get_root().render().encode("utf-8")
    return {"bytes": len(html), "gzip_bytes": len(gzip.compress(html, 6))}


def karta_sizes(pic, assets) -> dict:
    """The default view (population density, newest period) and every other measure's
    default view; the largest is reported with its measure."""
    from lagesbild.geo import karta, measures
    from lagesbild.geo.layers import layer

    out, t0 = {}, time.perf_counter()
    for m in measures.available(pic, set(layer("regso")["code"])):
        out[m.id] = size(karta.build(pic, m, measures.default_period(pic, m), "sv", assets).fmap)
    largest = max(out, key=lambda k: out[k]["bytes"])
    return {"default": {"measure": measures.DENSITY.id, **out[measures.DENSITY.id]},
            "largest": {"measure": largest, **out[largest]}, "measures": len(out),
            "build_s_each": round((time.perf_counter() - t0) / len(out), 3)}


def profile_sizes(assets) -> dict:
    """The area map of every priority area and RegSO; the default profile is the first priority area."""
    from lagesbild.geo import areas as areas_mod
    from lagesbild.geo import karta

    codes = list(areas_mod.of_level(areas_mod.PRIORITY_LEVEL)["code"]) + list(areas_mod.of_level("regso")["code"])
    out = {c: size(karta.area_map(c, "sv", assets)) for c in codes}
    largest = max(out, key=lambda k: out[k]["bytes"])
    return {"default": {"area": codes[0], **out[codes[0]]}, "largest": {"area": largest, **out[largest]}, "areas": len(out)}


def main() -> None:
    from lagesbild.config import settings
    from lagesbild.geo import foliummap as fm
    from lagesbild.picture import load_live
    from lagesbild.store.db import Store

    store = Store.open(settings().db_url)
    t0 = time.perf_counter()
    with store.session() as s:
        pic = load_live(s)
    load_s = time.perf_counter() - t0
    assets = fm.offline_assets()
    result = {"picture_load_s": round(load_s, 2), "karta": karta_sizes(pic, assets), "omraden": profile_sizes(assets),
              "process_peak_rss_mb": round(peak_rss_mb("self"), 1)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
