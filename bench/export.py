"""Meeting export at scale: a five-item meeting (the agenda of tests/unit/test_meeting_export.py)
in the benchmark database, frozen, then exported as Mötesläge does it (PDF, PPTX, ZIP through
lagesbild.export.meeting_pack). Charts need chromium (kaleido); without it the export is skipped.

Run in its own process by bench.run:

    .venv/bin/python -m bench.export

Prints one JSON object on the last line (the export's own step timings, in seconds).
"""
from __future__ import annotations

import json
import time
from datetime import date

from bench.server import peak_rss_mb

ITEMS = [
    ("Läget i korthet", "oversikt", {}),
    ("Försenade reformer – åtgärder?", "reformer", {"status": ["forsenad"]}),
    ("Gängkriminalitet: nyckeltal", "fokusomraden", {"fokus": "gang"}),
    ("Vårby: områdesprofil", "omraden", {"omrade": "prio-varby"}),
    ("Publicerade händelser per område", "karta", {"matt": "handelser", "period": "2025"}),
]


def make_meeting(store) -> tuple[int, float]:
    """The meeting, frozen as Mötesläge freezes it: the server already holds the live picture
    (every page reads it), so the freeze records its version and checksums. Returns the
    meeting's id and the freeze time."""
    from lagesbild.domain import SYSTEM_ACTOR as A
    from lagesbild.picture import load_live
    from lagesbild.store import meetings as mt

    with store.transaction() as s:
        mid = mt.create_meeting(s, A, mt.MeetingInput("Prestandamätning (syntetiska data)", date(2026, 11, 30),
                                                      ("huddinge_kommun", "polisen_syd")))
        for n, (title, slug, params) in enumerate(ITEMS, start=1):
            mt.add_item(s, A, mid, n, mt.ItemInput(title, slug, params))
    with store.session() as s:
        live = load_live(s)
    t0 = time.perf_counter()
    with store.transaction() as s:
        mt.freeze(s, A, mid, len(ITEMS) + 1, picture=live)
    return mid, time.perf_counter() - t0


def main() -> None:
    from lagesbild.config import settings
    from lagesbild.export.images import browser_path
    from lagesbild.export.meeting_pack import export_meeting
    from lagesbild.store import meetings as mt
    from lagesbild.store.db import Store

    if browser_path() is None:
        print(json.dumps({"skipped": "no chromium for kaleido"}))
        return
    store = Store.open(settings().db_url)
    mid, freeze_s = make_meeting(store)
    t0 = time.perf_counter()
    with store.session() as s:
        m, ctx, man = mt.get_meeting(s, mid), mt.context(s, mid), mt.manifest(s, mid)
        pic = mt.load_snapshot(s, mid)
    snapshot_s = time.perf_counter() - t0
    names = dict(zip(pic.table("partners")["id"], pic.table("partners")["name"]))
    pack = export_meeting(pic, m, ctx, names, manifest=man)
    # Again in the same process: the views are memoised per picture, as in the server once the
    # agenda's pages have been shown (or exported) from that meeting; the charts are drawn again.
    again = export_meeting(pic, m, ctx, names, manifest=man)
    print(json.dumps({"items": len(ITEMS), "freeze_s": round(freeze_s, 2), "snapshot_load_s": round(snapshot_s, 2),
                      "timings_s": _rounded(pack.timings), "again_timings_s": _rounded(again.timings),
                      "pdf_bytes": len(pack.pdf), "pptx_bytes": len(pack.pptx),
                      "zip_bytes": len(pack.zip), "process_peak_rss_mb": round(peak_rss_mb("self"), 1)}))


def _rounded(timings: dict) -> dict:
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in timings.items()}


if __name__ == "__main__":
    main()
