"""Agenda views of indicators: a focus area's headline indicators, one indicator's trend, and
the Översikt summary. All values come protected from `lagesbild.queries.indicators`."""
from __future__ import annotations

from datetime import date

import pandas as pd

from lagesbild.queries import indicators as iv
from lagesbild import notice_counts as nc
from lagesbild.queries import reforms as rq
from lagesbild.charts import indicators as ichart
from lagesbild.charts import reforms as rchart
from lagesbild.i18n import t
from lagesbild.registry.indicators import Indicator, for_focus_area, indicator, indicators, notice_counts
from lagesbild.content import FigureBlock, Provenance, TableBlock, ViewContent
from lagesbild.agenda.params import one


def _area_name(picture, code: str) -> str:
    d = picture.table("districts")
    names = dict(zip(d["code"], d["name"])) if not d.empty else {}
    return names.get(code, code)


def _has_series(picture, ind: Indicator, area: str | None = None) -> bool:
    s = iv.series(picture, ind.id, area)
    return bool(len(s)) and bool((s["value"].notna() | s["suppressed"].astype(bool)).any())


def trend_block(picture, ind: Indicator, area: str | None, lang: str) -> FigureBlock | None:
    """The indicator's trend for one area (default the kommun), with provenance; None without data."""
    area = area or iv.kommun_code()
    s = iv.series(picture, ind.id, area)
    if s.empty or not _has_series(picture, ind, area):
        return None
    chart = ichart.trend(s, ind, area_name=_area_name(picture, area), lang=lang)
    tom = iv.data_tom(picture, ind.id, area)
    note = t("views.indicator.trend_block.proxy", lang) if ind.proxy else ""
    return FigureBlock(chart.fig, chart.table, chart.summary, Provenance((ind.source_id,), tom.text(lang) if tom else None, note))


def _by_gender(picture, ind: Indicator, area: str | None, lang: str) -> tuple[str, str]:
    """A figure given only for women and men (no total): "K 35 % · M 49 %", never a made-up total."""
    parts, period = [], "–"
    for g in ("K", "M"):
        pt = iv.latest(iv.series(picture, ind.id, area, gender=g))
        if pt is not None:
            period = pt.period
            parts.append(f"{g} {iv.value_text(pt.value, pt.suppressed, ind, lang)}")
    return (" · ".join(parts) if parts else iv.value_text(None, False, ind, lang)), period


def latest_row(picture, ind: Indicator, lang: str, area: str | None = None) -> dict:
    s = iv.series(picture, ind.id, area)
    pt = iv.latest(s)
    tom = iv.data_tom(picture, ind.id, area)
    value, period = _by_gender(picture, ind, area, lang) if pt is None else (
        iv.value_text(pt.value, pt.suppressed, ind, lang), pt.period + (t("views.indicator.latest_row.prel", lang) if pt.preliminary else ""))
    return {
        t("views.indicator.latest_row.indicator", lang): ind.name(lang),
        t("views.indicator.latest_row.period", lang): period,
        t("views.indicator.latest_row.value", lang): value,
        t("views.indicator.latest_row.unit", lang): ind.unit_label(lang),
        t("views.indicator.latest_row.year_before", lang): iv.change_text(iv.change(s), ind.unit, lang) or "–",
        t("views.indicator.latest_row.data_up", lang): tom.text(lang) if tom else t("views.indicator.latest_row.no_data", lang),
    }


def _table_provenance(picture, inds: list[Indicator], lang: str) -> Provenance:
    tom = iv.newest([iv.data_tom(picture, i.id) for i in inds])
    return Provenance(tuple(dict.fromkeys(i.source_id for i in inds)), tom.text(lang) if tom else None,
                      t("views.indicator.table_provenance.data_up_per_row", lang))


def focus_area(picture, fid: str, lang: str = "sv") -> ViewContent:
    focus = picture.table("focus_areas").set_index("id")
    name = focus.loc[fid, "name_en" if lang == "en" else "name_sv"]
    inds = [i for i in for_focus_area(fid) if _has_series(picture, i)]
    # The headline indicators first, then the others; a count shown with its rate is one.
    ordered = sorted(inds, key=lambda i: (not i.headline, i.count_of is None))
    figures = [b for b in (trend_block(picture, i, None, lang) for i in ordered[:2]) if b is not None]
    rows = [latest_row(picture, i, lang) for i in ordered]
    tables = [TableBlock(t("views.indicator.focus_area.latest_values", lang), pd.DataFrame(rows), _table_provenance(picture, ordered, lang),
                         max_rows=8)] if rows else []
    notes = [f"{i.name(lang)}: {i.proxy}" for i in ordered[:2] if i.proxy]
    for ind in notice_counts(fid):  # what Polisen's notices say (counts per year, never rates)
        c = nc.count(picture, ind, lang)
        if c is not None:
            tables.append(TableBlock(ind.name(lang), nc.table(c, lang), Provenance(
                (ind.source_id,), c.data_tom, t("notice.rule", lang)), max_rows=8))
            notes.append(nc.summary(c, lang))
    loaded = set(picture.table("observations")["indicator_id"].unique())
    missing = [i.name(lang) for i in for_focus_area(fid) if i.id not in loaded]
    elsewhere = [i.name(lang) for i in for_focus_area(fid) if i.id in loaded and i not in inds]
    if elsewhere:
        notes.append(t("views.indicator.focus_area.available_area_sex_focus", lang)
                     + ", ".join(elsewhere[:4]) + (" …" if len(elsewhere) > 4 else ""))
    if missing:
        notes.append(t("views.indicator.focus_area.no_data_registered_indicators", lang, n_missing=len(missing))
                     + ", ".join(missing[:6]) + (" …" if len(missing) > 6 else ""))
    if figures:
        summary = " ".join(f.summary for f in figures)
    else:
        summary = t("views.indicator.focus_area.no_data_focus_area", lang, name=name)
    return ViewContent(f"{t('views.indicator.focus_area', lang)}: {name}", summary, figures, tables, notes, "fokusomraden", {"fokus": fid})


