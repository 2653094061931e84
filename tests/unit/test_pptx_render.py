"""The meeting deck of a five-item meeting (one item is every reform, so its table runs over
several slides) checked as geometry with python-pptx, then rendered by LibreOffice to images.

Geometry: every shape inside the 13.333 × 7.5 in slide; every table, at the height its wrapped
rows need (estimated again here from the saved file: the cells' text, the column widths, the
font size), ends above the slide's footer; every text box is tall enough for its wrapped text;
every row of every table is on some slide, with the header row repeated on each.

Rendering (only where `soffice` is installed, Debian's libreoffice-impress; scripts/setup.sh dev):
PPTX → PDF → PNG in test-artifacts/pptx-render/ to be looked at, and in the PDF every word lies
on its page and no two words overlap (text that overflowed its box or cell would)."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections import defaultdict
from html.parser import HTMLParser

import pytest

from lagesbild.export.images import browser_path
from tests.unit.meeting_deck import export_meeting_pack

pytestmark = pytest.mark.slow

ITEMS = [
    ("Läget i korthet", "oversikt", {}),
    ("Alla reformer", "reformer", {}),
    ("Gängkriminalitet: nyckeltal", "fokusomraden", {"fokus": "gang"}),
    ("Vårby: områdesprofil", "omraden", {"omrade": "prio-varby"}),
    ("Publicerade händelser per område", "karta", {"matt": "handelser", "period": "2025"}),
]
EMU_PER_PT = 12700


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    if browser_path() is None:
        pytest.skip("no chromium for kaleido (scripts/setup.sh dev installs it)")
    from pptx import Presentation

    result, contents, pic = export_meeting_pack(tmp_path_factory.mktemp("deck"), ITEMS)
    return result, contents, pic, Presentation(io.BytesIO(result.pptx))


def _font_pt(shape_text_frame, default: float) -> float:
    for p in shape_text_frame.paragraphs:
        for r in p.runs:
            if r.font.size is not None:
                return r.font.size.pt
    return default


def _footer_top(slide, sh_h: int) -> int:
    """The top of the footer (the text box that ends at the slide's foot), or the slide's height."""
    tops = [sh.top for sh in slide.shapes if sh.has_text_frame and sh.top + sh.height > sh_h * 0.9 and sh.top > sh_h * 0.6]
    return min(tops, default=sh_h)


def _table_height(table) -> float:
    """Rows' heights re-estimated from the saved cells: wrapped lines at the cell's width."""
    from lagesbild.export import pptx as px
    from lagesbild.export.textfit import wrap

    total = 0.0
    for r, row in enumerate(table.rows):
        lines = 1
        for j, cell in enumerate(row.cells):
            pt = _font_pt(cell.text_frame, px.TABLE_PT)
            inner = (table.columns[j].width - cell.margin_left - cell.margin_right) / EMU_PER_PT
            lines = max(lines, len(wrap(cell.text_frame.text, inner, pt, bold=r == 0)))
        total += lines * pt * px.LINE * EMU_PER_PT + cell.margin_top + cell.margin_bottom
    return total


def test_every_shape_lies_inside_the_slide(deck):
    prs = deck[3]
    w, h = prs.slide_width, prs.slide_height
    assert (round(w / 914400, 3), round(h / 914400, 3)) == (13.333, 7.5)
    for n, slide in enumerate(prs.slides, start=1):
        for sh in slide.shapes:
            assert sh.left >= 0 and sh.top >= 0, (n, sh.name)
            assert sh.left + sh.width <= w and sh.top + sh.height <= h, (n, sh.name, sh.left + sh.width, sh.top + sh.height)


def test_no_table_runs_into_the_footer_and_text_fits_its_box(deck):
    from lagesbild.export import pptx as px
    from lagesbild.export.textfit import wrap

    prs = deck[3]
    tables = 0
    for n, slide in enumerate(prs.slides, start=1):
        foot = _footer_top(slide, prs.slide_height)
        for sh in slide.shapes:
            if sh.has_table:
                tables += 1
                assert sh.top + _table_height(sh.table) <= foot, (n, "table below the footer")
                assert sh.left + sum(c.width for c in sh.table.columns) <= prs.slide_width
            elif sh.has_text_frame and sh.text_frame.text:
                tf = sh.text_frame
                pt = _font_pt(tf, 18)
                inner = (sh.width - tf.margin_left - tf.margin_right) / EMU_PER_PT
                lines = sum(len(wrap(p.text, inner, pt, bold=bool(p.runs and p.runs[0].font.bold))) for p in tf.paragraphs)
                need = lines * pt * px.LINE * EMU_PER_PT + tf.margin_top + tf.margin_bottom
                assert need <= sh.height * 1.01, (n, tf.text[:60], need, sh.height)
                if sh.top < foot:  # nothing but the footer reaches into the footer
                    assert sh.top + sh.height <= foot + 1, (n, tf.text[:60])
    assert tables >= 8


def test_every_table_row_is_on_a_slide_with_its_header_repeated(deck):
    result, contents, pic, prs = deck
    slides = list(prs.slides)
    titles = [next(sh.text_frame.text for sh in s.shapes if sh.has_text_frame and sh.top > 0.3 * 914400) for s in slides]
    by_item: dict[int, list] = defaultdict(list)
    for title, slide in zip(titles, slides):
        head = title.split(".", 1)[0]
        if head.isdigit():
            by_item[int(head)].append((title, slide))
    assert sorted(by_item) == list(range(1, len(ITEMS) + 1))
    for n, ((item_title, _s, _p), vc) in enumerate(zip(ITEMS, contents), start=1):
        group = by_item[n]
        assert group[0][0] == f"{n}. {item_title}"
        assert all(t == f"{n}. {item_title} (forts.)" for t, _ in group[1:])
        rows = []
        for _t, slide in group:
            for sh in slide.shapes:
                if sh.has_table:
                    cells = [[c.text_frame.text for c in r.cells] for r in sh.table.rows]
                    assert cells[0] in [[str(c) for c in tb.table.columns] for tb in vc.tables]  # the header, every time
                    rows += [tuple(r) for r in cells[1:]]
        want = [tuple(str(v) for v in r) for tb in vc.tables for r in tb.table.astype(str).replace({"nan": "", "None": ""}).values]
        assert sorted(rows) == sorted(want), item_title
        pictures = sum(1 for _t, s in group for sh in s.shapes if sh.shape_type == 13)
        assert pictures == len(vc.figures)
        notes = group[0][1].notes_slide.notes_text_frame.text
        assert vc.summary in notes and all(line in notes for line in vc.source_lines("sv"))
    assert len(by_item[2]) >= 2  # 17 reforms do not fit one slide
    assert all(s.notes_slide.notes_text_frame.text.strip() for s in slides)
    reforms = set(pic.tables["reforms"]["title_sv"])
    assert len(reforms) == 17
    shown = {c.text_frame.text for _t, s in by_item[2] for sh in s.shapes if sh.has_table for r in sh.table.rows for c in r.cells}
    assert reforms <= shown


def test_pdf_holds_all_17_reforms(deck):
    from pypdf import PdfReader

    result, _contents, pic, _prs = deck
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(result.pdf)).pages)
    reforms = list(pic.tables["reforms"]["title_sv"])
    assert len(reforms) == 17
    missing = [r for r in reforms if " ".join(r.split()) not in text]
    assert not missing
    assert "rader till i appen" not in text


class _Words(HTMLParser):
    """pdftotext -bbox output: per page its size and its words' boxes."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: list[tuple[float, float, list]] = []
        self._word: list | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "page":
            self.pages.append((float(a["width"]), float(a["height"]), []))
        elif tag == "word":
            self._word = [float(a["xmin"]), float(a["ymin"]), float(a["xmax"]), float(a["ymax"]), ""]

    def handle_data(self, data):
        if self._word is not None:
            self._word[4] += data

    def handle_endtag(self, tag):
        if tag == "word" and self._word is not None:
            self.pages[-1][2].append(tuple(self._word))
            self._word = None


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))


def test_libreoffice_renders_every_slide_without_text_overflow(deck, artifacts, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-impress; scripts/setup.sh dev)")
    result, _c, _p, prs = deck
    src = tmp_path / "mote.pptx"
    src.write_bytes(result.pptx)
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, timeout=120, env=env, capture_output=True)
    pdf = tmp_path / "mote.pdf"
    assert pdf.exists()
    out = artifacts / "pptx-render"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    shutil.copy(src, out / "mote.pptx")
    shutil.copy(pdf, out / "mote-pptx.pdf")
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "72", "-png", str(pdf), str(out / "bild")], check=True, timeout=120)
    if not shutil.which("pdftotext"):
        return
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, timeout=60, capture_output=True, text=True).stdout
    parser = _Words()
    parser.feed(html)
    assert len(parser.pages) == len(prs.slides)
    for n, (pw, ph, words) in enumerate(parser.pages, start=1):
        for wd in words:
            assert wd[0] >= 0 and wd[1] >= 0 and wd[2] <= pw + 0.5 and wd[3] <= ph + 0.5, (n, wd)
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                assert _overlap(a, b) < 0.25, (n, a, b)
