"""Browser time to ready per page: Debian's chromium through Playwright against a real server,
next to a minimal one-line page served by its own server in the same run.

Ready = Streamlit's running indicator is gone and the page's h1 is drawn (READY_JS),
timed from navigation. Cold = the first load of the page on that server (the first page also
pays for opening the store and reading the picture); warm = the median of `reps` more loads.
Only 127.0.0.1 is contacted: every other request is aborted.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench.server import CHROMIUM, CHROMIUM_ARGS, peak_rss_mb, streamlit_server

# Ready = the script run has finished (the stApp element's data-test-script-state, which
# Streamlit's own e2e tests use; the toolbar's running widget can be hidden and is not a
# reliable signal) and the page title is drawn.
READY_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const h1 = document.querySelector('h1');
  const spinner = document.querySelector('[data-testid="stSpinner"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning' && !!h1 && !spinner;
}"""
EXCEPTION = '[data-testid="stException"]'
VIEWPORT = {"width": 1400, "height": 1000}
LOCALE = "sv-SE"


class PageFailed(RuntimeError):
    """The page drew an exception: a page that failed fast is not a fast page."""


def only_loopback(base: str):
    """A route handler: requests to the app go through, every other request is aborted."""
    return lambda route: route.continue_() if route.request.url.startswith(base) else route.abort()


def visit(page, url: str, timeout_ms: int = 60_000) -> float:
    t0 = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    page.wait_for_function(READY_JS, timeout=timeout_ms, polling=100)
    dt = time.perf_counter() - t0
    if page.locator(EXCEPTION).count():
        raise PageFailed(f"{url} shows an exception: {page.locator(EXCEPTION).first.inner_text()[:300]}")
    return dt


def _times(page, url: str, reps: int) -> dict:
    cold = visit(page, url)
    warm = [visit(page, url) for _ in range(reps)]
    return {"cold_s": round(cold, 3), "warm_s": round(statistics.median(warm), 3), "warm_runs": reps}


def _context(pw, tmp: str, base: str):
    ctx = pw.chromium.launch_persistent_context(tmp, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                                                viewport=VIEWPORT, locale=LOCALE)
    ctx.route("**/*", only_loopback(base))
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


def warmed_start(script: str, env: dict, log: Path) -> dict:
    """A fresh server started as scripts/start.sh starts it: seconds until it says every page is
    prepared, then the first browser load of the start page (a person arriving after that)."""
    from playwright.sync_api import sync_playwright

    t0 = time.perf_counter()
    with streamlit_server(script, env=env, timeout=300, log=log, warmed=True) as (base, _proc), \
            sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
        ready = time.perf_counter() - t0
        ctx = _context(pw, tmp, base)
        try:
            return {"ready_s": round(ready, 1), "first_load_s": round(visit(ctx.new_page(), base), 3)}
        finally:
            ctx.close()


def with_ratios(app: dict, minimal: dict) -> dict:
    for r in app["pages"].values():
        r["cold_ratio"] = round(r["cold_s"] / minimal["cold_s"], 1)
        r["warm_ratio"] = round(r["warm_s"] / minimal["warm_s"], 1)
    return {"minimal": minimal, **app}
