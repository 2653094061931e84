"""The meeting pre-read as PDF (fpdf2): landscape A4, built from the data, never a screenshot.

Pages: a cover (meeting, date, "Lägesbild per …", participants, agenda), one page per
agenda item (title, one-sentence summary, charts with their source line and data t.o.m.
right under each, tables of the same figures, notes), and a page of decisions and åtgärder.
Every page has the meeting's title and date and the as-of date in its header, and
"Sida N av M" in its footer. DejaVu Sans is embedded, so å ä ö and the status symbols print
on any machine.

Everything on a page is fitted to the page: long cells are shortened with "…" and rows that
do not fit are counted in a note ("… och 4 rader till i appen"), so an item is always one page.
"""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from fpdf import FPDF

from lagesbild import fmt, privacy
from lagesbild.config import PROJECT_ROOT
from lagesbild.export.meeting_data import ExportData, ExportItem, figure_slot, layout, stacked_table_height
from lagesbild.views.content import TableBlock, ViewContent

FONT_DIRS = (PROJECT_ROOT / "static" / "fonts", Path("/usr/share/fonts/truetype/dejavu"))
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


def _t(lang: str, sv: str, en: str) -> str:
    return en if lang == "en" else sv


def font_file(name: str) -> Path:
    for d in FONT_DIRS:
        if (d / name).exists():
            return d / name
    raise FileNotFoundError(f"Typsnittet {name} saknas (static/fonts/ eller paketet fonts-dejavu-core).")


class MeetingPDF(FPDF):
    def __init__(self, data: ExportData):
        super().__init__(orientation="L", unit="mm", format="A4")
        self.data = data
        self.add_font(FONT, "", str(font_file("DejaVuSans.ttf")))
        self.add_font(FONT, "B", str(font_file("DejaVuSans-Bold.ttf")))
        self.set_auto_page_break(False)
        self.set_margins(M, M, M)
        self.alias_nb_pages("{nb}")
        lang = data.lang
        self.set_title(f"{_t(lang, 'Underlag', 'Pre-read')}: {data.meeting_title}")
        self.set_author("Lägesbild Huddinge")
        self.set_creator(f"Lägesbild Huddinge {data.app_version}".strip())
        self.set_lang("sv-SE" if lang == "sv" else "en-GB")

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
            self.cell(CW, 4, _t(d.lang, "EXEMPELDATA – påhittade uppgifter, inte verkliga siffror", "EXAMPLE DATA – made-up figures"),
                      align="C")
            self.set_text_color(0, 0, 0)
        self.set_draw_color(120, 120, 120)
        self.line(M, 17, W - M, 17)

    def footer(self) -> None:
        lang = self.data.lang
        self.set_y(H - 10)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*GREY)
        self.cell(CW * 0.7, 4, fit(self, _t(lang, "Lägesbild Huddinge – underlag för mötet, byggt ur data", "Lägesbild Huddinge – meeting pre-read, built from the data")
                                  + (f" · version {self.data.app_version}" if self.data.app_version else ""), CW * 0.7))
        self.cell(CW * 0.3, 4, _t(lang, f"Sida {self.page_no()} av {{nb}}", f"Page {self.page_no()} of {{nb}}"), align="R")
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


def _natural(pdf: FPDF, df: pd.DataFrame, size: float) -> list[tuple[float, float]]:
    """Per column: (width of its longest cell, width of its header), in mm at the table font."""
    out = []
    for col in df.columns:
        pdf.set_font(FONT, "", size)
        cells = max([pdf.get_string_width(str(v)) for v in df[col].head(40)] + [0.0]) + 2.2
        pdf.set_font(FONT, "B", size)
        out.append((cells, pdf.get_string_width(str(col)) + 2.2))
    return out


def col_widths(pdf: FPDF, df: pd.DataFrame, width: float, size: float = TABLE_PT) -> list[float]:
    """Short columns (numbers, dates, statuses) get their whole width; what is left is shared
    by the long text columns, which then wrap onto a second line or are shortened."""
    nat = [max(c, min(h, 26.0)) for c, h in _natural(pdf, df, size)]
    if sum(nat) <= width:
        extra = (width - sum(nat)) / len(nat)
        return [w + extra for w in nat]
    widths = [0.0] * len(nat)
    todo = list(range(len(nat)))
    room = width
    while todo:  # water-filling: fix every column narrower than an equal share of what is left
        share = room / len(todo)
        small = [i for i in todo if nat[i] <= share]
        if not small:
            for i in todo:
                widths[i] = share
            break
        for i in small:
            widths[i] = nat[i]
            room -= nat[i]
            todo.remove(i)
    return widths