def indicator_trend(picture, iid: str, area: str | None, lang: str = "sv") -> ViewContent:
    ind = indicator(iid)
    area = area or iv.kommun_code()
    aname = _area_name(picture, area)
    title = f"{ind.name(lang)} – {aname}"
    block = trend_block(picture, ind, area, lang)
    notes = [ind.proxy] if ind.proxy else []
    if block is None:
        notes.insert(0, t("views.indicator.indicator_trend.no_data", lang, aname=aname))
        return ViewContent(title, t("views.indicator.indicator_trend.no_data_2", lang, name=ind.name(lang), aname=aname),
                           [], [], notes, "fokusomraden", {"indikator": iid, "omrade": area})
    figures = [block]
    if ind.periodicity in ("kvartal", "manad"):
        s = iv.series(picture, iid, area)
        yoy = ichart.yoy_bars(s, ind, area_name=aname, lang=lang)
        if not yoy.table.empty:
            figures.append(FigureBlock(yoy.fig, yoy.table, yoy.summary, block.provenance))
    warn = iv.freshness_warning(iid, iv.data_tom(picture, iid, area), picture.as_of, lang)
    if warn:
        notes.append(warn)
    notes.append(ind.definition_sv if lang == "sv" else ind.name_en)
    return ViewContent(title, block.summary, figures, [], notes, "fokusomraden", {"indikator": iid, "omrade": area})


def overview(picture, lang: str = "sv") -> ViewContent:
    """Översikt: the reforms' status and the headline indicators of every focus area."""
    cur = rq.current(picture)
    counts = rq.status_counts(cur)
    prov = Provenance(("reformuppfoljning",), rq.latest_date(picture),
                      t("views.indicator.overview.status_latest_recorded_assessment", lang))
    table = pd.DataFrame({"Status": [rchart.status_label(c, lang) for c in counts["status"]],
                          t("views.indicator.overview.number_reforms", lang): counts["count"].astype(int).tolist()})
    fig = FigureBlock(rchart.status_distribution(counts, lang), table, rchart.distribution_summary(counts, lang), prov)
    focus = picture.table("focus_areas").sort_values("sort")
    rows, inds = [], []
    for f in focus.itertuples():
        for ind in (i for i in for_focus_area(f.id) if i.headline):
            if ind in inds:
                continue
            inds.append(ind)
            rows.append({t("views.indicator.focus_area", lang): f.name_en if lang == "en" else f.name_sv, **latest_row(picture, ind, lang)})
    tables = [TableBlock(t("views.indicator.overview.headline_indicators_focus_area", lang), pd.DataFrame(rows),
                         _table_provenance(picture, inds, lang), max_rows=12)] if rows else []
    summary = t("views.indicator.overview.reforms_headline_indicators_focus", lang, summary=fig.summary,
                n_inds=len(inds), n_focus=len(focus))
    return ViewContent(t("views.indicator.overview.overview", lang), summary, [fig], tables, [], "oversikt", {})


def build_focus(picture, params: dict, lang: str = "sv") -> ViewContent:
    iid = one(params, "indikator")
    if iid:
        if iid in indicators():
            return indicator_trend(picture, iid, one(params, "omrade"), lang)
        notes = [t("views.indicator.build_focus.indicator_not_registry", lang, iid=iid)]
    else:
        notes = []
    ids = picture.table("focus_areas").sort_values("sort")["id"].tolist()
    fid = one(params, "fokus")
    if fid not in ids:
        if fid:
            notes.append(t("views.indicator.build_focus.unknown_focus_area", lang, fid=fid))
        fid = ids[0] if ids else None
    if fid is None:
        return ViewContent(t("views.indicator.focus_areas", lang), t("views.indicator.build_focus.there_are_no_focus", lang),
                           notes=notes, page_slug="fokusomraden")
    vc = focus_area(picture, fid, lang)
    vc.notes[:0] = notes
    return vc


def describe_focus(picture, params: dict, lang: str = "sv") -> str:
    iid = one(params, "indikator")
    if iid and iid in indicators():
        area = one(params, "omrade")
        return indicator(iid).name(lang) + (f" – {_area_name(picture, area)}" if area and picture is not None else "")
    fid = one(params, "fokus")
    if fid and picture is not None:
        focus = picture.table("focus_areas").set_index("id")
        if fid in focus.index:
            return f"{t('views.indicator.focus_area', lang)}: {focus.loc[fid, 'name_en' if lang == 'en' else 'name_sv']}"
    return t("views.indicator.focus_areas", lang)


def newest(dates: list[date | None]) -> date | None:
    known = [d for d in dates if d is not None]
    return max(known) if known else None
