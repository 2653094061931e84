"""Polisen's published events per area, by the place their text names (never as points).

An event's `district` is the place name found in its text (lagesbild.importers.places);
data/place_names.toml says which RegSO the place lies in. An event counts for an area when
its place lies wholly inside the area. When a place straddles the area's border (a place
spanning three RegSO, seen from one of them), the events of that period cannot be split
honestly, so the area gets no figure ("Uppgift saknas") rather than an undercount.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from lagesbild import privacy
from lagesbild.geo import areas as areas_mod
from lagesbild.geo.layers import main_layer
from lagesbild.registry.indicators import notice_counts


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


def unplaced_share(picture, period: str | None, n: int | None = None) -> tuple[int, int] | None:
    """(the kommun's notices in the period, the share in % that names no place matching whole
    areas), or None without notices. The share is rounded coarsely enough that share × total
    cannot give the exact number of placed notices (which would add up the areas' hidden
    cells): the step is at least 5 points and at least the suppression limit's share."""
    n = privacy.threshold() if n is None else n
    ev = in_period(picture.table("police_events"), period)
    if ev.empty:
        return None
    placed = place_parts(ev["district"])
    unplaced = sum(1 for regso, prio in placed if not regso and prio is None)
    total = len(ev)
    step = max(5, 5 * math.ceil(100 * n / total / 5))
    return total, int(step * round(100 * unplaced / total / step))


def data_tom(picture, period: str | None) -> date | None:
    events = in_period(picture.table("police_events"), period)
    if events.empty:
        return None
    newest = pd.to_datetime(events["occurred_at"], errors="coerce").max()
    return None if pd.isna(newest) else newest.date()


def occurred(picture) -> pd.Series:
    """When each notice occurred (datetimes, NaT if unreadable), parsed once per picture:
    a page asks for the years and the newest date many times a run (Karta's period list)."""
    from lagesbild.queries.indicators import memo

    def parse() -> pd.Series:
        ev = picture.table("police_events")
        return pd.to_datetime(ev["occurred_at"] if "occurred_at" in ev else pd.Series([], dtype=object),
                              errors="coerce")

    return memo(picture, ("occurred_at",), parse)


def newest(picture) -> date | None:
    """The date of the newest notice (data t.o.m.)."""
    when = occurred(picture).max()
    return None if pd.isna(when) else when.date()


def complete_year(picture) -> str | None:
    """The newest calendar year the event data covers to its end (a part year would mislead)."""
    when = occurred(picture).dropna()
    if when.empty:
        return None
    newest = when.max()
    year = newest.year if (newest.month, newest.day) >= (12, 1) else newest.year - 1
    return str(year) if (when.dt.year == year).any() else None


# --- the one protected table of the police-notice family ------------------------------------

OTHER = "__ovriga__"  # the type row that gathers the less frequent types
TOP_TYPES = 5


@dataclass
class NoticeTable:
    """Published notices per area and year, per area in all and per type, and the kommun
    per year: protected once (primary and secondary suppression over every sum relation
    between them), so every view that shows a notice figure reads the same safe numbers.

    A value is NaN when hidden (``..``, in `hidden`) or unknown (a place straddles the
    area's border, or the area's level cannot be placed at all)."""

    years: tuple[str, ...] = ()
    partial: frozenset[str] = frozenset()
    cells: dict[tuple, float] = field(default_factory=dict)
    hidden: frozenset[tuple] = frozenset()
    types: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def value(self, key: tuple) -> float:
        return self.cells.get(key, math.nan)

    def count(self, code: str, year: str) -> float:
        return self.value(("Y", code, str(year)))

    def total(self, code: str) -> float:
        return self.value(("T", code))

    def is_hidden(self, key: tuple) -> bool:
        return key in self.hidden

    def counts(self, year: str | None, codes) -> tuple[dict[str, float], set[str]]:
        """Area code → shown count in the year (NaN hidden/unknown), and the hidden codes."""
        year = str(year)
        return ({c: self.count(c, year) for c in codes},
                {c for c in codes if ("Y", c, year) in self.hidden})

    def kommun_counts(self, indicator_id: str) -> list[tuple[str, float, bool]]:
        """(year, shown count or NaN, hidden) of a notice-count indicator, oldest first."""
        return [(y, self.value(("N", indicator_id, y)), ("N", indicator_id, y) in self.hidden) for y in self.years]

    def kommun_total(self, indicator_id: str) -> tuple[float, bool]:
        key = ("NT", indicator_id)
        return self.value(key), key in self.hidden

    def placeable(self, code: str) -> bool:
        """Notices can be counted for the area's level (not for valdistrikt: texts name
        places, and a place is never matched to an election district)."""
        return ("T", code) in self.cells


def partial_years(picture) -> frozenset[str]:
    """Years the notices do not cover from January to December: the first year when the
    first notice comes after January, the newest year unless it reaches December."""
    when = occurred(picture).dropna()
    if when.empty:
        return frozenset()
    first, last = when.min(), when.max()
    out = set()
    if first.month > 1:
        out.add(str(first.year))
    full = complete_year(picture)
    if full is None or str(last.year) != full:
        out.add(str(last.year))
    return frozenset(out)


_CACHE: list[tuple[object, object, int, NoticeTable]] = []
_BUILDING = threading.Lock()


def protected(picture, n: int | None = None) -> NoticeTable:
    """The police-notice family, protected once (cached per events table)."""
    n = privacy.threshold() if n is None else n
    if getattr(picture, "cut_of", None) is not None:
        return _cut(protected(picture.cut_of, n), str(picture.cut_end.year))
    ev = picture.table("police_events")
    cat = areas_mod.catalogue()
    table = _cached(ev, cat, n)
    if table is None:
        with _BUILDING:  # sessions opening the same page after an import build it once
            table = _cached(ev, cat, n)
            if table is None:
                table = _build(picture, ev, cat, n)
                _CACHE.insert(0, (ev, cat, n, table))
                del _CACHE[4:]
    return table


