"""Polisen's list of utsatta områden over time, from the evidence file (not the store).

Only the 2025 list exists as an official file; earlier years rest on quoted texts, each row
with a confidence flag. The file is versioned with the app, so a frozen meeting shows the
same history. Shown on Karta and Områden with the confidence next to every row.
"""
from __future__ import annotations

import csv
import re

import pandas as pd

from lagesbild import overrides
from lagesbild.config import load_kommun
from lagesbild.importers.places import place, places_in_text

SOURCE_ID = "uso_historik"
CONFIDENCE_SV = {"HIGH": "hög", "MEDIUM": "medel", "LOW": "låg"}
# The evidence file annotates some classifications in English; shown in Swedish.
NOTES_SV = {"(probable)": "(trolig)", "(new)": "(ny)", "(implied)": "(härledd ur senare rapporter)"}
COLUMNS = ["year", "area", "area_code", "classification", "classification_source", "confidence", "confidence_note", "source", "basis", "assessment"]


def _prio(area: str) -> str | None:
    """The priority area all places in the name belong to ("Grantorp/Visättra (Flemingsberg)")."""
    prios = {place(p).prio for p in places_in_text(area)}
    return prios.pop() if len(prios) == 1 else None


def _sv(text: str) -> str:
    for en, sv in NOTES_SV.items():
        text = text.replace(en, sv)
    return text


def _load() -> pd.DataFrame:
    return _with_list_in_force(_load_from(load_kommun().optional_path("uso_history")))


def _with_list_in_force(hist: pd.DataFrame) -> pd.DataFrame:
    """The evidence file, and the official list in force for its year where the file has no
    row of that year (a list an admin imported after the file was written)."""
    from lagesbild.geo.layers import layer, list_year
    from lagesbild.registry.sources import source

    uso, year = layer("utsatta_omraden"), int(list_year())
    if uso.empty or (hist["year"] == year).any():
        return hist
    rows = [{"year": year, "area": name, "area_code": _prio(name), "classification": kategori,
             "classification_source": kategori, "confidence": CONFIDENCE_SV["HIGH"],
             "confidence_note": "Polisens officiella fil", "source": source("polisen_uso").url,
             "basis": f"Polisens lista {year}, inläst i appen", "assessment": str(year)}
            for name, kategori in zip(uso["name"], uso["kategori"])]
    return pd.concat([hist, pd.DataFrame(rows, columns=COLUMNS)], ignore_index=True).sort_values(["year", "area"]).reset_index(drop=True)


@overrides.cached(2)
def _load_from(path) -> pd.DataFrame:  # the kommun's own evidence file, if it has one
    if path is None:
        return pd.DataFrame(columns=COLUMNS)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for r in rows:
        word = re.match(r"[A-Z]+", r["confidence"].strip())
        level = word.group(0) if word else ""
        out.append({
            "year": int(r["assessment"][:4]), "area": r["area"].strip(), "area_code": _prio(r["area"]),
            "classification": _sv(r["classification"].strip()), "classification_source": r["classification"].strip(), "confidence": CONFIDENCE_SV.get(level, "okänd"),
            "confidence_note": r["confidence"].strip(), "source": r["source_url"].strip(),
            "basis": r["quote_or_basis"].strip(), "assessment": r["assessment"].strip(),
        })
    return pd.DataFrame(out, columns=COLUMNS).sort_values(["year", "area"]).reset_index(drop=True)


def uso_history() -> pd.DataFrame:
    """year, area, area_code (priority area or None), classification (Swedish),
    classification_source (as in the file), confidence (hög |
    medel | låg), confidence_note, source (address), basis (quote), assessment. A copy."""
    return _load().copy()
