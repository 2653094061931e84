"""The lägesbild document as DOCX (python-docx): a Word file the kommun can adopt as its own.

Real Word structure, so the kommun can restyle it, add a table of contents and edit on: the
document title in "Title", the law's parts in "Heading 1", the sections in "Heading 2", the
blocks (Läget i korthet, Analys) in "Heading 3", the verdict lines as "List Bullet", every
figure an inline picture with a numbered "Caption" under it (summary, source, data t.o.m.),
every table a Word table with a repeated header row and its caption and source. Built from
the same `Document` as the PDF; the charts come from lagesbild.export.document_images.
"""
from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from lagesbild import privacy
from lagesbild.document_model import Document, Section, plain
from lagesbild.i18n import t
from lagesbild.content import FigureBlock, TableBlock

TEXT_WIDTH = Cm(16.0)  # A4 portrait with 2.5 cm margins
GREY = RGBColor(0x55, 0x55, 0x55)
TABLE_PT = 8


class _Numbers:
    """Figure and table numbers, in order through the document (Figur 1, Tabell 1, …)."""

    def __init__(self) -> None:
        self.figure = 0
        self.table = 0


def document_docx(doc: Document, images: dict[int, bytes]) -> bytes:
    """The DOCX bytes. `images`: id(figure block) → PNG (document_images.render)."""
    lang = doc.lang
    d = new_docx()
    _page(d, doc)
    d.add_heading(doc.title, level=0)
    for i, line in enumerate(doc.front_matter()):
        p = d.add_paragraph(line)
        if i:
            _small(p)
    nums = _Numbers()
    for part in doc.parts:
        d.add_heading(part.title, level=1)
        d.add_paragraph(part.intro)
        for s in part.sections:
            _section(d, s, images, nums, lang)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _page(d, doc: Document) -> None:
    sec = d.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.2)
    style = d.styles["Normal"]
    style.font.size = Pt(10.5)
    props = d.core_properties
    props.title, props.author, props.language = doc.title, doc.app_name, "sv-SE" if doc.lang == "sv" else "en-GB"
    footer = sec.footer.paragraphs[0]
    footer.text = f"{doc.title} · "
    _page_field(footer)
    _small(footer)


def _page_field(paragraph) -> None:
    """A PAGE field: Word fills in the page number."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _small(paragraph, italic: bool = False) -> None:
    for run in paragraph.runs:
        run.font.size = Pt(8.5)
        run.font.color.rgb = GREY
        run.font.italic = italic


def _section(d, s: Section, images: dict[int, bytes], nums: _Numbers, lang: str) -> None:
    d.add_heading(s.title, level=2)
    d.add_heading(t("doc.verdict", lang), level=3)
    for line in s.verdict.lines:
        d.add_paragraph(line, style="List Bullet")
    for note in s.verdict.notes:
        _small(d.add_paragraph(note))
    caption = " · ".join(x for x in (s.verdict.provenance.line(lang) if s.verdict.provenance else "", s.verdict.rule) if x)
    _small(d.add_paragraph(caption))
    for f in s.figures:
        _figure(d, f, images.get(id(f)), nums, lang)
    for tb in s.tables:
        _table(d, tb, nums, lang)
    for note in s.notes:
        if plain(note) not in s.verdict.notes:  # said once, in the verdict block
            _small(d.add_paragraph(plain(note)))
    if s.has_suppressed:
        _small(d.add_paragraph(privacy.explanation(lang)))
    d.add_heading(t("doc.analysis", lang), level=3)
    a = s.analysis
    if a is None or a.missing:
        p = d.add_paragraph()
        run = p.add_run(t("doc.analysis_missing", lang))
        run.bold = run.italic = True
        return
    for para in a.text.split("\n\n"):
        d.add_paragraph(para.strip())
    if a.author:
        day = a.written.strftime("%Y-%m-%d") if a.written else ""
        _small(d.add_paragraph(t("doc.analysis_by", lang, author=a.author, day=day)), italic=True)


def _figure(d, f: FigureBlock, png: bytes | None, nums: _Numbers, lang: str) -> None:
    nums.figure += 1
    if png is not None:
        d.add_picture(io.BytesIO(png), width=TEXT_WIDTH)
    cap = d.add_paragraph(style="Caption")
    cap.add_run(f"{t('doc.figure', lang, n=nums.figure)}. ").bold = True
    cap.add_run(plain(f.summary))
    src = d.add_paragraph(f.provenance.line(lang))
    _small(src)


def _table(d, tb: TableBlock, nums: _Numbers, lang: str) -> None:
    nums.table += 1
    cap = d.add_paragraph(style="Caption")
    cap.add_run(f"{t('doc.table', lang, n=nums.table)}. ").bold = True
    cap.add_run(tb.title)
    df = tb.table.astype(str).replace({"nan": "", "None": "", "<NA>": ""})
    table = d.add_table(rows=1, cols=len(df.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    head = table.rows[0]
    _repeat_header(head)
    for cell, col in zip(head.cells, df.columns):
        cell.text = ""
        run = cell.paragraphs[0].add_run(str(col))
        run.bold = True
        run.font.size = Pt(TABLE_PT)
    for values in df.itertuples(index=False):
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = ""
            cell.paragraphs[0].add_run(str(value)).font.size = Pt(TABLE_PT)
    table.autofit = False
    widths = col_widths(df)
    for grid, width in zip(table._tbl.tblGrid.gridCol_lst, widths):  # LibreOffice reads the grid,
        grid.w = width
    for col, width in zip(table.columns, widths):  # Word the cells
        for cell in col.cells:
            cell.width = width
    if tb.provenance is not None:
        _small(d.add_paragraph(tb.provenance.line(lang)))


def col_widths(df) -> list:
    """As the PDF's tables (textfit.share_widths): short columns (numbers, periods, dates) get
    their whole width, the long text columns share the rest and wrap, none narrower than its
    longest word where the others can give the room; together the text width."""
    from lagesbild.export.textfit import share_widths, text_width, words

    pad = 12.0  # pt: Word's cell margins and a little air
    natural, least = [], []
    for col in df.columns:
        cells = [str(v) for v in df[col]]
        head = text_width(str(col), TABLE_PT, True)
        natural.append(max([text_width(c, TABLE_PT) for c in cells] + [min(head, 70.0)]) + pad)
        least.append(max([text_width(w, TABLE_PT) for c in cells for w in words(c)]
                         + [text_width(w, TABLE_PT, True) for w in words(str(col))] + [0.0]) + pad)
    return [Pt(w) for w in share_widths(natural, TEXT_WIDTH.pt, least)]


def _repeat_header(row) -> None:
    """The header row repeats on every page a long table runs over."""
    props = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    props.append(el)
