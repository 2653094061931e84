"""A new list of utsatta områden imported by an admin (lagesbild.importers.uso_layer): the
areas in the kommun replace the map layer, the shares are added for the list's year while
earlier years stay, the history and the map name the new year, a frozen meeting keeps its
own, and a wrong file is refused with a Swedish message naming what is wrong."""
from __future__ import annotations

import json

import pytest
from shapely import affinity
from shapely.geometry import mapping, shape

from lagesbild import overrides
from lagesbild.config import PROJECT_ROOT
from lagesbild.domain import SYSTEM_ACTOR as A
from lagesbild.errors import ValidationError
from lagesbild.geo.layers import LAYERS, layer
from lagesbild.importers import uso_layer
from lagesbild.importers.base import apply
from lagesbild.importers.uso_history import uso_history
from lagesbild.picture import load_as_of, load_live
from lagesbild.store import definitions

RAW = PROJECT_ROOT / "data/raw/polisen_utsatta_omraden/uso_2025_huddinge.geojson"


def _national_2027() -> bytes:
    """The 2025 file as a "2027 list": Skogås becomes särskilt utsatt, and an area 60 km away
    (another kommun's, as in Polisen's national file) is added."""
    doc = json.loads(RAW.read_text(encoding="utf-8"))
    for f in doc["features"]:
        if f["properties"]["NAMN"] == "Skogås":
            f["properties"]["KATEGORI"] = "Särskilt utsatt område"
    far = json.loads(json.dumps(doc["features"][0]))
    far["geometry"] = mapping(affinity.translate(shape(far["geometry"]), xoff=60000))
    far.pop("id", None)
    far["properties"].update(NAMN="Annanstans", SPECIALOMRADES_ID=999, OBJECTID=999)
    doc["features"].append(far)
    return json.dumps(doc).encode()


def _shares(pic, period: str) -> dict:
    obs = pic.table("observations")
    rows = obs[(obs["indicator_id"] == "polisen_uso_andel_yta") & (obs["period"].astype(str) == period)]
    return dict(zip(rows["area_code"], rows["value"]))


def test_a_new_list_replaces_the_layer_and_adds_its_year(store):
    body = _national_2027()
    parsed = uso_layer.parse(body, "utsatta_omraden_2027.geojson")
    assert "3 utsatta områden i Huddinge på listan 2027" in parsed.warnings[0] and "Annanstans" not in parsed.warnings[0]
    with store.session() as s:
        before = load_live(s)
    recorded = definitions.current()
    result = apply(store, A, parsed, "utsatta_omraden_2027.geojson", body)
    assert result.added > 0
    assert sorted(layer("utsatta_omraden")["name"]) == ["Grantorp / Visättra", "Skogås", "Vårby"]
    assert LAYERS["utsatta_omraden"].label("sv") == "Utsatta områden 2027"
    assert "utsatta_omraden" in definitions.changed_since(recorded)
    with store.session() as s:
        after = load_live(s)
        frozen = load_as_of(s, before.version, before.as_of)
    assert _shares(after, "2027") and _shares(after, "2025") == _shares(before, "2025")  # earlier list kept
    assert not _shares(frozen, "2027")  # a meeting frozen before the import shows the list it had
    hist = uso_history()
    assert set(hist.loc[hist["year"] == 2027, "classification"]) == {"Utsatt område", "Särskilt utsatt område"}

    again = apply(store, A, uso_layer.parse(body, "utsatta_omraden_2027.geojson"), "utsatta_omraden_2027.geojson", body)
    assert (again.added, again.changed) == (0, 0)  # the same file again changes nothing


@pytest.mark.parametrize("filename, body, expected", [
    ("utsatta_omraden.geojson", None, "filnamnet anger inte listans år"),
    ("uso_2027.geojson", b"inte geojson", "kunde inte läsas som GeoJSON"),
    ("uso_2027.geojson", "no_kategori", "egenskapen ”KATEGORI” saknas"),
])
def test_a_wrong_file_is_refused_in_swedish(filename, body, expected):
    if body is None:
        body = RAW.read_bytes()
    elif body == "no_kategori":
        doc = json.loads(RAW.read_text(encoding="utf-8"))
        for f in doc["features"]:
            f["properties"].pop("KATEGORI")
        body = json.dumps(doc).encode()
    with pytest.raises(ValidationError) as err:
        uso_layer.parse(body, filename)
    assert expected in str(err.value)
    assert overrides.in_force() == {}
