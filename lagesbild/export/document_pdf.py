"""The lägesbild document as PDF (fpdf2), portrait A4, from the same `Document` as the DOCX.

Reuses the meeting pack's PDF pieces (lagesbild.export.pdf): the embedded DejaVu fonts, one-line
fitting, paragraphs, chart placement, source lines and the table that runs over pages with its
header repeated. The parts and sections are the PDF's bookmarks; the charts come from
lagesbild.export.document_images (the one chart→image path).
"""
from __future__ import annotations

from lagesbild import fmt, privacy
from lagesbild.document_model import Document, Section, plain
from lagesbild.export import pdf as mp
from lagesbild.i18n import t
from lagesbild.content import FigureBlock

FONT = mp.FONT
W, H = 210.0, 297.0
M = 18.0
CW = W - 2 * M
TOP = 20.0
BOTTOM = H - 16.0
GREY = mp.GREY
CHART_H = 92.0  # mm a chart may take (a map up to MAP_H)
MAP_H = 140.0


class DocumentPDF(mp.AppPDF):
    def __init__(self, doc: Document):
        super().__init__("P", M, title=doc.title, author=doc.app_name, creator=doc.app_name, lang=doc.lang)
        self.doc = doc

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(8)
        self.set_font(FONT, "", 8)
        self.set_text_color(*GREY)
        self.cell(CW, 4, mp.fit(self, self.doc.title, CW), align="L")
        self.set_draw_color(160, 160, 160)
        self.line(M, 13.5, W - M, 13.5)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(H - 11)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*GREY)
        self.cell(CW, 4, t("pdf.footer.page", self.doc.lang, page_no=self.page_no()), align="R")
        self.set_text_color(0, 0, 0)


class _Flow(mp.Flow):
    """The meeting pack's table flow on a portrait page."""

    def next_page(self) -> float:
        self.x, self.width, self.bottom = M, CW, BOTTOM
        return self.new_page()


def _new_page(pdf: DocumentPDF) -> float:
    pdf.add_page()
    return TOP


def _room(pdf: DocumentPDF, need: float) -> None:
    """A new page unless `need` mm fit above the bottom."""
    if pdf.get_y() + need > BOTTOM:
        pdf.add_page()
        pdf.set_y(TOP)


