"""The accessibility statement (tillgänglighetsredogörelse) from docs/, kept as one Swedish text."""
from __future__ import annotations

import streamlit as st

from lagesbild.config import PROJECT_ROOT, load_kommun
from lagesbild.registry.pages import page
from lagesbild.ui.state import lang

STATEMENT = PROJECT_ROOT / "docs" / "tillganglighetsredogorelse.md"


def render() -> None:
    lg = lang()
    st.title(page("tillganglighet").title(lg))
    if lg == "en":
        st.info("The accessibility statement is published in Swedish, the language of the "
                "Swedish accessibility act (DOS-lagen) and of its supervisory authority, DIGG.",
                icon=":material/translate:")
    text = load_kommun().optional_path("accessibility_statement", STATEMENT).read_text(encoding="utf-8")
    st.markdown(text.split("\n", 1)[1])  # the file's own H1 repeats the title
