"""Polisen's utsatta områden in the kommun over time: a row per list year and a column per
area, each cell the classification with the confidence of the evidence behind it (only the 2025
list is an official file; earlier years rest on quoted texts, lagesbild.importers.uso_history)."""
from __future__ import annotations

import pandas as pd

from lagesbild.i18n import t
from lagesbild.importers.uso_history import uso_history
from lagesbild.registry.indicators import for_focus_area

USO_SOURCE = "polisen_uso"


def follows_uso(fid: str) -> bool:
    """Does the focus area follow Polisen's list (one of its indicators comes from it)?"""
    return any(i.source_id == USO_SOURCE for i in for_focus_area(fid))


def _names(picture) -> dict[str, str]:
    d = picture.table("districts")
    return dict(zip(d["code"], d["name"])) if not d.empty else {}


def _history(until: int | None) -> pd.DataFrame:
    """The lists up to the year `until` (a year's lägesbild document), or all."""
    hist = uso_history()
    return hist if until is None or hist.empty else hist[hist["year"].astype(int) <= until]


def overview(picture, lang: str = "sv", until: int | None = None) -> pd.DataFrame:
    """Year | one column per area (named by its priority area where it lies in one); a cell is
    "classification (confidence)" or "–" when the area is not on that year's list."""
    hist = _history(until)
    if hist.empty:
        return pd.DataFrame()
    names = _names(picture)
    area = hist["area_code"].map(lambda c: names.get(c)).fillna(hist["area"])
    cell = hist["classification"] + " (" + t("uso.confidence", lang) + " " + hist["confidence"].map(
        lambda c: t(f"uso.confidence.{c}", lang)) + ")"
    wide = (pd.DataFrame({"area": area, "year": hist["year"].astype(str), "cell": cell})
            .pivot_table(index="year", columns="area", values="cell", aggfunc="first").fillna("–"))
    wide.columns.name = None
    wide.index.name = t("uso.col.year", lang)
    return wide.reset_index()


def newest_list(picture, until: int | None = None) -> tuple[str, list[str]] | None:
    """(year, the areas on the newest list by the list's own names, with the priority area
    they lie in where the name does not say it), or None without a history."""
    hist = _history(until)
    if hist.empty:
        return None
    year = hist["year"].max()
    names = _names(picture)
    out = []
    for r in hist[hist["year"] == year].itertuples():
        prio = names.get(r.area_code)
        out.append(r.area if not prio or prio in r.area else f"{r.area} ({prio})")
    return str(year), out
