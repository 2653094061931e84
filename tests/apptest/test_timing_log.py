"""Opt-in server timing (LAGESBILD_TIMING_LOG): one JSON line per script run with the page and
its seconds; nothing is written without the setting."""
from __future__ import annotations

import json

from lagesbild.config import settings
from tests.apptest.helpers import open_page


def test_each_run_writes_one_line_with_page_and_seconds(tmp_path, monkeypatch):
    log = tmp_path / "timing.jsonl"
    monkeypatch.setenv("LAGESBILD_TIMING_LOG", str(log))
    settings.cache_clear()
    try:
        at = open_page("karta")
        at.run()
    finally:
        monkeypatch.delenv("LAGESBILD_TIMING_LOG")
        settings.cache_clear()
    lines = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    assert [ln["page"] for ln in lines][-2:] == ["karta", "karta"]
    assert all(ln["seconds"] > 0 and ln["completed"] and len(ln["session"]) == 12 for ln in lines[-2:])


def test_no_log_without_the_setting(tmp_path):
    assert settings().timing_log is None
    at = open_page("om")
    assert not at.exception
