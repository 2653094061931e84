"""bench/results/latest.md from the result of bench.run: machine facts, one table per page
(server and browser time, each with its ratio to the minimal page), one of the rest, and one
per number of load-test sessions.

    .venv/bin/python -m bench.report bench/results/latest.json   # re-render the Markdown
"""
from __future__ import annotations


def _s(r: dict | None, key: str) -> str:
    """"1.23 s (×4.5)" from a page result; "–" when the stage failed or did not measure it."""
    if not r or key not in r:
        return "–"
    ratio = r.get(key.replace("_s", "_ratio"))
    v = r[key]
    return (f"{v:.3f} s" if v < 0.1 else f"{v:.2f} s") + (f" (×{ratio})" if ratio is not None else "")


def _kib(n: int | None) -> str:
    return "–" if n is None else f"{n / 1024:,.0f} KiB".replace(",", " ")


def _mb(x) -> str:
    return "–" if x is None else f"{x:,.0f} MiB".replace(",", " ")


def header(r: dict) -> list[str]:
    m, syn, plan = r["machine"], r.get("synthetic", {}), r["plan"]
    n = lambda key: f"{syn[key]:,}".replace(",", " ") if isinstance(syn.get(key), int) else "?"  # noqa: E731
    scale = (f"{n('observations')} observations ({n('indicators')} indicators × {n('districts')} districts × "
             f"{n('months')} months), {n('events')} events, {n('reform_updates')} reform updates ({n('reforms')} reforms)")
    return [
        f"# Benchmark, {m['date']}", "",
        f"Machine: {m['cpus']} CPUs, {m['ram_gib']} GiB RAM, Python {m['python']}, Streamlit {m['streamlit']}, "
        f"{m['platform']}. Load average (1, 5, 15 min) at start {r['loadavg_start']}, at end {r.get('loadavg_end')}.", "",
        f"Data ({plan['scale']} scale, synthetic): {scale}; built in {syn.get('seconds', '?')} s.", "",
        f"Repetitions: {plan['reps']} warm AppTest reruns and {plan['browser_reps']} warm browser loads per page "
        f"(median); the ratio (×) is to a minimal one-line page measured the same way in the same run.", "",
    ]


def page_table(r: dict) -> list[str]:
    app, br = r.get("apptest", {}), r.get("browser", {})
    rows = ["| Page | Server cold | Server warm | Browser cold | Browser warm |", "|---|---|---|---|---|"]
    mini_a, mini_b = app.get("minimal"), br.get("minimal")
    rows.append(f"| *minimal page* | {_s(mini_a, 'cold_s')} | {_s(mini_a, 'warm_s')} | {_s(mini_b, 'cold_s')} | {_s(mini_b, 'warm_s')} |")
    slugs = list(dict.fromkeys([*app.get("pages", {}), *br.get("pages", {})]))
    for slug in slugs:
        a, b = app.get("pages", {}).get(slug), br.get("pages", {}).get(slug)
        rows.append(f"| {slug} | {_s(a, 'cold_s')} | {_s(a, 'warm_s')} | {_s(b, 'cold_s')} | {_s(b, 'warm_s')} |")
    return rows


