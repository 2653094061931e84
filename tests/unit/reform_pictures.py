"""Hand-built Pictures for the reform tests: the 17 seeded reforms plus chosen assessments,
without a database (so dates and order are exactly what the test says)."""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from lagesbild.config import DATA_DIR
from lagesbild.picture import Picture

SEED = DATA_DIR / "seed"


def make_picture(updates: list[tuple] = (), *, frozen: bool = False) -> Picture:
    """`updates`: (reform_id, seq, status, update_date, progress[, motivation]) tuples.
    Each reform's version is its highest seq."""
    reforms = pd.read_csv(SEED / "reforms.csv", dtype={"id": str})
    rows = []
    for i, u in enumerate(updates, start=1):
        rid, seq, status, day, progress, *rest = u
        rows.append({
            "id": i, "reform_id": rid, "seq": seq, "status": status, "progress": progress,
            "update_date": day, "author": "Testare", "motivation": rest[0] if rest else f"Motivering {rid} {seq}",
            "source_url": f"https://exempel.invalid/{rid}/{seq}", "recorded_at": datetime(2026, 1, 1),
            "recorded_by": "test", "via_import": None,
        })
    ups = pd.DataFrame(rows, columns=["id", "reform_id", "seq", "status", "progress", "update_date", "author",
                                      "motivation", "source_url", "recorded_at", "recorded_by", "via_import"])
    versions = ups.groupby("reform_id")["seq"].max().to_dict() if not ups.empty else {}
    reforms["version"] = [int(versions.get(r, 0)) for r in reforms["id"]]
    return Picture(
        tables={
            "reforms": reforms,
            "reform_updates": ups,
            "reform_focus_links": pd.read_csv(SEED / "reform_focus_links.csv"),
            "reform_district_links": pd.read_csv(SEED / "reform_district_links.csv"),
            "focus_areas": pd.read_csv(SEED / "focus_areas.csv"),
            "districts": pd.DataFrame({"code": ["0126"], "name": ["Huddinge"], "level": ["kommun"],
                                       "parent_code": [None], "is_priority": [False]}),
        },
        as_of=date(2026, 6, 1), frozen=frozen,
    )
