"""Agenda views of the Karta and Områden pages: a static district map (plotly polygons, works
offline and in kaleido) and an area profile summary (population, key figures, map)."""
from __future__ import annotations

import pandas as pd

from lagesbild import fmt
from lagesbild.charts import maps
from lagesbild.i18n import t
from lagesbild.content import FigureBlock, Provenance, TableBlock, ViewContent
from lagesbild.agenda.params import one

GEO_SOURCES = ("scb_regso",)


def geo_missing() -> str | None:
    """The name of a boundary file the maps need that is not there (None when all are)."""
    from lagesbild.config import load_kommun

    cfg = load_kommun()
    for key in ("regso", "valdistrikt", "kommun_outline", "utsatta_omraden", "priority_areas"):
        try:
            path = cfg.path(key)
        except KeyError:
            return key
        if not path.exists():
            return str(path.name)
    return None


def _no_geo(title: str, missing: str, lang: str, slug: str, params: dict) -> ViewContent:
    note = t("views.area.no_geo.map_cannot_be_drawn", lang, missing=missing)
    return ViewContent(title, note, notes=[note], page_slug=slug, params=dict(params))


def _measure(picture, params: dict):
    from lagesbild.geo import measures
    from lagesbild.geo.layers import layer, main_layer

    available = measures.available(picture, set(layer(main_layer())["code"]))
    options = {m.id: m for m in available}
    measure = options.get(one(params, "matt") or "", measures.default_measure(available))
    periods = measures.periods(picture, measure)
    period = one(params, "period")
    if period not in periods:
        period = measures.default_period(picture, measure)
    return measure, period


def district_map(picture, params: dict, lang: str = "sv") -> ViewContent:
    """The Karta page's measure per RegSO, with the priority areas and utsatta områden."""
    title = t("views.area.map", lang)
    missing = geo_missing()
    if missing:
        return _no_geo(title, missing, lang, "karta", params)
    from lagesbild.geo import areas as areas_mod
    from lagesbild.geo import choropleth, karta
    from lagesbild.geo.layers import LAYERS, layer

    measure, period = _measure(picture, params)
    mv = karta.map_values(picture, measure, period)
    regso_rows = mv.table[mv.table["kind"] == "distrikt"]
    classes = choropleth.classify(regso_rows, decimals=measure.decimals, lang=lang)
    hover = {r.code: f"{r.name}: {karta.value_text(r.value, r.suppressed, measure, lang)}" for r in mv.table.itertuples()}
    name = f"{karta.legend_title(measure, lang)}{f', {mv.period_text(lang)}' if mv.period else ''}"
    fig = maps.choropleth(layer("regso"), classes, title=name, lang=lang, hover=hover,
                          priority=areas_mod.of_level(areas_mod.PRIORITY_LEVEL), uso=layer("utsatta_omraden"),
                          outline=layer("kommun_outline"))
    table = karta.display_table(mv, measure, lang)
    ids = tuple(dict.fromkeys([*measure.source_ids, *LAYERS["regso"].source_ids, *LAYERS["utsatta_omraden"].source_ids]))
    note = " · ".join(x for x in (measure.note(lang), *mv.notes) if x)
    prov = Provenance(ids, mv.data_tom or mv.period, note)
    summary = karta.summary(mv, measure, lang)
    notes = [t("views.area.district_map.black_outline_priority_area", lang)]
    block = FigureBlock(fig, table, summary, prov, kind="map")
    value_col = [c for c in table.columns if c.startswith(measure.name(lang))][0]
    short = table[[table.columns[0], value_col]].rename(columns={value_col: f"{t('views.area.district_map.value', lang)} ({measure.unit(lang)})"})
    return ViewContent(f"{title}: {name}", summary, [block],
                       [TableBlock(t("views.area.district_map.values_area", lang), short, prov, max_rows=30)], notes, "karta",
                       dict(params))


