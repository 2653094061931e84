"""Small-count protection: the one rule used by tables, charts, maps and exports alike.

Rules (documented for users on the "Om data och metod" page):

* **Primary suppression.** A count of 1 … n−1 (n = ``settings().suppress_below``, default 5)
  is never shown; it becomes ``..``. A count of 0 *is* shown: like SCB, Kolada and SSB we
  protect small non-zero cells, because a real zero names no one, and hiding zeros would make
  every sparse table unreadable.
* **Source suppression.** A value the publisher already withheld (status ``sekretess``) is
  shown as ``..`` and protected the same way.
* **Secondary suppression.** Where a shown total and the other shown cells would give a
  hidden cell back by subtraction (parts of an area, K + M = T, quarters or months of a
  year, weeks of a month), the next-smallest non-zero cell is hidden too. A group passes when, after hiding,
  it has at least two unknowns and the hidden cells together are at least n (and more than
  their number), so no hidden cell can be pinned to one value. Where the parts do not cover
  the total (e.g. places named in text, or a missing quarter) the remainder is itself a
  count: if it is 1 … n−1 the group is treated as revealing it.
* **Rates.** A rate whose count (``count_of`` in the registry) is hidden is hidden too, and
  so is a rate whose implied count (rate × population) is 1 … n−1.
* **Sensitive indicators** (``sensitive = true``) are shown by area only, never as points.
* **One protected table per figure family.** Police notices are protected once
  (``lagesbild.geo.events.protected``: area × year, area totals, types, the kommun per year)
  and every view reads that table, so no combination of views gives a hidden cell back
  (tests/unit/test_privacy_audit_across_views.py attacks every area).

Attacker model of the audit in the tests: knows every shown value and every sum relation,
and that ``..`` hides a positive count; cannot tell primary from secondary suppression.
"""
from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_EVEN, Decimal
from collections import defaultdict, deque
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lagesbild import dates, fmt
from lagesbild.i18n import t

SUPPRESSED = fmt.SUPPRESSED  # ".."
KEY = ["indicator_id", "area_code", "period", "gender"]
PRIMARY, SECONDARY, RATE, SOURCE = "primär", "sekundär", "kvot", "sekretess"
# Levels whose areas together cover the whole kommun, with no overlap.
PARTITION_LEVELS = ("regso", "deso", "valdistrikt")
POPULATION_INDICATORS = ("scb_befolkning", "kolada_N01951")
RATE_BASES = {"per_100k": 100_000, "per_1000": 1_000}

_QUARTER = re.compile(r"^(\d{4})K([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-V(\d{2})$")


def threshold() -> int:
    from lagesbild.config import settings

    return settings().suppress_below


