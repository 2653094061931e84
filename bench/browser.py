"""Browser time to ready per page: Debian's chromium through Playwright against a real server,
next to a minimal one-line page served by its own server in the same run.

Ready = Streamlit's running indicator is gone and the page's h1 is drawn (bench.load.READY_JS),
timed from navigation. Cold = the first load of the page on that server (the first page also
pays for opening the store and reading the picture); warm = the median of `reps` more loads.
Only 127.0.0.1 is contacted: every other request is aborted.
"""
from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from bench.load import visit
from bench.server import CHROMIUM, CHROMIUM_ARGS, peak_rss_mb, streamlit_server


def _times(page, url: str, reps: int) -> dict:
    cold = visit(page, url)
    warm = [visit(page, url) for _ in range(reps)]
    return {"cold_s": round(cold, 3), "warm_s": round(statistics.median(warm), 3), "warm_runs": reps}


def _context(pw, tmp: str, base: str):
    ctx = pw.chromium.launch_persistent_context(tmp, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                                                viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    return ctx


def minimal_times(script: Path, reps: int, env: dict) -> dict:
    from playwright.sync_api import sync_playwright

    with streamlit_server(str(script), env=env) as (base, _proc), sync_playwright() as pw, \
            tempfile.TemporaryDirectory() as tmp:
        ctx = _context(pw, tmp, base)
        try:
            return _times(ctx.new_page(), base, reps)
        finally:
            ctx.close()


def app_times(base: str, pid: int, slugs: list[str], reps: int) -> dict:
    """Every page on the running app; the start page first (Streamlit runs `pages/` files
    without the router until app.py has run once in the process; see tests/browser/conftest.py)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
        ctx = _context(pw, tmp, base)
        try:
            page = ctx.new_page()
            first = round(visit(page, base), 3)
            pages = {slug: _times(page, f"{base}/{slug}", reps) for slug in slugs}
        finally:
            ctx.close()
    return {"first_load_s": first, "pages": pages, "server_peak_rss_mb": round(peak_rss_mb(pid), 1)}


def with_ratios(app: dict, minimal: dict) -> dict:
    for r in app["pages"].values():
        r["cold_ratio"] = round(r["cold_s"] / minimal["cold_s"], 1)
        r["warm_ratio"] = round(r["warm_s"] / minimal["warm_s"], 1)
    return {"minimal": minimal, **app}
