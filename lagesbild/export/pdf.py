"""The meeting pre-read as PDF (fpdf2): landscape A4, built from the data, never a screenshot.

Pages: a cover (meeting, date, "Lägesbild per …", participants, agenda), one page per
agenda item (title, one-sentence summary, charts with their source line and data t.o.m.
right under each, tables of the same figures, notes), and a page of decisions and åtgärder.
Every page has the meeting's title and date and the as-of date in its header, and
"Sida N av M" in its footer. DejaVu Sans is embedded, so å ä ö and the status symbols print
on any machine.

Every row of every table is printed: a table that does not fit goes on over the following
pages ("(forts.)" after the item's title) with its header row repeated. The cover's agenda is
the one table of contents, drawn last (fpdf2's ToC placeholder) so its page numbers are those
the items really start on; the same entries are the PDF's bookmarks.
"""
from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from fpdf import FPDF

from lagesbild import fmt, privacy
from lagesbild.config import load_kommun
from lagesbild.export.meeting_data import ExportData, ExportItem, figure_slot, layout, stacked_table_height
from lagesbild.export.textfit import clamp_lines, font_file, share_widths, words, wrap
from lagesbild.i18n import t
from lagesbild.content import TableBlock, ViewContent

FONT = "DejaVu"
W, H = 297.0, 210.0
M = 12.0  # margin
CW = W - 2 * M  # content width
TOP = 22.0  # below the header band
BOTTOM = H - 13.0  # above the footer
GREY = (90, 90, 90)
LIGHT = (235, 235, 235)
ROW_H = 4.6
LINE_H = 3.3
TABLE_PT = 7.5
SOURCE_PT = 7.5
PT_PER_MM = 72 / 25.4
CELL_PAD = 2.6  # mm beside a cell's text: the cell margins and a little air
MAX_CELL_LINES = 8
AGENDA_ROW = 5.6
AGENDA_BOTTOM = BOTTOM - 16  # a longer cell (a reform's motivation) ends with "…"


class AppPDF(FPDF):
    """An A4 document in the app's embedded fonts (Swedish letters offline), laid out by hand
    (no automatic page breaks), with its title, author and language for screen readers."""

    def __init__(self, orientation: str, margin: float, *, title: str, author: str, creator: str, lang: str):
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.add_font(FONT, "", str(font_file("DejaVuSans.ttf")))
        self.add_font(FONT, "B", str(font_file("DejaVuSans-Bold.ttf")))
        self.set_auto_page_break(False)
        self.set_margins(margin, margin, margin)
        self.set_title(title)
        self.set_author(author)
        self.set_creator(creator)
        self.set_lang("sv-SE" if lang == "sv" else "en-GB")


class MeetingPDF(AppPDF):
    def __init__(self, data: ExportData):
        app_name = load_kommun().app_name
        super().__init__("L", M, title=f"{t('pdf.init.pre_read', data.lang)}: {data.meeting_title}", author=app_name,
                         creator=f"{app_name} {data.app_version}".strip(), lang=data.lang)
        self.data = data
        self.alias_nb_pages("{nb}")
        self.page_is_fresh = False  # the ToC placeholder has opened a page the next item starts on

    def header(self) -> None:
        d = self.data
        self.set_y(7)
        self.set_font(FONT, "B", 9)
        self.set_text_color(0, 0, 0)
        left = f"{d.meeting_title} · {fmt.iso(d.meeting_date)}"
        right = d.as_of_text()
        self.cell(CW * 0.6, 5, fit(self, left, CW * 0.6), align="L")
        self.set_font(FONT, "B", 9)
        self.set_text_color(*((160, 60, 0) if not d.frozen else (0, 0, 0)))
        self.cell(CW * 0.4, 5, fit(self, right, CW * 0.4), align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        if d.demo:
            self.set_font(FONT, "B", 8)
            self.set_text_color(160, 60, 0)
            self.cell(CW, 4, t("pdf.header.example_data_made_up", d.lang),
                      align="C")
            self.set_text_color(0, 0, 0)
        self.set_draw_color(120, 120, 120)
        self.line(M, 17, W - M, 17)

    def footer(self) -> None:
        lang = self.data.lang
        self.set_y(H - 10)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*GREY)
        self.cell(CW * 0.7, 4, fit(self, t("pdf.footer.app_meeting", lang, app=load_kommun().app_name)
                                  + (f" · version {self.data.app_version}" if self.data.app_version else ""), CW * 0.7))
        self.cell(CW * 0.3, 4, t("pdf.footer.page", lang, page_no=self.page_no()), align="R")
        self.set_text_color(0, 0, 0)


