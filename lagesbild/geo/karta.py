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
from lagesbild.geo.layers import LAYERS, area_label, layer
from lagesbild.geo.measures import NOTICES, MapValues, Measure, values
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


def map_values(picture, measure: Measure, period: str | None, level: str = "regso") -> MapValues:
    """The measure for the districts of `level` and for the priority areas."""
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
                                  suppress_explanation=f"{fmt.SUPPRESSED} {_t(lang, 'för få att visa', 'too few to show')}")
    outline = layer("kommun_outline")
    m = fm.base_map(fm.bounds_of(outline), assets, tiles_url=tiles_url, tiles_attribution=tiles_attribution,
                    tiles_name=_t(lang, "Bakgrundskarta", "Background map"), lang=lang,
                    label=_t(lang, f"Karta: {legend_title(measure, lang)} per område", f"Map: {legend_title(measure, lang)} by area"))
    fm.add_outline(m, outline, name=LAYERS["kommun_outline"].label(lang),
                   attribution=credit(LAYERS["kommun_outline"].label(lang), LAYERS["kommun_outline"].source_ids))

    regso = layer("regso")
    tips = _tips(mv, measure, lang)
    fm.add_choropleth(m, regso, classes, tips, name=LAYERS["regso"].label(lang),
                      attribution=f"{credit('RegSO', LAYERS['regso'].source_ids)}, "
                                  f"{credit(_t(lang, 'Värden', 'Values'), measure.source_ids)}",
                      kind="regso", labels=dict(zip(regso["code"], regso["name"])))

    vald = layer("valdistrikt")
    fm.add_boundaries(m, vald, {c: fm.tooltip_html(n, [f"{_t(lang, 'Valdistrikt', 'Election district')} {c}",
                                                       _t(lang, 'Ingen statistik per valdistrikt', 'No statistics per election district')])
                                for c, n in zip(vald["code"], vald["name"])},
                      name=LAYERS["valdistrikt"].label(lang),
                      attribution=credit(LAYERS["valdistrikt"].label(lang), LAYERS["valdistrikt"].source_ids),
                      kind="valdistrikt", color=fm.VALDISTRIKT_COLOR, weight=1.2, dash="3 3", show=False)

    uso = layer("utsatta_omraden")
    fm.add_boundaries(m, uso, {c: fm.tooltip_html(n, [k, f"{_t(lang, 'Aktualitet från', 'Valid from')} {s}",
                                                      attribution(LAYERS['utsatta_omraden'].source_ids)])
                               for c, n, k, s in zip(uso["code"], uso["name"], uso["kategori"], uso["aktualitet_start"])},
                      name=LAYERS["utsatta_omraden"].label(lang),
                      attribution=credit(LAYERS["utsatta_omraden"].label(lang), LAYERS["utsatta_omraden"].source_ids),
                      kind="uso", color=fm.USO_COLOR, weight=3, dash="6 4", show=True, fill_clickable=False,
                      casing=True)

    prio = areas_mod.of_level(areas_mod.PRIORITY_LEVEL)
    fm.add_priority(m, prio, {c: tips.get(c, "") for c in prio["code"]},
                    name=_t(lang, "Prioriterade områden", "Priority areas"),
                    attribution=_t(lang, "Prioriterade områden: förslag", "Priority areas: proposal"))
    _event_badges(m, picture, lang)
    folium.LayerControl(collapsed=False, position="bottomleft").add_to(m)
    fm.Legend(fm.legend_html(legend_title(measure, lang), classes, [
        (fm.PRIORITY_LINE, _t(lang, "Prioriterat område", "Priority area")),
        (fm.USO_LINE, _t(lang, "Utsatt område (Polisen 2025)", "Vulnerable area (Police 2025)")),
    ], note=_period_note(mv, lang)), position="topright").add_to(m)
    return KartaView(m, mv, classes, display_table(mv, measure, lang), summary(mv, measure, lang))


