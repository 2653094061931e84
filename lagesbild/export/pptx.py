"""The meeting deck as PPTX (python-pptx), 16:9, with the same content as the PDF: a title
slide (meeting, date, as-of, participants, agenda), one slide per agenda item (summary,
charts with their source line under each, a table of figures), and a decisions slide.
Every item slide's speaker notes hold the summary, the source lines and the notes."""
from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Mm, Pt

from lagesbild import fmt, privacy
from lagesbild.export.meeting_data import ExportData, ExportItem
from lagesbild.views.content import TableBlock, ViewContent

SLIDE_W, SLIDE_H = Mm(338.67), Mm(190.5)  # 13.333 × 7.5 in
MARGIN = Mm(10)
GREY = RGBColor(0x5A, 0x5A, 0x5A)
MAX_TABLE_ROWS = 14


def _t(lang: str, sv: str, en: str) -> str:
    return en if lang == "en" else sv


def _text(slide, x, y, w, h, text: str, size: float, *, bold: bool = False, color: RGBColor | None = None):
    box = slide.shapes.add_textbox(x, y, w, h)
    tf = box.text_frame
    tf.word_wrap = True
    lines = text.split("\n")
    for i, line in enumerate(lines):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        run = p.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        if color is not None:
            run.font.color.rgb = color
    return box


def _header(slide, data: ExportData) -> None:
    _text(slide, MARGIN, Mm(3), Mm(200), Mm(7), f"{data.meeting_title} · {fmt.iso(data.meeting_date)}", 10, color=GREY)
    _text(slide, SLIDE_W - MARGIN - Mm(120), Mm(3), Mm(120), Mm(7), data.as_of_text(), 10, bold=True, color=GREY)


