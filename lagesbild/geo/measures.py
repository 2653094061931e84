"""What a district map can show, computed from a Picture's tables (pure functions).

An *area* is a district of a map layer or a priority area (a set of districts). Values
for a priority area are summed from its districts where that is meaningful (counts,
population), never averaged; a rate is recomputed from the summed count and population.

Counts of a registered indicator are shown as rates per 1 000 inhabitants; published police
notices are shown as counts (they are not crime statistics, so no rate per inhabitant). Small
counts are hidden (lagesbild.privacy) and so is every figure derived from one, including a
priority area whose district is hidden.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from lagesbild import privacy
from lagesbild.geo import Area  # noqa: F401  (measures.Area: the type of every area figure)
from lagesbild.i18n import t
from lagesbild.registry.indicators import indicators

POPULATION = "scb_befolkning"
EVENTS = "polisen_handelser_antal"
PER = 1_000


@dataclass(frozen=True)
class Measure:
    id: str
    name_sv: str
    name_en: str
    unit_sv: str
    unit_en: str
    source_ids: tuple[str, ...]
    decimals: int = 0
    indicator_id: str | None = None
    note_sv: str = ""
    note_en: str = ""

    def name(self, lang: str = "sv") -> str:
        return self.name_en if lang == "en" else self.name_sv

    def unit(self, lang: str = "sv") -> str:
        return self.unit_en if lang == "en" else self.unit_sv

    def note(self, lang: str = "sv") -> str:
        return self.note_en if lang == "en" else self.note_sv


DENSITY = Measure("tathet", "Befolkningstäthet", "Population density", "inv./km²", "inh./km²",
                  ("scb_befolkning", "scb_regso"), 0, POPULATION,
                  "Folkmängd delad med områdets yta (generaliserade gränser, sjöar ingår).",
                  "Population divided by the area's surface (generalised boundaries, lakes included).")
POP = Measure("befolkning", "Folkmängd", "Population", "invånare", "inhabitants", ("scb_befolkning",), 0, POPULATION)
NOTICES = Measure(
    "handelser", "Publicerade polishändelser", "Published police notices", "notiser", "notices",
    ("polisen_handelser",), 0, EVENTS,
    "Antal pressnotiser som nämner en ort i området: inte brottsstatistik, och därför inte per invånare. Bara orter "
    "som motsvarar hela områden räknas.",
    "Number of press notices naming a place in the area: not crime statistics, so not per inhabitant. Only places "
    "matching whole areas are counted.",
)


@dataclass
class MapValues:
    """One row per area: the figure to colour, and what it is made of."""

    measure: Measure
    period: str | None
    data_tom: date | None
    table: pd.DataFrame  # code, name, kind, value, suppressed, count, population, area_km2, note
    notes: list[str] = field(default_factory=list)
    partial: bool = False  # the period is a part year (police notices)

    def period_text(self, lang: str = "sv") -> str | None:
        if not self.period:
            return None
        return f"{self.period} ({t('measures.part_year', lang)})" if self.partial else str(self.period)


# --- population ---------------------------------------------------------------------------


def _obs(picture_or_obs) -> pd.DataFrame:
    if isinstance(picture_or_obs, pd.DataFrame):
        return picture_or_obs
    return picture_or_obs.table("observations")


def series(obs: pd.DataFrame, indicator_id: str, period: str | None = None) -> tuple[pd.DataFrame, str | None]:
    """Rows of one indicator (total gender) for one period (default: the newest)."""
    df = obs[(obs["indicator_id"] == indicator_id)]
    if "gender" in df:
        df = df[df["gender"].fillna("T") == "T"]
    if df.empty:
        return df, None
    period = period or str(df.sort_values("period_end")["period"].iloc[-1])
    return df[df["period"].astype(str) == str(period)], period


def population(obs: pd.DataFrame, period: str | None = None) -> tuple[dict[str, float], str | None, date | None]:
    """area_code → population for a period (default: the newest), with the period's end."""
    df, period = series(obs, POPULATION, period)
    df = df[df["value"].notna()]
    end = _end(df)
    return dict(zip(df["area_code"], df["value"].astype(float))), period, end