def fit(pdf: FPDF, text, width: float) -> str:
    """The text shortened with "…" to fit `width` mm in the current font (one line)."""
    text = " ".join(str(text if text is not None else "").split())
    if pdf.get_string_width(text) <= width - 1:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if pdf.get_string_width(text[:mid] + "…") <= width - 1:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def lines_needed(pdf: FPDF, text: str, width: float) -> int:
    return max(1, len(pdf.multi_cell(width, 4, text, dry_run=True, output="LINES")))


# --- blocks -------------------------------------------------------------------------------------


def _title(pdf: FPDF, number: int | None, title: str, subtitle: str = "") -> None:
    pdf.set_xy(M, TOP)
    pdf.set_font(FONT, "B", 16)
    head = f"{number}. {title}" if number is not None else title
    pdf.cell(CW, 8, fit(pdf, head, CW), new_x="LMARGIN", new_y="NEXT")
    if subtitle and subtitle != title:
        pdf.set_font(FONT, "", 9)
        pdf.set_text_color(*GREY)
        pdf.cell(CW, 5, fit(pdf, subtitle, CW), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)


def _paragraph(pdf: FPDF, text: str, size: float = 10, *, max_lines: int = 3, width: float = CW, x: float = M,
               color=(0, 0, 0), style: str = "") -> None:
    pdf.set_font(FONT, style, size)
    pdf.set_text_color(*color)
    lh = size * 0.45
    lines = pdf.multi_cell(width, lh, text, dry_run=True, output="LINES")
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = fit(pdf, lines[-1] + " …", width)
    for line in lines:
        pdf.set_x(x)
        pdf.cell(width, lh, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def _image(pdf: FPDF, png: bytes, x: float, y: float, w: float, h: float) -> tuple[float, float]:
    """Place the chart inside the box, keeping its proportions; returns its (width, height)."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        iw, ih = im.size
    scale = min(w / iw, h / ih)
    dw, dh = iw * scale, ih * scale
    pdf.image(io.BytesIO(png), x=x + (w - dw) / 2, y=y, w=dw, h=dh)
    return dw, dh


def _source_lines(pdf: FPDF, lines: list[str], x: float, y: float, width: float) -> float:
    """The provenance right under a chart or table; returns the y below it."""
    pdf.set_xy(x, y)
    pdf.set_font(FONT, "", SOURCE_PT)
    pdf.set_text_color(*GREY)
    for line in lines:
        pdf.set_x(x)
        pdf.multi_cell(width, 3.4, line, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    return pdf.get_y()


def source_height(pdf: FPDF, lines: list[str], width: float) -> float:
    pdf.set_font(FONT, "", SOURCE_PT)
    return sum(3.4 * len(pdf.multi_cell(width, 3.4, line, dry_run=True, output="LINES")) for line in lines)


def _natural(pdf: FPDF, df: pd.DataFrame, size: float) -> list[tuple[float, float, float]]:
    """Per column, in mm at the table font: its longest cell, its header, its longest word."""
    out = []
    for col in df.columns:
        pdf.set_font(FONT, "", size)
        values = [str(v) for v in df[col]]
        cells = max([pdf.get_string_width(v) for v in values] + [0.0]) + CELL_PAD
        word = max([pdf.get_string_width(w) for v in values for w in words(v)] + [0.0]) + CELL_PAD
        pdf.set_font(FONT, "B", size)
        head = pdf.get_string_width(str(col)) + CELL_PAD
        word = max([word] + [pdf.get_string_width(w) + CELL_PAD for w in words(str(col))])
        out.append((cells, head, word))
    return out


def col_widths(pdf: FPDF, df: pd.DataFrame, width: float, size: float = TABLE_PT) -> list[float]:
    """Short columns (numbers, dates, statuses) get their whole width; the long text columns
    share what is left and wrap, between words where the width allows."""
    nat = _natural(pdf, df, size)
    return share_widths([max(c, min(h, 26.0)) for c, h, _w in nat], width, [w for _c, _h, w in nat])


def min_width(pdf: FPDF, df: pd.DataFrame, size: float = TABLE_PT) -> float:
    """The narrowest the table can be without breaking a word."""
    return sum(w for _c, _h, w in _natural(pdf, df, size))


def _cell_lines(pdf: FPDF, text: str, width: float, max_lines: int, line_h: float = LINE_H) -> list[str]:
    """The cell's text wrapped to its width (less CELL_PAD: the 1 mm margin a side and a little
    air), measured like the PPTX's; a cell longer than `max_lines` ends with "…"."""
    size = pdf.font_size_pt
    inner = (width - CELL_PAD + 0.2) * PT_PER_MM
    lines = wrap(" ".join(words(str(text))), inner, size, limit=max_lines)
    return clamp_lines(lines, max_lines, inner, size)


