"""View builders of agenda items: every saved view builds from a picture, carries provenance,
says what it did not understand, and never shows a small count."""
from datetime import date

import pandas as pd
import pytest

from lagesbild import agenda
from lagesbild.picture import load_live
from lagesbild.privacy import SUPPRESSED
from lagesbild.registry.sources import sources
from tests.unit import picture_factory as pf

SAVED = [
    ("oversikt", {}),
    ("reformer", {}),
    ("reformer", {"status": ["Försenad", "pagaende"]}),
    ("reformer", {"reform": "R07"}),
    ("fokusomraden", {"fokus": "gang"}),
    ("fokusomraden", {"indikator": "bra_total_kvartal_antal"}),
    ("karta", {"matt": "befolkning", "period": "2025"}),
    ("karta", {"matt": "handelser"}),
    ("omraden", {"omrade": "prio-varby"}),
    ("omraden", {"omrade": "0126R001"}),
    ("omraden", {}),
    ("data", {}),
    ("om", {}),
    ("mote", {"vy": "sedan"}),
]


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    from lagesbild import demo
    from lagesbild.store.db import Store

    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('views') / 'v.db'}")
    with store.transaction() as s:
        demo.seed_demo(s)
    with store.session() as s:
        pic = load_live(s)
    store.engine.dispose()
    return pic


@pytest.mark.parametrize("slug,params", SAVED, ids=[f"{s}-{'-'.join(p)}" for s, p in SAVED])
def test_every_saved_view_builds_with_provenance(live, slug, params):
    vc = agenda.build(live, slug, params, "sv")
    assert vc.title and vc.summary
    assert len(vc.figures) <= 2
    for block in vc.figures:
        assert block.summary and not block.table.empty
        assert set(block.provenance.source_ids) <= set(sources())
        line = block.provenance.line("sv")
        assert "Källa:" in line and "Typ:" in line and "Data t.o.m." in line
    for tb in vc.tables:
        assert tb.title
    en = agenda.build(live, slug, params, "en")
    assert en.title and en.summary


def test_titles_describe_the_view(live):
    assert agenda.describe(live, "reformer", {"status": ["forsenad"]}) == "Reformer: Försenad"
    assert agenda.describe(live, "reformer", {"status": "Delayed"}, "en") == "Reforms: Delayed"
    assert agenda.describe(live, "fokusomraden", {"fokus": "gang"}) == "Fokusområde: Gängkriminalitet"
    assert agenda.describe(live, "karta", {"matt": "befolkning", "period": "2025"}) == "Karta: Folkmängd 2025"
    assert agenda.describe(live, "omraden", {"omrade": "prio-varby"}) == "Område: Vårby"
    assert agenda.describe(live, "mote", {"vy": "sedan"}) == "Sedan förra mötet"


def test_unknown_parameters_are_said_not_guessed(live):
    assert "R99" in agenda.build(live, "reformer", {"reform": "R99"}).notes[0]
    assert "finns inte i registret" in agenda.build(live, "fokusomraden", {"indikator": "nope"}).notes[0]
    assert "Okänt fokusområde" in " ".join(agenda.build(live, "fokusomraden", {"fokus": "nope"}).notes)
    assert "Okänd status" in " ".join(agenda.build(live, "reformer", {"status": ["kanske"]}).notes)
    assert "Okänt område" in " ".join(agenda.build(live, "omraden", {"omrade": "0126R999"}).notes)


def test_filtered_reform_view_lists_the_reforms_with_their_motivation(live):
    vc = agenda.build(live, "reformer", {"status": ["forsenad"]})
    table = vc.tables[0].table
    assert set(table["Status"]) == {"◷ Försenad"} and "Senaste motivering" in table.columns
    assert vc.figures == []  # a chart of a filtered handful says nothing the list does not


def test_small_counts_never_reach_a_view():
    pic = pf.picture([
        ("partner_anlagda_brander", "0126R001", "2025K1", 3),
        ("partner_anlagda_brander", "0126R002", "2025K1", 12),
        ("partner_anlagda_brander", "0126R003", "2025K1", 0),
        ("partner_anlagda_brander", "0126R001", "2024K1", 7),
        ("scb_befolkning", "0126R001", "2025", 4000), ("scb_befolkning", "0126R002", "2025", 6000),
        ("scb_befolkning", "0126R003", "2025", 5000),
    ])
    trend = agenda.build(pic, "fokusomraden", {"indikator": "partner_anlagda_brander", "omrade": "0126R001"})
    values = trend.figures[0].table["Värde"].tolist()
    assert values == ["7", SUPPRESSED]
    assert 3.0 not in [y for t in trend.figures[0].fig.data for y in (t.y or ()) if y is not None]

    karta = agenda.build(pic, "karta", {"matt": "ind:partner_anlagda_brander", "period": "2025K1"})
    table = karta.tables[0].table.set_index("Område")
    assert table.loc["Flemingsberg västra"].iloc[0] == SUPPRESSED  # 0126R001: 3 fires
    assert table.loc["Flemingsberg"].iloc[0] == SUPPRESSED  # the priority area it is part of
    assert table.loc["Flemingsberg östra"].iloc[0] == "2,0"
    hover = " ".join(str(t.text) for t in karta.figures[0].fig.data if t.text)
    assert "0,8" not in hover  # 3 / 4 000 × 1 000 would be 0,75 ≈ 0,8 per 1 000
    assert karta.has_suppressed


def test_meeting_views_need_their_meeting():
    pic = pf.picture()
    vc = agenda.build(pic, "mote", {"vy": "beslut"})
    assert "när mötet är öppet" in vc.summary
    actions = pd.DataFrame([{"id": 1, "meeting_id": 1, "agenda_item_id": None, "item_title": "", "item_position": 0,
                             "kind": "atgard", "text": "Följ upp trygghetsvandringen", "owner": "Polisen",
                             "due_date": date(2026, 12, 1), "done": False, "carried_from": None, "carried_from_meeting": None,
                             "created_at": None, "created_by": "x"}])
    ctx = agenda.MeetingContext("Möte", date(2026, 11, 30), actions)
    dec = agenda.build(pic, "mote", {"vy": "beslut"}, "sv", ctx)
    assert dec.summary == "0 beslut och 1 åtgärd, varav 1 öppen."
    assert dec.tables[0].table.iloc[0].tolist() == ["–", "Åtgärd", "Följ upp trygghetsvandringen", "Polisen", "2026-12-01", "○ öppen"]
