"""Retired partners, focus areas and reforms (lagesbild.store.reference) as the pages see them:
offered for nothing new, still named where history refers to them, marked "(avslutad)".
Reads a Picture's tables; a table frozen before retirement existed has no `retired_at`."""
from __future__ import annotations

import pandas as pd

from lagesbild.i18n import t


def retired(df: pd.DataFrame) -> pd.Series:
    """True per row for retired entries."""
    if "retired_at" not in df.columns:
        return pd.Series(False, index=df.index)
    return df["retired_at"].notna()


def choices(df: pd.DataFrame, key: str = "id", *, keep=None) -> list:
    """The keys a form for a new entry may offer, in the table's order; `keep` (the value an
    existing entry already names) stays offered even when retired."""
    return [k for k, gone in zip(df[key], retired(df)) if not gone or k == keep]


def mark(name: str, is_retired: bool, lang: str) -> str:
    return f"{name} ({t('ref.retired', lang)})" if is_retired else name


def names(df: pd.DataFrame, col: str, lang: str, key: str = "id") -> dict:
    """key → name, retired ones marked."""
    return {k: mark(n, gone, lang) for k, n, gone in zip(df[key], df[col], retired(df))}


def active(df: pd.DataFrame) -> pd.DataFrame:
    """The entries a form for something new may offer."""
    return df[~retired(df)]


def reform_labels(picture, lang: str) -> dict[str, str]:
    """Reform id → "N. wording", retired ones marked (the reform pickers of the pages)."""
    r = picture.table("reforms").sort_values("number")
    titles = r["title_en" if lang == "en" else "title_sv"]
    return {k: mark(f"{n}. {title}", gone, lang) for k, n, title, gone in zip(r["id"], r["number"], titles, retired(r))}


def is_retired(df: pd.DataFrame, key, key_col: str = "id") -> bool:
    return bool(retired(df)[df[key_col] == key].any())
