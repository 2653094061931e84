"""The load test's arithmetic and report, without a browser or a server (bench/loadstats.py,
bench.load.rounds_for, bench.report.load_tables). The harness itself runs in
tests/browser/test_bench_smoke.py (bench.run --dry)."""
from __future__ import annotations

import json

from bench import loadstats
from bench.load import rounds_for
from bench.report import load_tables, markdown


def _line(page: str, seconds: float, completed: bool = True) -> str:
    return json.dumps({"at": "2026-12-07T06:00:00.000+00:00", "page": page, "seconds": seconds,
                       "completed": completed, "session": "abc"}) + "\n"


def test_a_window_is_the_bytes_written_in_it(tmp_path):
    log = tmp_path / "timing.jsonl"
    log.write_text(_line("karta", 9.0))
    start = loadstats.log_size(log)
    with open(log, "a") as fh:
        fh.write(_line("karta", 0.5) + '{"page": "karta", "seconds"\n' + _line("data", 0.7))
    end = loadstats.log_size(log)
    with open(log, "a") as fh:
        fh.write(_line("karta", 8.0))
    lines = loadstats.read_window(log, start, end)
    assert [(x["page"], x["seconds"]) for x in lines] == [("karta", 0.5), ("data", 0.7)]  # cut line skipped
    assert loadstats.read_window(tmp_path / "missing.jsonl", 0) == []
    assert loadstats.log_size(tmp_path / "missing.jsonl") == 0


def test_percentile_is_nearest_rank():
    xs = [float(x) for x in range(20, 0, -1)]  # 1..20, unsorted
    assert loadstats.percentile(xs, 50) == 10.0
    assert loadstats.percentile(xs, 95) == 19.0
    assert loadstats.percentile(xs, 100) == 20.0
    assert loadstats.percentile([3.0], 95) == 3.0
    assert loadstats.percentile([], 50) is None


def test_server_pages_keep_unfinished_runs_out_of_the_times():
    lines = [json.loads(x) for x in (_line("karta", 0.2), _line("karta", 0.4), _line("karta", 30.0, completed=False),
                                     _line("", 0.1), _line("data", 5.0, completed=False))]
    pages = loadstats.server_pages(loadstats.with_default(lines, "oversikt"))
    assert pages["karta"] == {"n": 2, "p50": 0.2, "p95": 0.4, "max": 0.4, "unfinished": 1}
    assert pages["oversikt"]["n"] == 1  # the default page is logged as "" and named by its slug
    assert pages["data"] == {"n": 0, "p50": None, "p95": None, "max": None, "unfinished": 1}
    assert loadstats.first_views(lines) == {"karta": 0.2, "": 0.1}


def test_client_pages_group_addresses_by_page_and_client_and_count_errors_apart():
    visits = [{"url": "http://127.0.0.1:1/omraden?omrade=a", "seconds": 2.0, "client": "browser", "error": None},
              {"url": "http://127.0.0.1:1/omraden?omrade=b", "seconds": 4.0, "client": "browser", "error": None},
              {"url": "http://127.0.0.1:1/omraden?omrade=b", "seconds": 0.5, "client": "protocol", "error": None},
              {"url": "http://127.0.0.1:1/karta", "seconds": None, "client": "protocol", "error": "TimeoutError: 60 s"}]
    assert loadstats.client_pages(visits, "browser") == {"omraden": {"n": 2, "p50": 2.0, "p95": 4.0, "max": 4.0}}
    assert loadstats.client_pages(visits, "protocol") == {"omraden": {"n": 1, "p50": 0.5, "p95": 0.5, "max": 0.5}}
    assert loadstats.errors(visits) == {"count": 1, "first": ["http://127.0.0.1:1/karta: TimeoutError: 60 s"]}


def test_each_session_opens_every_page_once_a_round_with_rotated_parameters():
    slugs = ["oversikt", "omraden", "karta"]
    mix = {"omraden": ["omraden?omrade=a", "omraden?omrade=b", "omraden?omrade=c"]}
    first, second = rounds_for(0, 2, slugs, mix), rounds_for(1, 2, slugs, mix)
    assert first[0] == ["oversikt", "omraden?omrade=a", "karta"]
    assert first[1] == ["oversikt", "omraden?omrade=b", "karta"]  # the next round, the next area
    assert second[0] == ["omraden?omrade=b", "karta", "oversikt"]  # another start page, another area
    assert {loadstats.slug_of(u) for u in second[1]} == set(slugs)


