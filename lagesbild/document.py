"""The lägesbild document (lag 2023:196) for one year, as plain data: parts → sections → blocks.

One data shape, many renderers: the page's preview, the DOCX (lagesbild.export.document_docx)
and the PDF (lagesbild.export.document_pdf) all print the same `Document`. No streamlit here.

The parts are the law's: kartläggning (per focus area and per priority area), annan information
av betydelse (risk and protective factors, utsatta områden, the partners' information), analys
— then the åtgärdsplan and the follow-up of the period's åtgärder. Every section has its
verdict ("Läget i korthet", the verdict rule's words), at least one figure or table, each with
source and data t.o.m., and its analysis text or "Analys saknas".

Figures and tables are those of the pages (lagesbild.agenda, queries.plan, queries.activities) built
from the picture cut to 31 December of the year (`picture.cut_to`), so every small count is
hidden exactly as on the pages. The figures' charts are plotly objects; the writers render them
through lagesbild.export.images, the meeting pack's one chart→image path.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from lagesbild import document_parts as dp
from lagesbild.document_model import PARTS, Analysis, Document, Part, Section, Verdict, plain
from lagesbild.i18n import t

__all__ = ["PARTS", "Analysis", "Document", "Part", "Section", "Verdict", "build", "default_year", "plain", "years"]


def years(pic) -> list[int]:
    """Years the picture has figures for (newest first): the year selector's options. Once per
    picture: every run of the page asks, and the observations are the largest table."""
    from lagesbild.queries.indicators import memo

    def build() -> list[int]:
        obs = pic.table("observations")
        if obs.empty:
            return []
        ends = obs.loc[obs["status"] != "saknas", "period_end"].drop_duplicates()
        return sorted({int(y) for y in pd.to_datetime(ends, errors="coerce").dropna().dt.year}, reverse=True)

    return list(memo(pic, ("document_years",), build))


def default_year(pic) -> int | None:
    """The newest year that has ended by the picture's day (a complete year), else the newest."""
    ys = years(pic)
    done = [y for y in ys if date(y, 12, 31) <= pic.as_of]
    return (done or ys or [None])[0]


def build(pic, year: int, *, plan: pd.DataFrame | None = None, analyses: dict[str, dict] | None = None,
          lang: str = "sv", made: date | None = None) -> Document:
    """The document for `year` from the picture (cut here to 31 December), the åtgärdsplan
    (`action_plan.plan_frame`) and the year's analyses (`analysis.latest`)."""
    from lagesbild.config import load_kommun
    from lagesbild.picture import cut_to
    from lagesbild.store.action_plan import PLAN_COLUMNS

    end = date(year, 12, 31)
    cut = cut_to(pic, end)
    plan = plan if plan is not None else pd.DataFrame(columns=PLAN_COLUMNS)
    parts = [
        Part("kartlaggning", t("doc.part.kartlaggning", lang), t("doc.part.kartlaggning.intro", lang),
             dp.focus_sections(cut, lang) + dp.area_sections(cut, lang)),
        Part("annan", t("doc.part.annan", lang), t("doc.part.annan.intro", lang),
             [dp.factors_section(cut, year, lang), dp.uso_section(cut, year, lang), dp.partners_section(cut, lang)]),
        Part("analys", t("doc.part.analys", lang), t("doc.part.analys.intro", lang), [dp.analysis_section(cut, lang)]),
        Part("atgardsplan", t("doc.part.atgardsplan", lang), t("doc.part.atgardsplan.intro", lang),
             [dp.plan_section(cut, plan, year, lang)]),
        Part("uppfoljning", t("doc.part.uppfoljning", lang), t("doc.part.uppfoljning.intro", lang, day=end.isoformat()),
             [dp.followup_section(cut, plan, end, lang)]),
    ]
    analyses = analyses or {}
    for part in parts:
        for s in part.sections:
            a = analyses.get(s.key) or {}
            s.analysis = Analysis(s.key, a.get("text"), a.get("author"), a.get("created_at"))
    kommun = load_kommun()
    return Document(year, kommun.name, kommun.app_name, cut.as_of, made or date.today(), parts, lang)
