"""A frozen meeting on the demo data, exported (PDF, PPTX, ZIP): shared by the export tests.
Charts are drawn by kaleido on the system chromium; callers skip without it."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from lagesbild.domain import SYSTEM_ACTOR as A
from lagesbild.store import meetings as mt

FORMULA = "=HYPERLINK(\"http://exempel.invalid\";\"klicka\")"
PARTNERS = {"huddinge_kommun": "Huddinge kommun", "polisen_syd": "Polisen", "huge": "Huge Bostäder AB"}


def export_meeting_pack(db_dir: Path, items: list[tuple[str, str, dict]], progress=None):
    """Seed the demo, create a meeting with `items` (title, page, params), freeze it, add a
    decision and an åtgärd, export it. Returns (pack, the items' ViewContents, the snapshot)."""
    from lagesbild import agenda, demo
    from lagesbild.export.meeting_pack import export_meeting
    from lagesbild.store.db import Store

    store = Store.open(f"sqlite:///{db_dir / 'e.db'}")
    with store.transaction() as s:
        demo.seed_demo(s)
        mid = mt.create_meeting(s, A, mt.MeetingInput("Samverkansmöte om trygghet i Huddinge", date(2026, 11, 30),
                                                      tuple(PARTNERS)))
        for n, (title, slug, params) in enumerate(items, start=1):
            mt.add_item(s, A, mid, n, mt.ItemInput(title, slug, params))
    with store.transaction() as s:
        mt.freeze(s, A, mid, len(items) + 1)
        its = mt.get_meeting(s, mid).items
        mt.add_action(s, A, mid, mt.ActionInput("beslut", "Lägesbilden för Vårby fastställs.", agenda_item_id=its[min(3, len(its) - 1)].id))
        mt.add_action(s, A, mid, mt.ActionInput("atgard", FORMULA, "Kommunen", date(2026, 12, 15), its[min(1, len(its) - 1)].id))
    with store.session() as s:
        m, ctx, man = mt.get_meeting(s, mid), mt.context(s, mid), mt.manifest(s, mid)
        pic = mt.load_snapshot(s, mid)
    result = export_meeting(pic, m, ctx, PARTNERS, manifest=man, progress=progress)
    store.engine.dispose()
    contents = [agenda.build(pic, it.page_slug, it.params, "sv", ctx) for it in m.items]
    return result, contents, pic
