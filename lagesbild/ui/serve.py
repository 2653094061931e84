"""Start the app as `scripts/start.sh` does: Streamlit's server, warmed before the first visitor.

Streamlit runs no app code until a browser connects, so on a fresh server the first person
waited for everything at once: imports (pandas, plotly, folium, SQLAlchemy: about 2.5 s on two
cores), the store, the picture and its protected figures, the start page's answers (about
6 s in all at 460 800 observations). Here, once the server answers, one session per page runs
over Streamlit's own protocol (`lagesbild.ui.wsclient`) — the start page first, then the
others, then every focus area and priority area — exactly the path a visitor's page takes,
so the process-wide caches it fills are the ones a visitor reads. Nothing is drawn and nobody
sees these sessions.

    python -m lagesbild.ui.serve app.py --server.port 8501    # as `streamlit run`

After that it follows the data version: when an import or an edit has made a new one (and
writes have paused), it prepares the pages again, so the meeting room that opens the app after
the coordinator's import finds them built.

Off with LAGESBILD_WARM_UP=0 (then only `streamlit run` remains). In login (OIDC) mode the
sessions see the login page: imports and the store are warmed, the figures are not.
"""
from __future__ import annotations

import asyncio
import logging
import sys
import threading
import time
import urllib.request

from lagesbild.config import settings

# The log lines a benchmark or a readiness probe can wait for.
READY = "Lägesbild: startsidan är förberedd"
ALL_READY = "Lägesbild: alla sidor förberedda"
VERSION_READY = "Lägesbild: sidorna förberedda för dataversion"
POLL_S = 5.0  # how often the data version is read
QUIET_S = 15.0  # writes paused this long before the pages are prepared again (an editor working
# through several reforms is not slowed by a warm-up after each one)
PAGE_TIMEOUT_S = 180.0
_LOG = logging.getLogger("lagesbild")


def main(argv: list[str] | None = None) -> None:
    if settings().warm_up:
        threading.Thread(target=_warm, daemon=True, name="server-warm-up").start()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", *(sys.argv[1:] if argv is None else argv)]
    sys.exit(cli.main(prog_name="streamlit"))


def _warm() -> None:
    from lagesbild.store.db import Store

    try:
        base, path = _wait_for_server(deadline=time.monotonic() + 300)
        store = Store.open(settings().db_url, seed=False)  # the first page seeds it; this only reads
        _visit_pages(base, path, store)
    except Exception:  # a failed warm-up costs only the first visitor's wait
        _LOG.exception("Warm-up at server start failed")
        return
    _follow_versions(base, path, store)


def _follow_versions(base: str, path: str, store) -> None:
    """Prepare the pages again after every new data version (an import, an edit), once writes
    have been quiet for QUIET_S: views are built per version, so without this the first person
    after a coordinator's import waits for all of them (the document 3 s, Översikt 1.4 s at
    bench scale), and a meeting room that opens the app at once waits behind each other.
    Reading the version is one small query every POLL_S seconds."""
    from lagesbild.picture import data_version

    def version() -> tuple:
        with store.session() as s:
            return data_version(s)

    try:
        seen = version()  # at once: a write right after the start's visits must count as new
    except Exception:  # e.g. the database is briefly locked: the first poll reads it instead
        seen = None
    while True:
        time.sleep(POLL_S)
        try:
            now = version()
            if seen is None or now == seen:
                seen = now
                continue
            while True:  # a series of edits, or an import in steps: wait until it has settled
                time.sleep(QUIET_S)
                later = version()
                if later == now:
                    break
                now = later
            seen = now
            _visit_pages(base, path, store, version=now[0])
        except Exception:  # costs only the next visitor's wait; keep following
            _LOG.exception("Warm-up after a new data version failed")


def _wait_for_server(deadline: float) -> tuple[str, str]:
    """The server's loopback address and base path, once it answers its health check. The port
    is read only after Streamlit's runtime exists: before, the command line's options may not
    be applied yet, and another server could be answering on the default port."""
    from streamlit import config
    from streamlit.runtime import Runtime

    while time.monotonic() < deadline:
        if Runtime.exists():
            host = config.get_option("server.address") or "127.0.0.1"
            host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
            prefix = (config.get_option("server.baseUrlPath") or "").strip("/")
            path = f"/{prefix}" if prefix else ""
            base = f"http://{host}:{config.get_option('server.port')}{path}"
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return base, path
            except OSError:
                pass
        time.sleep(0.2)
    raise TimeoutError("the server did not answer its health check within 300 s")


def _visit_pages(base: str, path: str, store, *, version: int | None = None) -> None:
    """Every page (the start page first), then every focus area and priority area. `version`:
    a new data version's pages, logged as such; None at the start."""
    from lagesbild.registry.pages import PAGES
    from lagesbild.ui import wsclient

    t0 = time.perf_counter()
    addresses = [""] + [p.slug for p in PAGES if not p.default]
    for n, address in enumerate(addresses):
        _visit(wsclient, base, address, path)
        if n == 0 and version is None:
            # print, not log: the line must reach the server's output whatever logging is set to
            print(f"{READY} ({time.perf_counter() - t0:.1f} s)", flush=True)
    for address in _meeting_views(store):
        _visit(wsclient, base, address, path)
    done = ALL_READY if version is None else f"{VERSION_READY} {version}"
    print(f"{done} ({time.perf_counter() - t0:.1f} s)", flush=True)


def _visit(wsclient, base: str, address: str, path: str) -> None:
    try:
        asyncio.run(wsclient.run_page(f"{base}/{address}", PAGE_TIMEOUT_S, base_path=path))
    except (OSError, TimeoutError, wsclient.RunFailed) as err:
        _LOG.warning("Warm-up of %r failed: %s", address or "/", err)


def _meeting_views(store) -> list[str]:
    """Every focus area and every priority area's profile, the views partners open at their
    meetings (the pages' own addresses show only the first focus area and a chooser). From
    the store and the area catalogue, so any kommun's are visited."""
    from sqlalchemy import select

    from lagesbild.geo import areas
    from lagesbild.store.models import FocusArea
    from lagesbild.ui import focus_ui, omraden_ui

    with store.session() as s:
        focus = s.scalars(select(FocusArea.id).order_by(FocusArea.sort)).all()
    return ([f"fokusomraden?{focus_ui.PARAM}={f}" for f in focus[1:]]
            + [f"omraden?{omraden_ui.PARAM}={c}" for c in areas.of_level(areas.PRIORITY_LEVEL)["code"]])


if __name__ == "__main__":
    main()
