"""Start a new kommun from public files: a kommun pack in a folder of its own.

    python -m lagesbild.kommun new --code 0136 --name Haninge \\
        --districts valdistrikt.geojson --outline kommun.geojson --out packs/haninge

The pack holds kommun.toml (paths relative to the pack, "./…"), the district layer clipped
to the kommun outline (Valmyndigheten's valdistrikt include the sea), the outline, a first
gazetteer from the district names (lagesbild.geo.gazetteer), empty priority areas and the
seed folder (partners, focus areas, reforms) to fill in. It then says what is still missing.
Start the app on it with LAGESBILD_KOMMUN_CONFIG=<out>/kommun.toml. Documented in Swedish in
docs/ny-kommun.md.
"""
from __future__ import annotations

import argparse
import csv
import shutil
import sys
from pathlib import Path

import geopandas as gpd

from lagesbild.config import DATA_DIR
from lagesbild.geo import build as b
from lagesbild.geo.gazetteer import from_districts

FOCUS_HEADER = ["id", "sort", "name_sv", "name_en", "scope_sv", "scope_en"]
SEED_HEADERS = {
    "partners.csv": ["id", "name", "short_name", "kind"],
    "reforms.csv": ["id", "number", "title_sv", "title_en", "theme", "responsible"],
    "reform_focus_links.csv": ["reform_id", "focus_area_id", "strength", "reasoning_sv"],
    "reform_district_links.csv": ["reform_id", "district_code", "strength", "reasoning_sv"],
}
MISSING = [
    "RegSO/DeSO med befolkning (SCB): utan dem visas inga tal per invånare och inga risk- och skyddsfaktorer per område.",
    "Brå:s anmälda brott för kommunen (Statistik On-Line), importtyp \"bra\" på sidan Administration.",
    "Kolada-nyckeltal för kommunen, importtyp \"kolada\".",
    "Polisens publicerade händelser för kommunen, importtyp \"polisen\".",
    "Polisens utsatta områden (om kommunen har några): [files] utsatta_omraden.",
    "Prioriterade områden: priority_areas.toml.",
    "Parter, fokusområden och reformer: seed/*.csv (fokusområdena är ett förslag att ändra).",
    "Jämförelsekommuner: [peers] i kommun.toml.",
]


def clipped(districts: gpd.GeoDataFrame, outline) -> gpd.GeoDataFrame:
    """Each district cut to the kommun's land (the outline); districts left empty are dropped."""
    out = districts.copy()
    out["geometry"] = [b.polygonal(g.intersection(outline)) for g in out.geometry]
    return out[~out.geometry.is_empty].reset_index(drop=True)


def new_pack(code: str, name: str, districts_file: Path, outline_file: Path, out: Path) -> list[str]:
    """Write the pack; returns what is still missing (Swedish lines)."""
    if not (len(code) == 4 and code.isdigit()):
        raise SystemExit(f"Kommunkoden ”{code}” ska vara fyra siffror, t.ex. 0136.")
    outline_gdf = b.read_scb_kommun(outline_file, code)
    if outline_gdf.empty:
        raise SystemExit(f"Kommungränsen i {outline_file} har ingen kommun med koden {code}.")
    districts = b.read_valdistrikt(districts_file, code)
    if districts.empty:
        raise SystemExit(f"Distriktsfilen {districts_file} har inga distrikt vars kod börjar med {code}.")
    outline = outline_gdf.geometry.union_all()
    layer = clipped(b.rounded(districts), outline)
    layer["kommun_code"] = code
    (out / "geo").mkdir(parents=True, exist_ok=True)
    b.write_geojson(b.rounded(layer), out / "geo" / "valdistrikt.geojson")
    b.write_geojson(b.rounded(gpd.GeoDataFrame({"code": [code], "name": [name]}, geometry=[outline], crs=outline_gdf.crs)),
                    out / "geo" / "kommun.geojson")
    _write_gazetteer(out / "place_names.toml", from_districts(list(zip(layer["code"], layer["name"])), name), name)
    (out / "priority_areas.toml").write_text(
        "# Kommunens prioriterade områden, var och en sammansatt av distrikt (se data/priority_areas.toml för formatet).\n",
        encoding="utf-8")
    _write_seed(out / "seed")
    (out / "kommun.toml").write_text(_kommun_toml(code, name), encoding="utf-8")
    return MISSING


def _write_gazetteer(path: Path, places: dict[str, tuple[str, ...]], name: str) -> None:
    lines = [f"# Ortnamn i {name} → valdistrikt, ur distriktsnamnen enligt regeln i docs/ny-kommun.md.",
             "# Ett förslag att granska: ändra, slå ihop eller ta bort orter.", ""]
    for place, codes in places.items():
        lines += [f'[places."{place}"]', "valdistrikt = [" + ", ".join(f'"{c}"' for c in codes) + "]", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def _write_seed(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for file, header in SEED_HEADERS.items():
        with open(folder / file, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerow(header)
    shutil.copyfile(DATA_DIR / "seed" / "focus_areas.csv", folder / "focus_areas.csv")  # a proposal to change


def _kommun_toml(code: str, name: str) -> str:
    return f'''# Kommunpaket för {name}, skapat av `python -m lagesbild.kommun new`. Sökvägar som börjar med
# "./" gäller från den här mappen. Se docs/ny-kommun.md.
[kommun]
code = "{code}"
name = "{name}"

[files]
valdistrikt = "./geo/valdistrikt.geojson"
kommun_outline = "./geo/kommun.geojson"
priority_areas = "./priority_areas.toml"
place_names = "./place_names.toml"
seed_dir = "./seed"

[seed]
files = []
'''


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m lagesbild.kommun", description="Kommunpaket för lägesbilden.")
    sub = ap.add_subparsers(dest="command", required=True)
    new = sub.add_parser("new", help="skapa ett kommunpaket ur offentliga filer")
    new.add_argument("--code", required=True, help="kommunkod, fyra siffror")
    new.add_argument("--name", required=True, help="kommunens namn")
    new.add_argument("--districts", required=True, type=Path, help="Valmyndighetens valdistrikt (GeoJSON)")
    new.add_argument("--outline", required=True, type=Path, help="SCB:s kommungräns (GeoJSON)")
    new.add_argument("--out", required=True, type=Path, help="mappen som paketet skrivs till")
    args = ap.parse_args(argv)
    missing = new_pack(args.code, args.name, args.districts, args.outline, args.out)
    print(f"Kommunpaketet för {args.name} är skrivet till {args.out}.")
    print(f"Starta appen med LAGESBILD_KOMMUN_CONFIG={args.out / 'kommun.toml'}")
    print("Det här saknas ännu:")
    for line in missing:
        print(f"- {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
