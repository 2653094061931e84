"""Agenda views of the Reformer page: the status overview (optionally filtered) and one reform."""
from __future__ import annotations

import pandas as pd

from lagesbild import fmt

from lagesbild.queries import reforms as rq
from lagesbild.charts import reforms as charts
from lagesbild.i18n import t
from lagesbild.content import FigureBlock, Provenance, TableBlock, ViewContent
from lagesbild.agenda.params import many, one, reform_statuses

SOURCE = ("reformuppfoljning",)


def reform_filter(picture, params: dict, lang: str = "sv") -> tuple[rq.ReformFilter, list[str]]:
    """The Reformer page's filters from its URL parameters, and notes on what was not understood."""
    codes, bad = reform_statuses(many(params, "status"))
    notes = [t("views.reform.reform_filter.unknown_status_view", lang, codes=', '.join(bad))] if bad else []
    return rq.ReformFilter(tuple(codes), one(params, "tema"), one(params, "ansvarig"), one(params, "fokus"),
                                     one(params, "sok") or ""), notes


def filter_text(picture, flt: rq.ReformFilter, lang: str = "sv") -> str:
    """"Försenad, Pågående · tema Trygghet" — the filter in words (empty when none)."""
    parts = []
    if flt.statuses:
        parts.append(", ".join(charts.status_label(c, lang, symbol=False) for c in flt.statuses))
    if flt.theme:
        parts.append(t("views.reform.filter_text.theme", lang, theme=flt.theme))
    if flt.responsible:
        parts.append(t("views.reform.filter_text.responsible", lang, responsible=flt.responsible))
    if flt.focus_area:
        names = rq.focus_area_names(picture, lang)
        parts.append(names.get(flt.focus_area, flt.focus_area))
    if flt.query.strip():
        parts.append(f"”{flt.query.strip()}”")
    return " · ".join(parts)


def _progress(v, lang: str) -> str:
    return fmt.number(None, lang=lang) if v is None else fmt.percent(v / 100, 0, lang)


def _date(d, lang: str) -> str:
    return fmt.iso(d) if d is not None else fmt.number(None, lang=lang)


def reform_table(df: pd.DataFrame, lang: str = "sv", *, motivation: bool = False) -> pd.DataFrame:
    out = pd.DataFrame({
        t("views.reform.reform_table.no", lang): df["number"].astype(int).tolist(),
        "Reform": (df["title_en"] if lang == "en" else df["title_sv"]).tolist(),
        "Status": [charts.status_label(s, lang) for s in df["status"]],
        t("views.reform.progress", lang): [_progress(v, lang) for v in df["progress"]],
        t("views.reform.reform_table.last_assessed", lang): [_date(d, lang) for d in df["update_date"]],
    })
    if motivation:
        out[t("views.reform.reform_table.latest_motivation", lang)] = [m or "–" for m in df["motivation"]]
    return out


def overview(picture, params: dict, lang: str = "sv") -> ViewContent:
    cur = rq.current(picture)
    flt, notes = reform_filter(picture, params, lang)
    shown = rq.apply_filter(cur, flt)
    counts = rq.status_counts(shown)
    tom = rq.latest_date(picture, shown["id"].tolist())
    prov = Provenance(SOURCE, tom, t("views.reform.overview.status_latest_recorded_assessment", lang))
    words = filter_text(picture, flt, lang)
    title = t("views.reform.reforms", lang) + (f": {words}" if words else "")
    counts_table = pd.DataFrame({"Status": [charts.status_label(c, lang) for c in counts["status"]],
                                 t("views.reform.overview.number_reforms", lang): counts["count"].astype(int).tolist()})
    fig = FigureBlock(charts.status_distribution(counts, lang), counts_table, charts.distribution_summary(counts, lang), prov)
    shown_text = t("views.reform.overview.reforms_shown", lang, n_shown=len(shown), n_cur=len(cur))
    if shown.empty:
        notes.append(t("views.reform.overview.no_reform_matches_filters", lang))
    if flt.active:
        # A filtered list is the point of the view: each reform with its latest motivation,
        # full width; the status chart of a handful of reforms would say nothing more.
        table = TableBlock(shown_text, reform_table(shown, lang, motivation=True), prov, max_rows=17)
        return ViewContent(title, f"{shown_text}. {fig.summary}", [], [table], notes, "reformer", dict(params))
    table = TableBlock(shown_text, reform_table(shown, lang), prov, max_rows=17)
    return ViewContent(title, f"{shown_text}. {fig.summary}", [fig], [table], notes, "reformer", dict(params))