def _cached(ev, cat, n) -> NoticeTable | None:
    for ev_ref, cat_ref, n_ref, table in list(_CACHE):
        if ev_ref is ev and cat_ref is cat and n_ref == n:
            return table
    return None


def _cut(whole: NoticeTable, last_year: str) -> NoticeTable:
    """The pages' protected table for the years up to `last_year` (a year's document): the
    years' cells exactly as the pages show them; the totals over all years (an area's, a
    type's, "sedan 2022") hidden when later years exist, since the pages show the totals
    with those years in them and the difference would be the later years' sum."""
    years = tuple(y for y in whole.years if y <= last_year)
    if years == whole.years:
        return whole
    cells, hidden = {}, set()
    for key, value in whole.cells.items():
        year = key[2] if key[0] in ("Y", "N") else None
        if year is not None:
            if year <= last_year:
                cells[key] = value
                if key in whole.hidden:
                    hidden.add(key)
            continue
        cells[key] = math.nan  # a total (T, NT, typ): over years the cut leaves out
        hidden.add(key)
    return NoticeTable(years, frozenset(y for y in whole.partial if y in years), cells, frozenset(hidden), dict(whole.types))


def _build(picture, ev: pd.DataFrame, cat: pd.DataFrame, n: int) -> NoticeTable:
    if ev.empty:
        return NoticeTable()
    from lagesbild.config import load_kommun

    when = pd.to_datetime(ev["occurred_at"], errors="coerce")
    year_of = when.dt.year.astype("Int64").astype(str).to_numpy()
    years = tuple(sorted({y for y in year_of if y and y != "<NA>"}))
    placed = place_parts(ev["district"])
    kommun = load_kommun().code
    main = main_layer()  # RegSO, or valdistrikt in a kommun without RegSO
    codes = list(cat.index[cat["level"].isin([main, areas_mod.PRIORITY_LEVEL])])
    raw: dict[tuple, float] = {}
    types: dict[str, tuple[str, ...]] = {}
    type_of = ev["type"].to_numpy()
    by_year: dict[str, list] = {y: [] for y in years}  # once, not once per area and year
    for p, yy in zip(placed, year_of):
        if yy in by_year:
            by_year[yy].append(p)
    for code in codes:
        parts = tuple(cat.loc[code, "parts"])
        for y in years:
            raw[("Y", code, y)] = count_for(parts, code, by_year[y])
        total = sum(raw[("Y", code, y)] for y in years)
        raw[("T", code)] = total
        if math.isnan(total) or total == 0:
            continue
        inside = set(parts)
        hit = pd.Series([t for t, (r, pr) in zip(type_of, placed) if (r and r <= inside) or (not r and pr == code)])
        per_type = hit.value_counts()
        # The top types by count, then alphabetically: the order must not rank hidden cells.
        top = sorted(per_type.index[:TOP_TYPES]) if len(per_type) > TOP_TYPES + 1 else sorted(per_type.index)
        rows = list(top)
        for t in top:
            raw[("typ", code, t)] = float(per_type[t])
        if len(per_type) > len(top):
            rows.append(OTHER)
            raw[("typ", code, OTHER)] = float(per_type.drop(top).sum())
        types[code] = tuple(rows)
    for y in years:
        raw[("Y", kommun, y)] = float((year_of == y).sum())
    counted = [(ind.id, np.isin(type_of, ind.notice_types)) for ind in notice_counts()]
    for iid, hit in counted:  # the kommun's notices of chosen types per year (e.g. shootings)
        for y in years:
            raw[("N", iid, y)] = float((hit & (year_of == y)).sum())
        raw[("NT", iid)] = float(hit.sum())
    keys = list(raw)
    idx = {k: i for i, k in enumerate(keys)}
    groups = []
    for code in codes:
        groups.append(privacy.Group(idx[("T", code)], [idx[("Y", code, y)] for y in years], True, "år"))
        if code in types:
            groups.append(privacy.Group(idx[("T", code)], [idx[("typ", code, t)] for t in types[code]], True, "typ"))
    regso = [c for c in codes if cat.loc[c, "level"] == main]
    for code in codes:
        if cat.loc[code, "level"] != areas_mod.PRIORITY_LEVEL:
            continue
        # A priority area holds its districts' notices and those naming only the priority area.
        parts = [c for c in cat.loc[code, "parts"] if c in regso]
        for y in years:
            groups.append(privacy.Group(idx[("Y", code, y)], [idx[("Y", c, y)] for c in parts], False, "prio"))
        groups.append(privacy.Group(idx[("T", code)], [idx[("T", c)] for c in parts], False, "prio"))
    for y in years:
        groups.append(privacy.Group(idx[("Y", kommun, y)], [idx[("Y", c, y)] for c in regso], False, "kommun"))
    for iid, _hit in counted:
        groups.append(privacy.Group(idx[("NT", iid)], [idx[("N", iid, y)] for y in years], True, "år"))
    values = np.array([raw[k] for k in keys], dtype=float)
    reason = np.where((values > 0) & (values < n), privacy.PRIMARY, "").astype(object)
    privacy.suppress_secondary(groups, values, reason, n)
    hidden = frozenset(k for k, r in zip(keys, reason) if r)
    cells = {k: (math.nan if k in hidden else v) for k, v in raw.items()}
    return NoticeTable(years=years, partial=partial_years(picture), cells=cells, hidden=hidden, types=types)
