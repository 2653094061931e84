"""AppTest helpers: start at the router (app.py) and switch to a registered page."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from lagesbild.registry.pages import page

TIMEOUT = 120
APP = str(Path(__file__).resolve().parents[2] / "app.py")


def open_page(slug: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if page(slug).default and not query:
        return at
    at.switch_page(page(slug).path).run()
    return at


def texts(at: AppTest) -> str:
    """All visible text of the main elements, joined (for 'is it on screen' checks)."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts.extend(str(e.value) for e in getattr(at, kind))
    return "\n".join(parts)
