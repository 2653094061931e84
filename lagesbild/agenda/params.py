"""Reading a saved view's query parameters (str or list of str, as in the URL)."""
from __future__ import annotations

from lagesbild.domain import ReformStatus


def one(params: dict, key: str) -> str | None:
    v = (params or {}).get(key)
    if isinstance(v, (list, tuple)):
        v = v[0] if v else None
    v = None if v is None else str(v).strip()
    return v or None


def many(params: dict, key: str) -> list[str]:
    v = (params or {}).get(key)
    if v is None:
        return []
    vals = v if isinstance(v, (list, tuple)) else [v]
    return [str(x).strip() for x in vals if str(x).strip()]


def reform_statuses(values: list[str]) -> tuple[list[str], list[str]]:
    """Status codes from codes or labels (the Reformer page's URL holds the Swedish or English
    label). Returns (codes, values not understood)."""
    codes, bad = [], []
    for v in values:
        try:
            codes.append(ReformStatus.parse(v).value)
        except ValueError:
            bad.append(v)
    return list(dict.fromkeys(codes)), bad
