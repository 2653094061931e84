"""Polisen's events: both location formats, unpadded hours, place names, monthly counts."""
import json
from datetime import datetime

import pandas as pd
import pytest

from lagesbild.domain import SYSTEM_ACTOR
from lagesbild.events import NO_AREA_SV, monthly_counts
from lagesbild.importers import base, polisen
from lagesbild.importers.places import district_from_text, place, places_in_text
from tests.unit.importers.helpers import RAW, fixture, raw, refused, state

SAMPLE = "polisen/polisen_events_huddinge_sample.json"


def test_both_location_formats_and_county_notices():
    parsed = polisen.parse(fixture(SAMPLE), "e.json")
    recs = parsed.records.set_index("id")
    assert len(recs) == 7
    assert recs.loc[384662, "kommun"] == "Huddinge" and recs.loc[384662, "location_name"] == "Huddinge"
    assert recs.loc[649459, "kommun"] == "Huddinge" and recs.loc[649459, "location_name"] == "Stockholms län"
    # a county-wide notice that names Huddinge in its text is kept, filed under the county
    assert recs.loc[447978, "kommun"] == "Stockholms län"
    assert parsed.target == "police_event" and parsed.vintage == "2026-08-14"


def test_unpadded_hour():
    assert polisen.parse_datetime("2026-08-22 9:13:04 +02:00") == datetime(2026, 8, 22, 9, 13, 4)
    assert polisen.parse_datetime("2022-11-18 16:14:07 +01:00") == datetime(2022, 11, 18, 16, 14, 7)
    recs = polisen.parse(fixture(SAMPLE), "e.json").records.set_index("id")
    assert recs.loc[387495, "occurred_at"] == datetime(2022, 12, 3, 1, 6, 51)


def test_other_kommun_filtered_by_config_not_hard_coded(monkeypatch):
    events = json.loads(fixture(SAMPLE))
    events[0]["location"]["name"] = "Botkyrka"
    events[3]["name"] = events[3]["name"].replace("Huddinge", "Botkyrka")
    parsed = polisen.parse(json.dumps(events).encode(), "e.json")
    assert len(parsed.records) == 5 and any("andra kommuner" in w for w in parsed.warnings)
    # another installation's kommun: the same file gives that kommun's events
    from lagesbild.config import KommunConfig
    monkeypatch.setattr(polisen, "load_kommun", lambda: KommunConfig("0127", "Botkyrka", {}))
    assert sorted(polisen.parse(json.dumps(events).encode(), "e.json").records["id"]) == sorted([events[0]["id"], events[3]["id"]])


def test_district_from_place_names():
    recs = polisen.parse(fixture(SAMPLE), "e.json").records.set_index("id")
    assert recs.loc[387495, "district"] == "Visättra"  # "i Visättra, Flemingsberg"
    assert recs.loc[649459, "district"] == "Segeltorp"


@pytest.mark.parametrize("text,expected", [
    ("Två män har blivit skjutna i Visättra, Flemingsberg.", "Visättra"),
    ("En man anträffas avliden i anslutning till en bostad i Skogås.", "Skogås"),
    ("Brand i Flemingsbergs centrum.", "Flemingsberg"),  # genitive
    ("Bråk vid Vårby gård.", "Vårby gård"),  # the longer name wins
    ("Olycka på Kungens kurvaleden.", None),  # a road named after a place is not the place
    ("Trafikolycka på Lännavägen.", None),
    ("Olycka mellan Skogås och Länna.", None),  # two unrelated places: no guess
    ("Inbrott i Huddinge.", None),  # the kommun itself is not a district
    ("Stöld i STUVSTA.", "Stuvsta"),
    ("", None),
])
def test_district_from_text(text, expected):
    assert district_from_text(text) == expected


def test_places_resolve_to_areas_without_guessing():
    assert place("Visättra").prio == "prio-flemingsberg" and place("Visättra").single_regso is None
    assert place("Segeltorp").single_regso == "0126R011" and place("Segeltorp").prio is None
    assert place("Vårby udde").prio == "prio-varby" and place("Vårby udde").single_regso == "0126R022"
    assert place("Stensättra").ambiguous and place("Stensättra").single_regso is None
    assert places_in_text("i Masmo och Vårby") == ["Masmo", "Vårby"]


def test_every_place_regso_exists_in_scb_file():
    scb = pd.read_csv(RAW / "scb_population/huddinge_regso2025_population_2025.csv", dtype=str)
    from lagesbild.importers.places import places
    codes = set(scb["regso_code"])
    for p in places().values():
        assert set(p.regso) <= codes, p.name
        assert p.within is None or p.within in places(), p.name


def test_monthly_counts_by_level():
    events = polisen.parse(raw("polisen_events/polisen_events_huddinge_2022-09_2026-08.json"), "e.json").records
    by_place = monthly_counts(events, level="place")
    assert by_place["events"].sum() == 357 and list(by_place.columns) == ["month", "type", "area", "events"]
    by_prio = monthly_counts(events, level="prio")
    assert set(by_prio["area"]) <= {"prio-flemingsberg", "prio-skogas", "prio-varby", "prio-huddinge-centrum", NO_AREA_SV}
    assert by_prio["events"].sum() == 357
    flem = by_prio[by_prio["area"] == "prio-flemingsberg"]["events"].sum()
    assert flem == sum(1 for d in events["district"] if isinstance(d, str) and place(d).prio == "prio-flemingsberg")
    assert monthly_counts(events.iloc[:0]).empty
    assert monthly_counts(events, level="kommun")["area"].unique().tolist() == ["kommun"]


def test_reimport_idempotent(store):
    data = raw("polisen_events/polisen_events_huddinge_2022-09_2026-08.json")
    result = base.apply(store, SYSTEM_ACTOR, polisen.parse(data, "e.json"), "e.json", data)
    assert (result.added, result.changed, result.unchanged) == (0, 0, 357)


@pytest.mark.parametrize("edit,expected", [
    (lambda ev: ev[1].update(datetime="2022-12-03T01:06:51"), "händelse 2 (id 387495): tiden"),
    (lambda ev: ev[2].pop("summary"), "händelse 3 (id 399889): fältet saknas; förväntat summary"),
    (lambda ev: ev[0].update(id="abc"), "id ”abc” stämmer inte"),
])
def test_broken_events_refused(store, edit, expected):
    events = json.loads(fixture(SAMPLE))
    edit(events)
    before = state(store)
    err = refused(polisen.parse, json.dumps(events).encode(), "e.json")
    assert expected in str(err)
    assert state(store) == before


def test_not_json_refused():
    assert "inte giltig JSON" in str(refused(polisen.parse, b"<html>", "e.json"))