def is_small(value, n: int | None = None) -> bool:
    """True for a count that must not be shown (1 … n−1). 0 and missing are not small."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    n = threshold() if n is None else n
    return 0 < float(value) < n


def explanation(lang: str = "sv", n: int | None = None) -> str:
    n = threshold() if n is None else n
    return t("privacy.explanation", lang, below=n - 1, n=n)


# --- indicator facts --------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorFacts:
    """What protection needs to know about an indicator (from the registry)."""

    is_count: bool = True
    unit: str = "antal"
    count_of: str | None = None
    sensitive: bool = False


def facts(indicator_id: str) -> IndicatorFacts:
    """Registry facts; an unregistered indicator is treated as a count (the safe side)."""
    from lagesbild.registry.indicators import indicators

    ind = indicators().get(indicator_id)
    if ind is None:
        return IndicatorFacts()
    return IndicatorFacts(is_count=ind.is_count, unit=ind.unit, count_of=ind.count_of, sensitive=ind.sensitive)


def points_allowed(indicator_id: str) -> bool:
    """Sensitive indicators are shown by area only, never as points on a map."""
    return not facts(indicator_id).sensitive


# --- sum relations ------------------------------------------------------------------------


@dataclass
class Group:
    """total = sum(parts) (+ a remainder when `complete` is False)."""

    total: int
    parts: list[int]
    complete: bool
    kind: str = ""


def parent_period(period: str) -> list[tuple[str, str, int]]:
    """The larger periods a period is part of: [(parent, kind, number of parts)]. A week is
    part of the month of its Thursday (lagesbild.dates), which is part of its quarter and year."""
    if m := _WEEK.match(period):
        month = dates.week_month(period)
        return [(month, "vecka", dates.weeks_in_month(int(month[:4]), int(month[5:])))]
    if m := _QUARTER.match(period):
        return [(m.group(1), "kvartal", 4)]
    if m := _MONTH.match(period):
        y, mo = m.group(1), int(m.group(2))
        return [(y, "manad", 12), (f"{y}K{(mo - 1) // 3 + 1}", "manad_kvartal", 3)]
    return []


@dataclass
class AreaTree:
    """Parent and level per area code, and how many areas of each level a parent has."""

    parent: dict[str, str | None] = field(default_factory=dict)
    level: dict[str, str] = field(default_factory=dict)
    n_children: dict[tuple[str, str], int] = field(default_factory=dict)
    # An area that is exactly the sum of other areas (a priority area = its RegSO).
    compositions: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_districts(cls, districts: pd.DataFrame | None, kommun_code: str | None = None,
                       compositions: dict[str, tuple[str, ...]] | None = None) -> "AreaTree":
        tree = cls(compositions=dict(compositions or {}))
        if districts is not None and not districts.empty:
            for code, level, parent in zip(districts["code"], districts["level"], districts["parent_code"]):
                tree.level[code] = level
                tree.parent[code] = parent if isinstance(parent, str) and parent else None
        kommun_code = kommun_code or _kommun_code()
        for code, level in list(tree.level.items()):
            if tree.parent.get(code) is None and level in PARTITION_LEVELS and kommun_code and code != kommun_code:
                # DeSO/RegSO/valdistrikt all lie in the kommun even when no parent is stored.
                tree.parent[code] = kommun_code
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for code, parent in tree.parent.items():
            if parent:
                counts[(parent, tree.level[code])] += 1
        tree.n_children = dict(counts)
        return tree

    def parent_of(self, code: str) -> tuple[str | None, str]:
        if code in self.level:
            return self.parent.get(code), self.level[code]
        return _guess_parent(code)


def _kommun_code() -> str | None:
    try:
        from lagesbild.config import load_kommun

        return load_kommun().code
    except (OSError, KeyError):
        return None


def _guess_parent(code: str) -> tuple[str | None, str]:
    """Parent by code pattern, for areas not (yet) in the district table."""
    if re.fullmatch(r"\d{4}R\d{3}", code):
        return code[:4], "regso"
    if re.fullmatch(r"\d{4}[A-C]\d{4}", code):
        return code[:4], "deso"
    if re.fullmatch(r"\d{8}", code):
        return code[:4], "valdistrikt"
    if code.startswith("kd-"):
        return _kommun_code(), "kommundel"
    return None, "okand"


def row_keys(df: pd.DataFrame) -> list[tuple]:
    """(indicator, area, period, gender) per row. Through plain lists: stepping through a
    pandas 3 string column one value at a time costs ~1 µs a value, ×7 the list's cost."""
    return list(zip(*(df[c].tolist() for c in ("indicator_id", "area_code", "period", "gender"))))


