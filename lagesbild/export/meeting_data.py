"""What the meeting pre-read is made of, shared by the PDF and the PPTX writers: the meeting's
facts, one `ViewContent` per agenda item with its charts as PNG, and the decisions.

The figure slot (size on the page) is decided here once, so the PNG has the shape of the place
it is printed in, in the PDF and on the slide alike.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from lagesbild.i18n import t
from lagesbild.content import ViewContent

PX_PER_MM = 5.0  # 14 px chart text ≈ 7.5 pt on paper: readable, and the charts keep their proportions


@dataclass
class ExportItem:
    number: int
    title: str  # the agenda item's own title
    content: ViewContent
    images: list[bytes] = field(default_factory=list)  # one PNG per figure of the content


@dataclass
class ExportData:
    meeting_title: str
    meeting_date: date
    as_of: date
    frozen: bool
    frozen_at: datetime | None
    participants: list[str]
    items: list[ExportItem]
    decisions: ViewContent
    lang: str = "sv"
    app_version: str = ""
    demo: bool = False

    def as_of_text(self) -> str:
        from lagesbild import fmt

        return (t("pack.as_of", self.lang, date=fmt.iso(self.as_of))
                + t("pack.as_of.frozen" if self.frozen else "pack.as_of.live", self.lang))


CONTENT_W = 273.0  # landscape A4 less the margins, mm
MM_PER_CHAR = 1.45  # average width of a character of the 7.5 pt table font (DejaVu Sans), mm
SIDE_TABLE_MAX = 118.0  # a table wider than this goes under the chart instead of beside it


def table_width(df) -> float:
    """Rough natural width of a table in mm (longest cell per column, capped): decides the layout
    before the charts are drawn, so their PNGs get the shape of their place."""
    total = 0.0
    for col in df.columns:
        longest = max([len(str(col)) * 0.8] + [len(str(v)) for v in df[col].head(30)])
        total += min(longest * MM_PER_CHAR + 2.5, 75.0)
    return total


def words_width(df) -> float:
    """The narrowest a table can be in the PDF without breaking a word: per column its longest
    word at the 7.5 pt table font (DejaVu Sans; the header bold) and the cell padding, in mm."""
    from lagesbild.export.textfit import text_width, words

    pt_mm = 25.4 / 72
    total = 0.0
    for col in df.columns:
        longest = max([text_width(w, 7.5, True) for w in words(str(col))]
                      + [text_width(w, 7.5) for v in df[col] for w in words(str(v))] + [0.0])
        total += longest * pt_mm + 2.6
    return total


def layout(content: ViewContent) -> str:
    """tables | single (one chart, any tables after it) | side (chart left, table right) |
    stack (chart over table) | pair."""
    n = len(content.figures)
    if n == 0:
        return "tables"
    if n >= 2:
        return "pair"
    if not content.tables:
        return "single"
    if content.figures[0].kind == "map":
        # a map needs the page's height: its table beside it, or on the next page if it is too wide
        return "side" if words_width(content.tables[0].table) <= SIDE_TABLE_MAX else "single"
    return "side" if table_width(content.tables[0].table) <= SIDE_TABLE_MAX else "stack"


def side_table_width(content: ViewContent) -> float:
    return max(80.0, min(SIDE_TABLE_MAX, table_width(content.tables[0].table)))


def stacked_table_height(content: ViewContent) -> float:
    tb = content.tables[0]
    return min(len(tb.table), tb.max_rows, 10) * 4.8 + 16.0


def figure_slot(content: ViewContent) -> tuple[float, float]:
    """Width and height in mm of each chart of an item (landscape A4, 273 mm usable width)."""
    kind = layout(content)
    if kind == "single":
        return CONTENT_W, 118.0
    if kind == "side":
        return CONTENT_W - side_table_width(content) - 6.0, 112.0
    if kind == "stack":
        return CONTENT_W, max(60.0, 135.0 - stacked_table_height(content))
    return (133.0, 80.0) if content.tables else (133.0, 110.0)


def figure_pixels(content: ViewContent) -> tuple[int, int]:
    w, h = figure_slot(content)
    return int(w * PX_PER_MM), int(h * PX_PER_MM)