def area_map(code: str, lang: str, assets: fm.Assets, *, tiles_url: str | None = None,
             tiles_attribution: str | None = None) -> folium.Map:
    """A small map of one area: the area filled, its neighbours as context, the utsatta
    områden dashed. Clicking a neighbour opens its profile."""
    cat = areas_mod.catalogue()
    target = cat.loc[[code]]
    level = target["level"].iloc[0]
    context_level = level if level in ("regso", "valdistrikt") else "regso"
    outline = layer("kommun_outline")
    minx, miny, maxx, maxy = target.total_bounds
    pad_x, pad_y = (maxx - minx) * 0.35 + 0.004, (maxy - miny) * 0.35 + 0.002
    m = fm.base_map([[miny - pad_y, minx - pad_x], [maxy + pad_y, maxx + pad_x]], assets, tiles_url=tiles_url,
                    tiles_attribution=tiles_attribution, tiles_name=_t(lang, "Bakgrundskarta", "Background map"),
                    lang=lang, label=_t(lang, f"Karta över {target['name'].iloc[0]}", f"Map of {target['name'].iloc[0]}"))
    fm.add_outline(m, outline, name=LAYERS["kommun_outline"].label(lang),
                   attribution=credit(LAYERS["kommun_outline"].label(lang), LAYERS["kommun_outline"].source_ids))
    ctx = layer(context_level)
    fm.add_boundaries(m, ctx, {c: fm.tooltip_html(n, [_t(lang, "Klicka för områdesprofil", "Click for the area profile")])
                               for c, n in zip(ctx["code"], ctx["name"])},
                      name=LAYERS[context_level].label(lang), kind=context_level,
                      attribution=credit(LAYERS[context_level].label(lang), LAYERS[context_level].source_ids),
                      color="#8c8c8c", weight=1, dash=None, show=True)
    others = ctx[~ctx["code"].isin(target["code"]) & ~ctx["code"].isin(target["parts"].iloc[0])]
    fm.add_labels(m, others, dict(zip(others["code"], others["name"])), css="lb-label")
    fm.add_highlight(m, target, name=str(target["name"].iloc[0]))
    uso = layer("utsatta_omraden")
    fm.add_boundaries(m, uso, {c: fm.tooltip_html(n, [k, f"{_t(lang, 'Aktualitet från', 'Valid from')} {s}"])
                               for c, n, k, s in zip(uso["code"], uso["name"], uso["kategori"], uso["aktualitet_start"])},
                      name=LAYERS["utsatta_omraden"].label(lang),
                      attribution=credit(LAYERS["utsatta_omraden"].label(lang), LAYERS["utsatta_omraden"].source_ids),
                      kind="uso", color=fm.USO_COLOR, weight=3, dash="6 4", show=True, fill_clickable=False,
                      casing=True)
    fm.Legend(fm.legend_html(str(target["name"].iloc[0]), None, [
        (fm.AREA_LINE, areas_mod.level_label(level, lang)),
        (fm.USO_LINE, _t(lang, "Utsatt område (Polisen 2025)", "Vulnerable area (Police 2025)")),
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
            badges[r.code] = (text, f"{r.name}: {text} {_t(lang, 'publicerade händelser', 'published events')} {year}")
    gdf = cat.loc[[c for c in mv.table["code"] if c in badges]]
    fm.add_count_badges(m, gdf, badges, name=_t(lang, f"Publicerade händelser {year} (antal)",
                                                      f"Published events {year} (number)"),
                        attribution=credit(_t(lang, "Händelser", "Events"), ("polisen_handelser",)))


def legend_title(measure: Measure, lang: str) -> str:
    """"Name (unit)", without repeating a unit the name already says ("… per 1 000 invånare")."""
    unit = measure.unit(lang)
    stem = unit.split(" inv")[0].split(" inh")[0]
    return measure.name(lang) if stem.startswith("per") and stem in measure.name(lang) else f"{measure.name(lang)} ({unit})"


def _period_note(mv: MapValues, lang: str) -> str:
    bits = [f"{_t(lang, 'Period', 'Period')} {mv.period_text(lang)}" if mv.period else _t(lang, "Uppgift saknas", "No data")]
    bits += mv.notes
    return " · ".join(bits)


def _tips(mv: MapValues, measure: Measure, lang: str) -> dict[str, str]:
    uso = areas_mod.uso_by_area()
    src = attribution(measure.source_ids)
    out = {}
    for r in mv.table.itertuples():
        lines = [areas_mod.level_label("prioriterat" if r.kind == "prioriterat" else "regso", lang) + (f" {r.code}" if r.kind != "prioriterat" else ""),
                 f"{measure.name(lang)}: {value_text(r.value, r.suppressed, measure, lang)}",
                 f"{_t(lang, 'Period', 'Period')} {mv.period_text(lang) or '–'} · {src}"]
        here = uso[uso["area_code"] == r.code] if not uso.empty else uso
        for u in here.itertuples():
            lines.append(f"{u.kategori}: {u.uso_name}")
        lines.append(_t(lang, "Klicka för områdesprofil", "Click for the area profile"))
        out[r.code] = fm.tooltip_html(r.name, lines)
    return out


def display_table(mv: MapValues, measure: Measure, lang: str) -> pd.DataFrame:
    """The map's figures as text (".." and "Uppgift saknas" as on the map), priority areas first."""
    t = mv.table.sort_values(["kind", "name"], ascending=[False, True])
    out = pd.DataFrame({
        _t(lang, "Område", "Area"): t["name"],
        # SCB's codes help a reader compare; a priority area's code is internal and not shown.
        _t(lang, "Kod", "Code"): ["–" if k == "prioriterat" else c for k, c in zip(t["kind"], t["code"])],
        _t(lang, "Typ", "Type"): [areas_mod.level_label("prioriterat" if k == "prioriterat" else "regso", lang) for k in t["kind"]],
        f"{measure.name(lang)} ({measure.unit(lang)})": [cell_text(v, s, unit="tal", lang=lang, decimals=measure.decimals)
                                                         for v, s in zip(t["value"], t["suppressed"])],
        _t(lang, "Folkmängd", "Population"): [cell_text(p, False, lang=lang, decimals=0) for p in t["population"]],
        area_label("regso", lang): [fmt.number(a, 1, lang) for a in t["area_km2"]],
        _t(lang, "Period", "Period"): mv.period_text(lang) or fmt.number(None, lang=lang),
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
        return _t(lang, f"{measure.name_sv}: uppgift saknas för alla områden.", f"{measure.name_en}: no data for any district.")
    period = f" {mv.period_text(lang)}" if mv.period else ""
    if hidden or missing or measure.id == NOTICES.id:
        text = _t(lang, f"{measure.name_sv}{period}: {len(shown)} av {len(d)} områden visas",
                  f"{measure.name_en}{period}: {len(shown)} of {len(d)} districts shown")
    else:
        hi, lo = shown.loc[shown["value"].idxmax()], shown.loc[shown["value"].idxmin()]
        v = lambda r: value_text(r["value"], False, measure, lang)  # noqa: E731
        text = _t(lang, f"Högst {measure.name_sv.lower()} har {hi['name']} ({v(hi)}), lägst {lo['name']} ({v(lo)})",
                  f"Highest {measure.name_en.lower()}: {hi['name']} ({v(hi)}); lowest: {lo['name']} ({v(lo)})")
    extra = []
    if hidden:
        extra.append(_t(lang, f"{hidden} visas inte (för få)", f"{hidden} not shown (too few)"))
    if missing:
        extra.append(_t(lang, f"{missing} saknar uppgift", f"{missing} without data"))
    return text + (f"; {', '.join(extra)}" if extra else "") + "."


def _t(lang: str, sv: str, en: str) -> str:
    return en if lang == "en" else sv


__all__ = ["KartaView", "build", "display_table", "summary", "explanation"]
