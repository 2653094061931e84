"""The "Risk- och skyddsfaktorer" section of an area profile, from a Picture (pure).

`area_factor_rows` is the machine-readable core (one row per registered factor indicator
with a figure for the area, and the kommun's figure for the same year), for the profile and
for a later verdict block. `section` turns it into what the profile shows: a table area
against kommun, the områdestyp mix, the utsatt-område surface share with its note, the
range of DeSO income medians and turnout per valdistrikt (a proxy for social cohesion).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from lagesbild import overrides
from lagesbild import fmt
from lagesbild.config import load_kommun, settings
from lagesbild.geo import METRIC_CRS, factors, omradestyp, turnout, uso_share
from lagesbild.geo import areas as areas_mod
from lagesbild.geo.layers import layer
from lagesbild.i18n import t
from lagesbild.registry.indicators import indicators
from lagesbild.registry.sources import source

COLUMNS = ["indicator_id", "value", "kommun_value", "year", "source_id", "direction", "unit"]
# Shown in blocks of their own (with their notes), not in the comparison table.
OWN_BLOCK = {omradestyp.INDICATOR, uso_share.INDICATOR, turnout.INDICATOR}
ROLE_KEYS = {"lower_better": "fac.role.risk", "higher_better": "fac.role.protective", "neutral": "fac.role.neutral"}
MAJORITY = 0.5  # a valdistrikt is listed for an area when at least half its surface lies in it


def _observations(store_or_picture) -> pd.DataFrame:
    if isinstance(store_or_picture, pd.DataFrame):
        return store_or_picture
    if hasattr(store_or_picture, "table"):
        return store_or_picture.table("observations")
    from lagesbild.picture import load_live  # a Store: read the live picture

    with store_or_picture.session() as s:
        return load_live(s, names=["observations"]).table("observations")


def area_factor_rows(store_or_picture, area_code: str) -> pd.DataFrame:
    """indicator_id, value, kommun_value, year, source_id, direction, unit: the newest figure
    of every factor indicator for the area, and the kommun's figure for the same year
    (NaN when the kommun has none that year: never a figure from another year)."""
    obs = _observations(store_or_picture)
    kommun = load_kommun().code
    wanted = [i for i in indicators().values() if i.factor]
    ids = {i.id for i in wanted}
    df = obs[obs["indicator_id"].isin(ids) & obs["value"].notna() & (obs["gender"].fillna("T") == "T")]
    rows = []
    for ind in wanted:
        mine = df[(df["indicator_id"] == ind.id) & (df["area_code"] == area_code)].sort_values("period_end")
        if mine.empty:
            continue
        last = mine.iloc[-1]
        k = df[(df["indicator_id"] == ind.id) & (df["area_code"] == kommun) & (df["period"].astype(str) == str(last["period"]))]
        rows.append({"indicator_id": ind.id, "value": float(last["value"]),
                     "kommun_value": float(k["value"].iloc[0]) if not k.empty else math.nan,
                     "year": str(last["period"]), "source_id": ind.source_id, "direction": ind.direction, "unit": ind.unit})
    return pd.DataFrame(rows, columns=COLUMNS)


# --- what the profile shows -------------------------------------------------------------------


@dataclass
class FactorSection:
    table: pd.DataFrame = field(default_factory=pd.DataFrame)
    table_sources: tuple[str, ...] = ()
    table_tom: str | None = None
    income: str = ""
    income_year: str | None = None
    types: str = ""
    uso: str = ""
    uso_note: str = ""
    turnout: pd.DataFrame = field(default_factory=pd.DataFrame)
    turnout_text: str = ""
    turnout_tom: date | str | None = None


def _pct(v: float, lang: str) -> str:
    return fmt.number(None, lang=lang) if v is None or math.isnan(v) else f"{fmt.number(v, 1, lang)}\u00a0%"


def _pp(a: float, b: float, lang: str) -> str:
    if any(x is None or math.isnan(x) for x in (a, b)):
        return fmt.number(None, lang=lang)
    d = round(a - b, 1) + 0.0  # + 0.0: no "-0,0"
    return f"{'+' if d > 0 else ''}{fmt.number(d, 1, lang)} {t('fac.pp', lang)}"


def comparison_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Area against kommun for the factor shares (the table of the section)."""
    shown = rows[~rows["indicator_id"].isin(OWN_BLOCK) & (rows["unit"] == "procent")]
    reg = indicators()
    return pd.DataFrame({
        t("fac.col.factor", lang): [reg[i].name(lang) for i in shown["indicator_id"]],
        t("fac.col.kind", lang): [t(ROLE_KEYS[d], lang) for d in shown["direction"]],
        t("fac.col.area", lang): [_pct(v, lang) for v in shown["value"]],
        t("fac.col.kommun", lang): [_pct(v, lang) for v in shown["kommun_value"]],
        t("fac.col.diff", lang): [_pp(a, b, lang) for a, b in zip(shown["value"], shown["kommun_value"])],
        t("fac.col.year", lang): list(shown["year"]),
        t("fac.col.source", lang): [source(s).attribution.removeprefix("Källa: ") for s in shown["source_id"]],
    }).reset_index(drop=True)


