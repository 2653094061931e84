"""An attacker's view of a protected table, for the privacy tests.

The attacker knows every shown value, every sum relation (total = parts [+ remainder ≥ 0
when the parts do not cover the total]) and that ".." hides a positive count. `pinned`
returns the hidden cells whose value follows uniquely from that: it must always be empty.
Exact integer search with bound propagation; meant for the small tables hypothesis draws.
"""
from __future__ import annotations

import math

from lagesbild.privacy import Group


def pinned(groups: list[Group], true_values: list[float], hidden: list[bool], primary: list[bool],
           at_least: list[int] | None = None) -> list[int]:
    """`at_least[i]`: what the attacker knows of hidden cell i (1 for "..", 0 for a figure
    that is simply not shown or "Uppgift saknas"); 1 for every hidden cell by default."""
    ub = int(max((v for v in true_values if not math.isnan(v)), default=0)) + 1
    variables: dict[str, tuple[int, int]] = {}
    equations: list[tuple[list[str], int]] = []
    for i, h in enumerate(hidden):
        if h:
            variables[f"c{i}"] = (1 if at_least is None else at_least[i], ub)
    for gi, g in enumerate(groups):
        names, const = [], 0
        # total − parts (− rest) = 0, moved to: sum(unknown parts) + rest − unknown total = known
        lhs: list[tuple[str, int]] = []
        for c, sign in [(g.total, -1)] + [(p, 1) for p in g.parts]:
            if hidden[c]:
                lhs.append((f"c{c}", sign))
            else:
                const -= sign * int(true_values[c])
        if not g.complete:
            variables[f"r{gi}"] = (0, ub)
            lhs.append((f"r{gi}", 1))
        if lhs:
            equations.append((lhs, const))
        elif const != 0:
            raise AssertionError("shown values break a sum relation")
        del names
    out = []
    for i, (h, p) in enumerate(zip(hidden, primary)):
        if not (h and p):
            continue
        name = f"c{i}"
        seen = 0
        eqs = _linked(name, equations)
        used = {v for lhs, _c in eqs for v, _s in lhs} | {name}
        base = {k: b for k, b in variables.items() if k in used}
        _propagate(eqs, base)  # the bounds the attacker gets for free
        lo, hi = base[name]
        true = int(true_values[i])
        candidates = [true] + sorted((v for v in range(lo, hi + 1) if v != true), key=lambda v: abs(v - true))
        for v in candidates:
            dom = dict(base)
            dom[name] = (v, v)
            if _solve(eqs, dom):
                seen += 1
                if seen >= 2:
                    break
        if seen < 2:
            out.append(i)
    return out


def _propagate(equations, dom) -> bool:
    changed = True
    while changed:
        changed = False
        for lhs, const in equations:
            # sum(sign * x) == const; each term's bounds from the others' (sums taken once)
            lows = [dom[n][0] if s > 0 else -dom[n][1] for n, s in lhs]
            highs = [dom[n][1] if s > 0 else -dom[n][0] for n, s in lhs]
            sum_lo, sum_hi = sum(lows), sum(highs)
            for (name, sign), l_own, h_own in zip(lhs, lows, highs):
                # sign * x in [const - hi_rest, const - lo_rest]
                a, b = const - (sum_hi - h_own), const - (sum_lo - l_own)
                if sign < 0:
                    a, b = -b, -a
                lo, hi = dom[name]
                nlo, nhi = max(lo, a), min(hi, b)
                if nlo > nhi:
                    return False
                if (nlo, nhi) != (lo, hi):
                    dom[name] = (nlo, nhi)
                    changed = True  # later terms use the older, wider bounds: still sound
    return True


def _linked(name, equations):
    """The equations connected to `name` through shared unknowns (the rest cannot matter)."""
    seen, frontier, picked = {name}, {name}, set()
    while frontier:
        nxt = set()
        for ei, (lhs, _c) in enumerate(equations):
            if ei not in picked and any(v in frontier for v, _s in lhs):
                picked.add(ei)
                nxt |= {v for v, _s in lhs} - seen
        seen |= nxt
        frontier = nxt
    return [equations[ei] for ei in sorted(picked)]


def _solve(equations, dom) -> bool:
    if not _propagate(equations, dom):
        return False
    free = [n for n, (lo, hi) in dom.items() if lo < hi]
    if not free:
        return all(sum(s * dom[n][0] for n, s in lhs) == c for lhs, c in equations)
    name = min(free, key=lambda n: dom[n][1] - dom[n][0])
    lo, hi = dom[name]
    for v in range(lo, hi + 1):
        trial = dict(dom)
        trial[name] = (v, v)
        if _solve(equations, trial):
            return True
    return False


def revealed_sums(groups: list[Group], true_values: list[float], hidden: list[bool], n: int) -> list[tuple[int, list[int], int]]:
    """Relations whose hidden parts add up to a known small number (1 … n−1): the total and
    the other parts are shown, so "these hidden cells together are 3" is published.
    Returns (group index, hidden parts, their sum)."""
    out = []
    for gi, g in enumerate(groups):
        if not g.complete or hidden[g.total]:
            continue
        secret = [p for p in g.parts if hidden[p]]
        if not secret:
            continue
        mass = int(true_values[g.total]) - sum(int(true_values[p]) for p in g.parts if not hidden[p])
        if 0 < mass < n:
            out.append((gi, secret, mass))
    return out
