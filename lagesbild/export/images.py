"""Charts to PNG with kaleido on the system chromium, one browser for a whole export.

kaleido starts a headless chromium per call (~3.5 s); `kaleido.start_sync_server()` keeps
one running, after which a figure takes a fraction of a second. The server is a process-wide
singleton, so exports are serialised with a lock: two users exporting at once take turns
instead of stopping each other's browser.

Offline: kaleido's page takes plotly.js from the installed plotly package; MathJax (which it
would fetch from a CDN) is switched off. The maps are plain scatter polygons
(`lagesbild.charts.maps`), never geo traces, so nothing is fetched.
"""
from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import plotly.graph_objects as go

_LOCK = threading.Lock()
# The PDF's body font (embedded from fonts-dejavu-core), so chart text and page text match;
# the PPTX uses the same PNGs.
EXPORT_FONT = "DejaVu Sans"
DEFAULT_BROWSERS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


class ExportUnavailable(RuntimeError):
    """No browser for kaleido: say how to install one (Swedish, for the user)."""


def browser_path() -> str | None:
    for path in (os.environ.get("BROWSER_PATH"), *DEFAULT_BROWSERS, shutil.which("chromium")):
        if path and os.path.exists(path):
            return path
    return None


class Renderer:
    """Renders figures while the kaleido server is up (see `renderer()`)."""

    def __init__(self) -> None:
        self.count = 0

    def png(self, fig: go.Figure, *, width: int, height: int, scale: float = 2.0) -> bytes:
        import kaleido

        fig = for_export(fig, width, height)
        data = kaleido.calc_fig_sync(fig, opts={"format": "png", "width": width, "height": height, "scale": scale})
        self.count += 1
        return data


def for_export(fig: go.Figure, width: int, height: int) -> go.Figure:
    """A copy of the screen's figure (the caller's keeps its own size) for paper and slides:
    the size of its place, a white background wherever a chart left plotly's default template,
    the PDF's body font, a title that fits."""
    fig = go.Figure(fig)
    fig.update_layout(width=width, height=height, autosize=False, template="plotly_white", font_family=EXPORT_FONT)
    _wrap_title(fig, width)
    return fig


def _wrap_title(fig: go.Figure, width: int) -> None:
    """A title wider than the image is wrapped (plotly would cut it at the edge); the top margin
    grows by the added lines."""
    from lagesbild.export.textfit import wrap

    text = fig.layout.title.text
    if not text or "<br>" in text:
        return
    size = fig.layout.title.font.size or round((fig.layout.font.size or 12) * 1.4)  # plotly.js's default
    lines = wrap(text, width - 40, size)
    if len(lines) > 1:
        top = fig.layout.margin.t if fig.layout.margin.t is not None else 80
        fig.update_layout(title_text="<br>".join(lines), margin_t=top + int((len(lines) - 1) * size * 1.25))


@contextmanager
def renderer() -> Iterator[Renderer]:
    """Start kaleido's sync server once, render any number of figures, stop it again."""
    import kaleido

    path = browser_path()
    if path is None:
        raise ExportUnavailable("Ingen Chromium hittades för att rita diagrammen. Installera paketet chromium "
                                "(scripts/setup.sh dev) eller ange BROWSER_PATH.")
    os.environ.setdefault("BROWSER_PATH", path)
    with _LOCK:
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        try:
            yield Renderer()
        finally:
            kaleido.stop_sync_server(silence_warnings=True)
