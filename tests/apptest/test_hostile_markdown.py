"""User text and URL parameters reach Streamlit's Markdown escaped: a meeting or agenda item
title, and the texts a shared link carries (fokus, omrade, akt_fran), cannot add an image
(a request off the machine), a link or coloured text. The browser test
(tests/browser/test_hostile_input.py) found these; this pins each fix without a browser."""
from __future__ import annotations

from datetime import date

from lagesbild.domain import SYSTEM_ACTOR
from lagesbild.store import meetings as mt
from lagesbild.store.db import Store
from tests.apptest.helpers import open_page

IMAGE = "![bild](http://evil.example/pixel.png) :red[röd]"


def _markdown(at) -> list[str]:
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "warning", "info"):
        out.extend(str(e.value) for e in getattr(at, kind))
    return out


def _unescaped(at) -> list[str]:
    return [v for v in _markdown(at) if "![bild](" in v or ":red[" in v]


def test_meeting_and_item_titles_are_escaped_on_the_page_and_in_the_presentation(fresh_app_db):
    store = Store.open(fresh_app_db)
    with store.transaction() as s:
        mid = mt.create_meeting(s, SYSTEM_ACTOR, mt.MeetingInput(IMAGE, date(2026, 12, 1)))
        mt.add_item(s, SYSTEM_ACTOR, mid, 1, mt.ItemInput(IMAGE, "reformer", {}))
    store.engine.dispose()
    at = open_page("mote", {"mote": str(mid)})
    assert not at.exception
    assert any("bild" in v for v in _markdown(at)), "the title is still shown"
    assert _unescaped(at) == []
    pres = open_page("mote", {"mote": str(mid), "presentation": "1", "punkt": "1"})
    assert not pres.exception and _unescaped(pres) == []


def test_url_parameters_shown_in_warnings_are_escaped(fresh_app_db):
    for slug, query in (("fokusomraden", {"fokus": IMAGE}), ("omraden", {"omrade": IMAGE}),
                        ("fokusomraden", {"fokus": "trygghet", "akt_fran": IMAGE})):
        at = open_page(slug, query)
        assert not at.exception, (slug, query)
        assert _unescaped(at) == [], (slug, query)


def test_decisions_table_in_the_presentation_is_escaped(fresh_app_db):
    store = Store.open(fresh_app_db)
    with store.transaction() as s:
        mid = mt.create_meeting(s, SYSTEM_ACTOR, mt.MeetingInput("Samverkansmöte", date(2026, 12, 1)))
        item = mt.add_item(s, SYSTEM_ACTOR, mid, 1, mt.ItemInput("Reformerna", "reformer", {}))
        mt.add_action(s, SYSTEM_ACTOR, mid, mt.ActionInput("atgard", IMAGE, IMAGE, agenda_item_id=item))
    store.engine.dispose()
    # The decisions under an item are its last slide.
    at = open_page("mote", {"mote": str(mid), "presentation": "1", "punkt": "1", "bild": "sista"})
    assert not at.exception
    assert [t.value for t in at.title] == ["1. Reformerna"]
    cells = [str(v) for tbl in at.table for v in tbl.value.to_numpy().ravel()]
    assert any("bild" in c for c in cells), "the action is in the table"
    assert not [c for c in cells if "![bild](" in c or ":red[" in c]
