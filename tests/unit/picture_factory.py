"""Small Pictures built in memory for unit tests of the view functions."""
from __future__ import annotations

from datetime import date

import pandas as pd

from lagesbild.importers.base import period_end
from lagesbild.picture import TABLES, Picture


def _empty(name: str) -> pd.DataFrame:
    return pd.DataFrame(columns=[c.name for c in TABLES[name].__table__.columns])


def observation_rows(rows) -> pd.DataFrame:
    """rows: (indicator, area, period, value[, status[, gender]])"""
    recs = []
    for i, r in enumerate(rows, start=1):
        ind, area, period, value = r[:4]
        recs.append({"id": i, "indicator_id": ind, "area_code": area, "period": period, "period_end": period_end(period),
                     "value": None if value is None else float(value), "status": r[4] if len(r) > 4 else "ok",
                     "gender": r[5] if len(r) > 5 else "T", "import_id": None})
    df = _empty("observations")
    return pd.concat([df, pd.DataFrame(recs)], ignore_index=True) if recs else df


def districts() -> pd.DataFrame:
    rows = [{"code": "0126", "name": "Huddinge", "level": "kommun", "parent_code": None, "is_priority": False}]
    for k in range(1, 23):
        rows.append({"code": f"0126R{k:03d}", "name": f"Område {k}", "level": "regso", "parent_code": "0126", "is_priority": False})
    rows.append({"code": "prio-flemingsberg", "name": "Flemingsberg", "level": "prioriterat", "parent_code": "0126", "is_priority": True})
    return pd.DataFrame(rows)


def picture(obs_rows=(), *, activities: pd.DataFrame | None = None, as_of: date = date(2026, 11, 1), **tables) -> Picture:
    t = {name: _empty(name) for name in TABLES}
    t["observations"] = observation_rows(obs_rows)
    t["districts"] = districts()
    t["partners"] = pd.DataFrame([
        {"id": "huddinge_kommun", "name": "Huddinge kommun", "short_name": "Kommunen", "kind": "kommun"},
        {"id": "polisen_syd", "name": "Polisen", "short_name": "Polisen", "kind": "myndighet"},
        {"id": "huge", "name": "Huge Bostäder AB", "short_name": "Huge", "kind": "kommunalt bolag"},
    ])
    t["focus_areas"] = pd.DataFrame([
        {"id": fid, "sort": i, "name_sv": sv, "name_en": en, "scope_sv": "", "scope_en": ""}
        for i, (fid, sv, en) in enumerate([("gang", "Gängkriminalitet", "Gang crime"), ("andts", "ANDTS", "ANDTS"),
                                           ("vinr", "Våld i nära relationer", "Violence in close relationships"),
                                           ("trygghet", "Trygghet i offentlig miljö", "Safety in public spaces")], start=1)
    ])
    if activities is not None:
        t["activities"] = activities
    t.update(tables)
    return Picture(tables=t, as_of=as_of)
