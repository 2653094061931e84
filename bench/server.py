"""Start a Streamlit server on loopback and wait until it answers: the one implementation
used by the browser tests (tests/browser/conftest.py), the load script and the benchmark.

It lives here rather than under tests/ because bench/ must run without pytest, while the
tests can import `bench` (the project root is on their path); one copy means the browser
tests and the benchmark always start the app the same way.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from lagesbild.ui.serve import ALL_READY

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class ServerFailed(RuntimeError):
    """The server exited or did not answer in time; the message ends with its log."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def environment(env: dict[str, str | None] | None) -> dict[str, str]:
    """os.environ with `env` on top; a None value removes the variable."""
    out = dict(os.environ)
    for k, v in (env or {}).items():
        if v is None:
            out.pop(k, None)
        else:
            out[k] = v
    return out


@contextmanager
def streamlit_server(script: str = "app.py", env: dict[str, str | None] | None = None, timeout: float = 120.0,
                     log: Path | None = None, stop_timeout: float = 20.0, warmed: bool = False):
    """Yields (base_url, process). Only listens on 127.0.0.1.

    `warmed`: start it as scripts/start.sh does (lagesbild.ui.serve, which visits every page
    once when the server answers) and yield once it says all pages are prepared; otherwise
    plain `streamlit run`, whose first visitor runs everything cold.

    The server's output goes to `log` (a temporary file if None), never to a pipe: a pipe
    nobody reads fills up and blocks the server mid-benchmark."""
    port = free_port()
    start = ["lagesbild.ui.serve"] if warmed else ["streamlit", "run"]
    cmd = [sys.executable, "-m", *start, str(ROOT / script), "--server.address", "127.0.0.1",
           "--server.port", str(port), "--server.headless", "true", "--server.fileWatcherType", "none",
           "--browser.gatherUsageStats", "false"]
    log_path = Path(log) if log else Path(tempfile.mkstemp(prefix="streamlit-", suffix=".log")[1])
    base = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as out:
        env = {**(env or {}), "LAGESBILD_WARM_UP": "1"} if warmed else env  # the tests turn it off for themselves
        proc = subprocess.Popen(cmd, cwd=ROOT, env=environment(env), stdout=out, stderr=subprocess.STDOUT)
        try:
            _wait_healthy(base, proc, timeout, log_path)
            if warmed:
                _wait_logged(ALL_READY, proc, timeout, log_path)
            yield base, proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=stop_timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
    if log is None:
        log_path.unlink(missing_ok=True)


def _wait_healthy(base: str, proc: subprocess.Popen, timeout: float, log_path: Path) -> None:
    deadline = time.monotonic() + timeout
    while not healthy(base):
        if proc.poll() is not None or time.monotonic() > deadline:
            why = "exited" if proc.poll() is not None else f"did not answer on {base} within {timeout:.0f} s"
            proc.kill()
            tail = log_path.read_text(errors="replace")[-3000:]
            raise ServerFailed(f"streamlit {why}; see {log_path}:\n{tail}")
        time.sleep(0.3)


def _wait_logged(line: str, proc: subprocess.Popen, timeout: float, log_path: Path) -> None:
    deadline = time.monotonic() + timeout
    while line not in log_path.read_text(errors="replace"):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise ServerFailed(f"the server did not log {line!r} within {timeout:.0f} s; see {log_path}")
        time.sleep(0.3)


def peak_rss_mb(pid: int | str) -> float:
    """Peak resident memory (VmHWM) of a process ("self" = this one), in MiB (Linux)."""
    return _status_kib(pid, "VmHWM") / 1024


def _status_kib(pid: int | str, key: str) -> int:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:  # the process has just exited
        return 0
    return next((int(line.split()[1]) for line in lines if line.startswith(f"{key}:")), 0)


def descendants(pid: int) -> list[int]:
    """The process and every process it started, recursively (Linux /proc)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                todo += [int(c) for c in task.read_text().split()]
            except OSError:
                pass
    return out


def tree_rss_mb(pid: int) -> float:
    """Resident memory now (VmRSS) of a process and its children, in MiB: the server with any
    helper it spawned (kaleido's chromium during an export)."""
    return sum(_status_kib(p, "VmRSS") for p in descendants(pid)) / 1024


def reset_peak_rss(pid: int) -> None:
    """Start VmHWM over from the current RSS (Linux: "5" to clear_refs), so a peak can be
    read per phase of one long-lived server."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:  # not ours or not Linux: the peak then covers the server's whole life
        pass
