"""Load: N concurrent browser sessions against a running server on loopback.

Each session opens every page of the registry in turn, R rounds; we record the time from
navigation to "ready" (page title drawn and Streamlit no longer running) per visit, and
errors. Bounded in count and time; only 127.0.0.1 is ever contacted.

    .venv/bin/python -m bench.load --sessions 10 --rounds 2 [--url http://127.0.0.1:8501]
"""
from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from contextlib import nullcontext
from pathlib import Path

from bench.server import CHROMIUM, CHROMIUM_ARGS, streamlit_server
from lagesbild.registry.pages import PAGES

# Ready = the script run has finished (the stApp element's data-test-script-state, which
# Streamlit's own e2e tests use; the toolbar's running widget can be hidden and is not a
# reliable signal) and the page title is drawn.
READY_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const h1 = document.querySelector('h1');
  const spinner = document.querySelector('[data-testid="stSpinner"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning' && !!h1 && !spinner;
}"""


def visit(page, url: str, timeout_ms: int = 60_000) -> float:
    t0 = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    page.wait_for_function(READY_JS, timeout=timeout_ms, polling=100)
    dt = time.perf_counter() - t0
    if page.locator('[data-testid="stException"]').count():  # a page that failed fast is not a fast page
        raise RuntimeError(f"{url} shows an exception: {page.locator('[data-testid=stException]').first.inner_text()[:300]}")
    return dt


def _session(base: str, rounds: int, results: list, errors: list, deadline: float, slugs: list[str]) -> None:
    try:
        _visits(base, rounds, results, errors, deadline, slugs)
    except Exception as err:  # a browser that does not start is an error of the run, not a silent thread death
        errors.append(("session", type(err).__name__, str(err)[:200]))


def _visits(base: str, rounds: int, results: list, errors: list, deadline: float, slugs: list[str]) -> None:
    import tempfile

    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
        ctx = pw.chromium.launch_persistent_context(tmp, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
        page = ctx.new_page()
        try:
            for _ in range(rounds):
                for slug in slugs:
                    if time.monotonic() > deadline:
                        return
                    try:
                        results.append((slug, visit(page, f"{base}/{slug}")))
                    except Exception as err:  # counted, not raised: a load test reports errors
                        errors.append((slug, type(err).__name__, str(err)[:200]))
        finally:
            ctx.close()


def run(base: str | None, sessions: int, rounds: int, max_seconds: float, slugs: list[str] | None = None) -> dict:
    slugs = slugs or [spec.slug for spec in PAGES]
    server = streamlit_server() if base is None else nullcontext((base, None))
    with server as (url, _proc):
        results: list = []
        errors: list = []
        deadline = time.monotonic() + max_seconds
        threads = [threading.Thread(target=_session, args=(url, rounds, results, errors, deadline, slugs)) for _ in range(sessions)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=max_seconds + 60)
        wall = time.perf_counter() - t0
    times = sorted(t for _, t in results)
    pct = lambda p: round(times[min(len(times) - 1, int(p * len(times)))], 3) if times else None  # noqa: E731
    return {
        "sessions": sessions, "rounds": rounds, "visits": len(times), "errors": len(errors),
        "error_samples": errors[:5], "wall_seconds": round(wall, 1),
        "latency_s": {"p50": pct(0.50), "p90": pct(0.90), "p99": pct(0.99), "max": round(times[-1], 3) if times else None,
                       "mean": round(statistics.mean(times), 3) if times else None},
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", help="a running server (default: start one on loopback)")
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--max-seconds", type=float, default=600)
    ap.add_argument("--out", default="bench/results/load.json")
    args = ap.parse_args()
    if args.url and not args.url.startswith(("http://127.", "http://localhost")):
        raise SystemExit("Only loopback addresses may be load-tested.")
    result = run(args.url, args.sessions, args.rounds, args.max_seconds)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
