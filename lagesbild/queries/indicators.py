"""Indicators as the pages see them: pure functions over a Picture (live or a meeting's
snapshot). Every value returned here has been through `lagesbild.privacy.protect`.

- `series`: an indicator for one area over time (small counts hidden, preliminary marked);
- `latest` and `change`: the newest value, and the same period a year earlier with % change;
- `rate_series`: a count per 100 000 (kommun) or 1 000 (smaller areas) inhabitants, only
  where a population for the same area and year exists — never for published police
  events, and never where the source already publishes its own rate;
- `data_tom` and `freshness_warning`: "data t.o.m." and the warning when data is old.
"""
from __future__ import annotations

import functools
import hashlib
import math
import re
import threading
import tomllib
import weakref
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from lagesbild import overrides
from lagesbild import fmt, privacy
from lagesbild.dates import as_date
from lagesbild.domain import DataType
from lagesbild.i18n import t
from lagesbild.registry.indicators import Indicator, indicator, indicators
from lagesbild.registry.sources import source

SERIES_COLUMNS = ["period", "period_end", "value", "status", "suppressed", "preliminary"]
# Months from the end of a period until the publisher normally has the next figure out,
# on top of its update cycle (annual statistics come out some months after the year).
PUBLISHING_LAG_MONTHS = {"ar": 6, "kvartal": 3, "manad": 1, "engang": 6}


# --- areas and populations ---------------------------------------------------------------


def kommun_code() -> str:
    from lagesbild.config import load_kommun

    return load_kommun().code


def compositions() -> dict[str, tuple[str, ...]]:
    """Priority area → its member districts (data/priority_areas.toml, read without geo)."""
    from lagesbild.config import load_kommun

    try:
        return dict(_compositions(load_kommun().path("priority_areas")))
    except KeyError:
        return {}


@overrides.cached(4)
def _compositions(path) -> tuple:
    # Read once per file in force (an admin's edit puts another in force, lagesbild.overrides).
    try:
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return ()
    return tuple((str(a["code"]), tuple(str(c) for c in a.get("codes", []))) for a in raw.get("area", []) if a.get("code"))


def populations(picture) -> dict[tuple[str, int], float]:
    """(area, year) → population: SCB per area, Kolada for the kommun, and for the kommun and
    priority areas the sum of their RegSO where every part is known."""
    cache = _cache(picture)
    if "__populations__" not in cache:
        cache["__populations__"] = _populations(picture)
    return cache["__populations__"]


def _populations(picture) -> dict[tuple[str, int], float]:
    obs = picture.table("observations")
    pops = privacy.population_lookup(obs)
    regso = {(a, y): v for (a, y), v in pops.items() if re.fullmatch(r"\d{4}R\d{3}", a)}
    years = {y for _a, y in regso}
    kommun = kommun_code()
    districts = picture.table("districts")
    all_regso = set(districts.loc[districts["level"] == "regso", "code"]) if not districts.empty else set()
    for y in years:
        have = {a for a, yy in regso if yy == y}
        if all_regso and have >= all_regso:
            pops.setdefault((kommun, y), sum(regso[(a, y)] for a in all_regso))
        for prio, members in compositions().items():
            if members and all((m, y) in pops for m in members):
                pops.setdefault((prio, y), sum(pops[(m, y)] for m in members))
    return pops


# --- protection, once per picture and indicator family -----------------------------------

_CACHE: dict[int, dict] = {}
_LOCKS: dict[int, dict] = {}  # (picture, key) → the lock its first builder holds
_GUARD = threading.Lock()


_MISSING = object()


def memo(picture, key, build, *, most: int | None = None):
    """`build()` once per Picture and key: a rerun of the same page (a filter changed, a
    form opened) reuses figures built from the same data. A new Picture starts afresh.

    Once, also across sessions: when a meeting room opens the same page after an import,
    the first session builds and the others wait for its result instead of building the
    same figures side by side on the same two cores.

    `most` bounds the entries of one kind (the key's first item) for results that are large
    and many (a map per measure, period and language): the oldest of that kind goes first."""
    cache = _cache(picture)
    found = cache.get(key, _MISSING)
    if found is not _MISSING:
        return found
    with _building(picture, key):
        found = cache.get(key, _MISSING)
        if found is _MISSING:
            found = cache[key] = build()
            if most is not None:
                same = [k for k in list(cache) if isinstance(k, tuple) and k[:1] == key[:1]]
                for old in same[:-most]:
                    cache.pop(old, None)
    return found


