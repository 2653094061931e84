"""An area profile (Områden page) from a Picture: one template for districts and priority areas.

Every figure says where it comes from; where the source only has the kommun (most Brå and
Kolada figures) the area column says so plainly instead of borrowing the kommun's figure.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from lagesbild.queries import activities as av
from lagesbild.queries import indicators as iv
from lagesbild import fmt, privacy
from lagesbild.config import load_kommun
from lagesbild.geo import area_factors
from lagesbild.geo import areas as areas_mod
from lagesbild.geo import events, measures, priority
from lagesbild.geo.delimitation import components
from lagesbild.geo.layers import area_label, layer
from lagesbild.i18n import t
from lagesbild.registry.indicators import indicators

NO_AREA_LEVEL = "profile.no_area_level"  # keys in lagesbild.i18n
NOT_PLACEABLE = "profile.not_placeable"
AREA_LEVELS = ("regso", "deso", "valdistrikt", "omrade", "kommundel")


@dataclass
class Figure:
    value: float | None
    text: str
    source_ids: tuple[str, ...]
    period: str | None
    data_tom: date | str | None


@dataclass
class Profile:
    code: str
    name: str
    level: str
    parts: tuple[str, ...]
    area_km2: float
    population: Figure
    kommun_population: Figure
    priority: priority.PriorityArea | None = None
    parts_table: pd.DataFrame = field(default_factory=pd.DataFrame)
    in_priority: list[tuple[str, str]] = field(default_factory=list)
    key_figures: pd.DataFrame = field(default_factory=pd.DataFrame)
    factors: area_factors.FactorSection = field(default_factory=area_factors.FactorSection)
    uso: pd.DataFrame = field(default_factory=pd.DataFrame)
    uso_history: pd.DataFrame = field(default_factory=pd.DataFrame)
    events: pd.DataFrame = field(default_factory=pd.DataFrame)
    events_summary: str = ""
    events_tom: date | None = None
    events_types: pd.DataFrame = field(default_factory=pd.DataFrame)
    activities: pd.DataFrame = field(default_factory=pd.DataFrame)
    reforms: pd.DataFrame = field(default_factory=pd.DataFrame)
    map_summary: str = ""


# --- choosing an area ---------------------------------------------------------------------


def options() -> list[tuple[str, str, str]]:
    """(code, name, level) of every area with a profile: priority areas, RegSO, valdistrikt."""
    cat = areas_mod.catalogue()
    order = {areas_mod.PRIORITY_LEVEL: 0, "regso": 1, "valdistrikt": 2}
    rows = sorted(zip(cat["code"], cat["name"], cat["level"]), key=lambda r: (order.get(r[2], 9), r[1]))
    return rows


def exists(code: str | None) -> bool:
    return bool(code) and code in areas_mod.catalogue().index


# --- building a profile -------------------------------------------------------------------


def build(picture, code: str, lang: str = "sv") -> Profile:
    cat = areas_mod.catalogue()
    row = cat.loc[code]
    parts = tuple(row["parts"])
    obs = picture.table("observations")
    pop, kpop = _population(obs, code, parts, lang)
    prio = priority.by_code().get(code)
    p = Profile(code=code, name=row["name"], level=row["level"], parts=parts, area_km2=float(row["area_km2"]),
                population=pop, kommun_population=kpop, priority=prio)
    p.parts_table = _parts_table(obs, prio, lang) if prio else pd.DataFrame()
    names = dict(zip(cat["code"], cat["name"]))
    p.in_priority = [(c, names[c]) for c in areas_mod.priority_of(code)]
    p.key_figures = key_figures(picture, code, parts, row["level"], float(row["area_km2"]), pop, kpop, lang)
    p.factors = area_factors.section(picture, code, parts, row["level"], lang)
    p.uso = _uso(code)
    p.uso_history = uso_history_for(list(p.uso["uso_name"]) if not p.uso.empty else [])
    p.events, p.events_summary, p.events_tom = _events(picture, code, lang)
    p.events_types = events_by_type(picture, code, lang)
    p.activities = activities_for(picture, code, parts, lang)
    p.reforms = reforms_for(picture, code, parts, lang)
    p.map_summary = _map_summary(p, lang)
    return p


def _population(obs, code, parts, lang) -> tuple[Figure, Figure]:
    """The area's population (SCB, summed over its districts) and the kommun's (Kolada N01951)."""
    pops, period, tom = measures.population(obs)
    value = pops.get(code, measures.summed(pops, parts))
    krows, kperiod = measures.series(obs, "kolada_N01951", period)
    krows = krows[krows["area_code"] == load_kommun().code]
    kval = float(krows["value"].iloc[0]) if not krows.empty else math.nan
    area = Figure(value, fmt.number(value, 0, lang), ("scb_befolkning",), period, tom)
    whole = Figure(kval, fmt.number(kval, 0, lang), ("kolada",), kperiod, measures._end(krows))
    return area, whole


def _parts_table(obs, prio: priority.PriorityArea, lang: str) -> pd.DataFrame:
    pops, _, _ = measures.population(obs)
    areas = dict(zip(layer(prio.layer)["code"], layer(prio.layer)["area_km2"]))
    return pd.DataFrame([{
        t("profile.parts_table.district", lang): name, t("profile.parts_table.code", lang): c,
        t("profile.population", lang): fmt.number(pops.get(c), 0, lang),
        area_label(prio.layer, lang): fmt.number(areas.get(c), 1, lang),
    } for c, name in components(prio)])


# --- key figures against the whole kommun ---------------------------------------------------


def key_figures(picture, code, parts, level, area_km2, pop: Figure, kpop: Figure, lang: str) -> pd.DataFrame:
    kommun = load_kommun()
    outline_km2 = float(layer("kommun_outline")["area_km2"].sum())
    rows = [
        _row(lang, t("profile.population", lang), pop.text, kpop.text, pop.period, "SCB / Kolada",
             t("profile.key_figures.municipality_s_population_from", lang)),
        _row(lang, t("profile.key_figures.population_density_inh_km", lang),
             fmt.number(_div(pop.value, area_km2), 0, lang), fmt.number(_div(kpop.value, outline_km2), 0, lang),
             pop.period, "SCB", t("profile.key_figures.area_from_generalised_boundaries", lang)),
    ]
    if pop.value is not None and not math.isnan(pop.value) and kpop.value:
        rows.append(_row(lang, t("profile.key_figures.share_municipality_s_population", lang),
                         fmt.percent(pop.value / kpop.value, 1, lang), "100\u00a0%", pop.period, "SCB / Kolada", ""))
    rows.append(_events_row(picture, code, pop, kpop, lang))
    related = related_codes(code, parts, picture.table("districts"), lang)
    shown = {"scb_befolkning", "kolada_N01951", measures.EVENTS}
    for ind in indicators().values():
        # The headline indicators always (so a missing area figure is said plainly), and
        # every other indicator that has a figure for this area. The area factors have a
        # section of their own (Risk- och skyddsfaktorer).
        if ind.factor or ind.id == area_factors.factors.MEDIAN_INDICATOR:
            continue
        if ind.id not in shown and (ind.headline or _has(picture, ind.id, related)):
            # Protected rows, as every other view shows them: a raw figure here could be one
            # the indicator's other views hide to keep a small count from being worked out.
            rows.append(_indicator_row(iv.protected(picture, ind.id), ind, related, kommun.code, lang))
    return pd.DataFrame(rows)


def related_codes(code: str, parts: tuple[str, ...], districts: pd.DataFrame | None = None,
                  lang: str = "sv") -> dict[str, str]:
    """Area codes whose observations describe this area → how (shown next to the figure).

    The area itself and its districts, and kommundelar named in survey texts (districts
    table, level kommundel) whose place lies in the area: their boundary is the survey's,
    not ours, which the note says."""
    out = {c: "" for c in (code, *parts)}
    if districts is None or districts.empty:
        return out
    try:
        from lagesbild.importers.places import place
    except ImportError:  # the place list is optional
        return out
    kd = districts[districts["level"] == "kommundel"]
    for kd_code, kd_name in zip(kd["code"], kd["name"]):
        pl = place(kd_name)
        if pl is None:
            continue
        same_regso = bool(pl.regso) and set(pl.regso) == set(parts)
        if pl.prio == code or same_regso:
            out[kd_code] = t("profile.related_codes.survey_s_district", lang, kd_name=kd_name)
    return out


def _has(picture, indicator_id, related) -> bool:
    areas = iv.memo(picture, ("areas_with_rows", indicator_id),
                    lambda: set(iv.protected(picture, indicator_id)["area_code"].unique()))
    return not areas.isdisjoint(related)


def _indicator_row(obs, ind, related: dict[str, str], kommun_code: str, lang: str) -> dict:
    all_rows = obs[obs["indicator_id"] == ind.id]
    rows = all_rows[all_rows["gender"].fillna("T") == "T"]
    krows = rows[rows["area_code"] == kommun_code].sort_values("period_end")
    kval = _val_text(krows.iloc[-1], ind, lang) if not krows.empty else _by_gender(all_rows, kommun_code, ind, lang)
    arows = rows[rows["area_code"].isin(list(related))].sort_values("period_end")
    note = ind.proxy
    if not arows.empty:
        last = arows.iloc[-1]
        aval = _val_text(last, ind, lang)
        period = str(last["period"])
        if related.get(last["area_code"]):
            note = "; ".join(x for x in (related[last["area_code"]], note) if x)
        same = krows[krows["period"].astype(str) == period]
        if not same.empty:
            kval = _val_text(same.iloc[-1], ind, lang)
    else:
        aval = t(NO_AREA_LEVEL, lang) if ind.level not in AREA_LEVELS else fmt.number(None, lang=lang)
        gendered = all_rows[all_rows["area_code"] == kommun_code].sort_values("period_end")
        period = str((krows if not krows.empty else gendered).iloc[-1]["period"]) if not gendered.empty else "–"
    from lagesbild.registry.sources import source

    if krows.empty and "·" in kval:
        note = "; ".join(x for x in (note, t("profile.indicator_row.k_women_girls_m", lang)) if x)
    return _row(lang, ind.name(lang), aval, kval, period,
                source(ind.source_id).attribution.removeprefix("Källa: "), note)


def _by_gender(rows, area, ind, lang) -> str:
    """"K 35 % · M 49 %" when the source gives women and men but no total."""
    here = rows[rows["area_code"] == area].sort_values("period_end")
    if here.empty:
        return fmt.number(None, lang=lang)
    latest = here[here["period"] == here["period"].iloc[-1]]
    parts = [f"{g} {_val_text(r, ind, lang)}" for g in ("K", "M") for _, r in latest[latest["gender"] == g].iterrows()]
    return " · ".join(parts) if parts else fmt.number(None, lang=lang)


def _val_text(r, ind, lang) -> str:
    hidden = bool(r.get("suppressed")) or r.get("status") == "sekretess" or (ind.is_count and privacy.is_small(r["value"]))
    return privacy.cell_text(r["value"], hidden, unit=ind.unit, lang=lang)


def _events_row(picture, code, pop: Figure, kpop: Figure, lang) -> dict:
    """Published notices naming a place in the area in the newest complete year, as a count
    from the protected notice table (not per inhabitant: notices are not crime statistics).
    No kommun figure beside it: the kommun's notices include those that name no place, so the
    two would not be counted by the same rule (the Karta gives the share that cannot be placed)."""
    label = t("profile.events_row.published_police_notices_number", lang)
    note = t("profile.events_row.press_notices_naming_place", lang)
    missing = fmt.number(None, lang=lang)
    year = events.complete_year(picture)
    if year is None:
        return _row(lang, label, missing, "–", "–", "Polismyndigheten", note)
    table = events.protected(picture)
    if not table.placeable(code):
        note += " " + t(NOT_PLACEABLE, lang)
        return _row(lang, label, missing, "–", year, "Polismyndigheten", note)
    key = ("Y", code, str(year))
    count = table.value(key)
    if math.isnan(count) and not table.is_hidden(key):
        note += " " + t("profile.events_row.place_texts_straddles_area", lang)
    area = privacy.cell_text(count, table.is_hidden(key), lang=lang, decimals=0)
    return _row(lang, label, area, "–", year, "Polismyndigheten", note)


def _div(a, b) -> float:
    if a is None or b in (None, 0) or (isinstance(a, float) and math.isnan(a)):
        return math.nan
    return a / b


def _row(lang, what, area, whole, period, src, note) -> dict:
    return {t("profile.row.key_figure", lang): what, t("profile.row.area", lang): area,
            t("profile.row.whole_municipality", lang): whole, t("profile.row.period", lang): period or "–",
            t("profile.row.source", lang): src, t("profile.row.note", lang): note}


# --- utsatta områden --------------------------------------------------------------------------


def _uso(code: str) -> pd.DataFrame:
    u = areas_mod.uso_by_area()
    return u[u["area_code"] == code].reset_index(drop=True) if not u.empty else u


def uso_history_for(uso_names: list[str]) -> pd.DataFrame:
    """Rows of Polisen's classification history about the utsatta områden in the area."""
    try:
        from lagesbild.importers.places import places_in_text
        from lagesbild.importers.uso_history import uso_history
    except ImportError:
        return pd.DataFrame()
    hist = uso_history()
    if not uso_names or hist.empty:
        return hist.iloc[0:0]
    wanted = [set(places_in_text(n)) or {n} for n in uso_names]
    keep = [any(w <= (set(places_in_text(a)) or {a}) for w in wanted) for a in hist["area"]]
    return hist[keep].reset_index(drop=True)