def profile(picture, params: dict, lang: str = "sv") -> ViewContent:
    """An area's profile in brief: population, key figures against the kommun, map."""
    code = one(params, "omrade")
    title = t("views.area.profile.areas", lang)
    missing = geo_missing()
    if missing:
        return _no_geo(title, missing, lang, "omraden", params)
    from lagesbild.geo import areas as areas_mod
    from lagesbild.geo import profile as prof
    from lagesbild.geo.layers import area_label
    from lagesbild.geo.layers import layer

    if not prof.exists(code):
        return priority_overview(picture, lang, note=t("views.area.profile.unknown_area", lang, code=code) if code else "")
    p = prof.build(picture, code, lang)
    cat = areas_mod.catalogue()
    target = cat.loc[[code]]
    level = target["level"].iloc[0]
    ctx = layer(level if level in ("regso", "valdistrikt") else "regso")
    fig = maps.highlight(ctx, target, title=p.name, lang=lang, uso=layer("utsatta_omraden"))
    pop_prov = Provenance(tuple(dict.fromkeys([*p.population.source_ids, *GEO_SOURCES, "polisen_uso"])),
                          p.population.data_tom or p.population.period)
    map_table = pd.DataFrame({t("views.area.area", lang): [p.name], t("views.area.profile.type", lang): [areas_mod.level_label(p.level, lang)],
                              t("views.area.profile.population", lang): [p.population.text],
                              area_label(p.level, lang): [fmt.number(p.area_km2, 1, lang)]})
    block = FigureBlock(fig, map_table, p.map_summary, pop_prov, kind="map")
    kf = p.key_figures.copy()
    note_col = t("views.area.profile.note", lang)
    kf = kf.drop(columns=[note_col]) if note_col in kf else kf
    kf_prov = Provenance(_key_sources(p), p.population.data_tom or p.population.period,
                         t("views.area.profile.source_period_per_row", lang))
    notes = []
    if not p.uso.empty:
        notes.append(t("views.area.profile.vulnerable_area_police", lang)
                     + ", ".join(f"{r.uso_name} ({r.kategori.lower()})" for r in p.uso.itertuples()))
    if p.priority is not None and p.priority.preliminary:
        notes.append(t("views.area.profile.delimitation_preliminary", lang))
    notes.append(t("views.area.profile.notes_per_key_figure", lang))
    tables = [TableBlock(t("views.area.profile.key_figures_against_whole", lang),
                         kf, kf_prov, max_rows=14)]
    f = p.factors
    if not f.table.empty:  # the area factors travel into the meeting pack with their own provenance
        tables.insert(0, TableBlock(t("fac.title", lang), f.table,
                                    Provenance(f.table_sources, f.table_tom, t("fac.weights", lang)), max_rows=14))
    return ViewContent(f"{t('views.area.area', lang)}: {p.name}", p.map_summary, [block],
                       tables, notes, "omraden", {"omrade": code})


def _key_sources(p) -> tuple[str, ...]:
    from lagesbild.registry.indicators import indicators

    ids = ["scb_befolkning", "kolada", "polisen_handelser"]
    names = set(p.key_figures.iloc[:, 0]) if not p.key_figures.empty else set()
    for ind in indicators().values():
        if ind.name_sv in names or ind.name_en in names:
            ids.append(ind.source_id)
    return tuple(dict.fromkeys(ids))


def priority_overview(picture, lang: str = "sv", note: str = "") -> ViewContent:
    """No area chosen: the priority areas on the map with their population."""
    from lagesbild.geo import measures

    params = {"matt": measures.POP.id}
    vc = district_map(picture, params, lang)
    vc.title = t("views.area.priority_areas", lang)
    if note:
        vc.notes.insert(0, note)
    vc.page_slug, vc.params = "omraden", {}
    return vc


def describe_map(picture, params: dict, lang: str = "sv") -> str:
    if picture is None or geo_missing():
        measure, period = None, one(params, "period")
    else:
        measure, period = _measure(picture, params)
    name = measure.name(lang) if measure is not None else ""
    return ": ".join(x for x in (t("views.area.map", lang), " ".join(x for x in (name, period or "") if x)) if x)


def describe_area(params: dict, lang: str = "sv") -> str:
    code = one(params, "omrade")
    if not code:
        return t("views.area.priority_areas", lang)
    name = code
    if not geo_missing():
        from lagesbild.geo import areas as areas_mod

        cat = areas_mod.catalogue()
        name = cat.loc[code, "name"] if code in cat.index else code
    return f"{t('views.area.area', lang)}: {name}"
