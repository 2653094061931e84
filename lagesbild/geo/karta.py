"""The Karta view, built from a Picture: map, the same figures as a table, and a summary.

Pure (no streamlit): the page chooses the measure and period, the UI renders the result.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import folium
import pandas as pd

from lagesbild import fmt
from lagesbild.geo import areas as areas_mod
from lagesbild.geo import choropleth, events, foliummap as fm
from lagesbild.geo.layers import LAYERS, area_label, layer, list_year, main_layer
from lagesbild.geo.measures import NOTICES, MapValues, Measure, values
from lagesbild.i18n import t
from lagesbild.privacy import cell_text, explanation
from lagesbild.registry.sources import source


@dataclass
class KartaView:
    fmap: folium.Map
    values: MapValues
    classes: choropleth.Classification
    table: pd.DataFrame
    summary: str


def attribution(source_ids: tuple[str, ...]) -> str:
    return " · ".join(dict.fromkeys(source(s).attribution for s in source_ids))


def credit(label: str, source_ids: tuple[str, ...]) -> str:
    """Short map credit, "RegSO: SCB" (Leaflet joins the layers' credits with commas)."""
    who = ", ".join(dict.fromkeys(source(s).attribution.removeprefix("Källa: ").split(" (")[0] for s in source_ids))
    return f"{label}: {who}"


def value_text(v: float, suppressed: bool, measure: Measure, lang: str) -> str:
    text = cell_text(v, suppressed, unit="tal", lang=lang, decimals=measure.decimals)
    return text if suppressed or v is None or (isinstance(v, float) and math.isnan(v)) else f"{text} {measure.unit(lang)}"


def map_values(picture, measure: Measure, period: str | None, level: str | None = None) -> MapValues:
    """The measure for the districts of `level` (the kommun's main layer: RegSO, or valdistrikt
    where it has no RegSO) and for the priority areas."""
    level = level or main_layer()
    cat = areas_mod.catalogue()
    wanted = cat[cat["level"].isin([level, areas_mod.PRIORITY_LEVEL])]
    if measure.id != NOTICES.id:
        return values(picture, measure, areas_mod.as_areas(wanted), period)
    # Police notices come from the one protected table the profiles read too.
    counts, hidden = events.protected(picture).counts(period, list(wanted["code"]))
    mv = values(picture, measure, areas_mod.as_areas(wanted), period, event_counts=counts, event_hidden=hidden)
    mv.data_tom = events.data_tom(picture, mv.period)
    mv.partial = str(mv.period) in events.protected(picture).partial
    share = events.unplaced_share(picture, mv.period)
    if share is not None:
        total, pct = share
        mv.notes.append(f"av kommunens {total} notiser {mv.period} kunde omkring {pct} % inte knytas till ett område")
    return mv


def build(picture, measure: Measure, period: str | None, lang: str, assets: fm.Assets, *,
          tiles_url: str | None = None, tiles_attribution: str | None = None, height_hint: int = 620) -> KartaView:
    mv = map_values(picture, measure, period)
    regso_rows = mv.table[mv.table["kind"] == "distrikt"]
    classes = choropleth.classify(regso_rows, decimals=measure.decimals, lang=lang,
                                  suppress_explanation=f"{fmt.SUPPRESSED} {t('karta.build.too_few_show', lang)}")
    outline = layer("kommun_outline")
    m = fm.base_map(fm.bounds_of(outline), assets, tiles_url=tiles_url, tiles_attribution=tiles_attribution,
                    tiles_name=t("karta.background_map", lang), lang=lang,
                    label=t("karta.build.map_area", lang, legend_title=legend_title(measure, lang)))
    fm.add_outline(m, outline, name=LAYERS["kommun_outline"].label(lang),
                   attribution=credit(LAYERS["kommun_outline"].label(lang), LAYERS["kommun_outline"].source_ids))

    main = main_layer()
    districts = layer(main)
    tips = _tips(mv, measure, lang)
    fm.add_choropleth(m, districts, classes, tips, name=LAYERS[main].label(lang),
                      attribution=f"{credit('RegSO' if main == 'regso' else LAYERS[main].label(lang), LAYERS[main].source_ids)}, "
                                  f"{credit(t('karta.build.values', lang), measure.source_ids)}",
                      kind=main, labels=dict(zip(districts["code"], districts["name"])))

    vald = layer("valdistrikt") if main != "valdistrikt" else layer("valdistrikt").iloc[0:0]  # finer, no statistics
    fm.add_boundaries(m, vald, {c: fm.tooltip_html(n, [f"{t('karta.build.election_district', lang)} {c}",
                                                       t("karta.build.no_statistics_per_election", lang)])
                                for c, n in zip(vald["code"], vald["name"])},
                      name=LAYERS["valdistrikt"].label(lang),
                      attribution=credit(LAYERS["valdistrikt"].label(lang), LAYERS["valdistrikt"].source_ids),
                      kind="valdistrikt", color=fm.VALDISTRIKT_COLOR, weight=1.2, dash="3 3", show=False)

    uso = layer("utsatta_omraden")
    fm.add_boundaries(m, uso, {c: fm.tooltip_html(n, [k, f"{t('karta.valid_from', lang)} {s}",
                                                      attribution(LAYERS['utsatta_omraden'].source_ids)])
                               for c, n, k, s in zip(uso["code"], uso["name"], uso["kategori"], uso["aktualitet_start"])},
                      name=LAYERS["utsatta_omraden"].label(lang),
                      attribution=credit(LAYERS["utsatta_omraden"].label(lang), LAYERS["utsatta_omraden"].source_ids),
                      kind="uso", color=fm.USO_COLOR, weight=3, dash="6 4", show=True, fill_clickable=False,
                      casing=True)

    prio = areas_mod.of_level(areas_mod.PRIORITY_LEVEL)
    fm.add_priority(m, prio, {c: tips.get(c, "") for c in prio["code"]},
                    name=t("karta.build.priority_areas", lang),
                    attribution=t("karta.build.priority_areas_proposal", lang))
    _event_badges(m, picture, lang)
    folium.LayerControl(collapsed=False, position="bottomleft").add_to(m)
    lines = ([(fm.PRIORITY_LINE, t("karta.build.priority_area", lang))] if not prio.empty else []) + \
            ([(fm.USO_LINE, t("karta.vulnerable_area_police", lang, year=list_year()))] if not uso.empty else [])  # only what is drawn
    fm.Legend(fm.legend_html(legend_title(measure, lang), classes, lines, note=_period_note(mv, lang)),
              position="topright").add_to(m)
    return KartaView(m, mv, classes, display_table(mv, measure, lang), summary(mv, measure, lang))


def area_map(code: str, lang: str, assets: fm.Assets, *, tiles_url: str | None = None,
             tiles_attribution: str | None = None) -> folium.Map:
    """A small map of one area: the area filled, its neighbours as context, the utsatta
    områden dashed. Clicking a neighbour opens its profile."""
    cat = areas_mod.catalogue()
    target = cat.loc[[code]]
    level = target["level"].iloc[0]
    context_level = level if level in ("regso", "valdistrikt") else main_layer()
    minx, miny, maxx, maxy = target.total_bounds
    pad_x, pad_y = (maxx - minx) * 0.35 + 0.004, (maxy - miny) * 0.35 + 0.002
    m = _clickable(context_level, [[miny - pad_y, minx - pad_x], [maxy + pad_y, maxx + pad_x]], lang, assets,
                   label=t("karta.area_map.map", lang, area_name=target['name'].iloc[0]),
                   tip=t("karta.click_area_profile", lang), color="#8c8c8c", weight=1, tiles_url=tiles_url,
                   tiles_attribution=tiles_attribution)
    ctx = layer(context_level)
    others = ctx[~ctx["code"].isin(target["code"]) & ~ctx["code"].isin(target["parts"].iloc[0])]
    fm.add_labels(m, others, dict(zip(others["code"], others["name"])), css="lb-label")
    fm.add_highlight(m, target, name=str(target["name"].iloc[0]))
    uso = layer("utsatta_omraden")
    fm.add_boundaries(m, uso, {c: fm.tooltip_html(n, [k, f"{t('karta.valid_from', lang)} {s}"])
                               for c, n, k, s in zip(uso["code"], uso["name"], uso["kategori"], uso["aktualitet_start"])},
                      name=LAYERS["utsatta_omraden"].label(lang),
                      attribution=credit(LAYERS["utsatta_omraden"].label(lang), LAYERS["utsatta_omraden"].source_ids),
                      kind="uso", color=fm.USO_COLOR, weight=3, dash="6 4", show=True, fill_clickable=False,
                      casing=True)
    fm.Legend(fm.legend_html(str(target["name"].iloc[0]), None, [
        (fm.AREA_LINE, areas_mod.level_label(level, lang)),
        (fm.USO_LINE, t("karta.vulnerable_area_police", lang, year=list_year())),
    ]), position="topright").add_to(m)
    return m


def _event_badges(m, picture, lang: str) -> None:
    """Layer (off by default): published events per area in the newest complete year, as
    protected counts on the areas, never as points."""
    year = events.complete_year(picture)
    if year is None:
        return
    mv = map_values(picture, NOTICES, year)
    cat = areas_mod.catalogue()
    badges = {}
    for r in mv.table.itertuples():
        if r.suppressed or not math.isnan(r.count):
            text = cell_text(r.count, bool(r.suppressed), lang=lang)
            badges[r.code] = (text, f"{r.name}: {text} {t('karta.event_badges.published_events', lang)} {year}")
    gdf = cat.loc[[c for c in mv.table["code"] if c in badges]]
    fm.add_count_badges(m, gdf, badges, name=t("karta.event_badges.published_events_number", lang, year=year),
                        attribution=credit(t("karta.event_badges.events", lang), ("polisen_handelser",)))


def legend_title(measure: Measure, lang: str) -> str:
    """"Name (unit)", without repeating a unit the name already says ("… per 1 000 invånare")."""
    unit = measure.unit(lang)
    stem = unit.split(" inv")[0].split(" inh")[0]
    return measure.name(lang) if stem.startswith("per") and stem in measure.name(lang) else f"{measure.name(lang)} ({unit})"


def _period_note(mv: MapValues, lang: str) -> str:
    bits = [f"{t('karta.period', lang)} {mv.period_text(lang)}" if mv.period else t("karta.period_note.no_data", lang)]
    bits += mv.notes
    return " · ".join(bits)


def _tips(mv: MapValues, measure: Measure, lang: str) -> dict[str, str]:
    uso = areas_mod.uso_by_area()
    src = attribution(measure.source_ids)
    out = {}
    district_label = areas_mod.level_label(main_layer(), lang)
    for r in mv.table.itertuples():
        lines = [(areas_mod.level_label("prioriterat", lang) if r.kind == "prioriterat" else district_label) + (f" {r.code}" if r.kind != "prioriterat" else ""),
                 f"{measure.name(lang)}: {value_text(r.value, r.suppressed, measure, lang)}",
                 f"{t('karta.period', lang)} {mv.period_text(lang) or '–'} · {src}"]
        here = uso[uso["area_code"] == r.code] if not uso.empty else uso
        for u in here.itertuples():
            lines.append(f"{u.kategori}: {u.uso_name}")
        lines.append(t("karta.click_area_profile", lang))
        out[r.code] = fm.tooltip_html(r.name, lines)
    return out


def display_table(mv: MapValues, measure: Measure, lang: str) -> pd.DataFrame:
    """The map's figures as text (".." and "Uppgift saknas" as on the map), priority areas first."""
    tab = mv.table.sort_values(["kind", "name"], ascending=[False, True])
    main = main_layer()
    out = pd.DataFrame({
        t("karta.display_table.area", lang): tab["name"],
        # SCB's codes help a reader compare; a priority area's code is internal and not shown.
        t("karta.display_table.code", lang): ["–" if k == "prioriterat" else c for k, c in zip(tab["kind"], tab["code"])],
        t("karta.display_table.type", lang): [areas_mod.level_label("prioriterat" if k == "prioriterat" else main, lang) for k in tab["kind"]],
        f"{measure.name(lang)} ({measure.unit(lang)})": [cell_text(v, s, unit="tal", lang=lang, decimals=measure.decimals)
                                                         for v, s in zip(tab["value"], tab["suppressed"])],
        t("karta.display_table.population", lang): [cell_text(p, False, lang=lang, decimals=0) for p in tab["population"]],
        area_label(main, lang): [fmt.number(a, 1, lang) for a in tab["area_km2"]],
        t("karta.period", lang): mv.period_text(lang) or fmt.number(None, lang=lang),
    })
    return out.reset_index(drop=True)


def summary(mv: MapValues, measure: Measure, lang: str) -> str:
    """One sentence: how many districts have a figure, a hidden one or none. The highest and
    lowest are named only when every district has a shown figure, and never for police
    notices (published notices are not a ranking of areas)."""
    d = mv.table[mv.table["kind"] == "distrikt"]
    shown = d[d["value"].notna() & ~d["suppressed"].astype(bool)]
    hidden = int(d["suppressed"].astype(bool).sum())
    missing = int((d["value"].isna() & ~d["suppressed"].astype(bool)).sum())
    if shown.empty:
        return t("karta.summary.no_data_any_district", lang, name_sv=measure.name_sv, name_en=measure.name_en)
    period = f" {mv.period_text(lang)}" if mv.period else ""
    if hidden or missing or measure.id == NOTICES.id:
        text = t("karta.summary.districts_shown", lang, name_sv=measure.name_sv, period=period, n_shown=len(shown),
                 n_d=len(d), name_en=measure.name_en)
    else:
        hi, lo = shown.loc[shown["value"].idxmax()], shown.loc[shown["value"].idxmin()]
        v = lambda r: value_text(r["value"], False, measure, lang)  # noqa: E731
        text = t("karta.summary.highest_lowest", lang, measure_sv=measure.name_sv.lower(), high=hi['name'], high_value=v(hi),
                 low=lo['name'], low_value=v(lo), measure_en=measure.name_en.lower())
    extra = []
    if hidden:
        extra.append(t("karta.summary.not_shown_too_few", lang, hidden=hidden))
    if missing:
        extra.append(t("karta.summary.without_data", lang, missing=missing))
    return text + (f"; {', '.join(extra)}" if extra else "") + "."


__all__ = ["KartaView", "build", "display_table", "summary", "explanation"]


def area_picker(level: str, lang: str, assets: fm.Assets, *, chosen: str | None = None, tiles_url: str | None = None,
                tiles_attribution: str | None = None) -> folium.Map:
    """The districts of one layer to click on (the observation form): a click gives the area's
    code, never the point. The chosen area is drawn filled."""
    m = _clickable(level, None, lang, assets, label=t("karta.picker.map", lang), tip=t("karta.picker.click", lang),
                   color="#4d4d4d", weight=1.2, tiles_url=tiles_url, tiles_attribution=tiles_attribution)
    gdf = layer(level)
    if chosen in set(gdf["code"]):
        fm.add_highlight(m, gdf[gdf["code"] == chosen], name=t("karta.picker.chosen", lang))
    return m


def _clickable(level: str, bounds: list | None, lang: str, assets: fm.Assets, *, label: str, tip: str, color: str,
               weight: float, tiles_url: str | None, tiles_attribution: str | None) -> folium.Map:
    """The kommun's outline and one layer's districts, each clickable, `tip` under its name;
    fitted to `bounds` (the whole kommun when None)."""
    outline = layer("kommun_outline")
    m = fm.base_map(bounds or fm.bounds_of(outline), assets, tiles_url=tiles_url, tiles_attribution=tiles_attribution,
                    tiles_name=t("karta.background_map", lang), lang=lang, label=label)
    fm.add_outline(m, outline, name=LAYERS["kommun_outline"].label(lang),
                   attribution=credit(LAYERS["kommun_outline"].label(lang), LAYERS["kommun_outline"].source_ids))
    gdf = layer(level)
    fm.add_boundaries(m, gdf, {c: fm.tooltip_html(n, [tip]) for c, n in zip(gdf["code"], gdf["name"])},
                      name=LAYERS[level].label(lang), kind=level,
                      attribution=credit(LAYERS[level].label(lang), LAYERS[level].source_ids),
                      color=color, weight=weight, dash=None, show=True)
    return m
