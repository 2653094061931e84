"""The lägesbild document (lag 2023:196) for one year, as plain data: parts → sections → blocks.

One data shape, many renderers: the page's preview, the DOCX (lagesbild.export.document_docx)
and the PDF (lagesbild.export.document_pdf) all print the same `Document`. No streamlit here.

The parts are the law's: kartläggning (per focus area and per priority area), annan information
av betydelse (risk and protective factors, utsatta områden, the partners' information), analys
— then the åtgärdsplan and the follow-up of the period's åtgärder. Every section has its
verdict ("Läget i korthet", the verdict rule's words), at least one figure or table, each with
source and data t.o.m., and its analysis text or "Analys saknas".

Figures and tables are those of the pages (lagesbild.views, plan_views, activity_views) built
from the picture cut to 31 December of the year (`picture.cut_to`), so every small count is
hidden exactly as on the pages. The figures' charts are plotly objects; the writers render them
through lagesbild.export.images, the meeting pack's one chart→image path.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from lagesbild.i18n import t
from lagesbild.views.content import FigureBlock, Provenance, TableBlock, any_suppressed

PARTS = ("kartlaggning", "annan", "analys", "atgardsplan", "uppfoljning")


@dataclass
class Verdict:
    """"Läget i korthet": one sentence per line (plain text, the verdict words unmarked), the
    rule they follow, their sources."""
    lines: list[str]
    rule: str
    provenance: Provenance | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Analysis:
    """The coordinator's text for a section (lagesbild.store.analysis), or none yet."""
    key: str
    text: str | None = None
    author: str | None = None
    written: datetime | None = None

    def shown(self, lang: str = "sv") -> str:
        return self.text if self.text else t("doc.analysis_missing", lang)

    @property
    def missing(self) -> bool:
        return not self.text


@dataclass
class Section:
    key: str  # the analysis' key in the store, e.g. "fokus:gang", "omrade:prio-varby", "uso"
    title: str
    verdict: Verdict
    figures: list[FigureBlock] = field(default_factory=list)
    tables: list[TableBlock] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    analysis: Analysis | None = None

    @property
    def has_figure(self) -> bool:
        return bool(self.figures) or any(tb.provenance is not None for tb in self.tables)

    @property
    def has_suppressed(self) -> bool:
        return any_suppressed([f.table for f in self.figures] + [tb.table for tb in self.tables])


@dataclass
class Part:
    key: str  # one of PARTS
    title: str
    intro: str
    sections: list[Section]


@dataclass
class Document:
    year: int
    kommun: str
    app_name: str
    data_end: date  # 31 December of the year (or the picture's own day, when earlier)
    made: date
    parts: list[Part]
    lang: str = "sv"

    @property
    def title(self) -> str:
        return t("doc.title", self.lang, kommun=self.kommun, year=self.year)

    def sections(self) -> list[Section]:
        return [s for p in self.parts for s in p.sections]

    def section_keys(self) -> list[str]:
        return [s.key for s in self.sections()]

    @property
    def has_suppressed(self) -> bool:
        return any(s.has_suppressed for s in self.sections())

    def front_matter(self) -> list[str]:
        """The lines under the title: the law, the cut, when and from what, the rules."""
        from lagesbild import fmt, privacy

        return [t("doc.subtitle", self.lang), t("doc.cut", self.lang, day=fmt.long_date(self.data_end, self.lang)),
                t("doc.made", self.lang, day=fmt.iso(self.made), app=self.app_name),
                t("doc.every_figure", self.lang), privacy.explanation(self.lang)]


def plain(text: str) -> str:
    """Markdown emphasis and Streamlit's :small[…] off: the documents print plain text."""
    text = re.sub(r":small\[(.*?)\]", r"\1", str(text), flags=re.S)
    return text.replace("**", "").replace("\\", "")


def years(pic) -> list[int]:
    """Years the picture has figures for (newest first): the year selector's options."""
    obs = pic.table("observations")
    if obs.empty:
        return []
    known = obs[obs["status"] != "saknas"]
    ends = pd.to_datetime(known["period_end"], errors="coerce").dropna()
    return sorted({int(y) for y in ends.dt.year}, reverse=True)


def default_year(pic) -> int | None:
    """The newest year that has ended by the picture's day (a complete year), else the newest."""
    ys = years(pic)
    done = [y for y in ys if date(y, 12, 31) <= pic.as_of]
    return (done or ys or [None])[0]


def build(pic, year: int, *, plan: pd.DataFrame | None = None, analyses: dict[str, dict] | None = None,
          lang: str = "sv", made: date | None = None) -> Document:
    """The document for `year` from the picture (cut here to 31 December), the åtgärdsplan
    (`action_plan.plan_frame`) and the year's analyses (`analysis.latest`)."""
    from lagesbild import document_parts as dp
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