# --- events, activities, reforms --------------------------------------------------------------


def _events(picture, code, lang) -> tuple[pd.DataFrame, str, date | None]:
    """Events per year with their total, from the protected notice table (protected once,
    with the type table, the map and the key figures)."""
    tom = events.newest(picture)
    table = events.protected(picture)
    if not table.years:
        return pd.DataFrame(), t("profile.events.there_are_no_published", lang), tom
    if not table.placeable(code):
        return pd.DataFrame(), t(NOT_PLACEABLE, lang), tom
    total_key = ("T", code)
    if table.value(total_key) == 0:
        return pd.DataFrame(), t("profile.events.no_published_events_name", lang), tom
    keys = [("Y", code, y) for y in table.years] + [total_key]
    if all(math.isnan(table.value(k)) and not table.is_hidden(k) for k in keys):
        return pd.DataFrame(), _events_summary(table, code, lang), tom  # nothing countable: no empty table
    total = t("profile.total", lang)
    cells = {year_label(y, table, lang): _cell(table, ("Y", code, y), lang) for y in table.years}
    cells[total] = _cell(table, total_key, lang)
    shown = pd.DataFrame([cells], index=[t("profile.number", lang)])
    shown.index.name = t("profile.events.published_events", lang)
    return shown.reset_index(), _events_summary(table, code, lang), tom


