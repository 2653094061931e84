"""The frame around every page: header with the as-of date, demo banner, footer."""
from __future__ import annotations

import json
from datetime import date

import streamlit as st

from lagesbild import fmt
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
        st.caption(f"**{t('app.title', lg)}**{when}")
    demo_banner()


def placeholder(lines_sv: list[str], lines_en: list[str]) -> None:
    """An honest empty page: says what will be here, shows no made-up figure."""
    lg = lang()
    st.info(t("placeholder.planned", lg) + ":\n\n" + "\n".join(f"- {x}" for x in (lines_en if lg == "en" else lines_sv)))