def _deso_of(districts: pd.DataFrame, parts) -> list[str]:
    if districts.empty:
        return []
    d = districts[districts["level"] == "deso"]
    return list(d.loc[d["parent_code"].isin(list(parts)), "code"])


def income_text(obs: pd.DataFrame, districts: pd.DataFrame, code: str, parts, lang: str) -> tuple[str, str | None]:
    """"lowest–highest tkr (n DeSO)" for the area and the kommun: the range of the DeSO
    medians, never a mean of them."""
    rows = obs[obs["indicator_id"] == factors.MEDIAN_INDICATOR]
    if rows.empty:
        return "", None
    medians = dict(zip(rows["area_code"], rows["value"].astype(float)))
    year = str(rows["period"].max())
    mine = factors.income_range(medians, _deso_of(districts, (code, *parts)))
    whole = factors.income_range(medians, list(medians))

    def span(r):
        return f"{fmt.number(r[0], 0, lang)}–{fmt.number(r[1], 0, lang)} {t('fac.tkr', lang)} ({r[2]} DeSO)"

    if mine is None:
        return t("fac.income.none", lang).format(kommun=span(whole) if whole else fmt.number(None, lang=lang)), year
    return t("fac.income", lang).format(area=span(mine), kommun=span(whole) if whole else fmt.number(None, lang=lang)), year


def _mix_text(m: dict[int, float] | None, lang: str) -> str:
    if not m:
        return fmt.number(None, lang=lang)
    return ", ".join(f"{fmt.number(100 * s, 0, lang)}\u00a0% {t('fac.type', lang)} {k}" for k, s in sorted(m.items()) if s > 0)


def types_text(obs: pd.DataFrame, code: str, parts, lang: str) -> str:
    rows = obs[obs["indicator_id"] == omradestyp.INDICATOR]
    if rows.empty:
        return ""
    typ = dict(zip(rows["area_code"], rows["value"].astype(float)))
    from lagesbild.geo.measures import population

    pops, _, _ = population(obs)
    own = [code] if code in typ else list(parts)
    if not all(p in typ for p in own):
        return t("fac.types.none", lang)
    return t("fac.types", lang).format(area=_mix_text(omradestyp.mix(typ, pops, own), lang),
                                       kommun=_mix_text(omradestyp.mix(typ, pops, list(typ)), lang))


def uso_texts(obs: pd.DataFrame, code: str, lang: str) -> tuple[str, str]:
    """The recomputed surface share, and the note when the shared file says otherwise."""
    rows = obs[(obs["indicator_id"] == uso_share.INDICATOR)]
    if rows.empty:
        return "", ""
    vals = dict(zip(rows["area_code"], rows["value"].astype(float)))
    kommun = load_kommun().code
    here = vals.get(code)
    cmp = uso_comparison()
    special = dict(zip(cmp["code"], cmp["sarskilt"]))
    text = t("fac.uso", lang).format(area=_pct(here, lang) if here is not None else fmt.number(None, lang=lang),
                                     kommun=_pct(vals.get(kommun, math.nan), lang),
                                     special=_pct(special.get(code, math.nan), lang))
    hit = cmp[cmp["code"].isin([code, kommun]) & cmp["sarskilt_only_in_file"]]
    note = ""
    if not hit.empty:
        names = {**dict(zip(areas_mod.catalogue()["code"], areas_mod.catalogue()["name"])), kommun: t("fac.kommun.inline", lang)}
        where = ", ".join(f"{names.get(c, c)} ({fmt.number(v, 2, lang)}\u00a0%)" for c, v in zip(hit["code"], hit["sarskilt_file"]))
        note = t("fac.uso.note", lang).format(where=where)
    return text, note