def year_label(year: str, table: events.NoticeTable, lang: str) -> str:
    """"2022 (delår)" for a year the notices do not cover in full."""
    return f"{year} ({t('profile.year_label.part_year', lang)})" if year in table.partial else year


def _cell(table: events.NoticeTable, key: tuple, lang: str) -> str:
    return privacy.cell_text(table.value(key), table.is_hidden(key), lang=lang)


def events_by_type(picture, code, lang) -> pd.DataFrame:
    """The most frequent event types over the whole period (the rest as "Övriga"), from the
    protected notice table."""
    table = events.protected(picture)
    rows = table.types.get(code)
    if not rows:
        return pd.DataFrame()
    other = t("profile.events_by_type.other", lang)
    out = pd.DataFrame({
        t("profile.events_by_type.event_type", lang): [other if r == events.OTHER else r for r in rows] + [t("profile.total", lang)],
        t("profile.number", lang): [_cell(table, ("typ", code, r), lang) for r in rows] + [_cell(table, ("T", code), lang)],
    })
    return out


def _events_summary(table: events.NoticeTable, code: str, lang: str) -> str:
    """The period and its total; no ranking of years (a hidden year could be the largest)."""
    first, last = table.years[0], table.years[-1]
    total = table.total(code)
    part = [y for y in (first, last) if y in table.partial]
    partial = t("profile.events_summary.part_years", lang, years_sv=' och '.join(dict.fromkeys(part)),
                years_en=' and '.join(dict.fromkeys(part))) if part else ""
    if table.is_hidden(("T", code)):
        return t("profile.events_summary.published_events_naming_place", lang, first=first, last=last, partial=partial)
    if math.isnan(total):
        return t("profile.events_summary.published_events_place_texts", lang, first=first, last=last, partial=partial)
    return t("profile.events_summary.published_events_name_place", lang, number=fmt.number(total, 0, lang),
             first=first, last=last, partial=partial)