def build_groups(df: pd.DataFrame, count_mask: np.ndarray, tree: AreaTree) -> list[Group]:
    """All sum relations among the count rows of `df` (positional indexes)."""
    pos = {k: i for i, k in enumerate(row_keys(df)) if count_mask[i]}
    groups: list[Group] = []
    members: dict[tuple, list[int]] = defaultdict(list)
    expected: dict[tuple, int] = {}
    for (ind, area, period, gender), i in pos.items():
        if gender in ("K", "M"):
            members[("kon", ind, area, period, "T")].append(i)
            expected[("kon", ind, area, period, "T")] = 2
        parent, level = tree.parent_of(area)
        if parent:
            gkey = ("omrade:" + level, ind, parent, period, gender)
            members[gkey].append(i)
            # Only levels that partition the parent can be complete; counted from the table.
            expected[gkey] = tree.n_children.get((parent, level), -1) if level in PARTITION_LEVELS else -1
        for pper, kind, n_parts in parent_period(period):
            gkey = ("period:" + kind, ind, area, pper, gender)
            members[gkey].append(i)
            expected[gkey] = n_parts
    member_of = defaultdict(list)
    for whole, parts in tree.compositions.items():
        for part in parts:
            member_of[part].append((whole, len(parts)))
    if member_of:
        for (ind, area, period, gender), i in pos.items():
            for whole, n_parts in member_of.get(area, ()):
                gkey = ("sammansatt", ind, whole, period, gender)
                members[gkey].append(i)
                expected[gkey] = n_parts
    for gkey, parts in members.items():
        kind, ind, area, period, gender = gkey
        total = pos.get((ind, area, period, gender))
        if total is None:
            continue
        groups.append(Group(total=total, parts=sorted(parts), complete=len(parts) == expected[gkey], kind=kind))
    return groups


# --- the protection itself ----------------------------------------------------------------


def protect(
    obs: pd.DataFrame,
    *,
    districts: pd.DataFrame | None = None,
    compositions: dict[str, tuple[str, ...]] | None = None,
    population: dict[tuple[str, int], float] | None = None,
    n: int | None = None,
    fact_of=facts,
) -> pd.DataFrame:
    """Observations (indicator_id, area_code, period, value, status, gender …) made safe to show.

    Returns a copy with `value` set to NaN where hidden, and the columns `suppressed` (bool),
    `suppression` ("", primär, sekundär, kvot, sekretess) and `preliminary` (bool).
    Protect every row that could be summed or compared with the rows you show (all areas,
    periods and genders of the indicator, plus its count for a rate), not just one slice.
    """
    n = threshold() if n is None else n
    df = obs.reset_index(drop=True).copy()
    if "gender" not in df:
        df["gender"] = "T"
    if "status" not in df:
        df["status"] = "ok"
    df["value"] = pd.to_numeric(df["value"], errors="coerce").astype(float)
    df["preliminary"] = (df["status"] == "preliminar").to_numpy()
    kinds = {i: fact_of(i) for i in df["indicator_id"].unique()}
    count_mask = df["indicator_id"].map(lambda i: kinds[i].is_count).to_numpy(dtype=bool)
    values = df["value"].to_numpy(dtype=float)
    reason = np.array([""] * len(df), dtype=object)
    source_hidden = (df["status"] == "sekretess").to_numpy()
    reason[source_hidden] = SOURCE
    small = count_mask & (values > 0) & (values < n) & ~source_hidden
    reason[small] = PRIMARY
    _secondary(df, values, reason, count_mask, AreaTree.from_districts(districts, compositions=compositions), n)
    _rates(df, values, reason, kinds, population or {}, n)
    hidden = reason != ""
    df.loc[hidden, "value"] = np.nan
    df["suppressed"] = hidden
    df["suppression"] = reason
    return df


def _secondary(df, values, reason, count_mask, tree, n) -> None:
    groups = build_groups(df, count_mask, tree)
    if groups:
        suppress_secondary(groups, values, reason, n)


