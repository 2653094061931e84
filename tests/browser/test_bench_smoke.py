"""The benchmark script must not rot: `bench.run --help` works, and `--dry` (tiny synthetic
data, one page, two load sessions: a browser and a protocol client) runs every stage and writes both result files.

No timing is asserted here: performance figures belong to bench/ (docs/benchmark.md)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.server import CHROMIUM, ROOT

STAGES = ("synthetic", "apptest", "payload", "export", "browser", "load")


def test_help_runs():
    done = subprocess.run([sys.executable, "-m", "bench.run", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "--quick" in done.stdout and "--dry" in done.stdout


@pytest.mark.slow
@pytest.mark.browser
def test_dry_run_measures_every_stage(tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} missing (scripts/setup.sh dev installs it)")
    done = subprocess.run([sys.executable, "-m", "bench.run", "--dry", "--out-dir", str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads((tmp_path / "latest.json").read_text())
    for name in STAGES:
        assert name in result and "error" not in result[name], (name, result.get(name))
    assert result["synthetic"]["observations"] > 0
    assert set(result["apptest"]["pages"]) == {"oversikt"} and "cold_ratio" in result["apptest"]["pages"]["oversikt"]
    assert result["payload"]["karta"]["default"]["bytes"] > 0
    assert result["browser"]["warmed_start"]["first_load_s"] > 0  # the server started as scripts/start.sh does
    (step,) = result["load"]["steps"]  # two sessions: a cold and a warm visit each, timed by the server itself
    for phase in ("cold", "warm"):
        assert step[phase]["visits"] == 2 and step[phase]["errors"]["count"] == 0, step[phase]
        assert step[phase]["server"]["oversikt"]["n"] >= 2, step[phase]["server"]
        assert step[phase]["browser"]["oversikt"]["n"] == 1 and step[phase]["protocol"]["oversikt"]["n"] == 1
    assert step["server_rss_peak_mb"] > 0
    md = (tmp_path / "latest.md").read_text()
    assert "| oversikt |" in md and "*minimal page*" in md and "**2 session(s)**" in md