def activities_for(picture, code, parts, lang) -> pd.DataFrame:
    """The area's activities (its own code or one of its districts), as the profile lists them."""
    acts = av.activities(picture, lang)
    hit = acts[acts["district_code"].isin([code, *parts])]
    if hit.empty:
        return hit
    return pd.DataFrame({
        t("profile.activities_for.activity", lang): hit["title"],
        t("profile.activities_for.partner", lang): hit["partner"],
        "Status": [av.status_label(s, lang, symbol=False) for s in hit["status"]],
        t("profile.activities_for.start", lang): [fmt.iso(d) if isinstance(d, date) else "–" for d in hit["start_date"]],
        t("profile.activities_for.end", lang): [fmt.iso(d) if isinstance(d, date) else "–" for d in hit["end_date"]],
    }).reset_index(drop=True)


def reforms_for(picture, code, parts, lang) -> pd.DataFrame:
    links = picture.table("reform_district_links")
    if links.empty:
        return links
    hit = links[links["district_code"].isin([code, *parts])]
    if hit.empty:
        return hit
    reforms = picture.table("reforms").set_index("id")
    return pd.DataFrame({
        "Nr": [reforms.loc[r, "number"] if r in reforms.index else "–" for r in hit["reform_id"]],
        t("profile.reforms_for.reform", lang): [reforms.loc[r, "title_en" if lang == "en" else "title_sv"] if r in reforms.index else r for r in hit["reform_id"]],
        t("profile.reforms_for.link", lang): hit["strength"],
        t("profile.reforms_for.reasoning", lang): hit["reasoning_sv"],
    }).sort_values("Nr").reset_index(drop=True)


def _map_summary(p: Profile, lang: str) -> str:
    size = fmt.number(p.area_km2, 1, lang)
    known = p.population.value is not None and not math.isnan(p.population.value)
    if p.priority:
        n = len(p.parts)
        parts = t("profile.n_districts_one" if n == 1 else "profile.n_districts", lang, n=n)
        if known:
            return t("profile.map_summary.consists_inhabitants_all_km", lang, name=p.name, parts=parts,
                     text=p.population.text, size=size)
        return t("profile.map_summary.consists_km_population_unknown", lang, name=p.name, parts=parts, size=size)
    if known:
        return t("profile.map_summary.has_inhabitants_km", lang, name=p.name, text=p.population.text, size=size)
    return t("profile.map_summary.covers_km_population_not", lang, name=p.name, size=size)