def uso_comparison() -> pd.DataFrame:
    return _uso_comparison(settings().kommun_config)


@overrides.cached(4)
def _uso_comparison(_config: Path) -> pd.DataFrame:
    from lagesbild.importers.uso_layer import uso_areas

    mine = uso_share.shares(uso_areas(), layer("utsatta_omraden"))
    return uso_share.compare(mine, uso_share.read_shared(factors.factor_file("uso_overlap_shared")))


def valdistrikt_in(code: str) -> list[tuple[str, str]]:
    """(code, name) of the valdistrikt with at least half their surface inside the area."""
    return list(_valdistrikt_in(code, settings().kommun_config))


@overrides.cached(64)
def _valdistrikt_in(code: str, _config: Path) -> tuple[tuple[str, str], ...]:
    cat = areas_mod.catalogue()
    if code not in cat.index:
        return ()
    target = cat.loc[[code]].to_crs(METRIC_CRS).geometry.iloc[0]
    vd = layer("valdistrikt").to_crs(METRIC_CRS)
    return tuple((c, n) for c, n, g in zip(vd["code"], vd["name"], vd.geometry)
                 if g.area and g.intersection(target).area / g.area >= MAJORITY)


def turnout_table(obs: pd.DataFrame, codes: list[tuple[str, str]], lang: str) -> pd.DataFrame:
    rows = obs[obs["indicator_id"] == turnout.INDICATOR]
    if rows.empty or not codes:
        return pd.DataFrame()
    periods = sorted(rows["period"].astype(str).unique())
    val = {(a, str(p)): v for a, p, v in zip(rows["area_code"], rows["period"], rows["value"].astype(float))}
    kommun = load_kommun().code
    out = [{t("fac.col.valdistrikt", lang): f"{n} ({c})",
            **{p: _pct(val.get((c, p), math.nan), lang) for p in periods}} for c, n in codes]
    out.append({t("fac.col.valdistrikt", lang): t("fac.kommun", lang),
                **{p: _pct(val.get((kommun, p), math.nan), lang) for p in periods}})
    return pd.DataFrame(out)


def section(picture, code: str, parts, level: str, lang: str = "sv") -> FactorSection:
    obs = picture.table("observations")
    rows = area_factor_rows(obs, code)
    sec = FactorSection()
    sec.table = comparison_table(rows, lang)
    shown = rows[~rows["indicator_id"].isin(OWN_BLOCK) & (rows["unit"] == "procent")]
    sec.table_sources = tuple(dict.fromkeys(shown["source_id"]))
    years = sorted(shown["year"].unique())
    sec.table_tom = "–".join(dict.fromkeys([years[0], years[-1]])) if years else None  # "2024–2025" (year per row)
    sec.income, sec.income_year = income_text(obs, picture.table("districts"), code, parts, lang)
    sec.types = types_text(obs, code, parts, lang)
    sec.uso, sec.uso_note = uso_texts(obs, code, lang)
    if level == "valdistrikt":
        districts = [(code, str(areas_mod.catalogue()["name"].get(code, code)))]
    else:
        districts = valdistrikt_in(code)
    sec.turnout = turnout_table(obs, districts, lang)
    sec.turnout_text = t("fac.turnout.own" if level == "valdistrikt" else "fac.turnout.list", lang)
    trows = obs[obs["indicator_id"] == turnout.INDICATOR]
    sec.turnout_tom = str(trows["period"].max()) if not trows.empty else None
    return sec
