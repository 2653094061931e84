"""SCB's socio-economic area type (områdestyp 1–5, 1 = largest challenges) per RegSO, and the
population-weighted mix of types for an area made of several RegSO (pure functions).

The type file names RegSO 2020 as "Kommun (RegSO-namn)" without codes; SCB's key DeSO 2018 →
RegSO 2020 gives the codes. A code is used only when the 2020 name also equals the RegSO
2025 name of the same code in the map layer, so a re-cut area is never given an old type.
"""
from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path

import pandas as pd

INDICATOR = "scb_omradestyp"
PERIOD = "2022"  # the column header of the source ("2022 (enligt källan)", see SOURCES.md)
_NAMED = re.compile(r"^(?P<kommun>.+?) \((?P<name>.+)\)$")


def _rows(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def name_key(path: Path, kommun_code: str) -> dict[str, str]:
    """RegSO 2020 name → RegSO code, from SCB's DeSO 2018 → RegSO 2020 key."""
    rows = _rows(path)
    head = rows[0]
    k, n, c = head.index("Kommun"), head.index("RegSO_2020"), head.index("RegSOkod_2020")
    return {r[n].strip(): r[c].strip() for r in rows[1:] if r and r[k].strip() == kommun_code}


def types(type_file: Path, key_file: Path, kommun_code: str, kommun_name: str,
          regso_names: dict[str, str]) -> pd.DataFrame:
    """One row per RegSO of the kommun in the type file: code, name_2020, name_2025, typ,
    joined (code found and the names agree)."""
    key = name_key(key_file, kommun_code)
    rows = []
    for r in _rows(type_file)[1:]:
        m = _NAMED.match(r[0].strip()) if r else None
        if not m or m["kommun"] != kommun_name:
            continue
        name = m["name"].strip()
        code = key.get(name)
        now = regso_names.get(code) if code else None
        rows.append({"code": code, "name_2020": name, "name_2025": now, "typ": int(r[1]),
                     "joined": bool(code) and now is not None and now.casefold() == name.casefold()})
    return pd.DataFrame(rows, columns=["code", "name_2020", "name_2025", "typ", "joined"])


def mix(type_by_code: dict[str, float], population: dict[str, float], parts) -> dict[int, float] | None:
    """Share of the area's population (0–1) living in RegSO of each type, or None when a
    part has no type or no population (a partial mix would misdescribe the area)."""
    total: dict[int, float] = {}
    for p in parts:
        t, pop = type_by_code.get(p), population.get(p)
        if t is None or pop is None or (isinstance(t, float) and math.isnan(t)) or math.isnan(pop):
            return None
        total[int(t)] = total.get(int(t), 0.0) + pop
    whole = sum(total.values())
    return {t: v / whole for t, v in sorted(total.items())} if whole > 0 else None
