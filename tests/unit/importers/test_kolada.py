"""Kolada: v3 JSON (one page or several), the five-column CSV and the shipped CSV; online
fetch only with a fake opener."""
import io
import json
import urllib.error

import pytest

from lagesbild.domain import SYSTEM_ACTOR
from lagesbild.errors import LagesbildError
from lagesbild.importers import base, kolada, kolada_online
from tests.unit.importers.helpers import fixture, raw, refused, state

JSON1 = "kolada/kolada_v3_huddinge_2025.json"
PAGES = "kolada/kolada_v3_huddinge_2025_two_pages.json"
CSV5 = "kolada/kolada_five_columns_huddinge_2025.csv"
SHIPPED = "kolada/kolada_values_huddinge_0126_via_juvahem.csv"


def values(parsed):
    return {(r.indicator_id, r.period, r.gender): (r.value, r.status) for r in parsed.records.itertuples()}


def test_json_flattened_and_mapped_by_registry():
    parsed = kolada.parse(fixture(JSON1), "k.json")
    assert values(parsed) == {("kolada_N01951", "2025", "T"): (114686.0, "ok"),
                              ("kolada_N07540", "2025", "T"): (11838.07153, "ok")}
    assert parsed.vintage == "2025-12-31" and parsed.source_id == "kolada"


def test_json_list_of_pages_and_next_page_note():
    parsed = kolada.parse(fixture(PAGES), "k.json")
    assert len(parsed.records) == 2
    one_page = json.loads(fixture(PAGES))[0]
    parsed = kolada.parse(json.dumps(one_page).encode(), "k.json")
    assert len(parsed.records) == 1 and any("nästa sida" in w for w in parsed.warnings)


def test_null_value_is_saknas_not_zero():
    # The shape of Kolada's answer with a null (no real figure is claimed: value is null).
    doc = {"count": 1, "values": [{"kpi": "N07402", "municipality": "0126", "period": 2025,
                                   "values": [{"gender": "T", "value": None, "count": 0, "status": ""}]}]}
    (rec,) = kolada.parse(json.dumps(doc).encode(), "k.json").records.itertuples()
    assert rec.indicator_id == "kolada_N07402" and rec.status == "saknas" and rec.value != rec.value  # NaN


def test_five_column_csv_and_shipped_csv_agree():
    five = values(kolada.parse(fixture(CSV5), "k.csv"))
    shipped = values(kolada.parse(raw(SHIPPED), "k.csv"))
    assert five == shipped and len(five) == 5


def test_other_municipalities_skipped():
    text = fixture(CSV5).decode() + "N01951,0127,2025,T,1\n"
    parsed = kolada.parse(text.encode(), "k.csv")
    assert len(parsed.records) == 5 and any("andra kommuner" in w for w in parsed.warnings)


def test_unknown_kpi_tells_user_to_register_it(store):
    text = fixture(CSV5).decode() + "N99999,0126,2025,T,1\n"
    before = state(store)
    err = refused(kolada.parse, text.encode(), "k.csv")
    assert "rad 7, kolumn ”kpi”" in str(err) and "N99999" in str(err) and "data/registry/indicators.toml" in str(err)
    assert state(store) == before


def test_unknown_kpi_in_json_names_the_post():
    doc = json.loads(fixture(JSON1))
    doc["values"][1]["kpi"] = "N99999"
    err = refused(kolada.parse, json.dumps(doc).encode(), "k.json")
    assert "post 2" in str(err) and "N99999" in str(err)


@pytest.mark.parametrize("edit,expected", [
    (lambda t: t.replace(",T,114686.0", ",X,114686.0"), "kolumn ”gender”"),
    (lambda t: t.replace(",2025,T,114686.0", ",25,T,114686.0"), "kolumn ”period”"),
    (lambda t: t.replace("114686.0", "etthundra"), "kolumn ”value”"),
    (lambda t: t.replace("municipality", "kommunnamn"), "kolumnen ”municipality” saknas"),
])
def test_broken_csv_refused(edit, expected):
    err = refused(kolada.parse, edit(fixture(CSV5).decode()).encode(), "k.csv")
    assert expected in str(err)
    if expected.startswith("kolumn "):
        assert "rad 2, " + expected in str(err)


def test_broken_json_refused():
    assert "inte giltig JSON" in str(refused(kolada.parse, b'{"values": [', "k.json"))
    assert "values" in str(refused(kolada.parse, b'{"count": 0}', "k.json"))


def test_reimport_idempotent(store):
    data = raw(SHIPPED)
    result = base.apply(store, SYSTEM_ACTOR, kolada.parse(data, "k.csv"), "k.csv", data)
    assert (result.added, result.changed, result.unchanged) == (0, 0, 5)  # the seed imported it


# --- online fetch: never the network in tests ----------------------------------------------


class FakeResponse(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_online_fetch_follows_pages_and_parses_like_a_file():
    pages = json.loads(fixture(PAGES))
    asked = []

    def opener(request, timeout):
        asked.append((request.full_url, timeout))
        return FakeResponse(json.dumps(pages[len(asked) - 1]).encode())

    parsed, raw_bytes = kolada_online.fetch_registered([2025], opener=opener)
    assert len(asked) == 2 and asked[0][0].startswith("https://api.kolada.se/v3/data/kpi/") and "/municipality/0126/year/2025" in asked[0][0]
    assert asked[0][1] <= 10
    assert len(parsed.records) == 2 and raw_bytes


def test_online_fetch_without_connection_says_so_in_swedish():
    def offline(request, timeout):
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")

    with pytest.raises(kolada_online.NoConnection) as info:
        kolada_online.fetch_registered([2025], opener=offline)
    assert str(info.value).startswith("Ingen anslutning till Kolada") and "Inget har ändrats" in str(info.value)


def test_online_fetch_refuses_foreign_next_page():
    page = {"count": 1, "values": [], "next_page": "https://example.org/x"}
    with pytest.raises(LagesbildError, match="annan adress"):
        kolada_online.fetch_pages(kolada_online.API + "/data/kpi/N01951/municipality/0126/year/2025",
                                  opener=lambda r, timeout: FakeResponse(json.dumps(page).encode()))
