"""A map built once per data version is turned into its component's arguments once
(lagesbild.ui.map_ui): the same arguments st_folium itself would send, and st_folium's own
component is back in place afterwards."""
from __future__ import annotations

import folium
import pytest
import streamlit_folium

from lagesbild.queries import indicators as iv
from lagesbild.ui import map_ui


def _map() -> folium.Map:
    m = folium.Map(location=[59.2, 17.98], zoom_start=11, tiles=None)
    folium.GeoJson({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "A"},
                    "geometry": {"type": "Point", "coordinates": [17.98, 59.2]}}]}).add_to(m)
    return m


def test_the_arguments_are_st_folium_s_and_made_once(monkeypatch):
    real = streamlit_folium._component_func
    renders = []
    st_folium = streamlit_folium.st_folium
    monkeypatch.setattr(streamlit_folium, "st_folium", lambda *a, **kw: renders.append(1) or st_folium(*a, **kw))
    m = _map()
    first = map_ui._component_args(m, "k", 420)
    again = map_ui._component_args(m, "k", 420)
    assert again is first and len(renders) == 1  # folium cannot render one map twice: it is not asked to
    assert streamlit_folium._component_func is real
    monkeypatch.undo()
    sent: list[dict] = []  # what st_folium itself sends for a fresh build of the same map
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kw: sent.append(kw))
    streamlit_folium.st_folium(_map(), key="k", height=420, use_container_width=True, returned_objects=map_ui.RETURNED)
    sent[0].pop("on_change")
    assert first == sent[0]  # the same arguments, so also the same component key from run to run


def test_a_map_is_drawn_in_one_place():
    m = _map()
    map_ui._component_args(m, "k", 420)
    with pytest.raises(ValueError):
        map_ui._component_args(m, "other", 420)


class _Pic:
    pass


def test_memo_keeps_at_most_the_newest_of_a_kind():
    pic, built = _Pic(), []
    for i in range(5):
        iv.memo(pic, ("map", i), lambda i=i: built.append(i) or i, most=2)
    iv.memo(pic, ("other", 0), lambda: "x")
    assert [k for k in iv._cache(pic) if k[0] == "map"] == [("map", 3), ("map", 4)]
    assert iv.memo(pic, ("map", 4), lambda: built.append("again")) == 4 and "again" not in built
    assert iv.memo(pic, ("map", 0), lambda: "rebuilt", most=2) == "rebuilt"