def _cache(picture) -> dict:
    key = id(picture)
    if key not in _CACHE:
        with _GUARD:
            if key not in _CACHE:
                _CACHE[key] = {}
                _LOCKS[key] = {}
                weakref.finalize(picture, _forget, key)
    return _CACHE[key]


def _forget(key: int) -> None:
    _CACHE.pop(key, None)
    _LOCKS.pop(key, None)


def _building(picture, key) -> threading.Lock:
    """The lock of one (picture, key). One lock per key, not per picture, so building one
    figure may ask for another without two sessions ever waiting on each other in a circle."""
    _cache(picture)
    locks = _LOCKS[id(picture)]
    with _GUARD:
        return locks.setdefault(key, threading.Lock())


def family(indicator_id: str) -> set[str]:
    """An indicator with the counts and rates linked to it by `count_of`."""
    reg = indicators()
    ids = {indicator_id}
    ind = reg.get(indicator_id)
    if ind and ind.count_of:
        ids.add(ind.count_of)
    base = ind.count_of if ind and ind.count_of else indicator_id
    ids |= {i.id for i in reg.values() if i.count_of == base}
    return ids


def protected(picture, indicator_id: str) -> pd.DataFrame:
    """All observations of the indicator, protected together with its family (all areas,
    periods and genders, so no sum across them reveals a hidden cell)."""
    cache = _cache(picture)
    if indicator_id in cache:
        return cache[indicator_id]
    if getattr(picture, "cut_of", None) is not None:  # a year's picture hides what its parent hides
        whole = protected(picture.cut_of, indicator_id)
        cache[indicator_id] = whole[whole["period_end"].map(lambda d: d is not None and d <= picture.cut_end)
                                    ].reset_index(drop=True) if not whole.empty else whole
        return cache[indicator_id]
    fam = family(indicator_id)
    with _building(picture, ("protected", frozenset(fam))):
        if indicator_id not in cache:
            _protect_family(picture, fam, cache)
    return cache[indicator_id]


def _protect_family(picture, fam: set[str], cache: dict) -> None:
    obs = picture.table("observations")
    # The rows of each indicator, found once per picture: a boolean test of the whole table for
    # every family cost ~25 ms each at 460 800 rows, and a page's first view asks for dozens.
    by_indicator = memo(picture, ("observation_rows",), lambda: obs.groupby("indicator_id", sort=False).indices)
    found = [by_indicator[i] for i in fam if i in by_indicator]
    rows = obs.iloc[np.sort(np.concatenate(found))] if found else obs.iloc[0:0]
    if rows.empty:
        out = pd.DataFrame(columns=[*obs.columns, "suppressed", "suppression", "preliminary"])
    else:
        out = _protected_rows(picture, fam, rows)
    for iid in fam:
        cache[iid] = out[out["indicator_id"] == iid].reset_index(drop=True)


# Protected figures by the digest of their inputs: while any picture holds one, a new version
# whose write did not touch those rows shares it instead of protecting them again.
_KNOWN: "weakref.WeakValueDictionary[str, pd.DataFrame]" = weakref.WeakValueDictionary()


def _protected_rows(picture, fam: set[str], rows: pd.DataFrame) -> pd.DataFrame:
    """The family's rows protected (with its count for a rate, its rate for a count)."""

    def compute() -> pd.DataFrame:
        out = privacy.protect(rows, districts=picture.table("districts"), compositions=compositions(),
                              population=populations(picture))
        out["period_end"] = out["period_end"].map(as_date)  # once here, not in every view
        return out

    pops = memo(picture, ("populations_digest",), lambda: _digest(sorted(populations(picture).items())))
    return protect_once(picture, rows, (pops, sorted((i, privacy.facts(i)) for i in fam)), compute, keep=True)


