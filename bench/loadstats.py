"""The load test's arithmetic, without a browser or a server (tests/unit/test_bench_load.py):
reading the server's timing log (lagesbild.ui.timing) by window, percentiles, and the
per-page summaries of server and browser times.

A window is a byte range of the log: the harness notes the log's size when a phase starts and
ends, so a phase's lines are exactly the runs that finished in it, whatever the clocks say.
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit


def read_window(path: Path, start: int, end: int | None = None) -> list[dict]:
    """The JSON lines written between byte offsets start and end (None: to the end of the file).
    A line that does not parse (a run cut mid-write when the server stopped) is skipped."""
    if not path.exists():
        return []
    with open(path, "rb") as fh:
        fh.seek(start)
        raw = fh.read() if end is None else fh.read(max(0, end - start))
    out = []
    for line in raw.decode("utf-8", errors="replace").splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out


def with_default(lines: list[dict], default_slug: str) -> list[dict]:
    """The log names the page by its url_path, which is "" for the default page even when it was
    asked for by its slug; the browser side names it by the slug."""
    return [{**line, "page": line["page"] or default_slug} for line in lines]


def log_size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile (p in 0–100): a value that was measured, never interpolated."""
    if not values:
        return None
    xs = sorted(values)
    return xs[max(0, math.ceil(p / 100 * len(xs)) - 1)]


def summary(values: list[float]) -> dict:
    r = lambda x: None if x is None else round(x, 3)  # noqa: E731
    return {"n": len(values), "p50": r(percentile(values, 50)), "p95": r(percentile(values, 95)),
            "max": r(max(values) if values else None)}


def slug_of(url: str) -> str:
    """The page of an address, as the timing log names it: "http://…/omraden?omrade=x" → "omraden"."""
    return urlsplit(url).path.strip("/").rsplit("/", 1)[-1]


def server_pages(lines: list[dict]) -> dict[str, dict]:
    """Per page: percentiles of the finished runs, and how many runs did not finish (st.stop or
    a rerun cut them short; their time is not a page's time, so it is counted, not mixed in)."""
    done: dict[str, list[float]] = defaultdict(list)
    cut: dict[str, int] = defaultdict(int)
    for line in lines:
        if line.get("completed"):
            done[line["page"]].append(float(line["seconds"]))
        else:
            cut[line["page"]] += 1
    return {page: {**summary(done.get(page, [])), "unfinished": cut.get(page, 0)}
            for page in sorted(set(done) | set(cut))}


def first_views(lines: list[dict]) -> dict[str, float]:
    """Per page, the first finished run in the window: after an import, the one run that read the
    new data version for that page (the others may have found it already read)."""
    out: dict[str, float] = {}
    for line in lines:
        if line.get("completed") and line["page"] not in out:
            out[line["page"]] = round(float(line["seconds"]), 3)
    return out


def client_pages(visits: list[dict], client: str) -> dict[str, dict]:
    """Per page, percentiles of one client's times for the visits that succeeded: the browser's
    navigation → ready, or the protocol client's connect → script finished."""
    by: dict[str, list[float]] = defaultdict(list)
    for v in visits:
        if v.get("error") is None and v.get("client", "browser") == client:
            by[slug_of(v["url"])].append(v["seconds"])
    return {page: summary(times) for page, times in sorted(by.items())}


def errors(visits: list[dict], samples: int = 3) -> dict:
    bad = [v for v in visits if v.get("error") is not None]
    return {"count": len(bad), "first": [f"{v['url']}: {v['error']}" for v in bad[:samples]]}


def phase(visits: list[dict], lines: list[dict], wall: float) -> dict:
    """One phase (cold or warm) of one sweep step, from its visits and its log window."""
    return {"visits": len(visits), "wall_s": round(wall, 1), "errors": errors(visits),
            "server": server_pages(lines), "first_view": first_views(lines),
            "browser": client_pages(visits, "browser"), "protocol": client_pages(visits, "protocol")}