def other_table(r: dict) -> list[str]:
    pay, ex, app, br = r.get("payload", {}), r.get("export", {}), r.get("apptest", {}), r.get("browser", {})
    k, o = pay.get("karta", {}), pay.get("omraden", {})
    t = ex.get("timings_s", {})
    rows = ["| Measure | Value |", "|---|---|"]
    if k:
        rows += [f"| Karta map HTML, default view ({k['default']['measure']}) | {_kib(k['default']['bytes'])} "
                 f"(gzip {_kib(k['default']['gzip_bytes'])}) |",
                 f"| Karta map HTML, largest of {k['measures']} measures ({k['largest']['measure']}) | "
                 f"{_kib(k['largest']['bytes'])} (gzip {_kib(k['largest']['gzip_bytes'])}) |"]
    if o:
        rows += [f"| Områden profile map, first priority area ({o['default']['area']}) | {_kib(o['default']['bytes'])} "
                 f"(gzip {_kib(o['default']['gzip_bytes'])}) |",
                 f"| Områden profile map, largest of {o['areas']} areas ({o['largest']['area']}) | "
                 f"{_kib(o['largest']['bytes'])} (gzip {_kib(o['largest']['gzip_bytes'])}) |"]
    if t:
        rows += [f"| Meeting freeze (version and checksums of the live picture the server holds) | {ex['freeze_s']} s |",
                 f"| Meeting export, {ex['items']} items: total (views {t['views']} s, {t['charts_n']} charts "
                 f"{t['charts']} s, PDF {t['pdf']} s, PPTX {t['pptx']} s) | {t['total']} s |",
                 f"| Export sizes: PDF / PPTX / ZIP | {_kib(ex['pdf_bytes'])} / {_kib(ex['pptx_bytes'])} / {_kib(ex['zip_bytes'])} |"]
        if a := ex.get("again_timings_s"):
            rows.insert(-1, f"| Meeting export again, views already built (as in the server once the agenda's pages were "
                            f"shown): total (views {a['views']} s, charts {a['charts']} s) | {a['total']} s |")
    elif "skipped" in ex:
        rows.append(f"| Meeting export | skipped: {ex['skipped']} |")
    if "first_load_s" in br:
        rows.append(f"| Browser: first load of the start page on a fresh `streamlit run` server (imports, store, picture, "
                    f"figures on that load) | {br['first_load_s']} s |")
    if ws := br.get("warmed_start"):
        rows += [f"| Server started as scripts/start.sh does: start → every page prepared (lagesbild.ui.serve) | {ws['ready_s']} s |",
                 f"| Browser: first load of the start page on that fresh server, once prepared | {ws['first_load_s']} s |"]
    rows += [f"| Peak RSS: server after one visit to every page | {_mb(br.get('server_peak_rss_mb'))} |",
             f"| Peak RSS: AppTest process (all pages) | {_mb(app.get('process_peak_rss_mb'))} |",
             f"| Peak RSS: export process | {_mb(ex.get('process_peak_rss_mb'))} |"]
    return rows


def _pct(r: dict | None) -> str:
    """"0.12 / 0.48 s (20)" (p50 / p95, number of runs) from a loadstats summary; "–" when
    nothing was measured. More runs than visits are reruns (a map reporting its first view)."""
    if not r or r.get("p50") is None:
        return "–"
    return f"{r['p50']:.2f} / {r['p95']:.2f} s ({r['n']})"


def _p95(r: dict | None) -> str:
    return "–" if not r or r.get("p95") is None else f"{r['p95']:.2f} s"


def _errors(phase: dict) -> str:
    e = phase["errors"]
    return f"**{e['count']}**" + (" (" + "; ".join(e["first"]) + ")" if e["first"] else "")


def _visits(phase: dict) -> str:
    planned = phase.get("planned", phase["visits"])
    return f"{phase['visits']} visits" + (f" (of {planned}: the deadline cut the rest)" if planned > phase["visits"] else "")


def load_step(step: dict, rounds: int) -> list[str]:
    """One N of the sweep: a sentence of totals, then a row per page."""
    cold, warm = step["cold"], step["warm"]
    rows = [f"**{step['sessions']} session(s)**: cold round {_visits(cold)} in {cold['wall_s']} s, errors "
            f"{_errors(cold)}; {rounds} warm round(s) {_visits(warm)} in {warm['wall_s']} s, errors {_errors(warm)}. "
            f"Server RSS peak (server and children, sampled) {_mb(step['server_rss_peak_mb'])}, "
            f"server VmHWM {_mb(step['server_vmhwm_mb'])}. Load average (1 min) at the end: {step.get('loadavg_1min', '–')}.", "",
            "| Page | Server cold p50 / p95 (runs) | First view after import | Server warm p50 / p95 (runs) | Unfinished runs (cold, warm) "
            "| Protocol cold / warm p95 | Browser cold p95 | Browser warm p95 |", "|---|---|---|---|---|---|---|---|"]
    pages = dict.fromkeys([*cold["server"], *warm["server"], *cold["browser"], *warm["browser"]])
    for page in pages:
        sc, sw = cold["server"].get(page, {}), warm["server"].get(page, {})
        first = cold["first_view"].get(page)
        protocol = f"{_p95(cold.get('protocol', {}).get(page))} / {_p95(warm.get('protocol', {}).get(page))}"
        rows.append(f"| {page} | {_pct(sc)} | {'–' if first is None else f'{first:.2f} s'} | {_pct(sw)} | "
                    f"{sc.get('unfinished', 0)}, {sw.get('unfinished', 0)} | {protocol} | "
                    f"{_p95(cold['browser'].get(page))} | {_p95(warm['browser'].get(page))} |")
    return rows