def _phase(server_s: float, browser_s: float, error: str | None = None) -> dict:
    lines = [json.loads(_line("karta", server_s))]
    visits = [{"url": "http://127.0.0.1:1/karta", "seconds": browser_s, "client": "browser", "error": None},
              {"url": "http://127.0.0.1:1/karta", "seconds": server_s * 2, "client": "protocol", "error": None}]
    if error:
        visits.append({"url": "http://127.0.0.1:1/data", "seconds": None, "error": error})
    return loadstats.phase(visits, lines, wall=3.0)


def test_the_report_has_a_table_per_number_of_sessions():
    steps = [{"sessions": n, "cold": _phase(1.25, 3.5), "warm": _phase(0.125, 1.5, "PageFailed: boom" if n == 5 else None),
              "server_rss_peak_mb": 300.0 + n, "server_vmhwm_mb": 290.0} for n in (1, 5)]
    lt = {"sweep": [1, 5], "rounds": 1, "pages": ["karta", "data"], "mix": {"karta": ["karta", "karta?period=2025"]},
          "first_view": {"seconds": 4.2}, "steps": steps, "wall_seconds": 20.0}
    steps[1]["warm"]["planned"] = 5
    md = "\n".join(load_tables(lt))
    assert "**1 session(s)**" in md and "**5 session(s)**" in md and "karta ×2" in md
    assert "| karta | 1.25 / 1.25 s (1) | 1.25 s | 0.12 / 0.12 s (1) | 0, 0 | 2.50 s / 0.25 s | 3.50 s | 1.50 s |" in md
    assert "errors **1** (http://127.0.0.1:1/data: PageFailed: boom)" in md
    assert "305 MiB" in md
    assert "warm round(s) 3 visits (of 5: the deadline cut the rest)" in md and "2 visits in" in md
    assert load_tables({}) == [] and load_tables({"error": "x"}) == []


def test_the_whole_report_renders_with_a_failed_load_stage():
    r = {"machine": {"date": "d", "cpus": 2, "ram_gib": 1, "python": "3", "streamlit": "1", "platform": "p"},
         "plan": {"scale": "tiny", "reps": 1, "browser_reps": 1}, "loadavg_start": [0, 0, 0],
         "load": {"error": "RuntimeError: no chromium"}}
    md = markdown(r)
    assert "**load failed**: RuntimeError: no chromium" in md and "## Load" not in md


def test_the_growth_table_gives_each_page_its_ratio_at_ten_times_the_data():
    machine = {"date": "d", "cpus": 2, "ram_gib": 1, "python": "3", "streamlit": "1", "platform": "p"}
    full = {"machine": machine, "plan": {"scale": "full", "reps": 1, "browser_reps": 1}, "loadavg_start": [0, 0, 0],
            "apptest": {"pages": {"oversikt": {"cold_s": 2.0, "warm_s": 0.1}, "karta": {"cold_s": 1.0, "warm_s": 0.5}}}}
    x10 = {"machine": machine, "synthetic": {"observations": 4_608_000, "events": 1_000_000},
           "apptest": {"pages": {"oversikt": {"cold_s": 5.0, "warm_s": 0.15}}}}
    md = markdown(full, x10=x10)
    assert "## Growth: ten times the data" in md and "4 608 000 observations" in md
    assert "| oversikt | 2.00 s | 5.00 s | ×2.5 | 0.10 s | 0.15 s | ×1.5 |" in md
    assert "| karta | 1.00 s | – | – | 0.50 s | – | – |" in md


def test_x10_is_ten_times_the_rows_of_the_full_scale():
    from bench.synthetic import SCALES

    full, x10 = SCALES["full"], SCALES["x10"]
    assert x10["area_factor"] == 10 and x10["n_events"] == 10 * full["n_events"]
    same = lambda d: {k: v for k, v in d.items() if k not in ("area_factor", "n_events")}  # noqa: E731
    assert same(x10) == same(full)


def test_the_default_page_is_visited_at_the_root_not_at_its_slug():
    from bench.load import DEFAULT_PAGE, address

    assert address("http://h:1", DEFAULT_PAGE) == "http://h:1/"
    assert address("http://h:1", f"{DEFAULT_PAGE}?lang=en") == "http://h:1/?lang=en"
    assert address("http://h:1", "omraden?omrade=a") == "http://h:1/omraden?omrade=a"
