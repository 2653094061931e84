"""Seed step "risk- och skyddsfaktorer": the area factors computed from the shipped raw files
and stored as observations, so the profile, the map and a later verdict block read them
like any other indicator (one ImportBatch per source, with the raw file's checksum).

Runs after the "områden" step: observations may only name known areas, and the priority
areas are districts from then on. Keys: DeSO, RegSO and valdistrikt codes, priority-area
codes ("prio-…") and the kommun code, as the profile and the map expect.
"""
from __future__ import annotations

import pandas as pd
from sqlalchemy.orm import Session

from lagesbild.config import PROJECT_ROOT, load_kommun
from lagesbild.geo import factors, omradestyp, priority, turnout
from lagesbild.geo.layers import layer
from lagesbild.importers import uso_layer
from lagesbild.importers.base import ParsedImport, apply_in, observation_frame, period_end
from lagesbild.importers.seed_real import SEED_ACTOR  # registers "verkliga data" …
from lagesbild.geo import seed as _geo_seed  # noqa: F401, I001  … then "områden", before this step
from lagesbild.geo.layers import has_layer
from lagesbild.store.seed import seed_step


def _frame(rows: list[dict]) -> pd.DataFrame:
    return observation_frame([{**r, "row": i + 2, "period_end": period_end(r["period"]), "status": "ok"}
                              for i, r in enumerate(rows)])


def scb_import() -> ParsedImport:
    """SCB shares per DeSO as given, and aggregated to RegSO, priority areas and the kommun."""
    kommun = load_kommun()
    deso = factors.load_deso()
    agg = factors.aggregate(deso, priority.load(), kommun.code)
    agg = agg[agg["value"].notna()]
    rows = [{"indicator_id": r.indicator_id, "area_code": r.area_code, "period": r.period, "value": r.value}
            for r in agg.itertuples(index=False)]
    rows += factors.deso_values(deso).to_dict("records")
    return ParsedImport(kind="scb_faktorer", source_id="scb_deso_socioekonomi", records=_frame(rows),
                        warnings=[f"{len(deso)} DeSO sammanvägda till {agg['area_code'].nunique()} områden."])


def omradestyp_import() -> ParsedImport:
    kommun = load_kommun()
    reg = layer("regso")
    t = omradestyp.types(factors.factor_file("omradestyp"), factors.factor_file("omradestyp_key"),
                         kommun.code, kommun.name, dict(zip(reg["code"], reg["name"])))
    ok = t[t["joined"]]
    rows = [{"indicator_id": omradestyp.INDICATOR, "area_code": r.code, "period": omradestyp.PERIOD, "value": float(r.typ)}
            for r in ok.itertuples(index=False)]
    return ParsedImport(kind="scb_omradestyp", source_id="scb_omradestyp", records=_frame(rows),
                        warnings=[f"{len(ok)} av {len(t)} RegSO kopplade på kod och namn."])


def uso_import() -> ParsedImport:
    return ParsedImport(kind="uso_andel", source_id="polisen_uso", records=uso_layer.in_force_rows())


def turnout_import() -> ParsedImport:
    kommun = load_kommun()
    vd = layer("valdistrikt")
    current = dict(zip(vd["code"], vd["name"]))
    rows, notes = [], []
    for year, read in (("2018", turnout.read_2018), ("2022", turnout.read_2022)):
        results = read(factors.factor_file(f"val_{year}"))
        matched, unmatched = turnout.match(results, current)
        rows += [{"indicator_id": turnout.INDICATOR, "area_code": r.code, "period": year, "value": float(r.turnout)}
                 for r in matched.itertuples(index=False)]
        rows.append({"indicator_id": turnout.INDICATOR, "area_code": kommun.code, "period": year,
                     "value": float(turnout.kommun_turnout(results))})
        notes.append(f"{year}: {len(matched)} valdistrikt matchade, {len(unmatched)} utan motsvarighet 2026.")
    return ParsedImport(kind="val_valdeltagande", source_id="valmyndigheten_val", records=_frame(rows), warnings=notes)


def _uso_file():
    k = load_kommun()
    return k.resolve(k.raw["geo_build"]["utsatta_omraden"])


# (build, the main raw file, whose name and checksum the batch records)
IMPORTS = ((scb_import, lambda: factors.factor_file("scb_deso")),
           (omradestyp_import, lambda: factors.factor_file("omradestyp")),
           (uso_import, _uso_file),
           (turnout_import, lambda: factors.factor_file("val_2022")))


# The builds whose figures include the priority areas, and those from the list of utsatta
# områden: run again when an admin edits the areas or imports a new list.
PRIORITY_DEPENDENT = (scb_import, uso_import)
USO_DEPENDENT = (uso_import,)


def _has_factors() -> bool:
    return "factors" in load_kommun().raw and has_layer("regso")  # else a kommun without SCB's area files


def _apply(s: Session, actor, builds) -> None:
    for build, path_of in IMPORTS:
        if build in builds:
            path = path_of()
            name = str(path.relative_to(PROJECT_ROOT)) if path.is_relative_to(PROJECT_ROOT) else path.name
            apply_in(s, actor, build(), name, path.read_bytes())


@seed_step("risk- och skyddsfaktorer")
def seed_factors(s: Session) -> None:
    if _has_factors():
        _apply(s, SEED_ACTOR, [build for build, _ in IMPORTS])


def recompute(s: Session, actor, builds) -> None:
    """Those figures again (PRIORITY_DEPENDENT or USO_DEPENDENT), after an admin's edit."""
    if _has_factors():
        _apply(s, actor, builds)
