"""Maps on screen: the folium component, clicks that open a profile, and the table/summary
that every map carries."""
from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from lagesbild.geo import foliummap as fm
from lagesbild.i18n import t
from lagesbild.registry.pages import page
from lagesbild.ui.state import lang

AREA_PARAM = "omrade"  # the Områden page's URL parameter
RETURNED = ["last_active_drawing", "last_object_clicked"]


def assets() -> fm.Assets:
    """Leaflet from the app's own static folder (works offline), behind any base path."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    prefix = f"/{base}" if base else ""
    return fm.offline_assets(f"{prefix}/app/static/vendor/leaflet")


def show(fmap, *, key: str, height: int = 620) -> str | None:
    """Draw the map; returns the code of a newly clicked area (once per click), else None."""
    out = st_folium(fmap, key=key, height=height, use_container_width=True, returned_objects=RETURNED) or {}
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


def table_and_summary(table: pd.DataFrame, summary: str, *, key: str) -> None:
    """The one-sentence summary, and the same figures as a table."""
    st.markdown(summary)
    with st.expander(t("table.show", lang()), icon=":material/table:"):
        st.dataframe(table, hide_index=True, key=f"{key}_table")


def profile_links(codes_names: list[tuple[str, str]], *, label: str) -> None:
    """Keyboard route to the profiles (the map itself needs a pointer)."""
    with st.expander(label, icon=":material/location_city:"):
        cols = st.columns(3)
        for i, (code, name) in enumerate(codes_names):
            cols[i % 3].page_link(page("omraden").path, label=name, query_params={AREA_PARAM: code})