def population_near(obs: pd.DataFrame, period: str) -> tuple[dict[str, float], str | None, date | None]:
    """Population for the year of `period`, or the nearest year there is (rates need one)."""
    df, _ = series(obs, POPULATION)
    all_pop = obs[obs["indicator_id"] == POPULATION]
    years = sorted({str(p)[:4] for p in all_pop["period"]}) if not all_pop.empty else []
    if not years:
        return {}, None, None
    want = int(str(period)[:4])
    best = min(years, key=lambda y: (abs(int(y) - want), -int(y)))
    return population(obs, best)


def _end(df: pd.DataFrame) -> date | None:
    if df.empty or "period_end" not in df:
        return None
    end = pd.to_datetime(df["period_end"]).max()
    return None if pd.isna(end) else end.date()


def summed(values: dict[str, float], parts: tuple[str, ...]) -> float:
    """Sum over parts; NaN when any part is unknown (a partial sum would understate)."""
    got = [values.get(p) for p in parts]
    if not got or any(v is None or (isinstance(v, float) and math.isnan(v)) for v in got):
        return math.nan
    return float(sum(got))


def area_population(obs: pd.DataFrame, areas: list[Area], period: str | None = None) -> pd.Series:
    pops, _, _ = population(obs, period)
    return pd.Series({a.code: pops.get(a.code, summed(pops, a.parts)) for a in areas}, dtype=float)


# --- available measures -------------------------------------------------------------------


def available(picture, district_codes: set[str]) -> list[Measure]:
    """The measures that have figures for these districts: density and population only where
    the population is known (a kommun with valdistrikt only has none)."""
    obs = _obs(picture)
    here = obs[obs["area_code"].isin(district_codes) & obs["value"].notna()]
    out = [DENSITY, POP] if (here["indicator_id"] == POPULATION).any() else []
    if not picture.table("police_events").empty:
        out.insert(0, NOTICES)  # the safety layer first: the map's default (see default_measure)
    for iid in sorted(set(here["indicator_id"].unique()) - {POPULATION, EVENTS}):
        ind = indicators().get(iid)
        if ind is None:
            continue
        out.append(indicator_measure(iid))
    return out


def default_measure(options: list[Measure]) -> Measure:
    """The most relevant safety layer with data: police notices when there are any (first in
    `available`), else population density."""
    return options[0] if options else DENSITY


def indicator_measure(indicator_id: str) -> Measure:
    ind = indicators()[indicator_id]
    if ind.is_count:
        return Measure(f"ind:{ind.id}", f"{ind.name_sv} per 1 000 invånare", f"{ind.name_en} per 1,000 inhabitants",
                       "per 1 000 inv.", "per 1,000 inh.", (ind.source_id, "scb_befolkning"), 1, ind.id,
                       ind.proxy, ind.proxy)
    # Whole numbers for counts and for classes (an områdestyp is 2, not 2,0).
    return Measure(f"ind:{ind.id}", ind.name_sv, ind.name_en, ind.unit_label("sv"), ind.unit_label("en"),
                   (ind.source_id,), 0 if ind.unit in ("antal", "typ") else 1, ind.id, ind.proxy, ind.proxy)


def periods(picture, measure: Measure) -> list[str]:
    """Periods with figures for the measure, newest first."""
    if measure.id == NOTICES.id:
        from lagesbild.geo.events import occurred

        years = occurred(picture).dt.year.dropna().astype(int)
        return [str(y) for y in sorted(set(years), reverse=True)]
    obs = _obs(picture)
    df = obs[obs["indicator_id"] == measure.indicator_id]
    if df.empty:
        return []
    return list(df.sort_values("period_end", ascending=False)["period"].astype(str).drop_duplicates())


def default_period(picture, measure: Measure) -> str | None:
    """The newest period, except for events: the newest *complete* year."""
    if measure.id == NOTICES.id:
        from lagesbild.geo.events import complete_year

        return complete_year(picture)
    found = periods(picture, measure)
    return found[0] if found else None


def partial_periods(picture, measure: Measure) -> frozenset[str]:
    """The events years the notices do not cover in full (the first and the newest year),
    shown as such next to the period; none for other measures."""
    if measure.id != NOTICES.id:
        return frozenset()
    from lagesbild.geo.events import partial_years

    return partial_years(picture)


# --- values per area ----------------------------------------------------------------------