@dataclass
class Flow:
    """Where tables go: the box on the current page, and how to start the next page (which
    returns its top y). A continued table uses the whole width of the next page."""
    x: float
    width: float
    bottom: float
    new_page: Callable[[], float]

    def next_page(self) -> float:
        self.x, self.width, self.bottom = M, CW, BOTTOM
        return self.new_page()


def _header_lines(pdf: FPDF, df: pd.DataFrame, widths: list[float], size: float, wrapped: bool) -> list[list[str]]:
    """Each column heading as the lines it is printed on: one line cut with "…", or with `wrapped`
    up to three lines (a long heading such as "Före start: värde" kept whole)."""
    pdf.set_font(FONT, "B", size)
    if not wrapped:
        return [[fit(pdf, col, w)] for col, w in zip(df.columns, widths)]
    inner = [(w - CELL_PAD + 0.2) * PT_PER_MM for w in widths]
    return [clamp_lines(wrap(" ".join(words(str(col))), i, size, bold=True, limit=3), 3, i, size, bold=True)
            for col, i in zip(df.columns, inner)]


def _header_height(lines: list[list[str]], size: float) -> float:
    return max(ROW_H, max(len(x) for x in lines) * LINE_H + 1.2) * size / TABLE_PT if lines else ROW_H * size / TABLE_PT


def _header_row(pdf: FPDF, df: pd.DataFrame, widths: list[float], x: float, y: float, size: float,
                wrapped: bool = False) -> float:
    lines = _header_lines(pdf, df, widths, size, wrapped)
    row_head = _header_height(lines, size) if wrapped else ROW_H * size / TABLE_PT
    line_h = LINE_H * size / TABLE_PT
    pdf.set_font(FONT, "B", size)
    pdf.set_fill_color(*LIGHT)
    pdf.set_xy(x, y)
    cx = x
    for head, w in zip(lines, widths):
        pdf.set_xy(cx, y)
        pdf.cell(w, row_head, "" if wrapped else head[0], fill=True)
        if wrapped:
            for k, line in enumerate(head):
                pdf.set_xy(cx, y + 0.6 + k * line_h)
                pdf.cell(w, line_h, line)
        cx += w
    pdf.set_font(FONT, "", size)
    return y + row_head


