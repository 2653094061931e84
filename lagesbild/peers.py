"""The kommun against its comparison kommuner ("Jämfört med liknande kommuner"), per Brå category.

No streamlit here. Which kommuner are compared is configuration (`[peers]` in the kommun
file), never code. For an indicator (Brå's rate per 100 000) and each year:

- the kommun's value and its rank among the kommun and its peers (1 = fewest per 100 000);
- the peers' band: median, 25th and 75th percentile (the middle half), min and max, and how
  many peers have a value (a hidden or missing value is left out and the count says so);
- outliers: a value more than `OUTLIER_FACTOR` times the median of the same kommun's values
  in the `OUTLIER_WINDOW` years before and after. They are marked, and kept in every figure.

`peer_verdict` reads the newest year: below the band = lower than comparable kommuner, above
it = higher, else in line; better/worse only where the registry's `direction` says which way
is better. Reported offences also reflect reporting propensity, which differs between
kommuner: the page says so next to every verdict.
"""
from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lagesbild import fmt
from lagesbild.queries import indicators as iv
from lagesbild.config import Peers, load_kommun
from lagesbild.i18n import t
from lagesbild.importers import bra
from lagesbild.registry.indicators import Indicator, indicator, indicators

OUTLIER_FACTOR = 2.0
OUTLIER_WINDOW = 2  # years on each side
OUTLIER_MIN_NEIGHBOURS = 2  # fewer known neighbouring years: no judgement, not marked
MIN_PEERS = 3  # fewer peers with a value that year: no band, no rank, no verdict
LOWER, IN_LINE, HIGHER = "lagre", "i_niva", "hogre"
BETTER, WORSE = "battre", "samre"

VALUE_COLUMNS = ["area_code", "name", "is_kommun", "period", "year", "value", "suppressed", "neighbour_median", "outlier"]
COMPARISON_COLUMNS = ["period", "year", "kommun_value", "kommun_suppressed", "kommun_outlier", "median", "p25", "p75",
                      "min", "max", "n_peers", "rank", "n_ranked", "outliers"]


def config() -> Peers:
    return load_kommun().peers


def categories(focus_area_id: str | None = None) -> list[Indicator]:
    """Brå's per-100 000 categories (the importer's own key → id mapping), optionally only
    those of one focus area."""
    reg = indicators()
    ids = [bra.indicator_id(key, "per100k") for key in bra.KEYS]
    return [reg[i] for i in ids if i in reg and (focus_area_id is None or focus_area_id in reg[i].focus_areas)]


# --- values and outliers ------------------------------------------------------------------


def mark_outliers(values: pd.DataFrame, factor: float = OUTLIER_FACTOR, window: int = OUTLIER_WINDOW) -> pd.DataFrame:
    """`values` (area_code, year, value) with `neighbour_median` and `outlier` added: per area,
    the median of its known values in the `window` years on each side (not the year itself),
    and whether the value is more than `factor` times that median."""
    out = values.copy()
    medians, flags = [], []
    known = {(a, y): v for a, y, v in zip(out["area_code"], out["year"], out["value"]) if _known(v)}
    for a, y, v in zip(out["area_code"], out["year"], out["value"]):
        near = [known[(a, x)] for x in range(y - window, y + window + 1) if x != y and (a, x) in known]
        med = float(statistics.median(near)) if len(near) >= OUTLIER_MIN_NEIGHBOURS else math.nan
        medians.append(med)
        flags.append(bool(_known(v) and _known(med) and med > 0 and v > factor * med))
    out["neighbour_median"] = medians
    out["outlier"] = flags
    return out


def _known(v) -> bool:
    return v is not None and not (isinstance(v, float) and math.isnan(v))


def values(picture, indicator_id: str) -> pd.DataFrame:
    """Every annual value of the kommun and its peers, protected (a hidden value is NaN with
    `suppressed`), with outliers marked. One row per kommun and year."""
    return iv.memo(picture, ("peers.values", indicator_id), lambda: _values(picture, indicator_id))


def _values(picture, indicator_id: str) -> pd.DataFrame:
    kommun, peers = load_kommun(), config()
    names = {kommun.code: kommun.name, **peers.names}
    df = iv.protected(picture, indicator_id)
    if df.empty:
        return pd.DataFrame(columns=VALUE_COLUMNS)
    df = df[df["area_code"].isin(names) & (df["gender"] == "T") & (df["status"] != "saknas")]
    df = df[df["period"].astype(str).map(lambda p: bool(re.fullmatch(r"\d{4}", p)))]
    if df.empty:
        return pd.DataFrame(columns=VALUE_COLUMNS)
    out = pd.DataFrame({
        "area_code": df["area_code"].astype(str).to_numpy(),
        "name": df["area_code"].map(names).to_numpy(),
        "is_kommun": (df["area_code"] == kommun.code).to_numpy(),
        "period": df["period"].astype(str).to_numpy(),
        "year": df["period"].astype(int).to_numpy(),
        "value": df["value"].astype(float).to_numpy(),
        "suppressed": df["suppressed"].astype(bool).to_numpy(),
    })
    out = mark_outliers(out)
    return out.sort_values(["year", "is_kommun", "name"], ascending=[True, False, True])[VALUE_COLUMNS].reset_index(drop=True)


# --- per year -------------------------------------------------------------------------------


