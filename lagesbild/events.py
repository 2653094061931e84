"""Counting Polisen's published events for maps and charts.

These are press notices ("publicerade händelser"): a count says how many notices Polisen
published, never how much crime there was. Areas come only from place names in the text
(lagesbild.importers.places); an event whose text names no known place is counted under
"Område framgår inte".
"""
from __future__ import annotations

import pandas as pd

from lagesbild.importers.places import place

NO_AREA_SV = "Område framgår inte"
LEVELS = ("place", "regso", "prio", "kommun")
COLUMNS = ["month", "type", "area", "events"]


def area_of(district: str | None, level: str) -> str | None:
    """The area an event counts under at `level`: the place name itself, its one RegSO, or
    its priority area. None when the text gives no such area (never a guess)."""
    if level == "kommun":
        return "kommun"
    p = place(district)
    if p is None:
        return None
    if level == "place":
        return p.name
    if level == "regso":
        return p.single_regso
    if level == "prio":
        return p.prio
    raise ValueError(level)


def monthly_counts(events: pd.DataFrame, *, level: str = "place", types: list[str] | None = None) -> pd.DataFrame:
    """Published events per month (ÅÅÅÅ-MM) × type × area. `level`: place | regso | prio | kommun."""
    if level not in LEVELS:
        raise ValueError(level)
    if events.empty:
        return pd.DataFrame(columns=COLUMNS)
    df = events if types is None else events[events["type"].isin(types)]
    months = pd.to_datetime(df["occurred_at"]).dt.strftime("%Y-%m")
    areas = df["district"].map(lambda d: area_of(d, level)).fillna(NO_AREA_SV)
    out = (pd.DataFrame({"month": months, "type": df["type"], "area": areas})
           .groupby(["month", "type", "area"]).size().rename("events").reset_index())
    return out.sort_values(["month", "type", "area"]).reset_index(drop=True)
