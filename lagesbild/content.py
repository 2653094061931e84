"""What an agenda item shows, as plain data: the same object feeds the meeting screen, the
presentation view, the PDF and the PPTX (no streamlit, no rendering here).

A `ViewContent` has a title, a one-sentence summary, at most two figures (each with the same
data as a table, its own summary and its provenance), tables, and notes. Every figure and
every table of figures carries a `Provenance` (source, data type, data t.o.m.), which the
screen shows as a caption and the exports print under the chart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from lagesbild.provenance import source_line

MAX_FIGURES = 2  # one PDF page / one slide per agenda item


@dataclass(frozen=True)
class Provenance:
    source_ids: tuple[str, ...]
    data_tom: date | str | None
    note: str = ""

    def line(self, lang: str = "sv") -> str:
        return source_line(list(self.source_ids), self.data_tom, lang=lang, note=self.note)


@dataclass
class FigureBlock:
    fig: go.Figure
    table: pd.DataFrame  # the same data as a table ("Visa som tabell", exports)
    summary: str
    provenance: Provenance
    kind: str = "chart"  # chart | map


@dataclass
class TableBlock:
    title: str
    table: pd.DataFrame  # display text only (small counts already ".."), never raw counts
    provenance: Provenance | None = None
    max_rows: int = 14  # rows a page or slide can hold; the rest is counted in a note


@dataclass
class ViewContent:
    title: str
    summary: str
    figures: list[FigureBlock] = field(default_factory=list)
    tables: list[TableBlock] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    page_slug: str = ""
    params: dict = field(default_factory=dict)

    def provenances(self) -> list[Provenance]:
        out = [f.provenance for f in self.figures] + [t.provenance for t in self.tables if t.provenance is not None]
        return list(dict.fromkeys(out))

    def source_lines(self, lang: str = "sv") -> list[str]:
        return list(dict.fromkeys(p.line(lang) for p in self.provenances()))

    def source_ids(self) -> list[str]:
        return list(dict.fromkeys(s for p in self.provenances() for s in p.source_ids))

    @property
    def has_suppressed(self) -> bool:
        return any_suppressed([f.table for f in self.figures] + [t.table for t in self.tables])


def any_suppressed(frames: list[pd.DataFrame]) -> bool:
    """Does any of these tables show a hidden count ("..")?"""
    from lagesbild.privacy import SUPPRESSED

    return any(not df.empty and df.astype(str).eq(SUPPRESSED).any().any() for df in frames)