def suppress_secondary(groups: list[Group], values: np.ndarray, reason: np.ndarray, n: int) -> None:
    """Hide more cells (reason "sekundär") until no hidden cell can be worked out.

    First each sum relation on its own (`_cell_to_hide`); then the relations together:
    bounds are propagated over all of them (as an attacker would), and while a protected
    cell is pinned to one value, the smallest shown cell nearby is hidden as well.
    """
    missing = np.isnan(values)
    of_cell: dict[int, list[int]] = defaultdict(list)
    for gi, g in enumerate(groups):
        for c in (g.total, *g.parts):
            of_cell[c].append(gi)
    _group_fixpoint(groups, range(len(groups)), of_cell, values, reason, missing, n)
    for _ in range(len(values) + 1):
        pins = pinned_cells(groups, values, reason, missing)
        if not pins:
            return
        cell = _widen(pins, groups, of_cell, values, reason, missing)
        if cell is None:
            return
        reason[cell] = SECONDARY
        _group_fixpoint(groups, of_cell[cell], of_cell, values, reason, missing, n)


def _group_fixpoint(groups, start, of_cell, values, reason, missing, n) -> None:
    queue = deque(start)
    queued = set(queue)
    while queue:
        gi = queue.popleft()
        queued.discard(gi)
        cell = _cell_to_hide(groups[gi], values, reason, missing, n)
        if cell is None:
            continue
        reason[cell] = SECONDARY
        for other in of_cell[cell] + [gi]:
            if other not in queued:
                queue.append(other)
                queued.add(other)


def _widen(pins, groups, of_cell, values, reason, missing) -> int | None:
    """The smallest shown non-zero cell in the relations around the pinned cells (widening
    the search through hidden cells until one is found)."""
    seen_groups: set[int] = set()
    frontier = {gi for c in pins for gi in of_cell[c]}
    while frontier:
        seen_groups |= frontier
        cands = [c for gi in frontier for c in (groups[gi].total, *groups[gi].parts)
                 if not reason[c] and not missing[c] and values[c] > 0]
        if cands:
            return min(cands, key=lambda c: (values[c], c))
        nxt = set()
        for gi in frontier:
            for c in (groups[gi].total, *groups[gi].parts):
                if reason[c] or missing[c]:
                    nxt.update(of_cell[c])
        frontier = nxt - seen_groups
    return None


def pinned_cells(groups: list[Group], values, reason, missing, budget: int = 20_000) -> list[int]:
    """Protected hidden cells whose value follows from the shown ones.

    The attacker's problem exactly: integer unknowns (a hidden count ≥ 1, a missing value
    or a remainder ≥ 0) tied by every sum relation. A cell is pinned when no value other
    than its true one fits. Solved per connected set of relations; a set of one relation
    that passed `_cell_to_hide` is safe by construction and skipped. A search that runs out
    of `budget` counts as pinned (the safe side: one more cell gets hidden).
    """
    out = []
    for component in _components(groups, reason, missing):
        if len(component) < 2:
            continue
        problem = _Problem.build([groups[gi] for gi in component], values, reason, missing)
        if problem is None:
            continue
        out.extend(c for c in sorted(problem.protected)
                   if ("c", c) not in problem.proven_free and not problem.has_alternative(("c", c), budget))
    return out


