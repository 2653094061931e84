"""Area risk and protective factors: SCB statistics per DeSO aggregated to RegSO, priority
areas and the kommun (pure functions, no streamlit).

A share is aggregated as Σ(share × own denominator) / Σ(own denominator), never as a plain
mean of the DeSO shares, and each field uses the denominator SCB's share is of (WEIGHTS).
Where the file does not carry that denominator directly it is derived from what it does
carry, and the definition in the indicator registry says how. A median cannot be
aggregated: `income_range` gives the range of the DeSO medians instead.

These are levels for one year, compared with the kommun; they are factors, not crime
measures, and not trends.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from lagesbild.config import load_kommun, settings

# Age bands of the file's `dist.age` (SCB TAB6574): 0–4, 5–9, …, 75–79, 80+.
AGE_BANDS = tuple(range(0, 85, 5))


@dataclass(frozen=True)
class Weight:
    id: str
    label_sv: str


WEIGHTS = {
    "pop": Weight("pop", "folkmängd 31 december 2025"),
    "pop_20_64": Weight("pop_20_64", "folkmängd 20–64 år 2025 (ur åldersfördelningen)"),
    "pop_25_64": Weight("pop_25_64", "folkmängd 25–64 år 2025 (ur åldersfördelningen)"),
    "labour_force": Weight("labour_force", "arbetskraften 20–64 år, härledd: sysselsatta (förvärvsfrekvens × folkmängd 20–64) "
                                           "delat med (1 − andel arbetslösa)"),
    "dwellings": Weight("dwellings", "antal bostäder med känd upplåtelseform (ur upplåtelseformsfördelningen)"),
}


@dataclass(frozen=True)
class Field:
    key: str  # the field in the file
    indicator_id: str  # data/registry/indicators.toml
    weight: str  # key of WEIGHTS


# The shares the app aggregates. Left out on purpose: `single` (a share of households; the
# file has no household counts), `income` and `capital_inc` (no matching denominator),
# `flats` (missing for 12 of 63 DeSO, so no area total would be complete), `growth`.
FIELDS: tuple[Field, ...] = (
    Field("low_econ", "scb_lag_ekonomisk_standard", "pop"),
    Field("unemp", "scb_arbetsloshet", "labour_force"),
    Field("employment", "scb_forvarvsfrekvens", "pop_20_64"),
    Field("higher_ed", "scb_eftergymnasial", "pop_25_64"),
    Field("renters", "scb_hyresratt", "dwellings"),
    Field("foreign", "scb_utlandsk_bakgrund", "pop"),
    Field("young", "scb_andel_20_34", "pop"),
)
MEDIAN_FIELD = "income_med"
MEDIAN_INDICATOR = "scb_inkomst_median_deso"


def factor_file(key: str, config: Path | None = None) -> Path:
    """A raw file named in the kommun configuration's [factors] table."""
    k = load_kommun(config or settings().kommun_config)
    return k.resolve(k.raw["factors"][key])


def strip_suffix(code: str) -> str:
    """"<code>_RegSO2025" → "<code>" (SCB's vintage suffix)."""
    return str(code).split("_", 1)[0].strip()


def _num(v) -> float:
    try:
        return float(v)
    except (TypeError, ValueError):
        return math.nan


def _year(area: dict, key: str) -> str | None:
    hist = area.get("hist") or {}
    years = sorted((hist.get(key) or {}).keys())
    return years[-1] if years else None


def _age_sum(area: dict, lo: int, hi: int) -> float:
    """Persons aged lo..hi (band starts), men and women."""
    age = (area.get("dist") or {}).get("age") or {}
    idx = [i for i, start in enumerate(AGE_BANDS) if lo <= start <= hi]
    try:
        return float(sum(age["m"][i] + age["f"][i] for i in idx))
    except (KeyError, IndexError, TypeError):
        return math.nan


