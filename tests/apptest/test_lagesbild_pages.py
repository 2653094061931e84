"""Översikt, Fokusområden and Om data och metod on the real seeded data (AppTest)."""
from __future__ import annotations

import json

from lagesbild.registry.indicators import indicators
from lagesbild.registry.sources import sources
from tests.apptest.helpers import open_page, texts


def _chart_titles(at) -> list[str]:
    out = []
    for ch in at.get("plotly_chart"):
        title = json.loads(ch.proto.spec)["layout"].get("title", {})
        out.append(title.get("text", "") if isinstance(title, dict) else str(title))
    return out


def test_fokusomraden_shows_real_bra_series_with_source_and_dates(fresh_app_db):
    at = open_page("fokusomraden", {"fokus": "trygghet"})
    assert not at.exception
    assert at.header[0].value == "Trygghet i offentlig miljö"
    assert "Anmälda brott totalt – Huddinge" in _chart_titles(at)
    assert "Anmälda brott totalt per kvartal – Huddinge" in _chart_titles(at)
    captions = [c.value for c in at.caption]
    assert "Källa: Brå · Typ: Anmälda brott · Data t.o.m. 2025-12-31" in captions
    assert "Källa: Brå · Typ: Anmälda brott · Data t.o.m. 2026-06-30 (preliminär)" in captions
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    spec = next(sp for sp in specs if sp["layout"]["title"]["text"] == "Anmälda brott totalt per kvartal – Huddinge")
    assert [t["name"] for t in spec["data"]] == ["slutlig", "preliminär"]
    assert spec["layout"]["separators"] == ",\u00a0"


def test_proxy_and_level_are_said_next_to_the_figure(fresh_app_db):
    at = open_page("fokusomraden", {"fokus": "andts"})
    warnings = [w.value for w in at.warning]
    assert any("narkotika och vapen är en sammanslagen kategori" in w for w in warnings)
    assert "**Nivå:** hela kommunen" in texts(at)
    at = open_page("fokusomraden", {"fokus": "vinr"})
    assert any("inte bara våld i nära relationer" in w.value for w in at.warning)


def test_indicators_without_data_say_how_to_import(fresh_app_db):
    at = open_page("fokusomraden", {"fokus": "trygghet"})
    text = texts(at)
    for iid in ("partner_skadegorelse_arenden", "partner_anlagda_brander", "partner_trygghetsvandringar"):
        assert indicators()[iid].name_sv in text
    assert "Uppgift saknas – importera med mallen för lokala indikatorer på sidan Administration." in text
    assert any("Administration" in p.label for p in at.get("page_link"))  # the test runs as an editor


def test_survey_figures_show_their_quote_and_address(fresh_app_db):
    at = open_page("fokusomraden", {"fokus": "trygghet"})
    quotes = [m.value for m in at.markdown if m.value.startswith("> ")]
    assert any("71 procent till 77 procent" in q and "polisen.se" in q for q in quotes)


def test_old_data_is_folded_with_one_freshness_note(fresh_app_db):
    """Stale series go behind one expander with one note, not a warning on every chart."""
    at = open_page("fokusomraden", {"fokus": "trygghet"})
    older = [e for e in at.expander if e.label.startswith("Äldre serier (")]
    assert len(older) == 1 and int(older[0].label.split("(")[1].rstrip(")")) >= 3
    assert sum(w.value.startswith("Uppgifterna nedan är äldre") for w in at.warning) == 1
    assert not any(w.value.startswith("Uppgifterna kan vara inaktuella") for w in at.warning)
    assert any("Senaste värde (2010)" in m.label for m in at.metric)  # the period is still said at the figure


def test_unknown_focus_area_in_the_address_is_said(fresh_app_db):
    at = open_page("fokusomraden", {"fokus": "okand"})
    assert not at.exception
    assert any("Okänt fokusområde" in w.value for w in at.warning)
    assert at.header[0].value == "Gängkriminalitet"


