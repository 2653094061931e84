"""The frame around every page: header with the as-of date, demo banner, footer."""
from __future__ import annotations

import json
from datetime import date

import streamlit as st

from lagesbild import fmt
from lagesbild.config import load_kommun
from lagesbild.i18n import t
from lagesbild.ui.state import demo_on, lang


def demo_banner() -> None:
    if demo_on():
        st.warning(t("demo.banner", lang()), icon=":material/science:")


def page_language(lg: str) -> None:
    """Streamlit's page says <html lang="en"> whatever it shows; screen readers then read
    Swedish with English rules (WCAG 3.1.1). A fixed script sets the shown language and keeps
    it if the frontend resets the attribute; it sits in the sidebar, where its empty box takes
    no visible room."""
    st.sidebar.html(_LANG_JS.replace("LANG", json.dumps(lg)), unsafe_allow_javascript=True)


_LANG_JS = """<script>(function (lang) {
  var root = document.documentElement;
  window.lagesbildLang = lang;
  root.lang = lang;
  if (!window.lagesbildLangKeeper) {
    window.lagesbildLangKeeper = new MutationObserver(function () {
      if (root.lang !== window.lagesbildLang) { root.lang = window.lagesbildLang; }
    });
    window.lagesbildLangKeeper.observe(root, {attributes: true, attributeFilter: ["lang"]});
  }
})(LANG);</script>"""


# Streamlit's main column starts 6rem down; at 1366×768 that pushed the first figure below the
# fold. A style-only st.html takes no room on the page.
_COMPACT = "<style>[data-testid='stMainBlockContainer']{padding-top:2rem}</style>"


def header(as_of: date | None) -> None:
    """`as_of`: the newest date the data reaches (lagesbild.store.meta.newest_data), stated
    once here; a frozen meeting's banner states its freeze date instead."""
    from lagesbild.ui.meeting_state import banner

    lg = lang()
    page_language(lg)
    st.html(_COMPACT)
    if not banner():  # an open meeting shows its own as-of date (frozen) instead
        when = f" · {t('header.as_of', lg)} {fmt.iso(as_of)}" if as_of else ""
        st.caption(f"**{t('app.title', lg, kommun=load_kommun().name)}**{when}")
    demo_banner()


def placeholder(lines_sv: list[str], lines_en: list[str]) -> None:
    """An honest empty page: says what will be here, shows no made-up figure."""
    lg = lang()
    st.info(t("placeholder.planned", lg) + ":\n\n" + "\n".join(f"- {x}" for x in (lines_en if lg == "en" else lines_sv)))


# Streamlit's own menu is switched off (.streamlit/config.toml, client.showSidebarNavigation):
# on a fresh server it listed the files in pages/ by name (app, data, fokusomraden, …) until
# app.py had run once. This menu is drawn from the page registry by app.py, in every run.
_MENU_CSS = """<style>
.st-key-lb_menu [data-testid="stPageLink"] a { padding-top: 0.1rem; padding-bottom: 0.1rem; }
.st-key-lb_menu .lb-menu-section { margin: 0.6rem 0 0.1rem 0; font-size: 0.875rem; font-weight: 600; }
</style>"""


def menu(where, pages: dict[str, list]) -> None:
    """The sidebar menu: one heading per section, one link per page (the current one marked)."""
    import html

    with where.container(key="lb_menu"):
        st.html(_MENU_CSS)
        for section, items in pages.items():
            items = [p for p in items if getattr(p, "visibility", "visible") != "hidden"]
            if not items:
                continue
            st.html(f'<p class="lb-menu-section">{html.escape(section)}</p>')
            for p in items:
                st.page_link(p, label=p.title, icon=p.icon)
        st.divider()