def protect_once(picture, rows: pd.DataFrame, inputs, compute, *, keep: bool = False) -> pd.DataFrame:
    """`compute()` (the protection of `rows`), or the same result made earlier from the same
    inputs: shared from an earlier version still in memory, or read from the frame cache
    (`keep`: saved there for the next start). `inputs` names what else the result depends on;
    the rows, the districts, the priority areas' parts, the limit, the kommun and the code
    that protects always count (so a changed rule never reads an old result)."""
    from lagesbild import picture_cache

    d = hashlib.blake2b(digest_size=20)
    d.update(pd.util.hash_pandas_object(rows, index=False).to_numpy().tobytes())  # in order: the result keeps it
    d.update(repr((list(map(str, rows.columns)), picture.checksum("districts"), sorted(compositions().items()),
                   privacy.threshold(), kommun_code(), _code_digest(), inputs)).encode())
    key = d.hexdigest()
    out = _KNOWN.get(key)
    if out is None:
        out = picture_cache.load_frame(key) if keep else None
        if out is None:
            out = compute()
            if keep:
                picture_cache.save_frame_later(key, out)
        _KNOWN[key] = out
    _cache(picture)[("protected_rows", key)] = out  # held while the picture lives
    return out


def _digest(value) -> str:
    return hashlib.blake2b(repr(value).encode(), digest_size=20).hexdigest()


@functools.cache
def _code_digest() -> str:
    from pathlib import Path

    return _digest([Path(privacy.__file__).read_bytes(), Path(__file__).read_bytes()])


