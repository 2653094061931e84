"""The meeting deck as PPTX (python-pptx), 16:9 (13.333 × 7.5 in), with the same content as the
PDF: a title slide (meeting, date, as-of, participants, agenda), the agenda items, a decisions
slide. Everything a partner can edit: text in text boxes, tables as PowerPoint tables.

An item's slide: meeting and as-of at the top, the item's title, its summary, its charts (the
same PNGs as the PDF, fitted to their place with their proportions kept), its tables, and the
sources with data t.o.m. in the footer. Nothing is shrunk and no cell is cut short: column
widths come from the cells' text, cells wrap, and row heights are estimated from the wrapped
lines (`textfit`, the font named in the deck). A table that does not fit above the footer goes
on on the next slide, "(forts.)" after the title, its header row repeated. Every slide's
speaker notes hold the summary, the sources with data t.o.m. and the definitions/notes.
"""
from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from lagesbild import fmt, privacy
from lagesbild.config import load_kommun
from lagesbild.export.meeting_data import CONTENT_W, ExportData, ExportItem, figure_slot, layout
from lagesbild.export.textfit import FONT_NAME, clamp_lines, share_widths, text_width, words, wrap
from lagesbild.i18n import t
from lagesbild.content import TableBlock, ViewContent

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.4)
CW = SLIDE_W - 2 * MARGIN  # content width
GAP = Inches(0.2)
GREY = RGBColor(0x50, 0x50, 0x50)
HEAD_FILL = RGBColor(0xE6, 0xE6, 0xE6)
LINE = 1.2  # line height / font size, as PowerPoint sets single spacing (LibreOffice: a little less)
BOX_MX, BOX_MY = Inches(0.05), Inches(0.03)  # text box insets
CELL_MX, CELL_MY = Inches(0.06), Inches(0.03)  # table cell insets
TITLE_PT, SUMMARY_PT, TABLE_PT, CAPTION_PT, SOURCE_PT = 26, 15, 12, 13, 10
MAX_CELL_LINES = 6  # a longer cell ends with "…" (the full text is in the app and the PDF)
FOOTER_BOTTOM = SLIDE_H - Inches(0.15)
SLACK = 0.97  # wrap a little short of the box: renderers differ by a few per cent


def _pt(emu: int) -> float:
    return emu / 12700


def text_height(n_lines: int, pt: float) -> int:
    return int(Pt(n_lines * pt * LINE) + 2 * BOX_MY)


def _lines(text: str, width: int, pt: float, bold: bool = False, max_lines: int | None = None) -> list[str]:
    lines = wrap(text, _pt(width - 2 * BOX_MX) * SLACK, pt, bold, limit=max_lines)
    return clamp_lines(lines, max_lines, _pt(width - 2 * BOX_MX) * SLACK, pt, bold) if max_lines else lines


def _style(run, pt: float, bold: bool = False, color: RGBColor | None = None) -> None:
    run.font.name = FONT_NAME
    run.font.size = Pt(pt)
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color


def _text(slide, x: int, y: int, w: int, text: str, pt: float, *, bold: bool = False, color: RGBColor | None = None,
          max_lines: int | None = None, align=None) -> int:
    """A wrapping text box exactly as tall as its (estimated) lines; returns that height."""
    paras = [_lines(p, w, pt, bold) for p in text.split("\n")]
    if max_lines:
        flat = [ln for p in paras for ln in p]
        if len(flat) > max_lines:  # one paragraph, cut at a line end with "…"
            paras = [clamp_lines(flat, max_lines, _pt(w - 2 * BOX_MX) * SLACK, pt, bold)]
            text = " ".join(paras[0])
    n = sum(len(p) for p in paras)
    h = text_height(n, pt)
    box = slide.shapes.add_textbox(x, y, w, h)
    tf = box.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.margin_left = tf.margin_right = BOX_MX
    tf.margin_top = tf.margin_bottom = BOX_MY
    for i, para in enumerate(text.split("\n")):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        if align is not None:
            p.alignment = align
        _style(p.add_run(), pt, bold, color)
        p.runs[0].text = para
    return h


