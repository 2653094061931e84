"""Source, type and "data t.o.m." next to every figure; the page footer lists them all."""
from __future__ import annotations

from datetime import date

import streamlit as st

from lagesbild import fmt
from lagesbild.i18n import t
from lagesbild.registry.sources import source
from lagesbild.ui.state import lang

_USED = "_sources_used"


def reset() -> None:
    st.session_state[_USED] = []


def source_line(source_ids: list[str] | str, data_tom: date | str | None, *, note: str = "") -> str:
    """"Källa: Brå · Typ: Anmälda brott · Data t.o.m. 2025-12-31" (used in captions and exports)."""
    ids = [source_ids] if isinstance(source_ids, str) else list(source_ids)
    lg = lang()
    srcs = [source(i) for i in ids]
    attributions = " · ".join(dict.fromkeys(s.attribution for s in srcs))
    types = ", ".join(dict.fromkeys((s.data_type.label_en if lg == "en" else s.data_type.label_sv) for s in srcs))
    tom = fmt.iso(data_tom) if isinstance(data_tom, date) else (data_tom or t("common.missing", lg))
    text = f"{attributions} · {t('common.type', lg)}: {types} · {t('common.data_tom', lg)} {tom}"
    return f"{text} · {note}" if note else text


def caption(source_ids: list[str] | str, data_tom: date | str | None, *, note: str = "") -> None:
    ids = [source_ids] if isinstance(source_ids, str) else list(source_ids)
    used = st.session_state.setdefault(_USED, [])
    used.extend(i for i in ids if i not in used)
    st.caption(source_line(ids, data_tom, note=note))


def footer() -> None:
    used = st.session_state.get(_USED, [])
    lg = lang()
    st.divider()
    if used:
        items = "; ".join(f"{source(i).name} ({source(i).attribution.removeprefix('Källa: ')}, {source(i).licence})" for i in used)
        st.caption(f"**{t('footer.sources', lg)}:** {items}. {t('footer.more', lg)}")
    else:
        st.caption(t("footer.more", lg))