def _cell_lines(pdf: FPDF, text: str, width: float, max_lines: int, line_h: float = LINE_H) -> list[str]:
    text = " ".join(str(text).split())
    lines = pdf.multi_cell(width - 1.2, line_h, text, dry_run=True, output="LINES") if text else [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = fit(pdf, lines[-1] + " …", width - 0.2)
    return lines


def table(pdf: FPDF, block: TableBlock, x: float, y: float, width: float, max_height: float, lang: str,
          *, show_source: bool = True, max_lines: int = 2, size: float = TABLE_PT) -> float:
    """A table that fits the box: cells wrap onto at most `max_lines` lines, rows that do not fit
    are counted below ("… och 4 rader till i appen"). Returns the y below it and its source line."""
    df = block.table.astype(str).replace({"nan": "", "None": "", "<NA>": ""})
    prov = [block.provenance.line(lang)] if (block.provenance and show_source) else []
    bottom = y + max_height - source_height(pdf, prov, width) - ROW_H
    line_h = LINE_H * size / TABLE_PT
    row_head = ROW_H * size / TABLE_PT
    pdf.set_xy(x, y)
    pdf.set_font(FONT, "B", 9)
    pdf.cell(width, 5, fit(pdf, block.title, width), new_x="LMARGIN", new_y="NEXT")
    widths = col_widths(pdf, df, width, size)
    pdf.set_font(FONT, "B", size)
    pdf.set_fill_color(*LIGHT)
    pdf.set_x(x)
    for col, w in zip(df.columns, widths):
        pdf.cell(w, row_head, fit(pdf, col, w), fill=True)
    pdf.ln(row_head)
    pdf.set_font(FONT, "", size)
    shown = 0
    for i in range(min(len(df), block.max_rows)):
        cells = [_cell_lines(pdf, df.iloc[i][col], w, max_lines, line_h) for col, w in zip(df.columns, widths)]
        row_h = max(len(c) for c in cells) * line_h + 1.2
        top = pdf.get_y()
        if top + row_h > bottom:
            break
        cx = x
        for lines, w in zip(cells, widths):
            for k, line in enumerate(lines):
                pdf.set_xy(cx, top + 0.6 + k * line_h)
                pdf.cell(w, line_h, line)
            cx += w
        pdf.set_draw_color(210, 210, 210)
        pdf.line(x, top + row_h, x + width, top + row_h)
        pdf.set_xy(x, top + row_h)
        shown += 1
    pdf.set_draw_color(120, 120, 120)
    if shown < len(df):
        pdf.set_x(x)
        pdf.set_text_color(*GREY)
        more = len(df) - shown
        pdf.cell(width, ROW_H, _t(lang, f"… och {more} {'rad' if more == 1 else 'rader'} till i appen",
                                   f"… and {more} more {'row' if more == 1 else 'rows'} in the app"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    return _source_lines(pdf, prov, x, pdf.get_y() + 0.8, width) + 2


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


def item_page(pdf: FPDF, item: ExportItem, lang: str) -> None:
    c = item.content
    pdf.add_page()
    _title(pdf, item.number, item.title, c.title)
    _paragraph(pdf, c.summary, 10, max_lines=3)
    top = pdf.get_y() + 2
    bottom = _notes(pdf, _notes_of(c, lang), lang, BOTTOM) - 2
    kind = layout(c) if item.images else "tables"
    shown = {b.provenance for b in c.figures}

    def tables_from(y: float, x: float, width: float, size: float = TABLE_PT, max_lines: int = 2) -> None:
        for tb in c.tables:
            if bottom - y < 18:
                break
            y = table(pdf, tb, x, y, width, bottom - y, lang, show_source=tb.provenance not in shown, size=size,
                      max_lines=max_lines)

    if kind == "tables":
        rows = sum(min(len(tb.table), tb.max_rows) for tb in c.tables)
        tables_from(top, M, CW, 9.5 if rows <= 12 else TABLE_PT, 3)
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
            tables_from(top, M + slot_w + 6, CW - slot_w - 6, max_lines=3)
        elif kind == "stack":
            tables_from(below + 2, M, CW)
        return
    # two charts side by side, the tables below them
    gap = CW - 2 * slot_w
    caps = [[b.provenance.line(lang)] for b in c.figures[:2]]
    cap_h = max(source_height(pdf, cl, slot_w) for cl in caps)
    need = sum(min(len(tb.table), tb.max_rows, 5) * 4.8 + 16 for tb in c.tables)
    h = max(50.0, min(slot_h, bottom - top - cap_h - 1 - need))
    below = top
    for i, (png, cl) in enumerate(zip(item.images[:2], caps)):
        x = M + i * (slot_w + gap)
        _dw, dh = _image(pdf, png, x, top, slot_w, h)
        below = max(below, _source_lines(pdf, cl, x, top + dh + 1, slot_w))
    tables_from(below + 2, M, CW)


def cover_page(pdf: FPDF, data: ExportData) -> None:
    lang = data.lang
    pdf.add_page()
    pdf.set_xy(M, TOP + 4)
    pdf.set_font(FONT, "B", 22)
    pdf.multi_cell(CW, 10, data.meeting_title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 12)
    pdf.cell(CW, 7, f"{_t(lang, 'Möte', 'Meeting')} {fmt.long_date(data.meeting_date, lang)} ({fmt.iso(data.meeting_date)})",
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "B", 12)
    frozen = (f" · {_t(lang, 'fryst', 'frozen')} {data.frozen_at.strftime('%Y-%m-%d %H:%M')} UTC" if data.frozen and data.frozen_at else "")
    pdf.cell(CW, 7, data.as_of_text() + frozen, new_x="LMARGIN", new_y="NEXT")
    if not data.frozen:
        _paragraph(pdf, _t(lang, "Mötet är inte fryst: siffrorna är dagens och kan ändras innan mötet.",
                           "The meeting is not frozen: the figures are today's and may change before the meeting."), 9,
                   color=(160, 60, 0))
    pdf.ln(3)
    pdf.set_font(FONT, "B", 11)
    pdf.cell(CW, 6, _t(lang, "Deltagande organisationer", "Participating organisations"), new_x="LMARGIN", new_y="NEXT")
    _paragraph(pdf, ", ".join(data.participants) if data.participants else _t(lang, "Ej angivna", "Not given"), 10, max_lines=3)
    pdf.ln(3)
    pdf.set_font(FONT, "B", 11)
    pdf.cell(CW, 6, _t(lang, "Dagordning", "Agenda"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 10)
    room = int((BOTTOM - 20 - pdf.get_y()) // 5.6)
    for it in data.items[:room]:
        pdf.cell(10, 5.6, f"{it.number}.")
        pdf.set_font(FONT, "B", 10)
        pdf.cell(CW * 0.55, 5.6, fit(pdf, it.title, CW * 0.55))
        pdf.set_font(FONT, "", 9)
        pdf.set_text_color(*GREY)
        pdf.cell(CW * 0.45 - 10, 5.6, fit(pdf, _t(lang, f"sida {pdf.page_no() + it.number}", f"page {pdf.page_no() + it.number}")
                                          + " · " + it.content.title, CW * 0.45 - 10), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.set_font(FONT, "", 10)
    pdf.cell(10, 5.6, "")
    pdf.set_font(FONT, "B", 10)
    pdf.cell(CW - 10, 5.6, _t(lang, "Beslut och åtgärder", "Decisions and actions") + " "
             + _t(lang, f"(sida {pdf.page_no() + len(data.items) + 1})", f"(page {pdf.page_no() + len(data.items) + 1})"),
             new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(BOTTOM - 14)
    n = privacy.threshold()
    _paragraph(pdf, _t(lang, f"Varje diagram har källa, datatyp och ”data t.o.m.” under sig. Små antal (1–{n - 1}) visas som ”..”. "
                             "Anmälda brott är inte detsamma som faktisk brottslighet, och Polisens publicerade händelser är inte statistik.",
                       f"Every chart has its source, data type and \u201cdata up to\u201d under it. Small counts (1–{n - 1}) are shown as \u201c..\u201d. "
                       "Reported offences are not actual crime, and the Police's published events are not statistics."),
               8, max_lines=3, color=GREY)


def decisions_page(pdf: FPDF, data: ExportData) -> None:
    lang = data.lang
    c = data.decisions
    pdf.add_page()
    _title(pdf, None, c.title)
    _paragraph(pdf, c.summary, 10, max_lines=2)
    y = pdf.get_y() + 2
    for tb in c.tables:
        tb = TableBlock(tb.title, tb.table, tb.provenance, max_rows=60)
        y = table(pdf, tb, M, y, CW, BOTTOM - y, lang, size=9.5 if len(tb.table) <= 14 else TABLE_PT, max_lines=3)
    if not c.tables:
        pdf.set_xy(M, y + 4)
        _paragraph(pdf, _t(lang, "Fyll i under mötet: beslut, åtgärder, vem, senast när.",
                           "To fill in at the meeting: decisions, actions, who, by when."), 10, color=GREY)


def meeting_pdf(data: ExportData) -> bytes:
    """Cover + one page per agenda item + decisions: len(items) + 2 pages."""
    pdf = MeetingPDF(data)
    cover_page(pdf, data)
    for item in data.items:
        item_page(pdf, item, data.lang)
    decisions_page(pdf, data)
    return bytes(pdf.output())
