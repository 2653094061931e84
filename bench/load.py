"""Load: N sessions at once against a real server on loopback, measured by the server itself.

The server writes one line per script run (LAGESBILD_TIMING_LOG, lagesbild.ui.timing); its
percentiles per page are the load test's main figures. Of N sessions, one is a real browser
(headless chromium through Playwright: navigation → ready is what a user waits for) and N − 1
speak Streamlit's protocol over the websocket (lagesbild.ui.wsclient: they run the page's script as a
tab does and draw nothing), so two cores measure the server rather than N renderers. Every visit
is a new websocket session, as a page load is.

For each N of the sweep: one partner figure is imported (bench.loaddata bump: a new data
version), then every session opens its round of pages once (cold: the first views after the
import), then `rounds` more times (warm). Each session's round is every page, the varied ones
(an area, a focus area, a period; bench.loaddata mix) rotated by session and round, starting at
a different page per session. Server memory (the server and its children) is sampled per N.

    .venv/bin/python -m bench.load --sessions 1,5,10,20 [--rounds 1] [--db-url sqlite:///…]

Without --db-url the server gets a fresh database in a temporary folder, which seeds itself
from the shipped data. The import writes into the database it is given.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import loadstats
from lagesbild.ui import wsclient
from bench.browser import EXCEPTION, LOCALE, READY_JS, VIEWPORT, PageFailed, only_loopback
from bench.server import (CHROMIUM, CHROMIUM_ARGS, ROOT, environment, peak_rss_mb, reset_peak_rss, streamlit_server,
                          tree_rss_mb)
from lagesbild.registry.pages import PAGES

SWEEP = (1, 5, 10, 20)
DEFAULT_PAGE = next(spec.slug for spec in PAGES if spec.default)
VISIT_TIMEOUT_MS = 60_000
RSS_EVERY_S = 0.25


def helper(env: dict, *args: str) -> dict:
    """bench.loaddata in a process with the server's environment; its last line is JSON."""
    done = subprocess.run([sys.executable, "-m", "bench.loaddata", *args], cwd=ROOT, env=environment(env),
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"bench.loaddata {' '.join(args)} exited with {done.returncode}: {done.stderr[-1500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def rounds_for(session: int, rounds: int, slugs: list[str], mix: dict[str, list[str]]) -> list[list[str]]:
    """The addresses session `session` opens, one list per round: every page once, the page's
    varied addresses rotated by session and round, the order rotated by session so that N
    sessions do not all ask for the same page at the same moment."""
    start = session % len(slugs)
    order = slugs[start:] + slugs[:start]
    choices = {slug: mix.get(slug) or [slug] for slug in order}
    return [[choices[slug][(session + r) % len(choices[slug])] for slug in order] for r in range(rounds)]


async def visit(page, url: str) -> dict:
    """One navigation → ready; an exception on the page or a timeout is an error, not a time."""
    from playwright.async_api import Error as PlaywrightError

    t0 = time.perf_counter()
    try:
        await page.goto(url, wait_until="domcontentloaded", timeout=VISIT_TIMEOUT_MS)
        await page.wait_for_function(READY_JS, timeout=VISIT_TIMEOUT_MS, polling=100)
        seconds = time.perf_counter() - t0
        if await page.locator(EXCEPTION).count():
            raise PageFailed((await page.locator(EXCEPTION).first.inner_text())[:200])
    except (PlaywrightError, PageFailed) as err:
        return {"url": url, "seconds": None, "error": f"{type(err).__name__}: {str(err).splitlines()[0][:200]}"}
    return {"url": url, "seconds": round(seconds, 3), "error": None}


def address(base: str, url: str) -> str:
    """Where a planned address is served: the default page lives at "/", not at its slug (there
    Streamlit answers "page not found" and draws the default page anyway)."""
    slug, _, query = url.partition("?")
    path = "" if slug == DEFAULT_PAGE else slug
    return f"{base}/{path}" + (f"?{query}" if query else "")


async def run_visit(url: str) -> dict:
    """One script run over the protocol (lagesbild.ui.wsclient), recorded as a browser visit is."""
    try:
        seconds = await wsclient.run_page(url, VISIT_TIMEOUT_MS / 1000)
    except (OSError, TimeoutError, wsclient.RunFailed) as err:
        said = (str(err).splitlines() or [""])[0][:200] or f"no answer within {VISIT_TIMEOUT_MS // 1000} s"
        return {"url": url, "seconds": None, "client": "protocol", "error": f"{type(err).__name__}: {said}"}
    return {"url": url, "seconds": round(seconds, 3), "client": "protocol", "error": None}


async def _session(browser, base: str, urls: list[str], deadline: float) -> list[dict]:
    ctx = await browser.new_context(viewport=VIEWPORT, locale=LOCALE)
    await ctx.route("**/*", only_loopback(base))
    try:
        page = await ctx.new_page()
        return [{**await visit(page, address(base, url)), "url": f"{base}/{url}", "client": "browser"}
                for url in urls if time.monotonic() < deadline]
    finally:
        await ctx.close()


async def _protocol_session(base: str, urls: list[str], deadline: float) -> list[dict]:
    return [{**await run_visit(address(base, url)), "url": f"{base}/{url}"} for url in urls if time.monotonic() < deadline]


async def _phase(browser, base: str, plan: list[list[str]], log: Path, deadline: float) -> dict:
    """Every session's list at once; the phase's server lines are the log's growth meanwhile."""
    start, t0 = loadstats.log_size(log), time.perf_counter()
    # Session 0 is the browser (what a person waits for); the others speak the protocol.
    visits = await asyncio.gather(_session(browser, base, plan[0], deadline),
                                  *(_protocol_session(base, urls, deadline) for urls in plan[1:]))
    wall = time.perf_counter() - t0
    lines = loadstats.with_default(loadstats.read_window(log, start, loadstats.log_size(log)), DEFAULT_PAGE)
    # Visits the deadline cut off are neither times nor errors: planned says how many there were.
    return {**loadstats.phase([v for vs in visits for v in vs], lines, wall), "planned": sum(map(len, plan))}


async def _sample_rss(pid: int, peak: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        peak[0] = max(peak[0], tree_rss_mb(pid))
        try:
            await asyncio.wait_for(stop.wait(), RSS_EVERY_S)
        except asyncio.TimeoutError:
            pass


async def _step(browser, base: str, pid: int, env: dict, n: int, rounds: int, slugs: list[str], mix: dict,
                log: Path, max_seconds: float) -> dict:
    """One N of the sweep: import (new data version), a cold round, then `rounds` warm rounds;
    no visit starts after max_seconds, so a saturated N cannot eat the next one's time."""
    bumped = helper(env, "bump", str(n))
    deadline = time.monotonic() + max_seconds
    plans = [rounds_for(i, 1 + rounds, slugs, mix) for i in range(n)]
    reset_peak_rss(pid)
    peak, stop = [tree_rss_mb(pid)], asyncio.Event()
    sampler = asyncio.create_task(_sample_rss(pid, peak, stop))
    cold = await _phase(browser, base, [p[0] for p in plans], log, deadline)
    warm = await _phase(browser, base, [[u for r in p[1:] for u in r] for p in plans], log, deadline)
    stop.set()
    await sampler
    return {"sessions": n, "data_version": bumped["data_version"], "cold": cold, "warm": warm,
            "server_rss_peak_mb": round(peak[0], 1), "server_vmhwm_mb": round(peak_rss_mb(pid), 1),
            "loadavg_1min": round(os.getloadavg()[0], 1)}  # a shared machine inflates every figure: say so


async def _sweep(base: str, pid: int, env: dict, sweep: tuple[int, ...], rounds: int, slugs: list[str],
                 log: Path, max_seconds: float) -> dict:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            # The router must have run once before `pages/` are served (tests/browser/conftest.py);
            # this also opens (and, on an empty database, seeds) the store before `mix` reads it.
            first = await _session(browser, base, [DEFAULT_PAGE], time.monotonic() + max_seconds)
            mix = {slug: urls for slug, urls in helper(env, "mix").items() if slug in slugs}
            steps = [await _step(browser, base, pid, env, n, rounds, slugs, mix, log, max_seconds) for n in sweep]
        finally:
            await browser.close()
    return {"sweep": list(sweep), "rounds": rounds, "pages": slugs, "mix": mix, "first_view": first[0], "steps": steps}


def run(env: dict, tmp: Path, sweep: tuple[int, ...] = SWEEP, rounds: int = 1, max_seconds: float = 900,
        slugs: list[str] | None = None) -> dict:
    """Start a server with the timing log on (its own log and memory: nothing else ran on it) and sweep."""
    slugs = slugs or [spec.slug for spec in PAGES]
    log = tmp / "timing.jsonl"
    env = {**env, "LAGESBILD_TIMING_LOG": str(log)}
    t0 = time.perf_counter()
    with streamlit_server("app.py", env=env, timeout=300, log=tmp / "load-server.log") as (base, proc):
        result = asyncio.run(_sweep(base, proc.pid, env, tuple(sweep), rounds, slugs, log, max_seconds))
    return {**result, "wall_seconds": round(time.perf_counter() - t0, 1)}


def main() -> None:
    from bench.run import bench_env

    ap = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", default=",".join(map(str, SWEEP)), help="comma-separated N (default 1,5,10,20)")
    ap.add_argument("--rounds", type=int, default=1, help="warm rounds after the cold one (default 1)")
    ap.add_argument("--pages", help="comma-separated page slugs (default: every registered page)")
    ap.add_argument("--db-url", help="the database to load-test (default: a fresh one seeded from shipped data)")
    ap.add_argument("--indicators-file", help="the indicator registry that database was built with")
    ap.add_argument("--max-seconds", type=float, default=900, help="per N: no visit starts after this (default 900)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "load.json")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lagesbild-load-") as tmp:
        env = {**bench_env(Path(tmp)), "LAGESBILD_INDICATORS_FILE": args.indicators_file}
        if args.db_url:
            env["LAGESBILD_DB_URL"] = args.db_url
        os.makedirs(Path(tmp) / "var")
        result = run(env, Path(tmp), tuple(int(n) for n in args.sessions.split(",")), args.rounds, args.max_seconds,
                     args.pages.split(",") if args.pages else None)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    from bench.report import load_tables

    print("\n".join(load_tables(result)))


if __name__ == "__main__":
    main()