def _picture(slide, png: bytes, x, y, w, h):
    """Place a PNG inside the box, keeping its proportions."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        iw, ih = im.size
    scale = min(w / iw, h / ih)
    dw, dh = int(iw * scale), int(ih * scale)
    slide.shapes.add_picture(io.BytesIO(png), x + (w - dw) // 2, y, dw, dh)
    return dw, dh


def _short(text: str, n: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _table(slide, block: TableBlock, x, y, w, max_rows: int, lang: str) -> int:
    df = block.table.astype(str).replace({"nan": "", "None": ""})
    n = min(len(df), block.max_rows, max_rows)
    rows = n + 1 + (1 if n < len(df) else 0)
    row_h = Mm(6)
    shape = slide.shapes.add_table(rows, len(df.columns), x, y, w, row_h * rows)
    tbl = shape.table
    limit = max(12, int(140 / max(1, len(df.columns))))
    for j, col in enumerate(df.columns):
        tbl.cell(0, j).text = _short(col, limit)
    for i in range(n):
        for j, col in enumerate(df.columns):
            tbl.cell(i + 1, j).text = _short(df.iloc[i][col], limit)
    if n < len(df):
        tbl.cell(n + 1, 0).text = _t(lang, f"… och {len(df) - n} rader till i appen", f"… and {len(df) - n} more rows in the app")
    for r in range(rows):
        for j in range(len(df.columns)):
            for p in tbl.cell(r, j).text_frame.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(10 if r else 10.5)
    return row_h * rows


def _notes_text(item: ExportItem, lang: str) -> str:
    c = item.content
    parts = [c.summary, "", _t(lang, "Källor:", "Sources:"), *c.source_lines(lang)]
    notes = list(c.notes) + ([privacy.explanation(lang)] if c.has_suppressed else [])
    if notes:
        parts += ["", _t(lang, "Noter:", "Notes:"), *notes]
    return "\n".join(parts)


def title_slide(prs: Presentation, data: ExportData) -> None:
    lang = data.lang
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _text(slide, MARGIN, Mm(18), SLIDE_W - 2 * MARGIN, Mm(20), data.meeting_title, 36, bold=True)
    _text(slide, MARGIN, Mm(42), SLIDE_W - 2 * MARGIN, Mm(10),
          f"{_t(lang, 'Möte', 'Meeting')} {fmt.long_date(data.meeting_date, lang)} · {data.as_of_text()}", 18)
    _text(slide, MARGIN, Mm(56), SLIDE_W - 2 * MARGIN, Mm(12),
          _t(lang, "Deltagande organisationer: ", "Participating organisations: ") + (", ".join(data.participants) or "–"), 14)
    agenda = "\n".join(f"{it.number}. {it.title}" for it in data.items) + "\n" + _t(lang, "Beslut och åtgärder", "Decisions and actions")
    _text(slide, MARGIN, Mm(72), SLIDE_W - 2 * MARGIN, Mm(100), _t(lang, "Dagordning", "Agenda") + "\n" + agenda, 16)
    if data.demo:
        _text(slide, MARGIN, SLIDE_H - Mm(14), SLIDE_W - 2 * MARGIN, Mm(8),
              _t(lang, "EXEMPELDATA – påhittade uppgifter", "EXAMPLE DATA – made-up figures"), 12, bold=True)


def item_slide(prs: Presentation, data: ExportData, item: ExportItem) -> None:
    lang = data.lang
    c: ViewContent = item.content
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _header(slide, data)
    _text(slide, MARGIN, Mm(11), SLIDE_W - 2 * MARGIN, Mm(12), f"{item.number}. {item.title}", 26, bold=True)
    _text(slide, MARGIN, Mm(25), SLIDE_W - 2 * MARGIN, Mm(12), _short(c.summary, 300), 13)
    top, bottom = Mm(40), SLIDE_H - Mm(8)
    width = SLIDE_W - 2 * MARGIN
    n = len(item.images)
    if n == 0:
        y = top
        for tb in c.tables[:2]:
            rows = max(3, min(MAX_TABLE_ROWS, int((bottom - y - Mm(14)) // Mm(6)) - 2))
            h = _table(slide, tb, MARGIN, y, width, rows, lang)
            if tb.provenance:
                _text(slide, MARGIN, y + h + Mm(1), width, Mm(6), tb.provenance.line(lang), 9, color=GREY)
            y += h + Mm(12)
            if y > bottom - Mm(30):
                break
    else:
        with_table = bool(c.tables) and n == 1
        fig_w = int(width * 0.6) if with_table else (width - Mm(6)) // n
        fig_h = bottom - top - Mm(12)
        for i, (png, block) in enumerate(zip(item.images, c.figures)):
            x = MARGIN + i * (fig_w + Mm(6))
            _dw, dh = _picture(slide, png, x, top, fig_w, fig_h)
            _text(slide, x, top + dh + Mm(1), fig_w, Mm(10), block.provenance.line(lang), 9, color=GREY)
        if with_table:
            tb = c.tables[0]
            tx = MARGIN + fig_w + Mm(6)
            h = _table(slide, tb, tx, top, width - fig_w - Mm(6), MAX_TABLE_ROWS, lang)
            if tb.provenance and tb.provenance != c.figures[0].provenance:
                _text(slide, tx, top + h + Mm(1), width - fig_w - Mm(6), Mm(10), tb.provenance.line(lang), 9, color=GREY)
    slide.notes_slide.notes_text_frame.text = _notes_text(item, lang)


def decisions_slide(prs: Presentation, data: ExportData) -> None:
    lang = data.lang
    c = data.decisions
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _header(slide, data)
    _text(slide, MARGIN, Mm(11), SLIDE_W - 2 * MARGIN, Mm(12), c.title, 26, bold=True)
    _text(slide, MARGIN, Mm(25), SLIDE_W - 2 * MARGIN, Mm(10), c.summary, 13)
    if c.tables:
        _table(slide, c.tables[0], MARGIN, Mm(38), SLIDE_W - 2 * MARGIN, 18, lang)
    slide.notes_slide.notes_text_frame.text = c.summary


def meeting_pptx(data: ExportData) -> bytes:
    """Title slide + one slide per agenda item + a decisions slide."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(SLIDE_W), Emu(SLIDE_H)
    prs.core_properties.title = data.meeting_title
    prs.core_properties.author = "Lägesbild Huddinge"
    title_slide(prs, data)
    for item in data.items:
        item_slide(prs, data, item)
    decisions_slide(prs, data)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
