"""Every page runs inside app.py's frame (navigation, header, access check, footer).

Streamlit has an older multipage mode that runs files in `pages/` directly. It uses it for
the first run after a server start when a `pages/` folder exists (and AppTest for every run
after `switch_page`), so a deep link such as /karta would skip app.py: no header, no footer,
and in OIDC mode no login check. `ensure()` at the top of each page file notices that the
router did not run and runs app.py in its place, in the same run (a rerun would lose the
click that started this run).
"""
from __future__ import annotations

import runpy

import streamlit as st

_ROUTED = "_lagesbild_routed"
# The start page's internal path. Streamlit serves the default page at "/" and answers its own
# path with an English "Page not found" box, so the start page's slug is an alias (`alias`).
HOME = "start"


def run(nav) -> None:
    """app.py: run the chosen page, marked as routed."""
    st.session_state[_ROUTED] = True
    try:
        nav.run()
    finally:
        st.session_state.pop(_ROUTED, None)


def ensure() -> None:
    """Top of every page file: `router.ensure()`."""
    if st.session_state.get(_ROUTED):
        return
    from lagesbild.config import PROJECT_ROOT

    # app.py's st.navigation also switches the old mode off for later runs; it then runs
    # this very page (same URL path) inside the frame. Stop so it is not drawn twice.
    runpy.run_path(str(PROJECT_ROOT / "app.py"), run_name="__main__")
    st.stop()


def alias(page, url_path: str):
    """A hidden page at `url_path` that opens `page` with the same query (e.g. /oversikt?lang=en
    opens the start page at /?lang=en)."""

    def open_page() -> None:
        st.switch_page(page, query_params={k: st.query_params.get_all(k) for k in st.query_params})

    return st.Page(open_page, title=page.title, url_path=url_path, visibility="hidden")
