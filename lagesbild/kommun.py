"""Start a new kommun from public files: a kommun pack in a folder of its own.

    python -m lagesbild.kommun new --code 0136 --name Haninge \\
        --districts valdistrikt.geojson --outline kommun.geojson --out packs/haninge \\
        [--seed bra:brå.csv ...]

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
import json
import re
import shutil
import sys
import tomllib
from pathlib import Path

import geopandas as gpd

from lagesbild.config import DATA_DIR, PROJECT_ROOT, load_kommun
from lagesbild.geo import build as b
from lagesbild.geo.gazetteer import from_districts

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


def new_pack(code: str, name: str, districts_file: Path, outline_file: Path, out: Path,
             seed: list[tuple[str, Path]] | None = None) -> list[str]:
    """Write the pack; `seed`: (import type, file) read at the first start. Returns what is
    still missing (Swedish lines)."""
    from lagesbild.importers.registry import importer

    for kind, file in seed or []:
        try:
            importer(kind)
        except KeyError:
            raise SystemExit(f"Importtypen ”{kind}” finns inte (se sidan Administration för typerna).") from None
        if not Path(file).is_file():
            raise SystemExit(f"Filen {file} finns inte.")
    if not (len(code) == 4 and code.isdigit()):
        raise SystemExit(f"Kommunkoden ”{code}” ska vara fyra siffror (SCB:s kommunkod).")
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
    _write_registries(out / "registry")
    _write_statement(out / "tillganglighetsredogorelse.md", name)
    copied = []
    for kind, file in seed or []:  # the pack holds its own data files (it must run on its own)
        (out / "raw").mkdir(exist_ok=True)
        shutil.copyfile(file, out / "raw" / Path(file).name)
        copied.append((kind, f"./raw/{Path(file).name}"))
    (out / "kommun.toml").write_text(_kommun_toml(code, name, copied), encoding="utf-8")
    return MISSING


def _write_gazetteer(path: Path, places: dict[str, tuple[str, ...]], name: str) -> None:
    lines = [f"# Ortnamn i {name} → valdistrikt, ur distriktsnamnen enligt regeln i docs/ny-kommun.md.",
             "# Ett förslag att granska: ändra, slå ihop eller ta bort orter.", ""]
    for place, codes in places.items():
        lines += [f'[places."{place}"]', "valdistrikt = [" + ", ".join(f'"{c}"' for c in codes) + "]", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def _write_registries(folder: Path) -> None:
    """The default registries without what belongs to the default kommun: a source or an
    indicator that names it (its surveys, its evidence files, its partners' own series) is left
    out, and so is every file list and note about its data; the new kommun adds its own."""
    default = load_kommun(DATA_DIR / "kommun.toml")
    names_it = re.compile(rf"\b{re.escape(default.name)}|(?<!\d){default.code}(?!\d)")
    with open(DATA_DIR / "registry" / "sources.toml", "rb") as fh:
        sources = tomllib.load(fh)
    kept_sources = {}
    for sid, d in sources.items():
        if names_it.search(f"{d.get('name', '')} {d.get('publisher', '')}"):
            continue
        d = {**d, "files": []}
        for key in ("notes", "via"):
            if names_it.search(str(d.get(key, ""))):
                d[key] = ""
        kept_sources[sid] = d
    with open(DATA_DIR / "registry" / "indicators.toml", "rb") as fh:
        inds = tomllib.load(fh)
    kept = {iid: d for iid, d in inds.items() if d["source"] in kept_sources and not iid.startswith("partner_")
            and not any(names_it.search(str(v)) for v in d.values())}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.toml").write_text(_toml(kept_sources, "Källor"), encoding="utf-8")
    (folder / "indicators.toml").write_text(_toml(kept, "Indikatorer"), encoding="utf-8")


def _toml(tables: dict[str, dict], what: str) -> str:
    """Flat TOML tables of text, numbers, booleans and lists (JSON strings are TOML strings)."""
    def value(v) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return str(v)
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return json.dumps(str(v), ensure_ascii=False)
    lines = [f"# {what}: kopia av standardregistret utan det som gäller standardkommunen (python -m lagesbild.kommun new).", ""]
    for key, d in tables.items():
        lines.append(f"[{key}]")
        lines += [f"{k} = {value(v)}" for k, v in d.items()]
        lines.append("")
    return "\n".join(lines)


def _write_statement(path: Path, name: str) -> None:
    """The accessibility statement: the kommun's own introduction (to be completed), then the
    app's own sections (how it is tested, known gaps), which hold for every kommun."""
    default = (PROJECT_ROOT / "docs" / "tillganglighetsredogorelse.md").read_text(encoding="utf-8")
    app_part = default[default.index("\n## "):]
    path.write_text(f"# Tillgänglighetsredogörelse för Lägesbild {name}\n\n"
                    f"Lägesbild {name} används av parterna i samverkan för ökad trygghet i kommunen. Vi vill att så "
                    "många som möjligt ska kunna använda appen. Här beskriver vi hur den uppfyller lagen (2018:1937) om "
                    "tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera problem.\n"
                    + app_part, encoding="utf-8")


def _write_seed(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for file, header in SEED_HEADERS.items():
        with open(folder / file, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerow(header)
    shutil.copyfile(DATA_DIR / "seed" / "focus_areas.csv", folder / "focus_areas.csv")  # a proposal to change


def _kommun_toml(code: str, name: str, seed: list[tuple[str, str]]) -> str:
    files = ", ".join(f'["{kind}", "{path}"]' for kind, path in seed)
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
sources = "./registry/sources.toml"
indicators = "./registry/indicators.toml"
accessibility_statement = "./tillganglighetsredogorelse.md"

[seed]
files = [{files}]
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
    new.add_argument("--seed", action="append", default=[], metavar="TYP:FIL",
                     help="en fil att läsa in vid första start, t.ex. bra:brott.csv (kan anges flera gånger)")
    args = ap.parse_args(argv)
    seed = [tuple(s.split(":", 1)) for s in args.seed]
    if any(len(s) != 2 for s in seed):
        raise SystemExit("--seed ska anges som TYP:FIL, t.ex. bra:brott.csv.")
    missing = new_pack(args.code, args.name, args.districts, args.outline, args.out, seed)
    print(f"Kommunpaketet för {args.name} är skrivet till {args.out}.")
    print(f"Starta appen med LAGESBILD_KOMMUN_CONFIG={args.out / 'kommun.toml'}")
    print("Det här saknas ännu:")
    for line in missing:
        print(f"- {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
