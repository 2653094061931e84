"""Server run time per page through AppTest, cold and warm, against the database that
LAGESBILD_DB_URL names, next to a minimal one-line Streamlit page measured the same way.

Run in its own process by bench.run (the environment, LAGESBILD_INDICATORS_FILE among it, is
read at import time; the process's peak memory is then the AppTest figure):

    .venv/bin/python -m bench.apptime --reps 5 [--pages oversikt,karta]

Cold = the first run after every Streamlit cache and `settings()` were cleared (the store is
opened and the picture read again); warm = the median of `reps` reruns of the same page.
Prints one JSON object on the last line.
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qsl

from bench.server import ROOT, peak_rss_mb

TIMEOUT = 900  # a cold page at full scale on a loaded 2-core machine can take minutes
MINIMAL = 'import streamlit as st\n\nst.title("x")\n'


def _clear_caches() -> None:
    import streamlit as st

    from lagesbild.config import settings

    settings.cache_clear()
    st.cache_data.clear()
    st.cache_resource.clear()


def _timed(run) -> float:
    t0 = time.perf_counter()
    at = run()
    dt = time.perf_counter() - t0
    if at.exception:
        raise RuntimeError(f"the page raised: {at.exception[0].message}")
    return dt


def measure_script(path: str, reps: int, switch_to: str | None = None, query: dict | None = None) -> dict:
    """Cold and warm run time of one script (optionally one page of the router)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(path, default_timeout=TIMEOUT)
    for k, v in (query or {}).items():  # set before the first run, as tests/apptest/helpers.py does
        at.query_params[k] = v
    if switch_to:
        at.run()  # the router's default page first, as a browser does
    _clear_caches()
    cold = _timed(lambda: at.switch_page(switch_to).run() if switch_to else at.run())
    warm = [_timed(at.run) for _ in range(reps)]
    return {"cold_s": round(cold, 3), "warm_s": round(statistics.median(warm), 3), "warm_runs": len(warm)}


def measure(slugs: list[str], reps: int) -> dict:
    from lagesbild.registry.pages import page

    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal.py"
        minimal.write_text(MINIMAL)
        measure_script(str(minimal), 1)  # warms AppTest's own machinery, so the minimal page is not penalised
        base = measure_script(str(minimal), reps)
    pages = {}
    for slug in slugs:
        name, _, q = slug.partition("?")  # "omraden?omrade=prio-varby": a page with its URL state
        if page(name).permission:  # not a page of the reader's menu (AppTest cannot switch to it): no figure
            pages[slug] = {"skipped": f"needs {page(name).permission}"}
            continue
        r = measure_script(str(ROOT / "app.py"), reps, switch_to=page(name).path, query=dict(parse_qsl(q)))
        r["cold_ratio"] = round(r["cold_s"] / base["cold_s"], 1)
        r["warm_ratio"] = round(r["warm_s"] / base["warm_s"], 1)
        pages[slug] = r
    return {"minimal": base, "pages": pages}


def main() -> None:
    from lagesbild.registry.pages import PAGES

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--pages", help="comma-separated slugs, optionally with a query: omraden?omrade=prio-varby")
    args = ap.parse_args()
    slugs = args.pages.split(",") if args.pages else [p.slug for p in PAGES]
    t0 = time.perf_counter()
    result = measure(slugs, args.reps)
    result["process_peak_rss_mb"] = round(peak_rss_mb("self"), 1)
    result["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
