"""An agenda item cut into slides that fit: the rules of lagesbild/views/slides.py."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lagesbild.content import FigureBlock, Provenance, TableBlock, ViewContent
from lagesbild.agenda.slides import ROWS_ALONE, fits_beside, slides, table_parts

PROV = Provenance(("bra",), "2025-12-31")


def fig_block(summary: str = "Diagrammet") -> FigureBlock:
    return FigureBlock(go.Figure(), pd.DataFrame({"År": [2024, 2025], "Värde": [1, 2]}), summary, PROV)


def table(rows: int, *, cols: int = 2, text: str = "kort") -> TableBlock:
    data = {f"k{c}": [f"{text} {r}" for r in range(rows)] for c in range(cols)}
    return TableBlock("Tabell", pd.DataFrame(data), PROV)


def test_a_short_narrow_table_stands_beside_the_chart():
    vc = ViewContent("T", "Läget", figures=[fig_block()], tables=[table(5)])
    out = slides(vc)
    assert len(out) == 1 and out[0].figure is not None and out[0].table is not None
    assert out[0].headline == "Läget"


def test_a_wide_or_long_table_gets_slides_of_its_own_with_the_header_each_time():
    wide = table(4, cols=5)
    assert not fits_beside(wide)
    long_ = table(17)
    out = slides(ViewContent("T", "Läget", figures=[fig_block()], tables=[long_]))
    assert out[0].table is None and out[0].figure is not None
    parts = [s.table for s in out[1:]]
    assert sum(len(p.table) for p in parts) == 17  # every row, none twice
    assert all(len(p.table) <= ROWS_ALONE for p in parts)
    assert all(list(p.table.columns) == ["k0", "k1"] for p in parts)
    assert [s.continued for s in out[1:]] == [False] + [True] * (len(parts) - 1)


def test_rows_of_long_text_count_double():
    parts = table_parts(table(6, text="en mycket lång reformtitel som bryts över flera rader på en bild, minst två"))
    assert [len(p.table) for p in parts] == [3, 3]


def test_every_figure_has_a_slide_and_notes_carry_summaries_and_sources():
    vc = ViewContent("T", "Läget", figures=[fig_block("Först"), fig_block("Sedan")], notes=["Definition"])
    out = slides(vc, notes=("Källa: Brå",))
    assert [s.figure.summary for s in out] == ["Först", "Sedan"]
    assert out[0].headline == "Läget" and out[1].headline == "Sedan"
    assert out[0].notes == ("Först", "Sedan", "Definition", "Källa: Brå")


def test_a_view_with_nothing_to_show_is_one_slide():
    out = slides(ViewContent("T", "Inga uppgifter"))
    assert len(out) == 1 and out[0].figure is None and out[0].table is None
