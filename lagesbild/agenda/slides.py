"""An agenda item cut into slides that each fit one 16:9 screen (plain data, no streamlit).

A slide holds a headline (the item's data-built summary), at most one chart or map, at most a
short key table, and its sources; what does not fit continues on the next slide ("forts.").
Fitting is done by this layout, not by shrinking: a table beside a chart must be narrow and
short, every other table gets slides of its own with at most `ROWS_ALONE` rows, and wordy rows
count double. Definitions, notes and the full source lines go to the speaker notes.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from lagesbild.content import FigureBlock, Provenance, TableBlock, ViewContent, any_suppressed

ROWS_BESIDE = 6  # a key table beside a chart
ROWS_ALONE = 6  # a table on a slide of its own (rows of long text count double)
BESIDE_MAX_COLUMNS = 3
BESIDE_MAX_CHARS = 40  # longest cell of a table that may stand beside a chart
LONG_CELL = 60  # a row with a cell this long wraps to about two lines on a slide


@dataclass(frozen=True)
class Slide:
    headline: str
    figure: FigureBlock | None = None
    table: TableBlock | None = None
    continued: bool = False  # a continuation of the previous slide's table ("forts.")
    notes: tuple[str, ...] = ()

    @property
    def provenances(self) -> list[Provenance]:
        out = [self.figure.provenance] if self.figure is not None else []
        if self.table is not None and self.table.provenance is not None:
            out.append(self.table.provenance)
        return list(dict.fromkeys(out))

    @property
    def has_suppressed(self) -> bool:
        return any_suppressed([b.table for b in (self.figure, self.table) if b is not None])


def _longest(df: pd.DataFrame) -> int:
    if df.empty:
        return 0
    cells = [len(str(c)) for c in df.columns] + [len(str(v)) for v in df.astype(str).to_numpy().ravel()]
    return max(cells)


def fits_beside(tb: TableBlock) -> bool:
    """Narrow and short enough to stand beside a chart on the same slide."""
    return (len(tb.table.columns) <= BESIDE_MAX_COLUMNS and len(tb.table) <= ROWS_BESIDE
            and _longest(tb.table) <= BESIDE_MAX_CHARS)


def _row_weight(row: pd.Series) -> int:
    return 2 if any(len(str(v)) > LONG_CELL for v in row) else 1


def table_parts(tb: TableBlock, rows: int = ROWS_ALONE) -> list[TableBlock]:
    """The table in slide-sized parts, header repeated (each part is a full TableBlock)."""
    df = tb.table
    if df.empty:
        return [replace(tb, max_rows=rows)]
    parts, start, weight = [], 0, 0
    for i in range(len(df)):
        w = _row_weight(df.iloc[i])
        if i > start and weight + w > rows:
            parts.append(df.iloc[start:i])
            start, weight = i, 0
        weight += w
    parts.append(df.iloc[start:])
    return [replace(tb, table=part.reset_index(drop=True), max_rows=len(part)) for part in parts]


def slides(vc: ViewContent, notes: tuple[str, ...] = ()) -> list[Slide]:
    """Every figure and every table row of the view, on slides that fit; `notes` (sources,
    definitions, what changed) are added to each slide's speaker notes."""
    speaker = tuple(dict.fromkeys([*(f.summary for f in vc.figures if f.summary), *vc.notes, *notes]))
    out: list[Slide] = []
    tables = list(vc.tables)
    for i, fig in enumerate(vc.figures):
        beside = None
        if i == 0 and tables and fits_beside(tables[0]):
            beside = tables.pop(0)
        out.append(Slide(vc.summary if not out else fig.summary or vc.summary, figure=fig, table=beside, notes=speaker))
    for tb in tables:
        for k, part in enumerate(table_parts(tb)):
            out.append(Slide(vc.summary, table=part, continued=k > 0, notes=speaker))
    if not out:
        out.append(Slide(vc.summary, notes=speaker))
    return out