def _text(pdf: DocumentPDF, text: str, size: float = 10, *, style: str = "", color=(0, 0, 0), indent: float = 0.0,
          gap: float = 1.2) -> None:
    """A paragraph of any length: line by line, onto the next page when the page is full."""
    pdf.set_font(FONT, style, size)
    lh = size * 0.45
    lines = pdf.multi_cell(CW - indent, lh, text, dry_run=True, output="LINES")
    if len(lines) <= 4:  # a short paragraph is not split over two pages
        _room(pdf, lh * len(lines))
    for line in lines:
        _room(pdf, lh)
        pdf.set_font(FONT, style, size)
        pdf.set_text_color(*color)
        pdf.set_x(M + indent)
        pdf.cell(CW - indent, lh, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_y(pdf.get_y() + gap)


def _heading(pdf: DocumentPDF, text: str, level: int) -> None:
    size = {1: 17, 2: 13, 3: 10.5}[level]
    _room(pdf, {1: 60, 2: 45, 3: 20}[level])  # never a heading alone at the foot of a page
    pdf.set_y(pdf.get_y() + {1: 2, 2: 3, 3: 1.5}[level])
    if level < 3:
        pdf.start_section(text, level=level - 1)
    pdf.set_font(FONT, "B", size)
    pdf.set_text_color(*((20, 60, 110) if level < 3 else (0, 0, 0)))
    pdf.multi_cell(CW, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_y(pdf.get_y() + 1)


def _cover(pdf: DocumentPDF, doc: Document) -> None:
    pdf.add_page()
    pdf.set_y(50)
    pdf.set_font(FONT, "B", 26)
    pdf.multi_cell(CW, 12, doc.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(pdf.get_y() + 4)
    lines = doc.front_matter()
    _text(pdf, lines[0], 12, gap=6)
    for line in lines[1:]:
        _text(pdf, line, 9, color=GREY, gap=2)
    pdf.set_y(pdf.get_y() + 8)
    pdf.set_font(FONT, "B", 11)
    pdf.cell(CW, 6, t("doc.contents", doc.lang), new_x="LMARGIN", new_y="NEXT")
    for part in doc.parts:  # the contents: the law's parts and their sections
        _text(pdf, part.title, 11, style="B", gap=0.5)
        for s in part.sections:
            _text(pdf, s.title, 9, indent=5, gap=0.2)
        pdf.set_y(pdf.get_y() + 1.5)


def _figure(pdf: DocumentPDF, f: FigureBlock, png: bytes | None, n: int, lang: str) -> None:
    cap = f"{t('doc.figure', lang, n=n)}. {plain(f.summary)}"
    src = [f.provenance.line(lang)]
    cap_h = mp.source_height(pdf, src, CW) + 4 * mp.lines_needed(pdf, cap, CW) + 3
    h = MAP_H if f.kind == "map" else CHART_H
    _room(pdf, h + cap_h)
    y = pdf.get_y()
    if png is not None:
        _dw, dh = mp._image(pdf, png, M, y, CW, h)
        pdf.set_y(y + dh + 1)
    _text(pdf, cap, 8.5, style="B", gap=0.3)
    pdf.set_y(mp._source_lines(pdf, src, M, pdf.get_y(), CW) + 3)


def _section(pdf: DocumentPDF, s: Section, images: dict[int, bytes], nums: dict, lang: str) -> None:
    _heading(pdf, s.title, 2)
    _heading(pdf, t("doc.verdict", lang), 3)
    for line in s.verdict.lines:
        _text(pdf, f"• {line}", 9.5, indent=2, gap=0.8)
    for note in s.verdict.notes:
        _text(pdf, note, 8, color=GREY, gap=0.6)
    caption = " · ".join(x for x in (s.verdict.provenance.line(lang) if s.verdict.provenance else "", s.verdict.rule) if x)
    _text(pdf, caption, 7.5, color=GREY, gap=3)
    for f in s.figures:
        nums["figure"] += 1
        _figure(pdf, f, images.get(id(f)), nums["figure"], lang)
    flow = _Flow(M, CW, BOTTOM, lambda: _new_page(pdf))
    for tb in s.tables:
        nums["table"] += 1
        numbered = type(tb)(f"{t('doc.table', lang, n=nums['table'])}. {tb.title}", tb.table, tb.provenance, tb.max_rows)
        pdf.set_y(mp.table(pdf, numbered, pdf.get_y(), flow, lang, size=7.5, wrap_header=True) + 1)
    for note in s.notes:
        if plain(note) not in s.verdict.notes:
            _text(pdf, plain(note), 7.5, color=GREY, gap=0.6)
    if s.has_suppressed:
        _text(pdf, privacy.explanation(lang), 7.5, color=GREY, gap=0.6)
    _heading(pdf, t("doc.analysis", lang), 3)
    a = s.analysis
    if a is None or a.missing:
        _text(pdf, t("doc.analysis_missing", lang), 10, style="B", color=(160, 60, 0), gap=3)
        return
    for para in a.text.split("\n\n"):
        _text(pdf, para.strip(), 10, gap=2)
    if a.author:
        _text(pdf, t("doc.analysis_by", lang, author=a.author, day=fmt.iso(a.written) if a.written else ""), 7.5,
              color=GREY, gap=3)


def document_pdf(doc: Document, images: dict[int, bytes]) -> bytes:
    """The PDF bytes. `images`: id(figure block) → PNG (document_images.render)."""
    pdf = DocumentPDF(doc)
    _cover(pdf, doc)
    nums = {"figure": 0, "table": 0}
    for part in doc.parts:
        pdf.add_page()
        pdf.set_y(TOP)
        _heading(pdf, part.title, 1)
        _text(pdf, part.intro, 10, gap=3)
        for s in part.sections:
            _section(pdf, s, images, nums, doc.lang)
    return bytes(pdf.output())
