"""Every page runs inside app.py's frame (navigation, header, access check, footer).

Streamlit has an older multipage mode that runs files in `pages/` directly. It uses it for
the first run after a server start when a `pages/` folder exists (and AppTest for every run
after `switch_page`), so a deep link such as /karta would skip app.py: no header, no footer,
and in OIDC mode no login check. `ensure()` at the top of each page file notices that the
router did not run, switches the old mode off and reruns through app.py.
"""
from __future__ import annotations

import streamlit as st

_ROUTED = "_lagesbild_routed"


def run(nav) -> None:
    """app.py: run the chosen page, marked as routed."""
    st.session_state[_ROUTED] = True
    try:
        nav.run()
    finally:
        st.session_state.pop(_ROUTED, None)


def ensure(page_file: str) -> None:
    """Top of every page file: `router.ensure(__file__)`."""
    if st.session_state.get(_ROUTED):
        return
    from pathlib import Path

    from lagesbild.registry.pages import PAGES

    spec = next(p for p in PAGES if Path(p.path).resolve() == Path(page_file).resolve())
    # Calling st.navigation is the public way to turn the pages/ folder mode off. Registering
    # this page under its own url_path keeps its identity, so the rerun through app.py's
    # navigation opens the same page (with the same query parameters).
    st.navigation([st.Page(spec.path, url_path=spec.slug)], position="hidden")
    st.rerun()