def _picture(slide, png: bytes, x: int, y: int, w: int, h: int) -> tuple[int, int]:
    """The PNG inside the box, proportions kept, centred across it; returns its size."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        iw, ih = im.size
    scale = min(w / iw, h / ih)
    dw, dh = int(iw * scale), int(ih * scale)
    slide.shapes.add_picture(io.BytesIO(png), x + (w - dw) // 2, y, dw, dh)
    return dw, dh


# --- tables -------------------------------------------------------------------------------------


@dataclass
class TablePlan:
    """A table laid out for a width: column widths, and each row's cell texts (a cell longer
    than MAX_CELL_LINES cut at a line end with "…") and height."""
    columns: list[str]
    widths: list[int]
    header: list[str]
    header_h: int
    rows: list[tuple[list[str], int]]
    breaks_words: bool  # some column is narrower than a word of its cells: too narrow a place


def frame(block: TableBlock) -> pd.DataFrame:
    return block.table.astype(str).replace({"nan": "", "None": "", "<NA>": ""})


def _cell_width(w: int) -> float:
    return _pt(w - 2 * CELL_MX) * SLACK


def plan_table(df: pd.DataFrame, width: int, pt: float = TABLE_PT) -> TablePlan:
    """Column widths from the text (longest cell, a short header on one line, no column wider
    than half the table, none narrower than its longest word where the others can give room),
    shared to fill `width`; rows as tall as their wrapped cells."""
    cols = [str(c) for c in df.columns]

    def room(text_pt: float) -> float:  # the column width that holds a line this wide
        return text_pt / SLACK + _pt(2 * CELL_MX) + 1

    natural, longest = [], []
    for j, col in enumerate(cols):
        cells = [text_width(str(v), pt) for v in df.iloc[:, j]]
        floor = max(text_width(w, pt, True) for w in (words(col) or [""]))
        head = min(text_width(col, pt, True), 110.0)  # a short header on one line
        natural.append(min(room(max([floor, head, *cells])), _pt(width) / 2))
        longest.append(room(max([floor] + [text_width(w, pt) for v in df.iloc[:, j] for w in words(str(v))])))
    widths = [int(Pt(w)) for w in share_widths(natural, _pt(width), longest)]
    widths[-1] = width - sum(widths[:-1])  # exactly the width, whatever rounding did

    def row(values: list[str], bold: bool) -> tuple[list[str], int]:
        texts, most = [], 1
        for v, w in zip(values, widths):
            v = " ".join(words(v))
            lines = wrap(v, _cell_width(w), pt, bold, limit=MAX_CELL_LINES)
            if len(lines) > MAX_CELL_LINES:
                lines = clamp_lines(lines, MAX_CELL_LINES, _cell_width(w), pt, bold)
                v = " ".join(lines)
            texts.append(v)
            most = max(most, len(lines))
        return texts, int(Pt(most * pt * LINE) + 2 * CELL_MY)

    header, header_h = row(cols, True)
    rows = [row([str(v) for v in df.iloc[i]], False) for i in range(len(df))]
    return TablePlan(cols, widths, header, header_h, rows, sum(longest) > _pt(width))


def _rules(cell) -> None:
    """A thin grey line above and under the cell (python-pptx has no border API: DrawingML's
    a:lnT/a:lnB; both sides of each row boundary, as renderers differ in which one they draw)."""
    from lxml import etree
    from pptx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    others = list(tc_pr)  # the schema wants the borders before the cell's fill
    for child in others:
        tc_pr.remove(child)
    for side in ("a:lnT", "a:lnB"):
        ln = etree.SubElement(tc_pr, qn(side), w="6350")  # 0.5 pt
        etree.SubElement(etree.SubElement(ln, qn("a:solidFill")), qn("a:srgbClr"), val="BEBEBE")
    tc_pr.extend(others)


def draw_table(slide, plan: TablePlan, rows: range, x: int, y: int, pt: float = TABLE_PT) -> int:
    """The header row and `rows` of the plan as a PowerPoint table; returns its height."""
    heights = [plan.header_h] + [plan.rows[i][1] for i in rows]
    shape = slide.shapes.add_table(len(heights), len(plan.widths), x, y, sum(plan.widths), sum(heights))
    tbl = shape.table
    tbl.first_row = True
    tbl.horz_banding = False  # PowerPoint's default style would tint every other row blue
    for j, w in enumerate(plan.widths):
        tbl.columns[j].width = Emu(w)
    for r, h in enumerate(heights):
        tbl.rows[r].height = Emu(h)
    for r, texts in enumerate([plan.header] + [plan.rows[i][0] for i in rows]):
        for j, text in enumerate(texts):
            cell = tbl.cell(r, j)
            cell.margin_left = cell.margin_right = CELL_MX
            cell.margin_top = cell.margin_bottom = CELL_MY
            if r == 0:
                cell.fill.solid()
                cell.fill.fore_color.rgb = HEAD_FILL
            else:
                cell.fill.background()
            _rules(cell)
            tf = cell.text_frame
            tf.word_wrap = True
            p = tf.paragraphs[0]
            run = p.add_run()
            run.text = text
            _style(run, pt, bold=r == 0, color=RGBColor(0, 0, 0))
    return sum(heights)


# --- slides -------------------------------------------------------------------------------------


class Deck:
    def __init__(self, data: ExportData):
        self.data = data
        self.lang = data.lang
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = Emu(SLIDE_W), Emu(SLIDE_H)
        self.prs.core_properties.title = data.meeting_title
        self.prs.core_properties.author = load_kommun().app_name

    def blank(self, notes: str):
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[6])
        slide.notes_slide.notes_text_frame.text = notes
        return slide

    def framed(self, title: str, summary: str, sources: list[str], notes: str):
        """A slide with header, title, summary (may be empty) and the sources in the footer;
        returns it and the top and bottom of the space left for charts and tables."""
        d = self.data
        slide = self.blank(notes)
        half = (CW - GAP) // 2
        _text(slide, MARGIN, Inches(0.12), half, f"{d.meeting_title} · {fmt.iso(d.meeting_date)}", 10, color=GREY, max_lines=1)
        _text(slide, MARGIN + half + GAP, Inches(0.12), half, d.as_of_text(), 10, bold=True, color=GREY, max_lines=1,
              align=PP_ALIGN.RIGHT)
        y = Inches(0.45)
        y += _text(slide, MARGIN, y, CW, title, TITLE_PT, bold=True, max_lines=2)
        if summary:
            y += _text(slide, MARGIN, y, CW, summary, SUMMARY_PT, max_lines=3)
        foot = "\n".join(sources)
        n = sum(len(_lines(s, CW, SOURCE_PT)) for s in sources)
        foot_h = text_height(n, SOURCE_PT) if sources else 0
        if sources:
            _text(slide, MARGIN, FOOTER_BOTTOM - foot_h, CW, foot, SOURCE_PT, color=GREY)
        return slide, y + Inches(0.1), FOOTER_BOTTOM - foot_h - Inches(0.08)


@dataclass
class Flow:
    """Where the next table goes; `more()` opens the next slide and returns (slide, top, bottom)."""
    slide: object
    x: int
    width: int
    y: int
    bottom: int
    more: Callable[[], tuple[object, int, int]]

    def next_slide(self) -> None:
        self.slide, self.y, self.bottom = self.more()
        self.x, self.width = MARGIN, CW


def flow_table(flow: Flow, block: TableBlock, lang: str) -> None:
    """Every row of the table, over as many slides as it needs."""
    df = frame(block)
    plan = plan_table(df, flow.width)
    cap_h = text_height(1, CAPTION_PT)
    if not plan.rows:
        return
    if flow.y + cap_h + plan.header_h + plan.rows[0][1] > flow.bottom or (plan.breaks_words and flow.width < CW):
        flow.next_slide()
        plan = plan_table(df, flow.width)
    i, title = 0, block.title
    while i < len(plan.rows):
        if i > 0:  # go on on the next slide, at full width
            flow.next_slide()
            plan = plan_table(df, flow.width)
            title = f"{block.title} {t('pptx.cont', lang)}"
        _text(flow.slide, flow.x, flow.y, flow.width, title, CAPTION_PT, bold=True, max_lines=1)
        room = flow.bottom - flow.y - cap_h - plan.header_h
        j = i
        while j < len(plan.rows) and (room >= plan.rows[j][1] or j == i):
            room -= plan.rows[j][1]
            j += 1
        h = draw_table(flow.slide, plan, range(i, j), flow.x, flow.y + cap_h)
        flow.y += cap_h + h + Inches(0.15)
        i = j


def _notes_text(c: ViewContent, lang: str) -> str:
    parts = [c.summary, "", t("pptx.notes_text.sources_data_up", lang), *c.source_lines(lang)]
    notes = list(c.notes) + ([privacy.explanation(lang)] if c.has_suppressed else [])
    if notes:
        parts += ["", t("pptx.notes_text.definitions_notes", lang), *notes]
    return "\n".join(parts)


def title_slide(deck: Deck) -> None:
    data, lang = deck.data, deck.lang
    agenda = [f"{it.number}. {it.title}" for it in data.items] + [t("pptx.title_slide.decisions_actions", lang)]
    notes = "\n".join([data.meeting_title, data.as_of_text(), "", t("pptx.title_slide.agenda", lang), *agenda])
    slide = deck.blank(notes)
    y = Inches(0.6)
    y += _text(slide, MARGIN, y, CW, data.meeting_title, 36, bold=True, max_lines=2)
    y += _text(slide, MARGIN, y, CW, f"{t('pptx.title_slide.meeting', lang)} {fmt.long_date(data.meeting_date, lang)} · {data.as_of_text()}", 18)
    y += _text(slide, MARGIN, y, CW, t("pptx.title_slide.participating_organisations", lang)
               + (", ".join(data.participants) or "–"), 14, max_lines=3) + Inches(0.2)
    bottom = SLIDE_H - Inches(0.7 if data.demo else 0.3)
    y += _text(slide, MARGIN, y, CW, t("pptx.title_slide.agenda_2", lang), 18, bold=True)
    room = max(1, int((bottom - y - 2 * BOX_MY) // Pt(16 * LINE)))
    if len(agenda) > room:  # never past the slide: the rest is in the notes and the PDF
        agenda = agenda[: room - 1] + [t("pptx.title_slide.more_items", lang, n_more=len(agenda) - room + 1)]
    _text(slide, MARGIN, y, CW, "\n".join(agenda), 16, max_lines=room)
    if data.demo:
        _text(slide, MARGIN, SLIDE_H - Inches(0.6), CW, t("pptx.title_slide.example_data_made_up", lang),
              12, bold=True)


def item_slides(deck: Deck, item: ExportItem) -> None:
    lang = deck.lang
    c: ViewContent = item.content
    sources, notes = c.source_lines(lang), _notes_text(c, lang)
    head = f"{item.number}. {item.title}"
    slide, top, bottom = deck.framed(head, c.summary, sources, notes)

    def more():
        return deck.framed(f"{head} {t('pptx.cont', lang)}", "", sources, notes)

    flow = Flow(slide, MARGIN, CW, top, bottom, more)
    kind = layout(c) if item.images else "tables"
    body_h = bottom - top
    if kind != "tables":
        slot_w, slot_h = figure_slot(c)
        aspect = slot_h / slot_w
        if kind == "single":
            flow.y = top + _picture(slide, item.images[0], MARGIN, top, CW, body_h)[1] + GAP
        elif kind == "side":
            fw = int(CW * slot_w / CONTENT_W)
            if plan_table(frame(c.tables[0]), CW - fw - GAP).breaks_words:
                # too narrow beside the chart: the chart alone, the tables from the next slide
                _picture(slide, item.images[0], MARGIN, top, CW, body_h)
                flow.y = bottom
            else:
                _picture(slide, item.images[0], MARGIN, top, fw, body_h)
                flow.x, flow.width = MARGIN + fw + GAP, CW - fw - GAP
        elif kind == "stack":
            fh = min(body_h, int(CW * aspect))  # the PDF's proportions at the slide's width: text as large
            _dw, dh = _picture(slide, item.images[0], MARGIN, top, CW, fh)
            flow.y = top + dh + GAP
        else:  # pair
            fw = (CW - GAP) // 2
            fh = min(body_h, int(fw * aspect))
            dh = max(_picture(slide, png, MARGIN + i * (fw + GAP), top, fw, fh)[1] for i, png in enumerate(item.images[:2]))
            flow.y = top + dh + GAP
    for tb in c.tables:
        flow_table(flow, tb, lang)


def decisions_slides(deck: Deck) -> None:
    c = deck.data.decisions
    slide, top, bottom = deck.framed(c.title, c.summary, [], c.summary)
    flow = Flow(slide, MARGIN, CW, top, bottom,
                lambda: deck.framed(f"{c.title} {t('pptx.cont', deck.lang)}", "", [], c.summary))
    for tb in c.tables:
        flow_table(flow, tb, deck.lang)


def meeting_pptx(data: ExportData) -> bytes:
    """Title slide, the agenda items (a slide each, more where a table goes on), decisions."""
    deck = Deck(data)
    title_slide(deck)
    for item in data.items:
        item_slides(deck, item)
    decisions_slides(deck)
    out = io.BytesIO()
    deck.prs.save(out)
    return out.getvalue()