def one_reform(picture, reform_id: str, lang: str = "sv") -> ViewContent:
    cur = rq.current(picture).set_index("id")
    r = cur.loc[reform_id]
    name = r["title_en"] if lang == "en" else r["title_sv"]
    title = f"{t('views.reform.reform', lang)} {int(r['number'])}: {_short(name)}"
    hist = rq.history(picture, reform_id)
    prov = Provenance(SOURCE, rq.latest_date(picture, [reform_id]))
    status = charts.status_label(r["status"], lang, symbol=False)
    if int(r["seq"]) == 0:
        summary = t("views.reform.one_reform.no_assessment_has_been", lang, status=status)
    else:
        prog = "" if r["progress"] is None else t("views.reform.one_reform.progress", lang,
                                                  progress=_progress(r['progress'], lang))
        summary = t("views.reform.one_reform.status_according_assessment_assessed", lang, status=status,
                    date=_date(r['update_date'], lang), prog=prog, author=r['author'])
    history = pd.DataFrame({
        t("views.reform.one_reform.date", lang): [_date(d, lang) for d in hist["update_date"]],
        "Status": [charts.status_label(s, lang) for s in hist["status"]],
        t("views.reform.progress", lang): [_progress(v, lang) for v in hist["progress"]],
        t("views.reform.one_reform.motivation", lang): hist["motivation"].tolist(),
        t("views.reform.one_reform.assessed", lang): hist["author"].tolist(),
    })
    notes = [t("views.reform.one_reform.agreement_s_wording", lang, name=name),
             t("views.reform.one_reform.theme_responsible", lang, theme=r['theme'], responsible=r['responsible'])]
    links = rq.focus_links(picture, reform_id, lang)
    if not links.empty:
        notes.append(t("views.reform.one_reform.focus_areas", lang) + ", ".join(links["name"]))
    if int(r["seq"]) and r["motivation"]:
        notes.append(t("views.reform.one_reform.latest_motivation", lang, motivation=r['motivation']))
    tables = [TableBlock(t("views.reform.one_reform.history_newest_first", lang), history, prov, max_rows=10)]
    return ViewContent(title, summary, [], tables, notes, "reformer", {"reform": reform_id})


def _short(text: str, n: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def build(picture, params: dict, lang: str = "sv") -> ViewContent:
    rid = one(params, "reform")
    if rid:
        ids = set(picture.table("reforms")["id"])
        if rid in ids:
            return one_reform(picture, rid, lang)
        vc = overview(picture, {}, lang)
        vc.notes.insert(0, t("views.reform.build.reform_does_not_exist", lang, rid=rid))
        return vc
    return overview(picture, params, lang)


def describe(picture, params: dict, lang: str = "sv") -> str:
    rid = one(params, "reform")
    if rid and picture is not None and rid in set(picture.table("reforms")["id"]):
        r = picture.table("reforms").set_index("id").loc[rid]
        return f"{t('views.reform.reform', lang)} {int(r['number'])}: {_short(r['title_en'] if lang == 'en' else r['title_sv'], 60)}"
    if picture is None:
        return t("views.reform.reforms", lang)
    flt, _ = reform_filter(picture, params, lang)
    words = filter_text(picture, flt, lang)
    return t("views.reform.reforms", lang) + (f": {words}" if words else "")