def _components(groups: list[Group], reason, missing) -> list[list[int]]:
    """Relations linked by a shared hidden cell (union-find over group indexes)."""
    parent = list(range(len(groups)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_group: dict[int, int] = {}
    active = set()
    for gi, g in enumerate(groups):
        for c in (g.total, *g.parts):
            if reason[c] or missing[c]:
                active.add(gi)
                if c in first_group:
                    parent[find(gi)] = find(first_group[c])
                else:
                    first_group[c] = gi
    comps: dict[int, list[int]] = defaultdict(list)
    for gi in active:
        comps[find(gi)].append(gi)
    return list(comps.values())


class _Problem:
    """sum(sign × unknown) = const for each relation, with integer bounds per unknown."""

    def __init__(self, equations, lo, hi, truth, protected):
        self.equations, self.lo, self.hi, self.truth, self.protected = equations, lo, hi, truth, protected
        self.eqs_of: dict = defaultdict(list)
        for ei, (terms, _c) in enumerate(equations):
            for v, _s in terms:
                self.eqs_of[v].append(ei)
        self.nodes = 0
        self.proven_free: set = set()  # unknowns seen with another value in a solution

    @classmethod
    def build(cls, groups, values, reason, missing) -> "_Problem | None":
        hidden = {c for g in groups for c in (g.total, *g.parts) if reason[c] or missing[c]}
        protected = {c for c in hidden if reason[c]}
        if not protected:
            return None
        big = int(np.nansum(np.abs(values))) + 1
        lo = {("c", c): (0 if missing[c] else 1) for c in hidden}
        hi = {("c", c): big for c in hidden}
        truth = {("c", c): (None if missing[c] else int(round(values[c]))) for c in hidden}
        equations = []
        for gi, g in enumerate(groups):
            terms, const = [], 0
            for c, sign in [(g.total, -1)] + [(p, 1) for p in g.parts]:
                if c in hidden:
                    terms.append((("c", c), sign))
                else:
                    const -= sign * int(round(values[c]))
            if not g.complete:
                var = ("r", gi)
                lo[var], hi[var] = 0, big
                known = [values[c] for c in (g.total, *g.parts)]
                truth[var] = None if any(np.isnan(known)) else int(round(values[g.total] - sum(values[p] for p in g.parts)))
                terms.append((var, 1))
            if any(v[0] == "c" for v, _ in terms):
                equations.append((terms, const))
        return cls(equations, lo, hi, truth, protected)

    def has_alternative(self, var, budget: int) -> bool:
        """Is there a solution with another value for `var`? Searched first with only the
        unknowns near `var` free (the rest at their true values: any solution found is a
        real one), then wider, finally with every unknown free."""
        n_vars = len(self.lo)
        for radius in (1, 2, 4, None):
            free = self._near(var, radius)
            eqs = sorted({ei for v in free for ei in self.eqs_of[v]})
            dom = {}
            for ei in eqs:
                for v, _s in self.equations[ei][0]:
                    fixed = v not in free and self.truth[v] is not None
                    dom[v] = (self.truth[v], self.truth[v]) if fixed else (self.lo[v], self.hi[v])
            try:
                if self._search(var, dom, eqs, budget):
                    return True
            except _Budget:
                return False
            if len(free) >= n_vars:
                return False
        return False

    def _near(self, var, radius) -> set:
        if radius is None:
            return set(self.lo)
        seen, frontier = {var}, {var}
        for _ in range(radius):
            nxt = {v for u in frontier for ei in self.eqs_of[u] for v, _s in self.equations[ei][0]} - seen
            seen |= nxt
            frontier = nxt
        return seen

    def _search(self, var, dom, eqs, budget) -> bool:
        if not self._propagate(dom, eqs):
            return False
        lo, hi = dom[var]
        true = self.truth[var]
        for v in sorted(range(lo, min(hi, lo + 64) + 1), key=lambda x: abs(x - true)):
            if v == true:
                continue
            trial = dict(dom)
            trial[var] = (v, v)
            self.nodes = 0
            solution = self._solve(trial, eqs, budget)
            if solution is not None:
                self.proven_free.update(u for u, (a, _b) in solution.items() if a != self.truth[u])
                return True
        return hi - lo > 64  # a very wide range is not pinned

    def _propagate(self, dom, eqs) -> bool:
        for _ in range(100):
            changed = False
            for ei in eqs:
                terms, const = self.equations[ei]
                # Bounds of sum(sign × x) over all terms; each term's own share is taken out.
                lows = [dom[v][0] if s > 0 else -dom[v][1] for v, s in terms]
                highs = [dom[v][1] if s > 0 else -dom[v][0] for v, s in terms]
                sum_lo, sum_hi = sum(lows), sum(highs)
                for (v, sign), l_own, h_own in zip(terms, lows, highs):
                    a, b = const - (sum_hi - h_own), const - (sum_lo - l_own)
                    if sign < 0:
                        a, b = -b, -a
                    lo, hi = dom[v]
                    nlo, nhi = max(lo, a), min(hi, b)
                    if nlo > nhi:
                        return False
                    if (nlo, nhi) != (lo, hi):
                        dom[v] = (nlo, nhi)
                        changed = True
            if not changed:
                return True
        return True

    def _solve(self, dom, eqs, budget: int) -> dict | None:
        """A full solution (domains narrowed to single values), or None."""
        self.nodes += 1
        if self.nodes > budget:
            raise _Budget
        if not self._propagate(dom, eqs):
            return None
        free = [v for v, (lo, hi) in dom.items() if lo < hi]
        if not free:
            ok = all(sum(s * dom[v][0] for v, s in self.equations[ei][0]) == self.equations[ei][1] for ei in eqs)
            return dom if ok else None
        var = min(free, key=lambda v: dom[v][1] - dom[v][0])
        lo, hi = dom[var]
        guess = self.truth.get(var)
        order = sorted(range(lo, min(hi, lo + 256) + 1), key=lambda x: abs(x - guess) if guess is not None else x)
        for v in order:
            trial = dict(dom)
            trial[var] = (v, v)
            solution = self._solve(trial, eqs, budget)
            if solution is not None:
                return solution
        return None


class _Budget(Exception):
    pass


def _cell_to_hide(g: Group, values, reason, missing, n) -> int | None:
    """The cell to hide so this group reveals nothing, or None when it already is safe."""
    cells = [g.total, *g.parts]
    hidden = {c for c in cells if reason[c] or missing[c]}
    protected = any(reason[c] for c in cells)
    rest = None
    if not g.complete and not any(missing[c] for c in cells):
        rest = values[g.total] - sum(values[p] for p in g.parts)
    rest_small = rest is not None and 0 < round(rest, 6) < n
    if not protected and not rest_small:
        return None
    unknowns = len(hidden) + (0 if g.complete else 1)
    if unknowns >= 2:
        if g.total in hidden:
            return None
        hidden_mass = values[g.total] - sum(values[p] for p in g.parts if p not in hidden)
        if hidden_mass >= max(n, unknowns + 1):
            return None
    shown = [p for p in g.parts if p not in hidden and values[p] > 0]
    if shown:
        return min(shown, key=lambda p: (values[p], p))
    if g.total not in hidden and values[g.total] > 0:
        return g.total
    return None


def _rates(df, values, reason, kinds, population, n) -> None:
    """Hide a rate whose count is hidden, or whose implied count is small."""
    keys = row_keys(df)
    hidden_counts = {k for k, r in zip(keys, reason) if r}
    for i, (ind, area, period, gender) in enumerate(keys):
        f = kinds[ind]
        if f.unit not in RATE_BASES or reason[i]:
            continue
        if f.count_of and (f.count_of, area, period, gender) in hidden_counts:
            reason[i] = RATE
            continue
        implied = implied_count(values[i], f.unit, population.get((area, _year(period))), gender)
        if implied is not None and 0 < round(implied, 6) < n:
            reason[i] = RATE


def implied_count(rate: float, unit: str, pop: float | None, gender: str = "T") -> float | None:
    """rate × population / base. For K/M only the total population is known: half of it is
    used, which errs towards hiding."""
    if pop is None or rate is None or (isinstance(rate, float) and math.isnan(rate)) or unit not in RATE_BASES:
        return None
    pop = pop / 2 if gender in ("K", "M") else pop
    return rate * pop / RATE_BASES[unit]


def _year(period: str) -> int | None:
    m = re.match(r"^(\d{4})", str(period))
    return int(m.group(1)) if m else None


def population_lookup(obs: pd.DataFrame) -> dict[tuple[str, int], float]:
    """(area, year) → population, from SCB (areas) and Kolada N01951 (kommun)."""
    out: dict[tuple[str, int], float] = {}
    rows = obs[obs["indicator_id"].isin(POPULATION_INDICATORS) & obs["value"].notna()]
    if "gender" in rows:
        rows = rows[rows["gender"] == "T"]
    # SCB first, Kolada fills the gaps (both are SCB figures).
    for ind in POPULATION_INDICATORS:
        for area, period, value in rows.loc[rows["indicator_id"] == ind, ["area_code", "period", "value"]].itertuples(index=False):
            year = _year(period)
            if year is not None:
                out.setdefault((area, year), float(value))
    return out


# --- generic tables (e.g. counts of events per area and month) -----------------------------


def protect_table(table: pd.DataFrame, *, total_row: str | None = None, total_col: str | None = None, n: int | None = None) -> pd.DataFrame:
    """A wide table of counts (rows × columns, optional total row/column) made safe to show.

    Returns the same shape with hidden cells as NaN; use `display_table` to render "..".
    """
    long = table.stack(future_stack=True).rename("value").reset_index()
    long.columns = ["r", "c", "value"]
    long["indicator_id"], long["status"], long["gender"] = "_tabell", "ok", "T"
    long["area_code"], long["period"] = long["r"].astype(str), long["c"].astype(str)
    # Sum relations: rows (columns add up to total_col) and columns (rows add up to total_row).
    pos = {(r, c): i for i, (r, c) in enumerate(zip(long["r"], long["c"]))}
    groups = []
    rows, cols = list(table.index), list(table.columns)
    if total_col is not None:
        for r in rows:
            groups.append(Group(pos[(r, total_col)], [pos[(r, c)] for c in cols if c != total_col], True, "rad"))
    if total_row is not None:
        for c in cols:
            groups.append(Group(pos[(total_row, c)], [pos[(r, c)] for r in rows if r != total_row], True, "kolumn"))
    n = threshold() if n is None else n
    values = pd.to_numeric(long["value"], errors="coerce").to_numpy(dtype=float)
    reason = np.where((values > 0) & (values < n), PRIMARY, "").astype(object)
    suppress_secondary(groups, values, reason, n)
    out = table.astype(float).copy()
    for (r, c), i in pos.items():
        if reason[i]:
            out.loc[r, c] = np.nan
    return out


# --- display ------------------------------------------------------------------------------


def cell_text(value, suppressed: bool = False, *, unit: str = "antal", lang: str = "sv", decimals: int | None = None) -> str:
    """A value as shown: ".." when hidden, "Uppgift saknas" when missing, else Swedish format."""
    if suppressed:
        return SUPPRESSED
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return fmt.number(None, lang=lang)
    if decimals is None:
        decimals = default_decimals(value, unit)
    text = number_text(value, decimals, lang)
    return text + "\u00a0%" if unit == "procent" else text


def number_text(value: float, decimals: int, lang: str = "sv") -> str:
    """The same text as `fmt.number` (Babel: half-even rounding, no-break-space thousands
    and decimal comma in Swedish), about 20 times faster: charts format thousands of values."""
    if lang not in ("sv", "en"):
        return fmt.number(value, decimals, lang=lang)
    q = Decimal(str(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)
    text = format(q, f",.{decimals}f")
    if lang == "sv":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text


def default_decimals(value: float, unit: str) -> int:
    if unit == "antal":
        return 0 if float(value).is_integer() else 1
    if unit == "procent":
        return 0 if float(value).is_integer() else 1
    return 0 if abs(value) >= 100 else 1


def visible_small_counts(df: pd.DataFrame, n: int | None = None, fact_of=facts) -> pd.DataFrame:
    """Rows of a protected frame that still show a small count (should always be empty)."""
    n = threshold() if n is None else n
    is_count = df["indicator_id"].map(lambda i: fact_of(i).is_count)
    return df[is_count & df["value"].gt(0) & df["value"].lt(n)]
