"""A second real kommun by configuration alone: a Haninge pack built by
`python -m lagesbild.kommun new` from Haninge's real valdistrikt and SCB outline (valdistrikt
only: no RegSO, no population), seeded with Haninge's Brå rows. Every page runs, Haninge's Brå
figures show, and no Huddinge district name appears."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from lagesbild.config import PROJECT_ROOT
from lagesbild.kommun import new_pack
from lagesbild.registry.pages import PAGES
from tests.apptest.helpers import open_page, texts

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "haninge"
BRA = PROJECT_ROOT / "data" / "raw" / "bra_jmf" / "bra_anmalda_brott_jmf_kommuner_1996_2025.csv"
HUDDINGE_WORDS = re.compile(r"Huddinge|Flemingsberg|Skogås|Vårby|Visättra|Segeltorp|Länna|(?<!\d)0126(?!\d)")


@pytest.fixture(scope="module")
def haninge(tmp_path_factory):
    import streamlit as st

    from lagesbild.config import settings

    out = tmp_path_factory.mktemp("haninge-pack")
    missing = new_pack("0136", "Haninge", FIX / "haninge_valdistrikt_2026.geojson", FIX / "haninge_kommun_scb.geojson",
                       out, [("bra", BRA)])
    mp = pytest.MonkeyPatch()
    mp.setenv("LAGESBILD_KOMMUN_CONFIG", str(out / "kommun.toml"))
    mp.setenv("LAGESBILD_DB_URL", f"sqlite:///{out / 'app.db'}")
    mp.setenv("LAGESBILD_DEMO_DB_URL", f"sqlite:///{out / 'exempel.db'}")
    settings.cache_clear()
    st.cache_resource.clear()
    st.cache_data.clear()
    from lagesbild.store.db import Store

    Store.open(f"sqlite:///{out / 'app.db'}").engine.dispose()  # seeds now: a failure names its file here
    yield out, missing
    mp.undo()
    settings.cache_clear()
    st.cache_resource.clear()
    st.cache_data.clear()


def test_the_pack_has_the_clipped_districts_and_a_gazetteer(haninge):
    import geopandas as gpd

    out, missing = haninge
    districts = gpd.read_file(out / "geo" / "valdistrikt.geojson").to_crs("EPSG:3006")
    outline = gpd.read_file(out / "geo" / "kommun.geojson").to_crs("EPSG:3006")
    assert len(districts) == 54
    # The source's districts include the sea (2 189 km²); clipped, they lie within the outline.
    assert districts.area.sum() <= outline.area.sum() * 1.001
    assert 'places."Brandbergen"' in (out / "place_names.toml").read_text(encoding="utf-8")
    assert any("Brå" in line for line in missing)


@pytest.mark.parametrize("slug", [p.slug for p in PAGES])
def test_every_page_runs_for_haninge_without_huddinge(haninge, slug):
    at = open_page(slug)
    assert not at.exception, [e.value for e in at.exception]
    text = texts(at) + "\n".join(df.value.to_string() for df in at.dataframe)
    assert "kunde inte starta" not in text
    assert not HUDDINGE_WORDS.search(text), HUDDINGE_WORDS.search(text).group(0)


def test_haninge_brå_figures_and_name_show(haninge):
    at = open_page("fokusomraden", {"fokus": "gang"})
    text = texts(at)
    assert "Anmälda brott mot person (3–7 kap. BrB) (Haninge) 2025" in text
    assert "**Lägesbild Haninge**" in text


def test_karta_draws_the_haninge_districts_and_a_profile_opens(haninge):
    from lagesbild.geo import karta, measures
    from lagesbild.geo.layers import main_layer
    from lagesbild.picture import load_live
    from lagesbild.store.db import Store
    from lagesbild.ui.map_ui import assets

    assert main_layer() == "valdistrikt"
    out, _missing = haninge
    store = Store.open(f"sqlite:///{out / 'app.db'}")
    with store.session() as s:
        pic = load_live(s)
    store.engine.dispose()
    view = karta.build(pic, measures.DENSITY, None, "sv", assets())
    names = set(view.table["Område"])
    assert len(names) == 54 and "Haninge 13 Brandbergen NÖ" in names
    at = open_page("omraden", {"omrade": "01360113"})
    assert not at.exception, [e.value for e in at.exception]
    assert "Brandbergen" in texts(at) and not HUDDINGE_WORDS.search(texts(at))


def test_the_meeting_pdf_and_pptx_name_haninge_and_no_huddinge_place(haninge):
    """A meeting of the Haninge pack with an Översikt, a focus area, Karta and a district: the
    pre-read's text (PDF and PPTX, without chart images) names Haninge, never Huddinge."""
    import io
    from datetime import date

    from pptx import Presentation
    from pypdf import PdfReader

    from lagesbild.domain import Actor, Role
    from lagesbild.export.meeting_pack import export_data
    from lagesbild.export.pdf import meeting_pdf
    from lagesbild.export.pptx import meeting_pptx
    from lagesbild.picture import load_live
    from lagesbild.store import meetings as mt
    from lagesbild.store.db import Store

    out, _missing = haninge
    who = Actor("Samordnare", Role.EDITOR)
    store = Store.open(f"sqlite:///{out / 'app.db'}")
    try:
        with store.transaction() as s:
            mid = mt.create_meeting(s, who, mt.MeetingInput("Samverkansmöte Haninge", date(2026, 12, 1), ()))
            for n, (slug, params) in enumerate([("oversikt", {}), ("fokusomraden", {"fokus": "gang"}),
                                                ("karta", {}), ("omraden", {"omrade": "01360113"})], start=1):
                mt.add_item(s, who, mid, n, mt.ItemInput(f"Punkt {n}", slug, params))
        with store.session() as s:
            m, ctx, pic = mt.get_meeting(s, mid), mt.context(s, mid), load_live(s)
    finally:
        store.engine.dispose()
    data = export_data(pic, m, ctx, {})
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(meeting_pdf(data))).pages)
    deck = Presentation(io.BytesIO(meeting_pptx(data)))
    pptx_text = "\n".join(sh.text_frame.text for sl in deck.slides for sh in sl.shapes if sh.has_text_frame)
    for text in (pdf_text, pptx_text):
        assert "Haninge" in text
        assert not HUDDINGE_WORDS.search(text), HUDDINGE_WORDS.search(text).group(0)
    assert deck.core_properties.author == "Lägesbild Haninge"
