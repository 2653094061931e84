"""The lägesbild document's data shape (no streamlit, no rendering): parts → sections →
blocks. Built by lagesbild.document; printed by the page and the DOCX and PDF writers."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from lagesbild.i18n import t
from lagesbild.content import FigureBlock, Provenance, TableBlock, any_suppressed

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
