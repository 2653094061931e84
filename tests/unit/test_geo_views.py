"""Map values, police events per area, the Karta view and area profiles, from a Picture built
in the test (observations inserted here, not read from the raw files)."""
from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd
import pytest

from lagesbild.geo import events, karta, measures, profile
from lagesbild.geo import foliummap as fm
from lagesbild.geo.areas import as_areas, catalogue
from lagesbild.picture import TABLES, Picture

POP = {"0126R001": 6695.0, "0126R002": 6678.0, "0126R003": 1409.0, "0126R012": 7304.0, "0126R014": 5000.0}


def empty_tables() -> dict[str, pd.DataFrame]:
    return {n: pd.DataFrame(columns=[c.name for c in m.__table__.columns]) for n, m in TABLES.items()}


def obs_rows(indicator, values: dict[str, float], period="2025", status="ok"):
    return [{"indicator_id": indicator, "area_code": a, "period": period, "period_end": date(int(period[:4]), 12, 31),
             "value": v, "status": status, "gender": "T"} for a, v in values.items()]


def make_picture(obs=(), events_rows=(), **tables) -> Picture:
    t = empty_tables()
    t["observations"] = pd.DataFrame(list(obs), columns=t["observations"].columns)
    if events_rows:
        t["police_events"] = pd.DataFrame(list(events_rows), columns=t["police_events"].columns)
    for name, rows in tables.items():
        t[name] = pd.DataFrame(rows, columns=t[name].columns)
    return Picture(tables=t, as_of=date(2026, 1, 1))


def event(i, place, when="2025-05-01 10:00:00", kind="Brand"):
    return {"id": i, "occurred_at": datetime.fromisoformat(when), "type": kind, "name": "x", "summary": "x",
            "url": "/", "location_name": "K", "kommun": "K", "district": place}


@pytest.fixture
def pic():
    return make_picture(obs_rows("scb_befolkning", POP) + obs_rows("kolada_N01951", {"0126": 114686.0}))


def areas_for(*codes):
    return as_areas(catalogue().loc[list(codes)])


# --- population and density ---------------------------------------------------------------


def test_density_is_population_over_area(pic):
    mv = measures.values(pic, measures.DENSITY, areas_for("0126R001"))
    row = mv.table.iloc[0]
    assert row["population"] == 6695
    assert row["value"] == pytest.approx(6695 / catalogue().loc["0126R001", "area_km2"])
    assert mv.period == "2025" and mv.data_tom == date(2025, 12, 31)


def test_a_priority_area_sums_its_districts_and_a_missing_part_makes_it_unknown(pic):
    mv = measures.values(pic, measures.POP, areas_for("prio-flemingsberg", "prio-varby"))
    by = mv.table.set_index("code")
    assert by.loc["prio-flemingsberg", "value"] == 6695 + 6678 + 1409
    assert math.isnan(by.loc["prio-varby", "value"])  # no Vårby RegSO in this picture: no partial sum


def test_valdistrikt_have_no_population(pic):
    mv = measures.values(pic, measures.POP, areas_for("01260130"))
    assert math.isnan(mv.table["value"].iloc[0])


# --- counts as rates, with small counts hidden ----------------------------------------------


def test_police_notices_are_counts_never_per_inhabitant_and_small_counts_are_hidden(pic):
    counts = {"0126R001": 30.0, "0126R002": 3.0, "0126R003": 0.0}
    mv = measures.values(pic, measures.NOTICES, areas_for("0126R001", "0126R002", "0126R003", "prio-flemingsberg"),
                         "2025", event_counts=counts, n=5)
    by = mv.table.set_index("code")
    assert by.loc["0126R001", "value"] == 30  # a count: notices are not crime statistics
    assert measures.NOTICES.unit_sv == "notiser" and "per" not in measures.NOTICES.name_sv
    assert by.loc["0126R002", "suppressed"] and math.isnan(by.loc["0126R002", "value"])
    assert not by.loc["0126R003", "suppressed"] and by.loc["0126R003", "value"] == 0  # zero is shown
    # The sum would give the hidden 3 back (33 - 30 - 0), so the priority area is hidden too.
    assert by.loc["prio-flemingsberg", "suppressed"]


def test_an_observation_backed_count_indicator_is_mapped_as_a_rate(pic):
    rows = obs_rows("partner_anlagda_brander", {"0126R001": 12.0, "0126R002": 2.0}, period="2025K1")
    p = make_picture(list(pic.table("observations").to_dict("records")) + rows)
    m = measures.indicator_measure("partner_anlagda_brander")
    assert m in measures.available(p, {"0126R001", "0126R002"})
    assert "per 1 000" in m.name_sv
    mv = measures.values(p, m, areas_for("0126R001", "0126R002"), "2025K1", n=5)
    by = mv.table.set_index("code")
    assert by.loc["0126R001", "value"] == pytest.approx(12 / 6695 * 1000)
    assert by.loc["0126R002", "suppressed"]
    assert measures.periods(p, m) == ["2025K1"]


