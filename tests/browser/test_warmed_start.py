"""The app started as scripts/start.sh starts it (lagesbild.ui.serve): once the server answers,
it runs every registered page once over Streamlit's protocol, so the first person finds the
figures ready, and again after an import has made a new data version. The runs must be the
real pages (the timing log records each as completed), none may fail, and a person arriving
afterwards gets the start page in the app's frame."""
from __future__ import annotations

import json
import subprocess
import sys
import time

from bench.server import ROOT, environment, streamlit_server
from lagesbild.registry.pages import PAGES
from lagesbild.ui.serve import ALL_READY, READY, VERSION_READY
from tests.browser.conftest import wait_ready


def test_a_warmed_server_has_run_every_page_before_the_first_visitor(browser_context, tmp_path):
    timing = tmp_path / "timing.log"
    env = {"LAGESBILD_VAR_DIR": str(tmp_path), "LAGESBILD_DB_URL": f"sqlite:///{tmp_path / 'app.db'}",
           "LAGESBILD_DEMO_DB_URL": f"sqlite:///{tmp_path / 'exempel.db'}", "LAGESBILD_TILES_URL": None,
           "LAGESBILD_TIMING_LOG": str(timing)}  # warmed=True turns the warm-up on
    log = tmp_path / "server.log"
    with streamlit_server("app.py", env=env, timeout=240, log=log, warmed=True) as (base, _proc):
        said = log.read_text()
        assert READY in said and ALL_READY in said
        assert "failed" not in said.lower(), said[-2000:]
        runs = [json.loads(line) for line in timing.read_text().splitlines()]
        expected = {"" if p.default else p.slug for p in PAGES}
        assert {r["page"] for r in runs} == expected
        assert all(r["completed"] for r in runs), runs

        page = browser_context.new_page()
        try:
            page.goto(base)
            wait_ready(page)
            page.get_by_text("Lägesbild per").first.wait_for()  # the header: app.py's frame
            assert page.locator('[data-testid="stException"]').count() == 0
        finally:
            page.close()

        # An import makes a new data version: the server prepares the pages again by itself.
        before = len(timing.read_text().splitlines())
        done = subprocess.run([sys.executable, "-m", "bench.loaddata", "bump", "7"], cwd=ROOT, env=environment(env),
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        version = json.loads(done.stdout.strip().splitlines()[-1])["data_version"][0]
        deadline = time.monotonic() + 180
        while f"{VERSION_READY} {version}" not in log.read_text():
            assert time.monotonic() < deadline, log.read_text()[-2000:]
            time.sleep(0.5)
        again = [json.loads(line) for line in timing.read_text().splitlines()[before:]]
        assert {r["page"] for r in again} == expected and all(r["completed"] for r in again), again
