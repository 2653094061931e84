"""The lägesbild document's sections, each from the views the pages use (see lagesbild.document).

Every function takes the picture already cut to the year (`picture.cut_to`): "today" for the
verdict rule is its day, 31 December, so a figure is judged as it stood when the year ended.
"""
from __future__ import annotations

import pandas as pd

from lagesbild.queries import activities as av
from lagesbild.queries import indicators as iv
from lagesbild import notice_counts as nc
from lagesbild.queries import plan as pv
from lagesbild import verdict as v
from lagesbild import agenda
from lagesbild.dates import as_date
from lagesbild.document_model import Section, Verdict, plain
from lagesbild.i18n import t
from lagesbild.registry.indicators import indicators, notice_counts
from lagesbild.content import Provenance, TableBlock

# The map of risk factors: low economic standard first (the factor most tied to crime in Brå's
# and SCB's area studies), else the first factor with data for the districts.
FACTOR_MAP_PREFERENCE = ("scb_lag_ekonomisk_standard", "scb_arbetsloshet")


def _verdict(pic, lines: list[v.Line], empty: str, lang: str, notes: list[str] | None = None,
             labels: list[str] | None = None) -> Verdict:
    """As the pages' verdict block: `in_brief` picks the lines (not with `labels`, where each
    line stands for one focus area, as on Översikt); their sources and data t.o.m. under it."""
    shown = lines if labels is not None else v.in_brief(lines, pic.as_of)
    sentences = [(f"{labels[i]}: " if labels else "") + v.sentence(ln, lang) for i, ln in enumerate(shown)]
    prov = None
    if shown:
        tom = iv.newest([ln.data_tom for ln in shown])
        prov = Provenance(tuple(sorted({s for ln in shown for s in ln.source_ids})), tom.text(lang) if tom else None)
    return Verdict([plain(x) for x in sentences] or [empty], t("verdict.rule", lang), prov, [plain(n) for n in notes or [] if n])


def _focus_names(pic, lang: str) -> dict[str, str]:
    focus = pic.table("focus_areas").sort_values("sort")
    return dict(zip(focus["id"], focus["name_en" if lang == "en" else "name_sv"]))


def _priority_areas() -> list[tuple[str, str]]:
    from lagesbild.geo import areas as areas_mod

    prio = areas_mod.of_level(areas_mod.PRIORITY_LEVEL)
    return list(zip(prio.index, prio["name"]))


# --- kartläggning ------------------------------------------------------------------------------


def focus_sections(pic, lang: str) -> list[Section]:
    from lagesbild.geo import uso_overview

    out = []
    for fid, name in _focus_names(pic, lang).items():
        lines = v.focus_lines(pic, fid)
        notes = [nc.summary(c, lang) for c in (nc.count(pic, ind, lang) for ind in notice_counts(fid))
                 if c is not None and c.any_shown]
        newest = uso_overview.newest_list(pic, until=pic.as_of.year)
        if uso_overview.follows_uso(fid) and newest:
            notes.append(t("uso.brief", lang, year=newest[0], areas=", ".join(newest[1]) or "–"))
        if lines and not notes and v.proxies_only(lines):
            notes.append(t("verdict.proxy_only", lang, name=name.lower() if lang == "sv" else name))
        vc = agenda.build(pic, "fokusomraden", {"fokus": fid}, lang)
        out.append(Section(f"fokus:{fid}", t("doc.section.focus", lang, name=name),
                           _verdict(pic, lines, t("verdict.none_focus", lang), lang, notes),
                           vc.figures, vc.tables, vc.notes))
    return out


def area_sections(pic, lang: str) -> list[Section]:
    """Per priority area: its verdict against the kommun, its map and key figures (the risk and
    protective factors are under Annan information)."""
    out = []
    for code, name in _priority_areas():
        vc = agenda.build(pic, "omraden", {"omrade": code}, lang)
        tables = [tb for tb in vc.tables if tb.title != t("fac.title", lang)]
        verdict = _verdict(pic, v.area_lines(pic, code), t("verdict.none_area", lang), lang, [t("verdict.kommun_only", lang)])
        out.append(Section(f"omrade:{code}", t("doc.section.area", lang, name=name), verdict, vc.figures, tables, vc.notes))
    return out


# --- annan information av betydelse ------------------------------------------------------------