# --- police events by the place their text names ---------------------------------------------


def test_events_count_where_the_place_lies_wholly_inside():
    p = make_picture(events_rows=[event(1, "Flemingsberg"), event(2, "Kästa"), event(3, "Segeltorp"),
                                  event(4, None), event(5, "Kästa", "2024-03-01 09:00:00")])
    got = events.counts_by_area(p, "2025", ["prio-flemingsberg", "0126R003", "0126R011", "0126R001"])
    assert got["prio-flemingsberg"] == 2  # "Flemingsberg" and "Kästa" both lie in it
    assert math.isnan(got["0126R003"])  # "Flemingsberg" straddles Kästa's border: cannot split
    assert got["0126R011"] == 1
    assert math.isnan(got["0126R001"])
    assert events.data_tom(p, "2025") == date(2025, 5, 1)


def test_events_of_an_area_are_aggregated_never_listed():
    p = make_picture(events_rows=[event(i, "Skogås", kind="Brand" if i % 2 else "Stöld") for i in range(12)])
    table = events.protected(p)
    assert table.total("prio-skogas") == 12 and table.count("prio-skogas", "2025") == 12
    assert table.types["prio-skogas"] == ("Brand", "Stöld")
    assert table.value(("typ", "prio-skogas", "Brand")) == 6


# --- the Karta view ------------------------------------------------------------------------


def test_karta_view_table_summary_and_map(pic):
    view = karta.build(pic, measures.DENSITY, None, "sv", fm.offline_assets())
    assert len(view.table) == 22 + 4
    # This picture has only five RegSO: no "highest" while 17 are unknown.
    assert view.summary == "Befolkningstäthet 2025: 5 av 22 områden visas; 17 saknar uppgift."
    col = "Befolkningstäthet (inv./km²)"
    shown = view.table.set_index("Kod")[col]
    assert shown["0126R006"] == "Uppgift saknas"
    import re

    html = re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), view.fmap.get_root().render())
    assert "Uppgift saknas" in html  # legend entry for the grey districts
    assert "L.control.layers" in html and "Klicka för områdesprofil" in html


def test_summary_counts_hidden_and_missing():
    mv = measures.MapValues(measures.POP, "2025", None, pd.DataFrame({
        "code": ["a", "b", "c", "d"], "name": ["A", "B", "C", "D"], "kind": ["distrikt"] * 4,
        "value": [10.0, 20.0, math.nan, math.nan], "suppressed": [False, False, True, False],
        "population": [math.nan] * 4, "count": [math.nan] * 4, "area_km2": [1.0] * 4}))
    text = karta.summary(mv, measures.POP, "sv")
    # No "highest" while a hidden or unknown district could be higher.
    assert text == "Folkmängd 2025: 2 av 4 områden visas; 1 visas inte (för få), 1 saknar uppgift."
    assert karta.summary(mv, measures.POP, "en").startswith("Population 2025: 2 of 4 districts shown")
    full = measures.MapValues(measures.POP, "2025", None, mv.table.assign(value=[10.0, 20.0, 30.0, 40.0], suppressed=False))
    assert karta.summary(full, measures.POP, "sv").startswith("Högst folkmängd har D (40 invånare), lägst A")


def test_summary_never_ranks_police_notices():
    mv = measures.MapValues(measures.NOTICES, "2026", None, pd.DataFrame({
        "code": ["a", "b"], "name": ["A", "B"], "kind": ["distrikt"] * 2, "value": [1.0, 2.0], "suppressed": [False] * 2,
        "population": [1000.0] * 2, "count": [5.0, 10.0], "area_km2": [1.0] * 2}), partial=True)
    text = karta.summary(mv, measures.NOTICES, "sv")
    assert "Högst" not in text and "B" not in text.split(":")[1]
    assert "2026 (delår)" in text


# --- profiles ------------------------------------------------------------------------------


def test_profile_of_a_priority_area(pic):
    extra = obs_rows("bra_total_per100k", {"0126": 11838.0})
    p = make_picture(list(pic.table("observations").to_dict("records")) + extra,
                     activities=[{"id": 1, "title": "Trygghetsvandring", "partner_id": "polisen", "focus_area_id": "trygghet",
                                  "district_code": "0126R002", "status": "planerad", "version": 0, "updated_by": "x",
                                  "description": "", "follow_up": ""}])
    prof = profile.build(p, "prio-flemingsberg")
    assert prof.population.value == 6695 + 6678 + 1409
    assert prof.priority.status == "förslag"
    assert list(prof.parts_table["Kod"]) == ["0126R001", "0126R002", "0126R003"]
    figures = prof.key_figures.set_index("Nyckeltal")
    assert figures.loc["Anmälda brott totalt per 100 000 invånare", "Området"] == "Uppgift saknas på områdesnivå"
    assert figures.loc["Anmälda brott totalt per 100 000 invånare", "Hela kommunen"] == "11\u00a0838"
    assert figures.loc["Folkmängd", "Hela kommunen"] == "114\u00a0686"
    assert prof.uso["uso_name"].tolist() == ["Grantorp / Visättra"]
    assert len(prof.activities) == 1  # linked to one of its districts
    assert prof.reforms.empty
    assert "3 områden" in prof.map_summary


