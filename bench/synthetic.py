"""Builds a LARGE SYNTHETIC database for the benchmark only (never shown as real data).

Scale (issue 6): 10 years monthly × 64 districts (the valdistrikt) × 60 indicators
= 460 800 observations; 100 000 police events; 17 reforms × 200 updates. `x10` (issue 11,
growth): the same indicators and years over ten times the areas (the valdistrikt and 576
synthetic DeSO-shaped codes, finer data than any page shows whole) = 4 608 000 observations,
and 1 000 000 police events.
The registry used is the real one plus synthetic "bench_*" indicators, written to a
temporary TOML that LAGESBILD_INDICATORS_FILE points at.

    .venv/bin/python -m bench.synthetic sqlite:////tmp/bench.db /tmp/bench-indicators.toml [full|x10|tiny]
"""
from __future__ import annotations

import json
import random
import sys
import time
import tomllib
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from lagesbild.config import DATA_DIR
from lagesbild.domain import ReformStatus
from lagesbild.store.db import Store
from lagesbild.store.models import District, ImportBatch, Observation, PoliceEvent, Reform, ReformUpdate

YEARS, N_INDICATORS, N_EVENTS, UPDATES_PER_REFORM = 10, 60, 100_000, 200
# The full scale, and a tiny one for `bench.run --dry` (the smoke test: does the script still run).
SCALES = {"full": dict(years=YEARS, n_indicators=N_INDICATORS, n_events=N_EVENTS, updates_per_reform=UPDATES_PER_REFORM),
          "x10": dict(years=YEARS, n_indicators=N_INDICATORS, n_events=10 * N_EVENTS, updates_per_reform=UPDATES_PER_REFORM,
                      area_factor=10),
          "tiny": dict(years=1, n_indicators=45, n_events=500, updates_per_reform=3)}
EVENT_TYPES = ["Brand", "Trafikolycka", "Misshandel", "Stöld", "Skadegörelse", "Rån", "Narkotikabrott", "Övrigt"]


def write_registry(path: Path, n_real: int, n_indicators: int = N_INDICATORS) -> list[str]:
    """Real registry + enough synthetic monthly district indicators to reach n_indicators."""
    real = (DATA_DIR / "registry" / "indicators.toml").read_text(encoding="utf-8")
    extra, ids = [], []
    for i in range(n_indicators - n_real):
        iid = f"bench_{i:02d}"
        ids.append(iid)
        extra.append(
            f'\n[{iid}]\nname_sv = "Syntetisk indikator {i}"\nname_en = "Synthetic indicator {i}"\n'
            'definition_sv = "Endast för prestandamätning."\nsource = "partner"\nunit = "antal"\n'
            'level = "valdistrikt"\nperiodicity = "manad"\ndirection = "neutral"\n'
            f'focus_areas = ["{["gang", "andts", "vinr", "trygghet"][i % 4]}"]\n'
        )
    path.write_text(real + "".join(extra), encoding="utf-8")
    return ids


def month_ends(years: int) -> list[date]:
    out, start = [], date(2026, 10, 1)
    for k in range(years * 12):
        y, m = divmod((start.year * 12 + start.month - 1) - k, 12)
        first_next = date(y + (m + 1) // 12, (m + 1) % 12 + 1, 1)
        out.append(first_next - timedelta(days=1))
    return sorted(out)


def build(url: str, registry_path: Path, seed: int = 1, *, years: int = YEARS, n_indicators: int = N_INDICATORS,
          n_events: int = N_EVENTS, updates_per_reform: int = UPDATES_PER_REFORM, area_factor: int = 1) -> dict:
    rng = random.Random(seed)
    t0 = time.perf_counter()
    store = Store.open(url)
    with store.session() as s:
        districts = list(s.scalars(select(District.code).where(District.level == "valdistrikt")).all())[:64]
    districts = districts or [f"0126{k:04d}" for k in range(64)]
    # More areas than the map shows, in DeSO's code shape (privacy places them under the kommun).
    districts += [f"{districts[0][:4]}C{k:04d}" for k in range(len(districts) * (area_factor - 1))]
    real_ids = list(tomllib.loads((DATA_DIR / "registry" / "indicators.toml").read_text(encoding="utf-8")))
    all_ids = real_ids + write_registry(registry_path, len(real_ids), n_indicators)
    with store.transaction() as s:
        batch = ImportBatch(kind="bench", source_id="partner", filename="synthetic", sha256="0" * 64, vintage="2026-09-30", imported_by="bench")
        s.add(batch)
        s.flush()
        bid = batch.id
    months = month_ends(years)
    n_obs = 0
    for iid in all_ids:
        rows = [
            {"indicator_id": iid, "area_code": d, "period": f"{me:%Y-%m}", "period_end": me, "value": float(rng.randint(0, 60)),
             "status": "ok", "gender": "T", "import_id": bid}
            for d in districts for me in months
        ]
        with store.transaction() as s:
            s.execute(insert(Observation), rows)
        n_obs += len(rows)
    events = []
    start = datetime(2016, 10, 1)
    for i in range(n_events):
        at = start + timedelta(minutes=rng.randint(0, years * 365 * 24 * 60))
        typ = rng.choice(EVENT_TYPES)
        events.append({"id": 10_000_000 + i, "occurred_at": at, "type": typ, "name": f"{at:%d %B %H.%M}, {typ}, Huddinge",
                       "summary": "Syntetisk händelse för prestandamätning.", "url": "/", "location_name": "Huddinge",
                       "kommun": "Huddinge", "district": None, "import_id": bid})
    for chunk in range(0, len(events), 100_000):  # a transaction per chunk: 1 M rows in one is a long lock
        with store.transaction() as s:
            s.execute(insert(PoliceEvent), events[chunk:chunk + 100_000])
    statuses = [st for st in ReformStatus if st != ReformStatus.EJ_BEDOMD]
    with store.transaction() as s:
        reforms = s.scalars(select(Reform)).all()
        n_reforms = len(reforms)
        for r in reforms:
            rows = [{"reform_id": r.id, "seq": r.version + n + 1, "status": rng.choice(statuses).value, "progress": rng.randint(0, 100),
                     "update_date": date(2022, 11, 1) + timedelta(days=5 * n), "author": "bench", "motivation": "Syntetisk bedömning.",
                     "source_url": "https://exempel.invalid/bench", "recorded_by": "bench"} for n in range(updates_per_reform)]
            s.execute(insert(ReformUpdate), rows)
            r.version += updates_per_reform
    return {"observations": n_obs, "events": n_events, "reform_updates": n_reforms * updates_per_reform,
            "reforms": n_reforms, "indicators": len(all_ids), "districts": len(districts), "months": len(months), "seconds": round(time.perf_counter() - t0, 1)}


if __name__ == "__main__":
    scale = sys.argv[3] if len(sys.argv) > 3 else "full"
    print(json.dumps(build(sys.argv[1], Path(sys.argv[2]), **SCALES[scale])))