def factors_section(pic, year: int, lang: str) -> Section:
    """The priority areas against the kommun on the factors, each area's table, and a map of one
    factor per district."""
    from lagesbild.geo import measures, profile
    from lagesbild.geo.layers import layer, main_layer

    lines, tables = [], []
    for code, name in _priority_areas():
        summary = v.area_summary(v.area_lines(pic, code), lang)
        if summary:
            lines.append(plain(f"{name}: {summary}"))
        f = profile.build(pic, code, lang).factors
        if not f.table.empty:
            tables.append(TableBlock(t("doc.factors.table", lang, name=name), f.table,
                                     Provenance(f.table_sources, f.table_tom, t("fac.weights", lang)), max_rows=14))
    available = {m.id: m for m in measures.available(pic, set(layer(main_layer())["code"]))}
    factor_ids = [f"ind:{i}" for i in FACTOR_MAP_PREFERENCE] + [
        m for m in available if m.startswith("ind:") and getattr(indicators().get(m[4:]), "factor", False)]
    chosen = next((m for m in factor_ids if m in available), None)
    figures = agenda.build(pic, "karta", {"matt": chosen}, lang).figures if chosen else []
    verdict = Verdict(lines or [t("doc.factors.none", lang)], t("verdict.rule", lang),
                      tables[0].provenance if tables else None, [t("fac.intro", lang)])
    return Section("faktorer", t("doc.section.factors", lang), verdict, figures, tables)


def uso_section(pic, year: int, lang: str) -> Section:
    """Polisen's list of utsatta områden up to the year, and the notices per area that year on
    the map with the listed areas drawn."""
    from lagesbild.geo import measures, uso_overview
    from lagesbild.importers.uso_history import SOURCE_ID

    wide, newest = uso_overview.overview(pic, lang, until=year), uso_overview.newest_list(pic, until=year)
    tables = []
    if not wide.empty and newest is not None:
        tables.append(TableBlock(t("doc.uso.table", lang), wide,
                                 Provenance((uso_overview.USO_SOURCE, SOURCE_ID), newest[0], t("uso.note", lang))))
    figures = []
    if str(year) in measures.periods(pic, measures.NOTICES):
        figures = agenda.build(pic, "karta", {"matt": measures.NOTICES.id, "period": str(year)}, lang).figures
    line = (t("uso.summary", lang, year=newest[0], areas=", ".join(newest[1]) or "–") if newest
            else t("doc.uso.none", lang))
    verdict = Verdict([line], t("verdict.rule", lang), tables[0].provenance if tables else None)
    return Section("uso", t("doc.section.uso", lang), verdict, figures, tables)


def partners_section(pic, lang: str) -> Section:
    """The partners' own records: the samverkansöverenskommelse's activities (how many, in which
    status, per focus area) and the follow-up of the reforms (Översikt's status figure)."""
    reforms = agenda.build(pic, "oversikt", {}, lang).figures[:1]
    acts = av.activities(pic, lang)
    counts = av.status_counts(acts, lang)
    total = int(sum(n for _s, _l, n in counts))
    lines = [plain(f.summary) for f in reforms]
    if acts.empty:
        return Section("parter", t("doc.section.partners", lang),
                       Verdict([t("doc.partners.none", lang), *lines], t("verdict.rule", lang),
                               reforms[0].provenance if reforms else None), reforms)
    line = t("doc.partners.verdict", lang, total=total,
             counts=", ".join(f"{av.status_label(s, lang, symbol=False).lower()} {n}" for s, _l, n in counts))
    rows = []
    for fid, name in _focus_names(pic, lang).items():
        mine = acts[acts["focus_area_id"] == fid]
        row = {t("doc.partners.col.focus", lang): name}
        row.update({label: int((mine["status"] == s).sum()) for s, label, _n in counts})
        row[t("doc.partners.col.total", lang)] = len(mine)
        rows.append(row)
    prov = Provenance(("partner",), av.last_changed(acts), t("doc.partners.note", lang))
    table = TableBlock(t("doc.partners.table", lang), pd.DataFrame(rows), prov)
    return Section("parter", t("doc.section.partners", lang), Verdict([line, *lines], t("verdict.rule", lang), prov),
                   reforms, [table])


# --- analys ------------------------------------------------------------------------------------


def analysis_section(pic, lang: str) -> Section:
    """Översikt's verdict (the headline line per focus area, the priority areas against the
    kommun) and its table of headline indicators: the ground the overall analysis stands on."""
    names = _focus_names(pic, lang)
    per_focus = [(fid, ln) for fid, ln in v.overview_lines(pic, list(names)).items() if ln is not None]
    notes = [plain(f"{name}: {s}") for code, name in _priority_areas()
             if (s := v.area_summary(v.area_lines(pic, code), lang))]
    if notes:
        notes.insert(0, t("verdict.priority_areas", lang))
    verdict = _verdict(pic, [ln for _f, ln in per_focus], t("verdict.none_focus", lang), lang, notes,
                       labels=[names[f] for f, _ln in per_focus])
    overview = agenda.build(pic, "oversikt", {}, lang)
    tables = [tb for tb in overview.tables if tb.provenance is not None]
    return Section("analys", t("doc.section.analysis", lang), verdict, [], tables)