def load_tables(lt: dict) -> list[str]:
    """The load test (bench.load): what was driven, then a table per number of sessions."""
    if not lt or "steps" not in lt:
        return []
    varied = ", ".join(f"{slug} ×{len(urls)}" for slug, urls in lt["mix"].items()) or "none"
    first = lt.get("first_view") or {}
    rows = ["## Load", "",
            f"Of N sessions one is a browser (headless chromium: browser times are its navigation → ready) and N − 1 "
            f"speak Streamlit's websocket protocol and draw nothing (lagesbild.ui.wsclient: protocol times are connect → script "
            f"finished); server times are the server's own per script run (LAGESBILD_TIMING_LOG), finished runs of "
            f"all sessions. Each session opens every page ({len(lt['pages'])}) once "
            f"after an import (cold), then {lt['rounds']} more time(s) (warm); varied addresses per page: {varied}. "
            f"First view on the fresh server: {first.get('seconds', '–')} s in the browser. Whole load test: "
            f"{lt.get('wall_seconds')} s.", ""]
    for step in lt["steps"]:
        rows += load_step(step, lt["rounds"]) + [""]
    return rows


def _count(n) -> str:
    return "?" if n is None else f"{n:,}".replace(",", " ")


def growth_table(full: dict, x10: dict) -> list[str]:
    """Each page's server time at ×1 and ×10 data, and the ratio (target: ≤ 2)."""
    syn = x10.get("synthetic", {})
    rows = ["## Growth: ten times the data", "",
            f"The same pages with {_count(syn.get('observations'))} observations and {_count(syn.get('events'))} events "
            f"(`bench.run --scale x10`, {x10['machine']['date']}); ratio = ×10 / ×1, target ≤ 2.", "",
            "| Page | Server cold ×1 | ×10 | ratio | Server warm ×1 | ×10 | ratio |", "|---|---|---|---|---|---|---|"]
    a1, a10 = full.get("apptest", {}).get("pages", {}), x10.get("apptest", {}).get("pages", {})
    for slug in dict.fromkeys([*a1, *a10]):
        cells = []
        for key in ("cold_s", "warm_s"):
            v1, v10 = (a1.get(slug) or {}).get(key), (a10.get(slug) or {}).get(key)
            ratio = f"×{v10 / v1:.1f}" if v1 and v10 is not None else "–"
            cells += ["–" if v1 is None else f"{v1:.2f} s", "–" if v10 is None else f"{v10:.2f} s", ratio]
        rows.append(f"| {slug} | " + " | ".join(cells) + " |")
    return rows + [""]


def markdown(r: dict, x10: dict | None = None) -> str:
    errs = [f"- **{k} failed**: {v['error'][:300]}" for k, v in r.items() if isinstance(v, dict) and "error" in v]
    lines = header(r) + page_table(r) + [""] + other_table(r) + [""] + load_tables(r.get("load", {})) + (errs if errs else [])
    lines += growth_table(r, x10) if x10 else []
    lines += ["", f"Whole run: {r.get('total_seconds')} s. Reproduce: `.venv/bin/python -m bench.run` (see docs/benchmark.md)."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import json
    import sys

    print(markdown(json.loads(open(sys.argv[1], encoding="utf-8").read())), end="")
