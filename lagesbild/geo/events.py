"""Polisen's published events per area, by the place their text names (never as points).

An event's `district` is the place name found in its text (lagesbild.importers.places);
data/place_names.toml says which RegSO the place lies in. An event counts for an area when
its place lies wholly inside the area. When a place straddles the area's border (a place
spanning three RegSO, seen from one of them), the events of that period cannot be split
honestly, so the area gets no figure ("Uppgift saknas") rather than an undercount.
"""
from __future__ import annotations

import math
from datetime import date

import pandas as pd

from lagesbild.geo import areas as areas_mod


def _places():
    from lagesbild.importers.places import places

    return places()


def in_period(events: pd.DataFrame, period: str | None) -> pd.DataFrame:
    if events.empty or not period:
        return events.iloc[0:0] if not period else events
    when = pd.to_datetime(events["occurred_at"], errors="coerce")
    return events[when.dt.strftime("%Y-%m-%d").str.startswith(str(period))]


def place_parts(place_names: pd.Series) -> list[tuple[frozenset[str], str | None]]:
    """(RegSO codes, priority-area code) per place name; empty set for unknown/unplaced."""
    table = _places()
    out = []
    for name in place_names:
        p = table.get(name) if isinstance(name, str) else None
        if p is None:
            out.append((frozenset(), None))
        else:
            out.append((frozenset() if p.ambiguous else frozenset(p.regso), p.prio))
    return out


def count_for(parts: tuple[str, ...], code: str, placed: list[tuple[frozenset[str], str | None]]) -> float:
    """Events wholly inside the area; NaN when some event's place straddles its border."""
    inside = set(parts)
    n = 0
    for regso, prio in placed:
        if regso and regso <= inside:
            n += 1
        elif regso and regso & inside:
            return math.nan
        elif not regso and prio is not None and prio == code:
            n += 1
    return float(n)


def counts_by_area(picture, period: str | None, codes: list[str]) -> dict[str, float]:
    """Area code → number of published events in the period (NaN where not attributable)."""
    events = in_period(picture.table("police_events"), period)
    placed = place_parts(events["district"]) if not events.empty else []
    cat = areas_mod.catalogue()
    out = {}
    for code in codes:
        if code not in cat.index:
            continue
        parts = tuple(cat.loc[code, "parts"])
        out[code] = count_for(parts, code, placed)
    return out


def data_tom(picture, period: str | None) -> date | None:
    events = in_period(picture.table("police_events"), period)
    if events.empty:
        return None
    newest = pd.to_datetime(events["occurred_at"], errors="coerce").max()
    return None if pd.isna(newest) else newest.date()


def mentioning(picture, code: str) -> pd.DataFrame:
    """The events whose place lies in the area (for a profile): year, type, count."""
    events = picture.table("police_events")
    if events.empty:
        return pd.DataFrame(columns=["year", "type", "count"])
    cat = areas_mod.catalogue()
    inside = set(cat.loc[code, "parts"]) if code in cat.index else {code}
    placed = place_parts(events["district"])
    mask = [bool(r) and r <= inside or (not r and p == code) for r, p in placed]
    hit = events[mask]
    if hit.empty:
        return pd.DataFrame(columns=["year", "type", "count"])
    years = pd.to_datetime(hit["occurred_at"], errors="coerce").dt.year
    return (hit.assign(year=years).groupby(["year", "type"]).size().rename("count").reset_index()
            .sort_values(["year", "count"], ascending=[False, False]).reset_index(drop=True))


def complete_year(picture) -> str | None:
    """The newest calendar year the event data covers to its end (a part year would mislead)."""
    ev = picture.table("police_events")
    if ev.empty:
        return None
    when = pd.to_datetime(ev["occurred_at"], errors="coerce").dropna()
    newest = when.max()
    year = newest.year if (newest.month, newest.day) >= (12, 1) else newest.year - 1
    return str(year) if (when.dt.year == year).any() else None
