"""Source, type and "data t.o.m." next to every figure; the page footer lists them all."""
from __future__ import annotations

from datetime import date

import streamlit as st

from lagesbild.i18n import t
from lagesbild.registry.sources import known, source
from lagesbild.ui.state import lang
from lagesbild import provenance as source_text

_USED = "_sources_used"


def reset() -> None:
    st.session_state[_USED] = []


def source_line(source_ids: list[str] | str, data_tom: date | str | None, *, note: str = "") -> str:
    """"Källa: Brå · Typ: Anmälda brott · Data t.o.m. 2025-12-31" in the shown language."""
    return source_text.source_line(source_ids, data_tom, lang=lang(), note=note)


def caption(source_ids: list[str] | str, data_tom: date | str | None, *, note: str = "") -> None:
    ids = [i for i in ([source_ids] if isinstance(source_ids, str) else source_ids) if known(i)]
    used = st.session_state.setdefault(_USED, [])
    used.extend(i for i in ids if i not in used)
    st.caption(source_line(ids, data_tom, note=note))


def footer() -> None:
    used = st.session_state.get(_USED, [])
    lg = lang()
    with st.container(key="lb_footer"):  # hidden on slides (presentation_ui)
        st.divider()
        if used:
            items = "; ".join(f"{source(i).name} ({source(i).short_publisher}, {source(i).licence})" for i in used)
            st.caption(f"**{t('footer.sources', lg)}:** {items}. {t('footer.more', lg)}")
        else:
            st.caption(t("footer.more", lg))