def table(pdf: FPDF, block: TableBlock, y: float, flow: Flow, lang: str, *, show_source: bool = True,
          max_lines: int = MAX_CELL_LINES, size: float = TABLE_PT, wrap_header: bool = False) -> float:
    """Every row of the table: cells wrap (a cell longer than `max_lines` lines ends with "…");
    a row that does not fit above `flow.bottom` starts the next page, where the header row is
    repeated. The source line follows the last row. Returns the y below it. `wrap_header`: the
    column headings wrap too (the lägesbild document) instead of ending with "…"."""
    df = block.table.astype(str).replace({"nan": "", "None": "", "<NA>": ""})
    prov = [block.provenance.line(lang)] if (block.provenance and show_source) else []
    line_h = LINE_H * size / TABLE_PT
    row_head = ROW_H * size / TABLE_PT

    def rows_for(width: float) -> tuple[list[float], list[tuple[list[list[str]], float]]]:
        widths = col_widths(pdf, df, width, size)
        pdf.set_font(FONT, "", size)
        rows = []
        for i in range(len(df)):
            cells = [_cell_lines(pdf, df.iloc[i][col], w, max_lines, line_h) for col, w in zip(df.columns, widths)]
            rows.append((cells, max(len(c) for c in cells) * line_h + 1.2))
        return widths, rows

    widths, rows = rows_for(flow.width)
    if wrap_header:
        row_head = _header_height(_header_lines(pdf, df, widths, size, True), size)
    first = rows[0][1] if rows else 0.0
    too_narrow = flow.width < CW and min_width(pdf, df, size) > flow.width  # words would break: the next page
    if too_narrow or y + 5 + row_head + first + (source_height(pdf, prov, flow.width) if len(rows) <= 1 else 0) > flow.bottom:
        y = flow.next_page()
        widths, rows = rows_for(flow.width)
    pdf.set_xy(flow.x, y)
    pdf.set_font(FONT, "B", 9)
    pdf.cell(flow.width, 5, fit(pdf, block.title, flow.width), new_x="LMARGIN", new_y="NEXT")
    y = _header_row(pdf, df, widths, flow.x, y + 5, size, wrap_header)
    src_h = source_height(pdf, prov, flow.width) + 0.8
    for i in range(len(rows)):
        cells, row_h = rows[i]
        last = i == len(rows) - 1
        if y + row_h + (src_h if last else 0) > flow.bottom:
            width_before = flow.width
            y = flow.next_page()
            if flow.width != width_before:  # the rest of the table over the whole width
                widths, more = rows_for(flow.width)
                rows[i:] = more[i:]
                cells, row_h = rows[i]
            pdf.set_xy(flow.x, y)
            pdf.set_font(FONT, "B", 9)
            pdf.cell(flow.width, 5, fit(pdf, f"{block.title} {t('pdf.cont', lang)}", flow.width))
            y = _header_row(pdf, df, widths, flow.x, y + 5, size, wrap_header)
            src_h = source_height(pdf, prov, flow.width) + 0.8
        cx = flow.x
        pdf.set_font(FONT, "", size)
        for lines, w in zip(cells, widths):
            for k, line in enumerate(lines):
                pdf.set_xy(cx, y + 0.6 + k * line_h)
                pdf.cell(w, line_h, line)
            cx += w
        pdf.set_draw_color(210, 210, 210)
        pdf.line(flow.x, y + row_h, flow.x + flow.width, y + row_h)
        y += row_h
    pdf.set_draw_color(120, 120, 120)
    return _source_lines(pdf, prov, flow.x, y + 0.8, flow.width) + 2


def _notes(pdf: FPDF, notes: list[str], lang: str, y_bottom: float) -> float:
    """Notes at the foot of the content area; returns their top y."""
    if not notes:
        return y_bottom
    pdf.set_font(FONT, "", 8)
    texts = [n if len(n) <= 320 else n[:319] + "…" for n in notes[:4]]
    height = sum(3.6 * min(2, lines_needed(pdf, f"• {n}", CW)) for n in texts)
    top = y_bottom - height
    pdf.set_xy(M, top)
    for n in texts:
        _paragraph(pdf, f"• {n}", 8, max_lines=2, color=(40, 40, 40))
    return top