def rank_of(value: float, others: list[float]) -> int:
    """1 + how many of the others are strictly lower: 1 = fewest; a tie shares the better place."""
    return 1 + sum(1 for o in others if o < value)


def comparison(picture, indicator_id: str) -> pd.DataFrame:
    """Per year: the kommun's value, the peers' median, p25, p75, min, max, how many peers have
    a value, the kommun's rank among itself and those peers (1 = lowest), and the outliers of
    that year as (name, value, neighbour median) tuples."""
    return iv.memo(picture, ("peers.comparison", indicator_id), lambda: year_table(values(picture, indicator_id)))


def year_table(vals: pd.DataFrame) -> pd.DataFrame:
    """`comparison` from a `values` frame (separate so it can be tested on its own). Plain
    Python over the rows: a frame per year cost a second per page on a cold start."""
    by_year: dict[int, list[tuple]] = {}
    for rec in zip(vals["year"], vals["is_kommun"], vals["value"], vals["suppressed"], vals["outlier"],
                   vals["name"], vals["neighbour_median"]):
        by_year.setdefault(int(rec[0]), []).append(rec)
    rows = []
    for year in sorted(by_year):
        g = by_year[year]
        own = [r for r in g if r[1]]
        peer_vals = [float(r[2]) for r in g if not r[1] and _known(r[2])]
        kv = float(own[0][2]) if own and _known(own[0][2]) else math.nan
        band = len(peer_vals) >= MIN_PEERS
        rows.append({
            "period": str(year), "year": year, "kommun_value": kv,
            "kommun_suppressed": bool(own[0][3]) if own else False,
            "kommun_outlier": bool(own[0][4]) if own else False,
            "median": float(statistics.median(peer_vals)) if band else math.nan,
            "p25": float(np.quantile(peer_vals, 0.25)) if band else math.nan,  # linear, as pandas' quantile
            "p75": float(np.quantile(peer_vals, 0.75)) if band else math.nan,
            "min": min(peer_vals) if peer_vals else math.nan,
            "max": max(peer_vals) if peer_vals else math.nan,
            "n_peers": len(peer_vals),
            "rank": rank_of(kv, peer_vals) if band and _known(kv) else None,
            "n_ranked": len(peer_vals) + 1 if band and _known(kv) else None,
            "outliers": tuple((r[5], float(r[2]), float(r[6])) for r in g if r[4]),
        })
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


# --- the verdict ------------------------------------------------------------------------------


def position(value: float, p25: float, p75: float) -> str:
    """Below the peers' middle half, above it, or within it (the edges count as within)."""
    if value < p25:
        return LOWER
    if value > p75:
        return HIGHER
    return IN_LINE


def reading(pos: str, direction: str) -> str | None:
    """Better / worse / in line, only where the registry says which way is better."""
    if direction not in ("lower_better", "higher_better"):
        return None
    if pos == IN_LINE:
        return IN_LINE
    good = LOWER if direction == "lower_better" else HIGHER
    return BETTER if pos == good else WORSE


@dataclass(frozen=True)
class Verdict:
    indicator_id: str
    period: str
    value: float
    rank: int
    n_ranked: int
    median: float
    p25: float
    p75: float
    n_peers: int
    position: str  # lagre | i_niva | hogre
    reading: str | None  # battre | samre | i_niva | None (neutral direction)
    direction: str
    kommun_outlier: bool

    def position_text(self, lang: str = "sv") -> str:
        return t(f"peers.position.{self.position}", lang)

    def rank_text(self, lang: str = "sv") -> str:
        return t("peers.rank", lang).format(rank=self.rank, n=self.n_ranked)

    def sentence(self, lang: str = "sv") -> str:
        """"Huddinge 2025: 11 838 per 100 000 inv. – plats 6 av 10 (1 = lägst), i nivå med …"."""
        ind = indicator(self.indicator_id)
        return t("peers.sentence", lang).format(
            kommun=load_kommun().name, period=self.period, value=fmt.number(self.value, 0, lang), unit=ind.unit_label(lang),
            rank=self.rank_text(lang), position=self.position_text(lang), p25=fmt.number(self.p25, 0, lang),
            p75=fmt.number(self.p75, 0, lang), median=fmt.number(self.median, 0, lang))

    def reading_text(self, lang: str = "sv") -> str:
        if self.reading is None:
            return t("peers.reading.neutral", lang)
        return t(f"peers.direction.{self.direction}", lang) + ": " + t(f"peers.reading.{self.reading}", lang).format(
            kommun=load_kommun().name)


def peer_verdict(picture, indicator_id: str) -> Verdict | None:
    """The newest year in which the kommun has a value and enough peers do too; None if none."""
    table = comparison(picture, indicator_id)
    ok = table[table["rank"].notna()]
    if ok.empty:
        return None
    r = ok.iloc[-1]
    direction = indicator(indicator_id).direction
    pos = position(r["kommun_value"], r["p25"], r["p75"])
    return Verdict(indicator_id, r["period"], float(r["kommun_value"]), int(r["rank"]), int(r["n_ranked"]), float(r["median"]),
                   float(r["p25"]), float(r["p75"]), int(r["n_peers"]), pos, reading(pos, direction), direction,
                   bool(r["kommun_outlier"]))


def outlier_text(name: str, period: str, value: float, median: float, lang: str = "sv") -> str:
    return t("peers.outlier_point", lang).format(name=name, period=period, value=fmt.number(value, 0, lang),
                                                 median=fmt.number(median, 0, lang))