def deso_frame(data: dict) -> pd.DataFrame:
    """One row per DeSO: code, regso, each field's value and year, and the weights."""
    rows = []
    for a in data.get("areas", []):
        r = {"deso": strip_suffix(a["code"]), "regso": strip_suffix(a["regso"]), "pop": _num(a.get("pop")),
             "pop_20_64": _age_sum(a, 20, 60), "pop_25_64": _age_sum(a, 25, 60)}
        tenure = (a.get("dist") or {}).get("tenure")
        r["dwellings"] = float(sum(tenure)) if tenure else math.nan
        for f in (*FIELDS, Field(MEDIAN_FIELD, MEDIAN_INDICATOR, "")):
            r[f.key] = _num(a.get(f.key))
            r[f"{f.key}_year"] = _year(a, f.key)
        # Labour force = employed / (1 − unemployed share); employed = employment rate × pop 20–64.
        employed = r["employment"] / 100 * r["pop_20_64"]
        r["labour_force"] = employed / (1 - r["unemp"] / 100) if r["unemp"] < 100 else math.nan
        rows.append(r)
    return pd.DataFrame(rows)


def load_deso(path: Path | None = None) -> pd.DataFrame:
    return _load_deso(path or factor_file("scb_deso"))


@lru_cache(maxsize=4)
def _load_deso(path: Path) -> pd.DataFrame:
    with open(path, encoding="utf-8") as fh:
        return deso_frame(json.load(fh))


def weighted_share(deso: pd.DataFrame, field: Field) -> float:
    """Σ(share × weight) / Σ weight over the rows; NaN when any row lacks either (a partial
    total would describe a different area)."""
    v, w = deso[field.key], deso[field.weight]
    if deso.empty or v.isna().any() or w.isna().any() or w.sum() <= 0:
        return math.nan
    return float((v * w).sum() / w.sum())


def groups(deso: pd.DataFrame, priority_areas, kommun_code: str) -> dict[str, pd.DataFrame]:
    """Area code → its DeSO rows: each RegSO, each priority area made of RegSO, the kommun."""
    out = {code: g for code, g in deso.groupby("regso")}
    for p in priority_areas:
        if p.layer == "regso":
            out[p.code] = deso[deso["regso"].isin(p.codes)]
    out[kommun_code] = deso
    return out


def aggregate(deso: pd.DataFrame, priority_areas, kommun_code: str) -> pd.DataFrame:
    """Rows area_code, level, indicator_id, field, period, value, weight, weight_total, n_deso."""
    rows = []
    for code, g in groups(deso, priority_areas, kommun_code).items():
        level = "kommun" if code == kommun_code else ("regso" if code in set(deso["regso"]) else "prioriterat")
        for f in FIELDS:
            years = g[f"{f.key}_year"].dropna().unique()
            rows.append({"area_code": code, "level": level, "indicator_id": f.indicator_id, "field": f.key,
                         "period": str(max(years)) if len(years) else None, "value": weighted_share(g, f),
                         "weight": f.weight, "weight_total": float(g[f.weight].sum()), "n_deso": len(g)})
    return pd.DataFrame(rows)


def deso_values(deso: pd.DataFrame) -> pd.DataFrame:
    """The DeSO's own figures (area_code, indicator_id, period, value), medians included."""
    rows = []
    for f in (*FIELDS, Field(MEDIAN_FIELD, MEDIAN_INDICATOR, "")):
        for r in deso.itertuples(index=False):
            value, year = getattr(r, f.key), getattr(r, f"{f.key}_year")
            if not math.isnan(value) and year:
                rows.append({"area_code": r.deso, "indicator_id": f.indicator_id, "period": str(year), "value": float(value)})
    return pd.DataFrame(rows)


def income_range(medians: dict[str, float], deso_codes) -> tuple[float, float, int] | None:
    """(lowest, highest, number of DeSO) of the DeSO medians: medians are never averaged."""
    vals = [medians[c] for c in deso_codes if c in medians and not math.isnan(medians[c])]
    return (min(vals), max(vals), len(vals)) if vals else None