def _notes_of(content: ViewContent, lang: str) -> list[str]:
    notes = list(content.notes)
    if content.has_suppressed:
        notes.append(privacy.explanation(lang))
    return notes


# --- pages --------------------------------------------------------------------------------------


def _start_page(pdf: FPDF) -> None:
    """A new page, unless the cover's ToC placeholder has just opened one that is still empty."""
    if pdf.page_is_fresh:
        pdf.page_is_fresh = False
        return
    pdf.add_page()


def _continuation(pdf: FPDF, number: int | None, title: str, lang: str) -> Callable[[], float]:
    def new_page() -> float:
        pdf.add_page()
        _title(pdf, number, f"{title} {t('pdf.cont', lang)}")
        return pdf.get_y() + 2
    return new_page


def item_page(pdf: FPDF, item: ExportItem, lang: str) -> None:
    c = item.content
    _start_page(pdf)
    pdf.set_y(TOP)
    pdf.start_section(f"{item.number}. {item.title}")
    _title(pdf, item.number, item.title, c.title)
    _paragraph(pdf, c.summary, 10, max_lines=3)
    top = pdf.get_y() + 2
    bottom = _notes(pdf, _notes_of(c, lang), lang, BOTTOM) - 2
    kind = layout(c) if item.images else "tables"
    shown = {b.provenance for b in c.figures}
    more = _continuation(pdf, item.number, item.title, lang)

    def tables_from(y: float, x: float, width: float, size: float = TABLE_PT) -> None:
        flow = Flow(x, width, bottom, more)
        for tb in c.tables:
            y = table(pdf, tb, y, flow, lang, show_source=tb.provenance not in shown, size=size)

    if kind == "tables":
        rows = sum(len(tb.table) for tb in c.tables)
        tables_from(top, M, CW, 9.5 if rows <= 12 else TABLE_PT)
        return
    slot_w, slot_h = figure_slot(c)
    if kind in ("single", "side", "stack"):
        block = c.figures[0]
        lines = [block.provenance.line(lang)]
        cap_h = source_height(pdf, lines, slot_w)
        room = bottom - top - cap_h - 1 - (stacked_table_height(c) if kind == "stack" else 0)
        dw, dh = _image(pdf, item.images[0], M, top, slot_w, min(slot_h, room))
        below = _source_lines(pdf, lines, M, top + dh + 1, slot_w)
        if kind == "side":
            tables_from(top, M + slot_w + 6, CW - slot_w - 6)
        else:  # under the chart, and on from there
            tables_from(below + 2, M, CW)
        return
    # two charts side by side, the tables below them
    gap = CW - 2 * slot_w
    caps = [[b.provenance.line(lang)] for b in c.figures[:2]]
    cap_h = max(source_height(pdf, cl, slot_w) for cl in caps)
    need = sum(min(len(tb.table), 5) * 4.8 + 16 for tb in c.tables)
    h = max(50.0, min(slot_h, bottom - top - cap_h - 1 - need))
    below = top
    for i, (png, cl) in enumerate(zip(item.images[:2], caps)):
        x = M + i * (slot_w + gap)
        _dw, dh = _image(pdf, png, x, top, slot_w, h)
        below = max(below, _source_lines(pdf, cl, x, top + dh + 1, slot_w))
    tables_from(below + 2, M, CW)