# --- åtgärdsplan and uppföljning ---------------------------------------------------------------


def _plan_names(pic, lang: str) -> dict[str, dict]:
    d = pic.table("districts")
    return {"focus": _focus_names(pic, lang), "areas": {**dict(zip(d["code"], d["name"])), **pv.area_labels(pic, lang)},
            "partners": dict(zip(pic.table("partners")["id"], pic.table("partners")["short_name"]))}


def _join(ids, names: dict) -> str:
    return ", ".join(names.get(i, i) for i in ids or [])


def _plan_prov(plan: pd.DataFrame) -> Provenance:
    days = [as_date(x) for x in list(plan["status_date"]) + list(plan["created_at"])] if not plan.empty else []
    days = [d for d in days if d is not None]
    return Provenance(("partner",), max(days) if days else None, "")


def plan_section(pic, plan: pd.DataFrame, year: int, lang: str) -> Section:
    """Åtgärder not ended before the year: what the plan does from this lägesbild on."""
    start = pd.Timestamp(year, 1, 1).date()
    active = plan[plan["end_date"].map(lambda d: as_date(d) is None or as_date(d) >= start)] if not plan.empty else plan
    names = _plan_names(pic, lang)
    prov = _plan_prov(active)
    prov = Provenance(prov.source_ids, prov.data_tom, t("doc.plan.note", lang))
    counts = av.status_counts(active, lang)
    status = TableBlock(t("doc.plan.status_table", lang), pd.DataFrame(
        {"Status": [label for _s, label, _n in counts], t("doc.plan.col.count", lang): [n for _s, _l, n in counts]}), prov)
    tables = [status]
    if not active.empty:
        tables.append(TableBlock(t("doc.plan.table", lang), pd.DataFrame([{
            t("plan.col.title", lang): r["title"],
            t("plan.f.focus", lang): names["focus"].get(r["focus_area_id"], "") if r["focus_area_id"] else "",
            t("plan.f.areas", lang): _join(r["area_codes"], names["areas"]),
            t("plan.col.responsible", lang): ", ".join(x for x in (_join(r["partner_ids"], names["partners"]), r["owner"] or "") if x),
            t("plan.col.period", lang): pv.period_text(r["start_date"], r["end_date"]),
            "Status": av.status_label(r["status"], lang),
            t("plan.col.effect", lang): pv.effect_text(r, lang) or "",
        } for _i, r in active.iterrows()]), prov, max_rows=40))
    line = plain(pv.summary(pic, active).text(lang)) if not active.empty else t("doc.plan.none", lang)
    return Section("atgardsplan", t("doc.section.plan", lang), Verdict([line], t("verdict.rule", lang), prov), [], tables)


def followup_section(pic, plan: pd.DataFrame, end, lang: str) -> Section:
    """Each åtgärd started by the end of the year: its indicators before and after the start,
    from the cut picture (development, never effect: the wording says so)."""
    started = plan[plan["start_date"].map(lambda d: as_date(d) is not None and as_date(d) <= end)] if not plan.empty else plan
    frames, provs = [], []
    for _i, r in started.iterrows():
        table, prov = pv.follow_up_table(pic, r, lang)
        if not table.empty:
            table.insert(0, t("doc.followup.col.action", lang), r["title"])
            frames.append(table)
            provs.append(prov)
    tables = []
    if frames:
        toms = [p.data_tom for p in provs if p.data_tom]
        prov = Provenance(tuple(sorted({s for p in provs for s in p.source_ids})), max(toms) if toms else None)
        tables.append(TableBlock(t("doc.followup.table", lang), pd.concat(frames, ignore_index=True), prov, max_rows=40))
    if started.empty:
        line = t("doc.followup.none", lang, day=end.isoformat())
    else:
        line = t("doc.followup.verdict", lang, n=len(started), day=end.isoformat(),
                 followed=sum(pv.followed_up(pic, r) for _i, r in started.iterrows()))
    verdict = Verdict([line], t("verdict.rule", lang), tables[0].provenance if tables else None,
                      [t("plan.followup.not_effect", lang)])
    return Section("uppfoljning", t("doc.section.followup", lang), verdict, [], tables)
