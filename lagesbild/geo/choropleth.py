"""Classing area values for a choropleth: colours, legend and the two kinds of "no value".

* Missing (no figure for the area) is grey and says "Uppgift saknas".
* Suppressed (a count of 1 … n−1, or a figure derived from one; see lagesbild.privacy) is
  hatched and says "..". It is never classed, so it can never look like zero or like a
  low value.

Colours: viridis, light (low) to dark (high): perceptually ordered and readable with the
common colour-vision deficiencies, and in greyscale.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lagesbild import fmt
from lagesbild.i18n import t
from lagesbild.privacy import SUPPRESSED

# viridis at 5 steps, reversed so that more = darker on a light map
PALETTE = ("#fde725", "#5ec962", "#21918c", "#3b528b", "#440154")
MISSING_COLOR = "#d4d4d4"
SUPPRESSED_COLOR = "#ffffff"  # drawn with a hatch pattern over it
OK, MISSING, HIDDEN = "ok", "saknas", "dold"


@dataclass(frozen=True)
class LegendItem:
    color: str
    label: str
    kind: str  # ok | saknas | dold


@dataclass
class Classification:
    table: pd.DataFrame  # code, value, state, klass (int, -1 = none), color
    breaks: list[float]
    legend: list[LegendItem]

    def color_of(self, code: str) -> str:
        row = self.table.loc[self.table["code"] == code]
        return row["color"].iloc[0] if len(row) else MISSING_COLOR

    def state_of(self, code: str) -> str:
        row = self.table.loc[self.table["code"] == code]
        return row["state"].iloc[0] if len(row) else MISSING


def states(values: pd.Series, suppressed: pd.Series) -> pd.Series:
    """ok / saknas / dold per row. Suppression wins over everything else."""
    v = pd.to_numeric(values, errors="coerce")
    out = pd.Series(np.where(v.isna(), MISSING, OK), index=values.index, dtype=object)
    out[suppressed.fillna(False).astype(bool)] = HIDDEN
    return out


def breaks(values: pd.Series, n_classes: int = len(PALETTE)) -> list[float]:
    """Quantile class edges (min … max), duplicates removed; [] when there is nothing to class."""
    v = pd.to_numeric(values, errors="coerce").dropna()
    if v.empty:
        return []
    if v.nunique() == 1:
        return [float(v.iloc[0]), float(v.iloc[0])]
    k = min(n_classes, v.nunique())
    edges = np.unique(np.quantile(v.to_numpy(dtype=float), np.linspace(0, 1, k + 1)))
    return [float(e) for e in edges]


def class_of(value: float, edges: list[float]) -> int:
    """0-based class for a value; the lowest class includes its lower edge, all include the upper."""
    if not edges or value is None or math.isnan(value):
        return -1
    if len(edges) == 2 and edges[0] == edges[1]:
        return 0
    for i in range(len(edges) - 1):
        if value <= edges[i + 1]:
            return i
    return len(edges) - 2


def palette_for(n: int) -> list[str]:
    """n colours spread over the palette (so 2 classes get light and dark, not two lights)."""
    if n <= 0:
        return []
    if n == 1:
        return [PALETTE[2]]
    idx = np.round(np.linspace(0, len(PALETTE) - 1, n)).astype(int)
    return [PALETTE[i] for i in idx]


def classify(table: pd.DataFrame, *, decimals: int = 0, lang: str = "sv", n_classes: int = len(PALETTE),
             suppress_explanation: str | None = None) -> Classification:
    """`table` has code, value and suppressed. Returns colours per code and the legend."""
    df = table[["code", "value", "suppressed"]].copy()
    df["value"] = pd.to_numeric(df["value"], errors="coerce").astype(float)
    df["state"] = states(df["value"], df["suppressed"])
    shown = df.loc[df["state"] == OK, "value"]
    edges = breaks(shown, n_classes)
    n = max(len(edges) - 1, 1) if edges else 0
    colors = palette_for(n)
    df["klass"] = [class_of(v, edges) if s == OK else -1 for v, s in zip(df["value"], df["state"])]
    df["color"] = [colors[k] if k >= 0 else (SUPPRESSED_COLOR if s == HIDDEN else MISSING_COLOR)
                   for k, s in zip(df["klass"], df["state"])]
    legend = [LegendItem(colors[i], _range_label(edges, i, decimals, lang), OK) for i in range(n)]
    if (df["state"] == HIDDEN).any():
        legend.append(LegendItem(SUPPRESSED_COLOR, suppress_explanation or f"{SUPPRESSED} {_hidden_text(lang)}", HIDDEN))
    if (df["state"] == MISSING).any():
        legend.append(LegendItem(MISSING_COLOR, fmt.number(None, lang=lang), MISSING))
    return Classification(df.drop(columns="suppressed"), edges, legend)


def _hidden_text(lang: str) -> str:
    return t("choropleth.too_few", lang)


def _range_label(edges: list[float], i: int, decimals: int, lang: str) -> str:
    lo, hi = edges[i], edges[min(i + 1, len(edges) - 1)]
    if lo == hi:
        return fmt.number(lo, decimals, lang)
    return f"{fmt.number(lo, decimals, lang)}\u2013{fmt.number(hi, decimals, lang)}"