def cover_page(pdf: FPDF, data: ExportData) -> None:
    """The cover; its agenda (the table of contents) is drawn by `_agenda` once every page exists."""
    lang = data.lang
    pdf.add_page()
    pdf.set_xy(M, TOP + 4)
    pdf.set_font(FONT, "B", 22)
    pdf.multi_cell(CW, 10, data.meeting_title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 12)
    pdf.cell(CW, 7, f"{t('pdf.cover_page.meeting', lang)} {fmt.long_date(data.meeting_date, lang)} ({fmt.iso(data.meeting_date)})",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B", 12)
    frozen = (f" · {t('pdf.cover_page.frozen', lang)} {data.frozen_at.strftime('%Y-%m-%d %H:%M')} UTC" if data.frozen and data.frozen_at else "")
    pdf.cell(CW, 7, data.as_of_text() + frozen, new_x="LMARGIN", new_y="NEXT")
    if not data.frozen:
        _paragraph(pdf, t("pdf.cover_page.meeting_not_frozen_figures", lang), 9,
                   color=(160, 60, 0))
    pdf.ln(3)
    pdf.set_font(FONT, "B", 11)
    pdf.cell(CW, 6, t("pdf.cover_page.participating_organisations", lang), new_x="LMARGIN", new_y="NEXT")
    _paragraph(pdf, ", ".join(data.participants) if data.participants else t("pdf.cover_page.not_given", lang), 10, max_lines=3)
    pdf.ln(3)
    agenda_y = pdf.get_y()
    pdf.set_y(BOTTOM - 14)
    n = privacy.threshold()
    _paragraph(pdf, t("pdf.cover_page.every_chart_has_source", lang, below=n - 1),
               8, max_lines=3, color=GREY)
    pdf.set_y(agenda_y)
    # as many pages as the agenda needs (the items and the decisions), reserved now
    entries, first = len(data.items) + 1, int((AGENDA_BOTTOM - agenda_y - 6) // AGENDA_ROW)
    more = max(0, -(-(entries - first) // int((BOTTOM - TOP) // AGENDA_ROW)))
    pdf.insert_toc_placeholder(lambda p, outline: _agenda(p, data, outline), pages=1 + more, reset_page_indices=False)
    pdf.page_is_fresh = True


def _agenda(pdf: FPDF, data: ExportData, outline) -> None:
    """The table of contents: every agenda item and the decisions, with the page each starts on."""
    lang = data.lang
    titles = {f"{it.number}. {it.title}": it for it in data.items}
    pdf.set_x(M)
    pdf.set_font(FONT, "B", 11)
    pdf.cell(CW, 6, t("pdf.agenda.agenda", lang), new_x="LMARGIN", new_y="NEXT")
    limit = AGENDA_BOTTOM  # above the cover's note
    for section in [s for s in outline if s.level == 0]:
        if pdf.get_y() + AGENDA_ROW > limit:  # the next page reserved for the agenda
            pdf.add_page()
            pdf.set_xy(M, TOP)
            limit = BOTTOM
        it = titles.get(section.name)
        pdf.set_font(FONT, "B", 10)
        pdf.cell(CW * 0.6, AGENDA_ROW, fit(pdf, section.name, CW * 0.6), link=pdf.add_link(page=section.page_number))
        pdf.set_font(FONT, "", 9)
        pdf.set_text_color(*GREY)
        page = t("pdf.agenda.page", lang, page_number=section.page_number)
        pdf.cell(CW * 0.4, AGENDA_ROW, fit(pdf, page + (f" · {it.content.title}" if it else ""), CW * 0.4), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)


def decisions_page(pdf: FPDF, data: ExportData) -> None:
    lang = data.lang
    c = data.decisions
    _start_page(pdf)
    pdf.set_y(TOP)
    pdf.start_section(c.title)
    _title(pdf, None, c.title)
    _paragraph(pdf, c.summary, 10, max_lines=2)
    y = pdf.get_y() + 2
    flow = Flow(M, CW, BOTTOM, _continuation(pdf, None, c.title, lang))
    for tb in c.tables:
        y = table(pdf, tb, y, flow, lang, size=9.5 if len(tb.table) <= 14 else TABLE_PT)
    if not c.tables:
        pdf.set_xy(M, y + 4)
        _paragraph(pdf, t("pdf.decisions_page.fill_meeting_decisions_actions", lang), 10, color=GREY)


def meeting_pdf(data: ExportData) -> bytes:
    """Cover with the agenda as table of contents, the agenda items (each one page or more:
    long tables go on), decisions."""
    pdf = MeetingPDF(data)
    cover_page(pdf, data)
    for item in data.items:
        item_page(pdf, item, data.lang)
    decisions_page(pdf, data)
    return bytes(pdf.output())
