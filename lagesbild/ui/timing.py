"""Opt-in timing of the server's own work per script run (LAGESBILD_TIMING_LOG=<file>): one
JSON line per run with the page, the seconds from the start of app.py to the end of the page
(or to st.stop / a rerun, marked), and a session hash. Measures the server, not the browser,
so a load test can report server-side percentiles per page (issue 11)."""
from __future__ import annotations

import hashlib
import json
import threading
import time
from datetime import datetime, timezone

from lagesbild.config import settings

_LOCAL = threading.local()  # each script run has its own thread
_WRITE = threading.Lock()


def _session_id() -> str:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx else ""


def start() -> None:
    _LOCAL.t0 = time.perf_counter()


def record(page: str, *, completed: bool) -> None:
    path = settings().timing_log
    t0 = getattr(_LOCAL, "t0", None)
    if path is None or t0 is None:
        return
    line = {"at": datetime.now(timezone.utc).isoformat(timespec="milliseconds"), "page": page,
            "seconds": round(time.perf_counter() - t0, 4), "completed": completed,
            "session": hashlib.sha256(_session_id().encode()).hexdigest()[:12]}
    _LOCAL.t0 = None
    with _WRITE, open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(line) + "\n")
