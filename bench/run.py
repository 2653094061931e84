"""The benchmark, in one command: builds the large synthetic database in a temporary folder
and measures, in the same run,

- server run time per registered page (AppTest), cold and warm, as a ratio to a minimal page;
- browser time to ready per page (chromium + Playwright), as a ratio to a minimal page;
- map payload bytes (Karta, Områden profile);
- meeting export time (five items: PDF, PPTX, ZIP);
- memory (peak RSS of the server and of each measuring process);
- a load test: N = 1, 5, 10, 20 sessions (one browser, the others Streamlit's websocket protocol,
  lagesbild.ui.wsclient); the server's own time per page (p50/p95, cold after an import and warm), browser p95, errors and server RSS.

    .venv/bin/python -m bench.run            # full scale, writes bench/results/latest.{json,md}
    .venv/bin/python -m bench.run --quick    # full scale, fewer repetitions, load sweep 1,5
    .venv/bin/python -m bench.run --dry --out-dir /tmp/b   # tiny scale: does the script still run?
    .venv/bin/python -m bench.run --scale x10 --quick      # ten times the data: latest-x10.{json,md}, and
                                                           # latest.md gets a growth table (×10 / ×1)

Nothing here asserts a speed: the figures are written down to be read (docs/benchmark.md).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from bench.report import markdown
from bench.server import ROOT, environment, streamlit_server

RESULTS = ROOT / "bench" / "results"
STAGE_TIMEOUT = 3600
PROFILE = "omraden?omrade=prio-flemingsberg"


@dataclass
class Plan:
    scale: str = "full"
    reps: int = 5  # warm AppTest reruns per page
    browser_reps: int = 3  # warm browser loads per page
    load_sessions: tuple[int, ...] = (1, 5, 10, 20)  # the load test's sweep of concurrent sessions
    load_rounds: int = 1  # warm rounds per session after the cold one
    max_seconds: float = 900  # load-test bound per number of sessions: no visit starts after it
    pages: tuple[str, ...] = ()  # empty = every registered page


def plan_from(args) -> Plan:
    if args.dry:
        p = Plan("tiny", 1, 1, (2,), 1, 300, ("oversikt",))  # 2 sessions: the browser and a protocol client
    elif args.quick:
        p = Plan("full", 2, 1, (1, 5), 1, 600)
    else:
        p = Plan()
    if getattr(args, "scale", "full") == "x10" and not args.dry:
        p.scale = "x10"
    if args.sessions is not None:
        p.load_sessions = (args.sessions,)
    if args.load_sessions:
        p.load_sessions = tuple(int(n) for n in args.load_sessions.split(","))
    if args.pages:
        p.pages = tuple(args.pages.split(","))
    return p


def bench_env(tmp: Path) -> dict[str, str | None]:
    """Everything the app and the stage processes read, pointing into the temporary folder."""
    return {"LAGESBILD_VAR_DIR": str(tmp / "var"), "LAGESBILD_DB_URL": f"sqlite:///{tmp / 'bench.db'}",
            "LAGESBILD_DEMO_DB_URL": f"sqlite:///{tmp / 'exempel.db'}",
            "LAGESBILD_INDICATORS_FILE": str(tmp / "indicators.toml"),
            "LAGESBILD_EDITING": "0",  # what a viewer sees (local mode's default)
            "LAGESBILD_TILES_URL": None}  # offline: no background tiles


def stage(module: str, env: dict, *args: str) -> dict:
    """Run `python -m module args` with env on top of ours; its last stdout line is JSON."""
    t0 = time.perf_counter()
    print(f"… {module} {' '.join(args)}", flush=True)
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, env=environment(env), capture_output=True, text=True,
                          timeout=STAGE_TIMEOUT)
    if done.returncode != 0:
        return {"error": f"{module} exited with {done.returncode}: {done.stderr[-1500:]}"}
    out = json.loads(done.stdout.strip().splitlines()[-1])
    out.setdefault("seconds", round(time.perf_counter() - t0, 1))
    return out


def browser_stage(env: dict, tmp: Path, plan: Plan, slugs: list[str]) -> dict:
    from bench import browser
    from bench.apptime import MINIMAL

    minimal = tmp / "minimal.py"
    minimal.write_text(MINIMAL)
    print("… browser: minimal page", flush=True)
    base_times = browser.minimal_times(minimal, plan.browser_reps, env)
    print("… browser: fresh server started as scripts/start.sh does", flush=True)
    warmed = browser.warmed_start("app.py", env, tmp / "warmed-server.log")
    with streamlit_server("app.py", env=env, timeout=300, log=tmp / "server.log") as (base, proc):
        print("… browser: every page", flush=True)
        return {**browser.with_ratios(browser.app_times(base, proc.pid, slugs, plan.browser_reps), base_times),
                "warmed_start": warmed}


def load_stage(env: dict, tmp: Path, plan: Plan) -> dict:
    """On a server of its own (its memory is the load test's); the pages vary their parameters
    themselves (bench.loaddata), so only a --pages subset is passed on."""
    from bench import load

    print(f"… load: {','.join(map(str, plan.load_sessions))} sessions", flush=True)
    try:
        return load.run(env, tmp, plan.load_sessions, plan.load_rounds, plan.max_seconds,
                        slugs=[s for s in plan.pages if "?" not in s] or None)
    except Exception as err:  # a failed stage is reported in the results, like the subprocess stages
        return {"error": f"{type(err).__name__}: {str(err)[-1500:]}"}


def machine() -> dict:
    import streamlit

    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal:")), 0)
    return {"cpus": os.cpu_count(), "ram_gib": round(mem / 1024 / 1024, 1), "python": platform.python_version(),
            "streamlit": streamlit.__version__, "platform": platform.platform(),
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def measure(plan: Plan, tmp: Path) -> dict:
    from lagesbild.registry.pages import PAGES

    # Områden without ?omrade is only a chooser; one profile is the page people actually read.
    slugs = list(plan.pages) or [p.slug for p in PAGES] + [PROFILE]
    env = bench_env(tmp)
    (tmp / "var").mkdir()
    result: dict = {"plan": asdict(plan), "machine": machine(), "loadavg_start": [round(x, 2) for x in os.getloadavg()]}
    t0 = time.perf_counter()
    # The builder writes the registry file the others read, so it must not be told to read it.
    result["synthetic"] = stage("bench.synthetic", {**env, "LAGESBILD_INDICATORS_FILE": None},
                                env["LAGESBILD_DB_URL"], env["LAGESBILD_INDICATORS_FILE"], plan.scale)
    if "error" in result["synthetic"]:
        return result
    result["apptest"] = stage("bench.apptime", env, "--reps", str(plan.reps), "--pages", ",".join(slugs))
    result["payload"] = stage("bench.payload", env)
    result["export"] = stage("bench.export", env)
    result["browser"] = browser_stage(env, tmp, plan, slugs)
    result["load"] = load_stage(env, tmp, plan)
    result["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    result["total_seconds"] = round(time.perf_counter() - t0, 1)
    return result


def errors(result: dict) -> list[str]:
    return [f"{k}: {v['error']}" for k, v in result.items() if isinstance(v, dict) and "error" in v]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="full scale, fewer repetitions, load sweep 1,5")
    mode.add_argument("--dry", action="store_true", help="tiny scale, one page, two load sessions (smoke test)")
    ap.add_argument("--scale", choices=["full", "x10"], default="full",
                    help="x10: ten times the observations and events (outside CI); writes latest-x10.*")
    ap.add_argument("--sessions", type=int, help="one number of concurrent load-test sessions (instead of a sweep)")
    ap.add_argument("--load-sessions", help="the load test's sweep, comma-separated (default 1,5,10,20; --quick 1,5)")
    ap.add_argument("--pages", help="comma-separated page slugs (default: every registered page)")
    ap.add_argument("--out-dir", type=Path, default=RESULTS, help=f"where latest.json and latest.md go (default {RESULTS})")
    args = ap.parse_args(argv)
    plan = plan_from(args)
    with tempfile.TemporaryDirectory(prefix="lagesbild-bench-") as tmp:
        result = measure(plan, Path(tmp))
    args.out_dir.mkdir(parents=True, exist_ok=True)
    name = "latest-x10" if plan.scale == "x10" else "latest"
    (args.out_dir / f"{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")  # first: it is the record
    (args.out_dir / f"{name}.md").write_text(markdown(result))
    if plan.scale == "x10" and (args.out_dir / "latest.json").exists():  # the growth table beside the ×1 figures
        full = json.loads((args.out_dir / "latest.json").read_text())
        (args.out_dir / "latest.md").write_text(markdown(full, x10=result))
    print((args.out_dir / f"{name}.md").read_text())
    problems = errors(result)
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
