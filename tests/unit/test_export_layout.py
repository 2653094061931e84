"""Layout of the pre-read without charts (fast, no browser): a long table is printed whole,
continued with its header row repeated, in the PDF and the PPTX; text is measured with the
exports' font; column widths follow the text."""
from __future__ import annotations

import io
import re
from datetime import date

import pandas as pd
import pytest

from lagesbild.export import textfit
from lagesbild.export.meeting_data import ExportData, ExportItem
from lagesbild.content import Provenance, TableBlock, ViewContent

N_ROWS = 60
LONG = "Stärk kontrollen i enlighet med riktlinjer för bidragsgivning, för att säkerställa demokratiska värderingar"


def _data() -> ExportData:
    df = pd.DataFrame({"Nr": [str(i) for i in range(1, N_ROWS + 1)],
                       "Åtgärd": [f"Rad {i}: {LONG}" for i in range(1, N_ROWS + 1)],
                       "Status": ["Pågående"] * N_ROWS, "Värde": ["12\u00a0%"] * N_ROWS})
    prov = Provenance(("bra_sol",), date(2025, 12, 31))
    content = ViewContent("Lång tabell", "En tabell som inte ryms på en sida.",
                          tables=[TableBlock("Alla rader", df, prov, max_rows=8)])
    decisions = ViewContent("Beslut och åtgärder", "Inga beslut.")
    return ExportData("Möte", date(2026, 11, 30), date(2026, 11, 1), True, None, ["Polisen"],
                      [ExportItem(1, "Lång tabell", content)], decisions)


def test_wrap_keeps_no_break_spaces_and_breaks_only_overlong_words():
    narrow = textfit.wrap("K 35\u00a0% · M 49\u00a0%", 45, 12)
    assert "K 35\u00a0%" in narrow and not any(line.startswith("%") for line in narrow)
    lines = textfit.wrap("ord " * 40, 100, 12)
    assert all(textfit.text_width(line, 12) <= 100 for line in lines) and " ".join(lines) == ("ord " * 40).strip()
    assert all(textfit.text_width(p, 12) <= 50 for p in textfit.wrap("x" * 200, 50, 12))
    assert len(textfit.wrap("x" * 20000, 50, 12, limit=6)) == 7


def test_share_widths_fills_the_width_and_gives_a_long_word_its_room():
    assert textfit.share_widths([10, 30], 80) == [20, 60]
    w = textfit.share_widths([5, 300, 300], 200, [5, 120, 20])
    assert sum(w) == pytest.approx(200) and w[0] == 5 and w[1] == pytest.approx(120)


def test_pdf_prints_every_row_and_repeats_the_header():
    from pypdf import PdfReader

    from lagesbild.export.pdf import meeting_pdf

    reader = PdfReader(io.BytesIO(meeting_pdf(_data())))
    pages = [re.sub(r"\s+", " ", p.extract_text()) for p in reader.pages]
    body = pages[1:-1]
    assert len(body) >= 2 and "1. Lång tabell" in body[0]
    assert all("1. Lång tabell (forts.)" in p and "Alla rader (forts.)" in p for p in body[1:])
    assert all("Nr Åtgärd Status Värde" in p for p in body)  # the header row on every page
    text = " ".join(body)
    assert all(f"Rad {i}:" in text for i in range(1, N_ROWS + 1)) and "till i appen" not in text
    assert "Källa: Brå" in body[-1]  # the source line after the last row
    assert "1. Lång tabell sida 2" in pages[0]  # the table of contents


def test_pptx_puts_every_row_on_a_slide_with_the_header_and_sources():
    from pptx import Presentation

    from lagesbild.export.pptx import MARGIN, meeting_pptx

    deck = Presentation(io.BytesIO(meeting_pptx(_data())))
    item = [s for s in deck.slides if any(sh.has_table for sh in s.shapes)]
    assert len(item) >= 3
    rows = []
    for s in item:
        (tbl,) = [sh.table for sh in s.shapes if sh.has_table]
        cells = [[c.text_frame.text for c in r.cells] for r in tbl.rows]
        assert cells[0] == ["Nr", "Åtgärd", "Status", "Värde"]
        rows += [r[0] for r in cells[1:]]
        widths = [c.width for c in tbl.columns]
        assert widths[0] < widths[1] / 5 and sum(widths) == deck.slide_width - 2 * MARGIN  # Nr narrow, full width
        texts = " ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame)
        assert "Källa: Brå" in texts and "Källa: Brå" in s.notes_slide.notes_text_frame.text
    assert rows == [str(i) for i in range(1, N_ROWS + 1)]
    assert all(any(sh.has_text_frame and sh.text_frame.text == "1. Lång tabell (forts.)" for sh in s.shapes) for s in item[1:])


def test_a_long_agenda_takes_as_many_contents_pages_as_it_needs():
    from pypdf import PdfReader

    from lagesbild.export.pdf import meeting_pdf

    data = _data()
    one = data.items[0]
    data.items = [ExportItem(n, f"Punkt nummer {n}", ViewContent(f"Vy {n}", "Kort.")) for n in range(1, 41)] + [
        ExportItem(41, one.title, one.content)]
    reader = PdfReader(io.BytesIO(meeting_pdf(data)))
    pages = [re.sub(r"\s+", " ", p.extract_text()) for p in reader.pages]
    starts = [reader.get_destination_page_number(o) for o in reader.outline]
    contents = pages[: starts[0]]
    assert len(contents) >= 2 and "Punkt nummer 1 " in pages[starts[0]] + " "
    listed = " ".join(contents)
    for n, start in zip(range(1, 42), starts):
        title = f"Punkt nummer {n}" if n <= 40 else one.title
        assert f"{n}. {title} sida {start + 1}" in listed, n
    assert f"Beslut och åtgärder sida {starts[-1] + 1}" in listed
