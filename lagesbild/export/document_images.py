"""The lägesbild document's charts and maps as PNG, drawn once for both writers (DOCX, PDF)
through the meeting pack's renderer (lagesbild.export.images): one chart→image path."""
from __future__ import annotations

from collections.abc import Callable

from lagesbild.document_model import Document

# Pixels at the document's text width (16 cm in Word, 174 mm in the PDF), scaled ×2 for print.
CHART_PX = (900, 480)
MAP_PX = (900, 720)


def figure_size(kind: str) -> tuple[int, int]:
    return MAP_PX if kind == "map" else CHART_PX


def render(doc: Document, progress: Callable[[int, int], None] | None = None) -> dict[int, bytes]:
    """id(figure block) → PNG for every figure of the document."""
    from lagesbild.export.images import renderer

    blocks = [f for s in doc.sections() for f in s.figures]
    out: dict[int, bytes] = {}
    if not blocks:
        return out
    with renderer() as r:
        for n, block in enumerate(blocks, start=1):
            if progress:
                progress(n, len(blocks))
            w, h = figure_size(block.kind)
            out[id(block)] = r.png(block.fig, width=w, height=h)
    return out