def test_no_activities_yet_is_said_never_invented(fresh_app_db):
    at = open_page("fokusomraden", {"fokus": "gang"})
    assert "Inga registrerade aktiviteter ännu – lägg till eller importera med mallen" in texts(at)


def test_oversikt_headlines_reform_summary_and_data_tom_per_block(fresh_app_db):
    at = open_page("oversikt")
    assert not at.exception
    deltas = [m.delta for m in at.metric if m.delta]
    assert deltas and all("mot 2024" in d for d in deltas)
    assert "**17 av 17** Ej bedömd" in texts(at)
    captions = [c.value for c in at.caption]
    assert sum("Data t.o.m." in c for c in captions) >= len(at.metric) + 2  # each metric, reforms, activities
    assert "Kartan över de prioriterade områdena finns på sidan Karta." in texts(at) or at.get("component_instance")


def test_om_lists_every_source_with_its_licence_and_every_indicator(fresh_app_db):
    at = open_page("om")
    assert not at.exception
    labels = [e.label for e in at.expander]
    text = texts(at)
    for src in sources().values():
        assert f"{src.name} – {src.short_publisher}" in labels
        assert src.licence.replace(":", "\\:") in text or src.licence in text
    assert "Teknisk källinformation" in labels  # repository, commit and file one click away
    assert "GitHub" not in " ".join(labels)
    table = at.dataframe[0].value
    assert "Id" not in table.columns
    assert set(table["Indikator"]) == {i.name("sv") for i in indicators().values()}
    assert "Skydd av små tal och enskilda" in text and "färre än 5" in text.replace("\u00a0", " ")


def _activities(url):
    from datetime import date

    from lagesbild.domain import SYSTEM_ACTOR, ActivityStatus
    from lagesbild.store.activities import ActivityInput, create_activity
    from lagesbild.store.db import Store

    store = Store.open(url)
    with store.transaction() as s:
        create_activity(s, SYSTEM_ACTOR, ActivityInput("Föräldravandring Skogås", "polisen_syd", "gang", ActivityStatus.PAGAENDE,
                                                       district_code="prio-skogas", start_date=date(2026, 1, 10)))
        create_activity(s, SYSTEM_ACTOR, ActivityInput("Sommarjobb för unga", "huddinge_kommun", "gang", ActivityStatus.GENOMFORD,
                                                       start_date=date(2025, 6, 1), end_date=date(2025, 8, 31),
                                                       follow_up="120 ungdomar fick sommarjobb."))
    store.engine.dispose()


def test_activity_list_filters_and_form(fresh_app_db):
    _activities(fresh_app_db)
    at = open_page("fokusomraden", {"fokus": "gang"})
    assert "**2 av 2 aktiviteter visas**" in texts(at)
    at.multiselect(key="akt_status").set_value(["genomford"]).run()
    assert "**1 av 2 aktiviteter visas**" in texts(at)
    shown = at.dataframe[-1].value if at.dataframe else None
    assert shown is not None and shown["Aktivitet"].tolist() == ["Sommarjobb för unga"]
    at.text_input(key="akt_sok").set_value("skogås").run()
    assert "**0 av 2 aktiviteter visas**" in texts(at)


def test_activity_form_adds_one(fresh_app_db):
    at = open_page("fokusomraden", {"fokus": "andts"})
    form_inputs = [ti for ti in at.text_input if ti.label == "Titel"]
    form_inputs[0].set_value("Tillsyn av tobaksförsäljning")
    next(b for b in at.button if b.label == "Spara").click().run()
    assert not at.exception
    assert "Aktiviteten är sparad." in [s.value for s in at.success]
    assert "**1 av 1 aktiviteter visas**" in texts(at)


def test_oversikt_recent_activities_with_data_tom(fresh_app_db):
    _activities(fresh_app_db)
    at = open_page("oversikt")
    table = at.dataframe[-1].value
    assert set(table["Aktivitet"]) == {"Föräldravandring Skogås", "Sommarjobb för unga"}
    assert any(c.value.startswith("Källa: partnerrapport · Typ: Partnerrapport · Data t.o.m. 20") for c in at.caption)
