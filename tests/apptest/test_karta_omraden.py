"""Karta and Områden in AppTest (the folium component itself is only checked to be there)."""
from __future__ import annotations

from tests.apptest.helpers import open_page, texts


def dataframes(at):
    return [e.value for e in at.dataframe]


def test_karta_shows_the_map_a_summary_and_the_same_figures_as_a_table():
    at = open_page("karta")
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Karta"
    assert at.get("component_instance"), "the folium map is on the page"
    measure = at.selectbox(key="_url_matt")
    # The map opens on the safety layer: police notices in the newest complete year, as counts.
    assert measure.value == "handelser" and "Folkmängd" in measure.options
    assert at.selectbox(key="_url_period").value == "2025"
    shown = texts(at)
    assert "Publicerade polishändelser 2025" in shown and "Högst" not in shown
    assert "inte knytas till ett område" in shown  # the share of notices that name no area
    assert "Källa: Polisen" in shown
    at = open_page("karta", {"matt": "tathet"})
    shown = texts(at)
    assert "Högst befolkningstäthet har Sjödalen centrala-norra" in shown
    # Answer first: the summary in words comes before the map, the table after it.
    nodes = list(at.main)
    said = next(i for i, n in enumerate(nodes) if n.type == "markdown" and "Högst befolkningstäthet" in n.value)
    drawn = next(i for i, n in enumerate(nodes) if n.type == "component_instance")
    tabled = next(i for i, n in enumerate(nodes) if n.type == "dataframe")
    assert said < drawn < tabled
    assert "Källa: SCB" in shown and "Data t.o.m. 2025-12-31" in shown
    table = dataframes(at)[0]
    assert len(table) == 26  # 22 RegSO + 4 priority areas
    assert "prio-flemingsberg" not in set(table["Kod"])  # no internal id on a reader page
    flem = table.set_index("Område").loc["Flemingsberg"]
    assert flem["Folkmängd"] == "14\u00a0782"
    assert "Polismyndigheten" in shown  # utsatta områden credited


def test_karta_population_and_events_measures():
    at = open_page("karta", {"matt": "befolkning"})  # a shared link names the measure by id
    assert not at.exception
    assert "Högst folkmängd har" in texts(at)
    at.selectbox(key="_url_matt").set_value("handelser").run()
    assert not at.exception
    assert at.query_params.get("matt", "handelser") in ("handelser", ["handelser"])  # the default may stay out of the URL
    assert at.selectbox(key="_url_period").value == "2025"  # the newest complete year
    options = at.selectbox(key="_url_period").options
    assert "2026 (delår)" in options and "2022 (delår)" in options  # notices start in late 2022
    table = dataframes(at)[0].set_index("Kod")
    col = [c for c in table.columns if c.startswith("Publicerade")][0]
    assert set(table[col]) - {"Uppgift saknas", ".."}, "some areas have a count"
    assert "per 1 000" not in col
    assert "Högst" not in texts(at)  # published notices never rank areas


def test_karta_in_english():
    at = open_page("karta")
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.title[0].value == "Map"
    assert "Published police notices 2025" in texts(at)  # the map opens on the safety layer


def test_omraden_profile_of_a_priority_area_from_the_url():
    at = open_page("omraden", {"omrade": "prio-flemingsberg"})
    assert not at.exception, [e.value for e in at.exception]
    assert at.header[0].value == "Flemingsberg"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Folkmängd"] == "14\u00a0782"
    shown = texts(at)
    assert "förslag" in shown and "Grantorp / Visättra" in shown
    key = [t.value for t in at.table if "Nyckeltal" in t.value.columns][0]
    assert "Uppgift saknas på områdesnivå" in set(key["Området"])
    assert "Inga registrerade aktiviteter" in shown
    assert "Avtalet nämner inget område" in shown
    assert at.get("component_instance"), "the area map is on the page"
    nodes = list(at.main)  # the map's summary in words comes before the map
    said = next(i for i, n in enumerate(nodes) if n.type == "markdown" and "Flemingsberg består av" in n.value)
    assert said < next(i for i, n in enumerate(nodes) if n.type == "component_instance")


