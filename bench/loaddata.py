"""What the load test reads from and writes to the app's database. Run by bench.load in a
process with the server's environment (settings() reads it), so it opens the same store:

    .venv/bin/python -m bench.loaddata mix      # the varied page addresses, from the store
    .venv/bin/python -m bench.loaddata bump 3   # one partner value imported: a new data version

Prints one JSON object on the last line. The addresses come from the store (districts, focus
areas, periods), never from names written here, so the harness works for any kommun.
"""
from __future__ import annotations

import json
import sys

from sqlalchemy import func, select

PROFILE_LEVELS = ("prioriterat", "regso", "valdistrikt")
PER_LEVEL = 4  # areas of each level in the mix: enough to vary, few enough to repeat per round
PERIODS = 3  # newest periods of the population measure on Karta


def _store():
    from lagesbild.config import settings
    from lagesbild.store.db import Store

    return Store.open(settings().db_url)


def _spread(items: list, n: int) -> list:
    """n items spread over the list (first, last and between), not the n first: codes sort by
    part of the kommun, so the first few would all be neighbours."""
    if len(items) <= n:
        return list(items)
    return [items[round(i * (len(items) - 1) / (n - 1))] for i in range(n)] if n > 1 else items[:1]


def _areas(s) -> list[str]:
    from lagesbild.geo import profile
    from lagesbild.store.models import District

    codes = []
    for level in PROFILE_LEVELS:
        found = s.scalars(select(District.code).where(District.level == level).order_by(District.code)).all()
        codes += _spread([c for c in found if profile.exists(c)], PER_LEVEL)  # a profile the page can draw
    return codes


def _periods(s) -> list[str]:
    from lagesbild.geo.measures import POP
    from lagesbild.store.models import Observation

    newest = (select(Observation.period).where(Observation.indicator_id == POP.indicator_id)
              .group_by(Observation.period).order_by(func.max(Observation.period_end).desc()).limit(PERIODS))
    return list(s.scalars(newest).all())


def mix() -> dict[str, list[str]]:
    """Page slug → the addresses a session may ask for on it (query strings), besides the
    page's own address when that shows something without a parameter."""
    from lagesbild.geo.measures import POP
    from lagesbild.store.models import FocusArea

    with _store().session() as s:
        focus = list(s.scalars(select(FocusArea.id).order_by(FocusArea.sort)).all())
        areas, periods = _areas(s), _periods(s)
    return {
        "omraden": [f"omraden?omrade={c}" for c in areas],  # without ?omrade the page is only a chooser
        "fokusomraden": [f"fokusomraden?fokus={f}" for f in focus],
        "karta": ["karta"] + [f"karta?matt={POP.id}&period={p}" for p in periods],
        "reformer": ["reformer"] + [f"reformer?fokus={f}" for f in focus],
    }


def bump(value: int) -> dict:
    """Import one partner figure for the whole kommun through the importer, as an editor would:
    a new import batch, so lagesbild.picture.data_version changes and every page is cold."""
    from lagesbild.domain import SYSTEM_ACTOR
    from lagesbild.importers import base, partner
    from lagesbild.picture import data_version
    from lagesbild.store.models import District

    store = _store()
    with store.session() as s:
        kommun = s.scalars(select(District.code).where(District.level == "kommun").limit(1)).one()
    indicator = sorted(partner.partner_indicators())[0]
    who = partner.seed_partners()["id"].iloc[0]
    data = f"indikator;område;period;värde;partner;kommentar\n{indicator};{kommun};2000;{value};{who};bench\n".encode()
    result = base.apply(store, SYSTEM_ACTOR, partner.parse(data, "bench-load.csv"), "bench-load.csv", data)
    with store.session() as s:
        version = data_version(s)
    return {"batch": result.batch_id, "data_version": [str(v) for v in version]}


def main(argv: list[str]) -> None:
    out = mix() if argv[:1] == ["mix"] else bump(int(argv[1])) if argv[:1] == ["bump"] else None
    if out is None:
        raise SystemExit(__doc__)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