def values(picture, measure: Measure, areas: list[Area], period: str | None = None,
           event_counts: dict[str, float] | None = None, n: int | None = None,
           event_hidden: set[str] | frozenset[str] = frozenset()) -> MapValues:
    """The measure per area. `event_counts` (area code → events, for NOTICES) and
    `event_hidden` (codes whose count is suppressed) come from the protected notice table
    (lagesbild.geo.events.protected); areas it does not cover stay "Uppgift saknas". Notices
    are shown as counts, never per inhabitant."""
    n = privacy.threshold() if n is None else n
    obs = _obs(picture)
    base = pd.DataFrame([{"code": a.code, "name": a.name, "kind": a.kind, "area_km2": a.area_km2} for a in areas])
    if measure.id in (DENSITY.id, POP.id):
        pops, period, tom = population(obs, period)
        pop = [pops.get(a.code, summed(pops, a.parts)) for a in areas]
        base["population"] = pop
        base["count"] = np.nan
        base["value"] = pop if measure.id == POP.id else [p / a.area_km2 if a.area_km2 else math.nan for p, a in zip(pop, areas)]
        base["suppressed"] = False
        return MapValues(measure, period, tom, base)
    if measure.id == NOTICES.id:
        out = _count_rate(obs, measure, areas, base, period, event_counts or {}, n, event_hidden)
        out.table["value"] = out.table["count"]
        out.notes = []
        return out
    ind = indicators()[measure.indicator_id]
    rows, period = series(_protected(picture, ind.id), ind.id, period)
    if ind.is_count:
        counts = dict(zip(rows["area_code"], rows["value"].astype(float)))
        out = _count_rate(obs, measure, areas, base, period, counts, n, _hidden(rows))
        out.data_tom = _end(rows)
        return out
    vals = dict(zip(rows["area_code"], rows["value"].astype(float)))
    hidden = _hidden(rows)
    # Non-additive figures (shares, rates): only where the source gives the area itself.
    base["value"] = [vals.get(a.code, vals.get(a.parts[0]) if len(a.parts) == 1 else math.nan) for a in areas]
    base["suppressed"] = [a.code in hidden or (len(a.parts) == 1 and a.parts[0] in hidden) for a in areas]
    base["value"] = base["value"].where(~base["suppressed"])
    base["count"], base["population"] = np.nan, np.nan
    return MapValues(measure, period, _end(rows), base)


def _protected(picture_or_obs, indicator_id: str) -> pd.DataFrame:
    """The indicator's rows as every view shows them (lagesbild.queries.indicators.protected):
    a district count hidden to keep a small neighbour from being worked out is hidden on the
    map too. A bare table (tests of the arithmetic) is taken as it is."""
    if isinstance(picture_or_obs, pd.DataFrame):
        return picture_or_obs
    from lagesbild.queries import indicators as iv

    return iv.protected(picture_or_obs, indicator_id)


def _hidden(rows: pd.DataFrame) -> set[str]:
    mask = rows["status"] == "sekretess" if "status" in rows else pd.Series(False, index=rows.index)
    if "suppressed" in rows:
        mask = mask | rows["suppressed"].astype(bool)
    return set(rows.loc[mask, "area_code"])


def _count_rate(obs, measure, areas, base, period, counts, n, hidden_src=frozenset()) -> MapValues:
    """Counts per area → per 1 000 inhabitants; hide small counts and what they would reveal."""
    pops, pop_period, _ = population_near(obs, period) if period else ({}, None, None)
    rows = []
    for a in areas:
        parts = (a.code,) if a.code in counts else a.parts
        count = summed(counts, parts)
        hidden = any(p in hidden_src or privacy.is_small(counts.get(p), n) for p in parts)
        pop = pops.get(a.code, summed(pops, a.parts))
        rate = count / pop * PER if pop and not math.isnan(count) and not math.isnan(pop) else math.nan
        rows.append({"count": math.nan if hidden else count, "population": pop,
                     "value": math.nan if hidden else rate, "suppressed": hidden})
    out = pd.concat([base, pd.DataFrame(rows)], axis=1)
    notes = []
    if pop_period and period and str(pop_period)[:4] != str(period)[:4]:
        notes.append(f"befolkning {pop_period}")
    tom = None
    return MapValues(measure, period, tom, out, notes)