def test_profile_of_a_district_names_its_priority_area(pic):
    prof = profile.build(pic, "0126R012")
    assert prof.in_priority == [("prio-huddinge-centrum", "Huddinge centrum")]
    assert prof.priority is None and prof.uso.empty
    assert prof.activities.empty


def test_profile_uses_a_kommundel_survey_figure_with_its_caveat(pic):
    rows = list(pic.table("observations").to_dict("records")) + obs_rows("enkat_trygg_kvall_omrade", {"kd-flemingsberg": 63.0, "0126": 70.0}, "2018")
    p = make_picture(rows, districts=[{"code": "kd-flemingsberg", "name": "Flemingsberg", "level": "kommundel",
                                       "parent_code": "0126", "is_priority": False}])
    fig = profile.build(p, "prio-flemingsberg").key_figures.set_index("Nyckeltal")
    row = fig.loc["Andel som känner sig trygga ute på kvällen i sitt område"]
    assert row["Området"] == "63\u00a0%" and row["Hela kommunen"] == "70\u00a0%" and row["Period"] == "2018"
    assert "enligt enkäten" in row["Kommentar"]


def test_profile_events_are_protected_tables():
    evs = [event(i, "Vårby", f"{2023 + i % 3}-06-01 12:00:00", kind="Brand" if i < 9 else "Rån") for i in range(12)]
    p = make_picture(events_rows=evs)
    prof = profile.build(p, "prio-varby")
    per_year = prof.events.iloc[0]
    # 2023: 4, 2024: 4, 2025: 4 → each is small → "..", and the total of 12 is shown.
    # 2023 starts in June and 2025 ends in June: both are marked as part years.
    assert [per_year[y] for y in ("2023 (delår)", "2024", "2025 (delår)")] == ["..", "..", ".."]
    assert per_year["Totalt"] == "12"
    types = prof.events_types.set_index("Typ av händelse")["Antal"]
    assert types["Rån"] == ".."  # 3
    # …and with the total shown, a second cell must go too, or 12 − 9 would give the 3 back.
    assert types["Totalt"] == ".." or types["Brand"] == ".."


def test_uso_history_follows_the_area():
    hist = profile.uso_history_for(["Grantorp / Visättra"])
    assert set(hist["year"]) >= {2021, 2023, 2025}
    assert all("Grantorp" in a for a in hist["area"])
    assert profile.uso_history_for([]).empty


def test_event_counts_layer_shows_protected_counts_per_area_never_points(pic):
    evs = [event(i, "Skogås") for i in range(7)] + [event(10 + i, "Länna") for i in range(2)] + \
          [event(20, "Segeltorp", "2026-01-05 08:00:00")]
    p = make_picture(list(pic.table("observations").to_dict("records")), events_rows=evs)
    import re

    html = re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)),
                  karta.build(p, measures.DENSITY, None, "sv", fm.offline_assets()).fmap.get_root().render())
    assert "Publicerade händelser 2025 (antal)" in html
    assert 'class=\\"lb-badge\\" title=\\"Skogås: 7 publicerade händelser 2025\\">7<' in html
    assert 'title=\\"Länna: .. publicerade händelser 2025\\">..<' in html  # 2 is too few to show
    assert 'title=\\"Segeltorp: 0 publicerade händelser 2025\\"' in html  # its event is in 2026, not complete
    assert "CircleMarker" not in html and "L.circleMarker" not in html


def test_the_map_opens_on_police_notices_when_there_are_any(pic):
    with_notices = make_picture(events_rows=[event(1, "Flemingsberg")])
    assert measures.default_measure(measures.available(with_notices, {"0126R001"})) == measures.NOTICES
    assert measures.default_measure(measures.available(make_picture(), {"0126R001"})) == measures.DENSITY


def test_the_unplaced_share_is_rounded_so_it_gives_no_exact_count():
    evs = [event(i, "Flemingsberg") for i in range(7)] + [event(100 + i, None) for i in range(13)]
    total, pct = events.unplaced_share(make_picture(events_rows=evs), "2025", n=5)
    assert total == 20
    assert pct % 25 == 0 and pct == 75  # 65 % unplaced, in steps of 25 (5 of 20 notices)
