"""Turnout in the riksdag elections per valdistrikt, matched to today's valdistrikt (pure).

Turnout is a recognised proxy for social cohesion, never a safety measure. Party results
are in the same files and are deliberately not read.

Match rule (no official crosswalk exists): an old district is given to a current district
only when the codes are equal AND the normalised names are equal. Normalising: case
folded, spaces collapsed, and a one-letter last word expanded as Valmyndigheten abbreviates
it (c = centrum, n = norra, s = södra, ö = östra, v = västra), so "X c" = "X centrum".
2018 codes are the kommun code (län + kommun) + the district number, four digits.
Rows without röstberättigade (early votes not split by district, a collection district)
count only in the kommun total.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

INDICATOR = "val_valdeltagande_riksdag"
ABBREVIATIONS = {"c": "centrum", "n": "norra", "s": "södra", "ö": "östra", "v": "västra"}


def normalise(name: str) -> str:
    words = re.sub(r"\s+", " ", str(name)).strip().casefold().split(" ")
    if words and words[-1] in ABBREVIATIONS:
        words[-1] = ABBREVIATIONS[words[-1]]
    return " ".join(words)


def _int(v) -> int:
    v = str(v).strip()
    return int(float(v)) if v else 0


def _rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))


def read_2022(path: Path) -> pd.DataFrame:
    """Valmyndigheten RI_tab4 2022 → code, name, eligible, voted."""
    return pd.DataFrame([{"code": r["Valdistriktskod"].strip(), "name": r["Valdistriktsnamn"].strip(),
                          "eligible": _int(r["Antal röstberättigade"]), "voted": _int(r["Antal röstande"])}
                         for r in _rows(path)])


def read_2018(path: Path) -> pd.DataFrame:
    """Valmyndigheten 2018 "R antal" → code (län + kommun + 4-digit district), name, eligible, voted."""
    out = []
    for r in _rows(path):
        kommun = f"{_int(r['LÄNSKOD']):02d}{_int(r['KOMMUNKOD']):02d}"
        out.append({"code": f"{kommun}{_int(r['VALDISTRIKTSKOD']):04d}", "name": r["VALDISTRIKTSNAMN"].strip(),
                    "eligible": _int(r["RÖSTBERÄTTIGADE"]), "voted": _int(r["RÖSTANDE"])})
    return pd.DataFrame(out)


def match(results: pd.DataFrame, current: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(matched, unmatched). matched: code (current), name, turnout (per cent), eligible, voted.
    unmatched: code, name, reason — every district row with voters that was not matched."""
    matched, unmatched = [], []
    norm_current = {c: normalise(n) for c, n in current.items()}
    for r in results.itertuples(index=False):
        if r.eligible <= 0:
            continue  # not a district: counted in the kommun total only
        if r.code not in current:
            unmatched.append({"code": r.code, "name": r.name, "reason": "koden finns inte 2026"})
        elif normalise(r.name) != norm_current[r.code]:
            unmatched.append({"code": r.code, "name": r.name,
                              "reason": f"annat namn 2026 ({current[r.code]})"})
        else:
            matched.append({"code": r.code, "name": current[r.code], "turnout": 100 * r.voted / r.eligible,
                            "eligible": r.eligible, "voted": r.voted})
    return (pd.DataFrame(matched, columns=["code", "name", "turnout", "eligible", "voted"]),
            pd.DataFrame(unmatched, columns=["code", "name", "reason"]))


def kommun_turnout(results: pd.DataFrame) -> float:
    """All votes (including those not split by district) over all eligible voters, per cent."""
    return 100 * results["voted"].sum() / results["eligible"].sum()


def unsplit_votes(results: pd.DataFrame) -> int:
    """Votes in rows without eligible voters (early votes or a collection district)."""
    return int(results.loc[results["eligible"] <= 0, "voted"].sum())
