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

        fig = go.Figure(fig)  # a copy: the caller's figure keeps its own size
        # On paper: white background wherever a chart left plotly's default template.
        fig.update_layout(width=width, height=height, autosize=False, template="plotly_white", font_family=EXPORT_FONT)
        data = kaleido.calc_fig_sync(fig, opts={"format": "png", "width": width, "height": height, "scale": scale})
        self.count += 1
        return data


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