def test_omraden_profile_of_a_district_and_a_preliminary_area():
    at = open_page("omraden", {"omrade": "0126R012"})
    assert not at.exception
    assert at.header[0].value == "Sjödalen centrala-norra"
    links = [p.proto.label for p in at.get("page_link")]
    assert any("Huddinge centrum" in label for label in links)
    at = open_page("omraden", {"omrade": "prio-huddinge-centrum"})
    assert "preliminär avgränsning" in texts(at).lower()


def test_omraden_valdistrikt_says_notices_cannot_be_placed_there():
    at = open_page("omraden", {"omrade": "01260130"})
    assert not at.exception
    shown = texts(at)
    assert "kan inte knytas till valdistrikt" in shown
    assert "Inga publicerade händelser nämner en ort" not in shown


def test_omraden_without_or_with_an_unknown_area():
    at = open_page("omraden")
    assert not at.exception
    assert not at.header, "no profile until an area is chosen"
    assert len(at.get("page_link")) >= 4
    at = open_page("omraden", {"omrade": "<script>"})
    assert not at.exception
    assert at.warning and "Okänt område" in at.warning[0].value


def test_omraden_valdistrikt_says_population_is_missing():
    at = open_page("omraden", {"omrade": "01260130"})
    assert not at.exception
    assert "Folkmängd" not in {m.label for m in at.metric}  # plain text, not a metric cut to "Uppgift sak…"
    assert "Folkmängd  \n**Uppgift saknas**" in [m.value for m in at.markdown]
    assert "inte per valdistrikt" in texts(at)


def test_omraden_flemingsberg_shows_risk_and_protective_factors():
    at = open_page("omraden", {"omrade": "prio-flemingsberg"})
    assert not at.exception, [e.value for e in at.exception]
    subheaders = [s.value for s in at.subheader]
    assert "Risk- och skyddsfaktorer" in subheaders
    # near the top: right after the headline figures, before the delimitation and the map
    assert subheaders.index("Risk- och skyddsfaktorer") < subheaders.index("Så avgränsas området")
    table = [t.value for t in at.table if "Faktor" in t.value.columns][0].set_index("Faktor")
    assert table.loc["Andel med låg ekonomisk standard", "Området"] == "28,9\u00a0%"
    assert table.loc["Andel med låg ekonomisk standard", "Slag"] == "Riskfaktor"
    assert table.loc["Andel med utländsk bakgrund", "Slag"] == "Beskrivande (ingen bedömning)"
    shown = texts(at)
    assert "Källa: SCB, bearbetad" in shown
    assert "am-dashboard" not in shown  # the processing chain belongs to the technical provenance
    assert "typ 2" in shown and "2022 (enligt källan)" in shown
    assert "ersättningsmått för social sammanhållning" in shown
    assert "Källa: Valmyndigheten" in shown


def test_omraden_factors_in_english_and_for_a_valdistrikt():
    at = open_page("omraden", {"omrade": "0126R022"})
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Risk and protective factors" in [s.value for s in at.subheader]
    assert "Vårby Udde-Duvberget (1.02" in texts(at)  # the shared file's sliver, explained
    at = open_page("omraden", {"omrade": "01260130"})
    assert not at.exception
    shown = texts(at)
    assert "SCB:s statistik finns per DeSO och RegSO, inte per valdistrikt" in shown
    turnout = [t.value for t in at.table if "Valdistrikt" in t.value.columns][0]
    assert list(turnout["2022"]) == ["71,4\u00a0%", "80,8\u00a0%"]


def test_karta_shows_a_registered_area_factor_as_a_choropleth():
    at = open_page("karta", {"matt": "ind:scb_lag_ekonomisk_standard"})
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="_url_matt").value == "ind:scb_lag_ekonomisk_standard"
    table = dataframes(at)[0].set_index("Område")
    col = [c for c in table.columns if c.startswith("Andel med låg ekonomisk standard")][0]
    assert table.loc["Flemingsberg", col] == "28,9"
    assert "Källa: SCB, bearbetad" in texts(at)
    at.selectbox(key="_url_matt").set_value("ind:scb_omradestyp").run()
    assert not at.exception
    table = dataframes(at)[0]
    col = [c for c in table.columns if c.startswith("Socioekonomisk områdestyp")][0]
    assert table.set_index("Kod").loc["0126R001", col] == "2"
    assert table.set_index("Område").loc["Flemingsberg", col] == "Uppgift saknas"  # a class is not averaged
