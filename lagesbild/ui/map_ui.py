"""Maps on screen: the folium component, clicks that open a profile, and the table/summary
that every map carries."""
from __future__ import annotations

import threading

import pandas as pd
import streamlit as st
import streamlit_folium

from lagesbild.geo import foliummap as fm
from lagesbild.i18n import t
from lagesbild.registry.pages import page
from lagesbild.ui.state import lang

AREA_PARAM = "omrade"  # the Områden page's URL parameter
RETURNED = ["last_active_drawing", "last_object_clicked"]
MAPS_KEPT = 24  # built maps kept per data version and page (about 1 MiB each): the views in use


def assets() -> fm.Assets:
    """Leaflet from the app's own static folder (works offline), behind any base path."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    prefix = f"/{base}" if base else ""
    return fm.offline_assets(f"{prefix}/app/static/vendor/leaflet")


# st_folium turns a folium map into its component's arguments (the map's script, header and
# html: rendering the Karta map takes about 0.2 s) and then draws the component. A map that is
# built once per data version (lagesbild.queries.indicators.memo) is turned into arguments once;
# every later run only draws. folium cannot render one map twice (the script grows), so the
# arguments are recorded from st_folium itself, by swapping its component for a recorder while
# it runs: one lock, and every map of the app is drawn here, so no other call sees the swap.
_RENDER = threading.Lock()
_ARGS = "_lagesbild_component_args"


def _component_args(fmap, key: str, height: int) -> dict:
    cached = getattr(fmap, _ARGS, None)
    if cached is None:
        with _RENDER:
            cached = getattr(fmap, _ARGS, None)
            if cached is None:
                recorded: dict = {}
                real = streamlit_folium._component_func
                streamlit_folium._component_func = lambda **kwargs: recorded.update(kwargs)
                try:
                    streamlit_folium.st_folium(fmap, key=key, height=height, use_container_width=True,
                                               returned_objects=RETURNED)
                finally:
                    streamlit_folium._component_func = real
                recorded.pop("on_change", None)
                cached = (key, height, recorded)
                setattr(fmap, _ARGS, cached)
    if cached[:2] != (key, height):
        raise ValueError(f"the map was drawn as {cached[:2]}, not {(key, height)}: build one map per place")
    return cached[2]


def show(fmap, *, key: str, height: int = 620) -> str | None:
    """Draw the map; returns the code of a newly clicked area (once per click), else None."""
    args = _component_args(fmap, key, height)

    def on_change() -> None:  # as st_folium does: the latest value also under the caller's key
        st.session_state[key] = st.session_state.get(args["key"], {})

    out = streamlit_folium._component_func(**args, on_change=on_change) or {}
    feature = out.get("last_active_drawing") or {}
    props = feature.get("properties") or {}
    code, kind = props.get("code"), props.get("kind")
    where = out.get("last_object_clicked")
    seen_key = f"_{key}_handled_click"
    if not code or kind == "uso" or where is None:
        return None
    stamp = (code, str(where))
    if st.session_state.get(seen_key) == stamp:
        return None  # the component repeats its last value on every rerun
    st.session_state[seen_key] = stamp
    return code


_PENDING = "_pending_area"


def open_profile(code: str) -> None:
    # The area goes in the URL and, as a fallback, in the session: the map component can
    # send one more value while the app switches page, and that rerun drops the URL parameter.
    st.session_state[_PENDING] = code
    st.switch_page(page("omraden").path, query_params={AREA_PARAM: code})


def take_pending_area() -> str | None:
    return st.session_state.pop(_PENDING, None)


def as_table(table: pd.DataFrame, *, key: str) -> None:
    """The map's figures as a table (its one-sentence summary goes above the map: answer first)."""
    with st.expander(t("table.show", lang()), icon=":material/table:"):
        st.dataframe(table, hide_index=True, key=f"{key}_table")


def profile_links(codes_names: list[tuple[str, str]], *, label: str) -> None:
    """Keyboard route to the profiles (the map itself needs a pointer)."""
    with st.expander(label, icon=":material/location_city:"):
        cols = st.columns(3)
        for i, (code, name) in enumerate(codes_names):
            cols[i % 3].page_link(page("omraden").path, label=name, query_params={AREA_PARAM: code})