def protected_all(picture, indicator_ids: list[str] | None = None) -> pd.DataFrame:
    """Protected observations of many indicators (e.g. a table of everything loaded)."""
    ids = indicator_ids if indicator_ids is not None else sorted(picture.table("observations")["indicator_id"].unique())
    frames = [protected(picture, i) for i in ids]
    frames = [f for f in frames if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else protected(picture, "__none__")


# --- series, latest and change -----------------------------------------------------------


def series(picture, indicator_id: str, area_code: str | None = None, gender: str = "T") -> pd.DataFrame:
    """The indicator for one area (default: the kommun) over time, oldest first (a copy: a
    page's blocks ask for the same series several times per run, so it is built once)."""
    area_code = area_code or kommun_code()
    return memo(picture, ("series", indicator_id, area_code, gender),
                lambda: _series(picture, indicator_id, area_code, gender)).copy()


def _series(picture, indicator_id: str, area_code: str, gender: str) -> pd.DataFrame:
    df = protected(picture, indicator_id)
    if df.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    pos = memo(picture, ("series_rows", indicator_id), lambda: _rows_by_area(df)).get((area_code, gender))
    out = df.iloc[pos] if pos is not None else df.iloc[0:0]
    return out[SERIES_COLUMNS].reset_index(drop=True)


def _rows_by_area(df: pd.DataFrame) -> dict[tuple, np.ndarray]:
    """(area, gender) → the rows' positions, oldest first: sorted and grouped once per
    indicator, not filtered and sorted again for each of a page's dozens of series."""
    order = df.sort_values(["period_end", "period"]).index.to_numpy()  # `protected` gives a RangeIndex
    keys = pd.DataFrame({"a": df["area_code"].to_numpy()[order], "g": df["gender"].to_numpy()[order]})
    return {k: order[v] for k, v in keys.groupby(["a", "g"], sort=False).indices.items()}


def areas_with_data(picture, indicator_id: str) -> list[str]:
    """The kommun's own areas with figures (comparison kommuner are not areas of ours)."""
    from lagesbild.importers.bra import PEER_LEVEL

    df = protected(picture, indicator_id)
    if df.empty:
        return []
    d = picture.table("districts")
    peers = set(d.loc[d["level"] == PEER_LEVEL, "code"]) if not d.empty and "level" in d else set()
    codes = df.loc[df["status"] != "saknas", "area_code"].unique()
    return sorted(c for c in codes if c not in peers)


@dataclass(frozen=True)
class Point:
    period: str
    period_end: date | None
    value: float | None
    suppressed: bool
    preliminary: bool

    @property
    def known(self) -> bool:
        return not self.suppressed and self.value is not None and not math.isnan(self.value)


@dataclass(frozen=True)
class Change:
    current: Point
    previous: Point | None
    diff: float | None
    pct: float | None  # a fraction: 0.12 = +12 %

    @property
    def hidden(self) -> bool:
        """The change cannot be shown because one of its values is hidden."""
        return self.current.suppressed or (self.previous is not None and self.previous.suppressed)


def _point(row) -> Point:
    v = row["value"]
    return Point(str(row["period"]), as_date(row["period_end"]), None if pd.isna(v) else float(v),
                 bool(row["suppressed"]), bool(row["preliminary"]))


def latest(s: pd.DataFrame) -> Point | None:
    """The newest period with a value or a hidden value (missing periods are skipped)."""
    rows = s[s["value"].notna() | s["suppressed"].astype(bool)]
    return _point(rows.iloc[-1]) if not rows.empty else None


def previous_year_period(period: str) -> str | None:
    """The same period a year earlier: 2025 → 2024, 2025K3 → 2024K3, 2025-03 → 2024-03."""
    m = re.fullmatch(r"(\d{4})(.*)", period)
    return f"{int(m.group(1)) - 1}{m.group(2)}" if m else None


def change(s: pd.DataFrame, at: str | None = None) -> Change | None:
    """The value at `at` (default newest) against the same period a year earlier."""
    cur = latest(s) if at is None else next((_point(r) for _i, r in s.iterrows() if r["period"] == at), None)
    if cur is None:
        return None
    prev_period = previous_year_period(cur.period)
    prev_rows = s[s["period"] == prev_period]
    prev = _point(prev_rows.iloc[0]) if not prev_rows.empty else None
    if prev is None or not (cur.known and prev.known):
        return Change(cur, prev, None, None)
    diff = cur.value - prev.value
    pct = diff / prev.value if prev.value else None
    return Change(cur, prev, diff, pct)


def change_text(ch: Change | None, unit: str, lang: str = "sv") -> str | None:
    """"+5 % mot 2024" / "−120 mot 2024K2"; ".." when hidden; None when there is nothing to compare."""
    if ch is None or ch.previous is None:
        return None
    against = t("iv.change.against", lang, period=ch.previous.period)
    if ch.hidden:
        return f"{privacy.SUPPRESSED} {against}"
    if ch.pct is not None and unit != "procent":
        return f"{fmt.percent(ch.pct, 1 if abs(ch.pct) < 0.1 else 0, lang, signed=True)} {against}"
    if ch.diff is not None:
        sign = "+" if ch.diff > 0 else ""
        suffix = t("iv.change.pp", lang) if unit == "procent" else ""
        return f"{sign}{fmt.number(ch.diff, 0 if float(ch.diff).is_integer() else 1, lang)}{suffix} {against}"
    return None


# --- rates per inhabitants -----------------------------------------------------------------


def rate_base(area_code: str) -> tuple[int, str]:
    """Per 100 000 for the kommun (as Brå), per 1 000 for smaller areas; the base and its label's key."""
    if area_code == kommun_code():
        return 100_000, "rate.per_100000"
    return 1_000, "rate.per_1000"


def rate_applicable(ind: Indicator) -> bool:
    """A rate is computed only for a count of people's offences or cases: not for published
    police events (a selection of press notices, never a crime rate), not for population
    itself, and not where the source publishes its own rate (Brå)."""
    if not ind.is_count or ind.derived or ind.id in privacy.POPULATION_INDICATORS:
        return False
    if ind.data_type in (DataType.PUBLICERADE_HANDELSER, DataType.KLASSNING, DataType.ENKAT):
        return False
    return not any(other.count_of == ind.id for other in indicators().values())


def rate_series(picture, indicator_id: str, area_code: str | None = None) -> pd.DataFrame | None:
    """The count per inhabitants where the same area and year has a population; None when
    no rate applies. A hidden count gives a hidden rate; so does a small implied count.
    Built once per picture (a copy is returned)."""
    area_code = area_code or kommun_code()
    rates = memo(picture, ("rate_series", indicator_id, area_code), lambda: _rate_series(picture, indicator_id, area_code))
    return None if rates is None else rates.copy()


def _rate_series(picture, indicator_id: str, area_code: str) -> pd.DataFrame | None:
    ind = indicator(indicator_id)
    if not rate_applicable(ind):
        return None
    s = series(picture, indicator_id, area_code)
    pops = populations(picture)
    base, _key = rate_base(area_code)
    rows = []
    for r in s.itertuples(index=False):
        pop = pops.get((area_code, privacy._year(r.period)))
        if pop is None or pop <= 0:
            continue
        hidden = bool(r.suppressed)
        value = None if hidden or pd.isna(r.value) else r.value / pop * base
        rows.append({"period": r.period, "period_end": r.period_end, "value": value, "status": r.status,
                     "suppressed": hidden, "preliminary": bool(r.preliminary), "population": pop})
    if not rows:
        return None
    return pd.DataFrame(rows)


# --- data t.o.m. and freshness -------------------------------------------------------------


@dataclass(frozen=True)
class DataTom:
    period: str
    period_end: date
    preliminary: bool

    def text(self, lang: str = "sv") -> str:
        mark = t("iv.preliminary", lang) if self.preliminary else ""
        return fmt.iso(self.period_end) + mark


def data_tom(picture, indicator_id: str, area_code: str | None = None) -> DataTom | None:
    """The end of the newest period with a value (shown or hidden) — "data t.o.m." (built
    once per picture: every caption of a page asks)."""
    return memo(picture, ("data_tom", indicator_id, area_code), lambda: _data_tom(picture, indicator_id, area_code))


def _data_tom(picture, indicator_id: str, area_code: str | None) -> DataTom | None:
    df = protected(picture, indicator_id)
    if df.empty:
        return None
    if area_code is not None:
        df = df[df["area_code"] == area_code]
    df = df[df["status"] != "saknas"]
    if df.empty:
        return None
    ends = df["period_end"]
    newest = ends.max()
    at_newest = df[ends == newest]
    return DataTom(str(at_newest["period"].iloc[0]), newest, bool(at_newest["preliminary"].any()))


def newest(toms: list[DataTom | None]) -> DataTom | None:
    known = [t for t in toms if t is not None]
    return max(known, key=lambda t: t.period_end) if known else None


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(d)


def stale_after(indicator_id: str, tom: DataTom) -> date:
    ind = indicator(indicator_id)
    months = source(ind.source_id).update_months + PUBLISHING_LAG_MONTHS.get(ind.periodicity, 6)
    return _add_months(tom.period_end, months)


def freshness_warning(indicator_id: str, tom: DataTom | None, today: date, lang: str = "sv") -> str | None:
    """A warning when the newest value is older than the source's update cycle plus the
    usual publishing lag; None when the data is as fresh as can be expected."""
    if tom is None or today <= stale_after(indicator_id, tom):
        return None
    src = source(indicator(indicator_id).source_id)
    return t("iv.stale", lang, period=tom.period, tom=fmt.iso(tom.period_end), months=src.update_months)


# --- by area -------------------------------------------------------------------------------


def latest_by_area(picture, indicator_id: str, *, exclude_kommun: bool = True) -> pd.DataFrame:
    """For an indicator reported per area: each area's newest period, value and flags (built
    once per picture)."""
    return memo(picture, ("latest_by_area", indicator_id, exclude_kommun),
                lambda: _latest_by_area(picture, indicator_id, exclude_kommun))


def _latest_by_area(picture, indicator_id: str, exclude_kommun: bool) -> pd.DataFrame:
    df = protected(picture, indicator_id)
    cols = ["area_code", "name", "level", "period", "period_end", "value", "suppressed", "preliminary"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    df = df[(df["gender"] == "T") & (df["status"] != "saknas")].copy()
    if exclude_kommun:
        df = df[df["area_code"] != kommun_code()]
    if df.empty:
        return pd.DataFrame(columns=cols)
    df = df.sort_values("period_end").groupby("area_code", as_index=False).tail(1)
    d = picture.table("districts")
    names, levels = dict(zip(d["code"], d["name"])), dict(zip(d["code"], d["level"]))
    df["name"] = [names.get(c, c) for c in df["area_code"]]
    df["level"] = [levels.get(c, "") for c in df["area_code"]]
    return df[cols].sort_values("name").reset_index(drop=True)


# Which areas a per-area table lists: the priority areas, then one partition of the kommun —
# the coarsest with names (RegSO before valdistrikt before DeSO, which has codes only), so a
# table has a row per named area instead of every level's rows mixed.
PARTITION_PREFERENCE = ("regso", "valdistrikt", "deso")


def district_codes(picture) -> set[str]:
    """Codes of the kommun's areas at every level below the kommun (districts and priority areas)."""
    d = picture.table("districts")
    return set() if d.empty else set(d.loc[d["level"].isin({"prioriterat", *PARTITION_PREFERENCE}), "code"])


def named_partition(by_area: pd.DataFrame) -> pd.DataFrame:
    """`latest_by_area` rows of the priority areas and of one partition, priority areas first."""
    levels = set(by_area["level"])
    first = next((lv for lv in PARTITION_PREFERENCE if lv in levels), None)
    keep = by_area[by_area["level"].isin({"prioriterat", first})]
    return keep.assign(_p=keep["level"] != "prioriterat").sort_values(["_p", "name"]).drop(columns="_p").reset_index(drop=True)


def value_text(value, suppressed: bool, ind: Indicator, lang: str = "sv") -> str:
    return privacy.cell_text(value, suppressed, unit=ind.unit, lang=lang)
