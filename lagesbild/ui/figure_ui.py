"""How a figure is put on screen, the same way everywhere: a chart comes with its one-sentence
summary, a "Visa som tabell" expander holding the same data, and the provenance caption
(source · type · data t.o.m.) right under it; a metric gets its caption right under it."""
from __future__ import annotations

import re
from datetime import date

import pandas as pd
import streamlit as st

from lagesbild import privacy
from lagesbild.charts.indicators import Chart
from lagesbild.i18n import t
from lagesbild.ui import provenance
from lagesbild.ui.state import lang

PLOTLY_CONFIG = {"displaylogo": False, "locale": "sv"}
_MD_INLINE = re.compile(r"([\\`*_\[\]<>~$|:])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+-])", re.MULTILINE)
_MD_NUMBERED = re.compile(r"^(\s*\d+)\.", re.MULTILINE)


def md_escape(text: str) -> str:
    """User text shown as text: no Markdown emphasis, links, icons (:material/…:), HTML,
    LaTeX or lists. Plain punctuation (. , ( )) stays as it is."""
    out = _MD_INLINE.sub(r"\\\1", str(text or ""))
    out = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), out)
    return _MD_NUMBERED.sub(lambda m: m.group(1) + "\\.", out)


def md_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy for st.table, which renders text cells as Markdown: every text cell escaped."""
    out = df.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]):  # object or pandas' str dtype
            out[col] = out[col].map(lambda v: md_escape(v) if isinstance(v, str) else v)
    return out


def chart(c: Chart, *, key: str, source_ids: list[str] | str, tom: date | str | None, note: str = "") -> None:
    st.markdown(md_escape(c.summary))
    st.plotly_chart(c.fig, key=key, config=PLOTLY_CONFIG)
    with st.expander(t("table.show", lang()), icon=":material/table:"):
        st.dataframe(c.table, hide_index=True, key=f"{key}_tabell")
    provenance.caption(source_ids, tom, note=note)
    if c.table.astype(str).eq(privacy.SUPPRESSED).any().any():
        st.caption(privacy.explanation(lang()))


def table(df: pd.DataFrame, *, key: str, source_ids: list[str] | str, tom: date | str | None, note: str = "") -> None:
    st.dataframe(df, hide_index=True, key=key)
    provenance.caption(source_ids, tom, note=note)
    if df.astype(str).eq(privacy.SUPPRESSED).any().any():
        st.caption(privacy.explanation(lang()))


def metric_delta(text: str | None) -> str | None:
    """Streamlit reads the arrow's direction from a leading "-": Swedish formatting writes a
    real minus sign (U+2212), so it is swapped for the ASCII one at the start."""
    if not text:
        return None
    return "-" + text[1:] if text.startswith("\u2212") else text


def delta_color(direction: str) -> str:
    """Red/green only where the registry says which way is better; "off" otherwise. The
    delta text always says the change in words and numbers too."""
    return {"lower_better": "inverse", "higher_better": "normal"}.get(direction, "off")


def metric(label: str, value: str, *, delta: str | None, direction: str, source_ids: list[str] | str,
           tom: date | str | None, note: str = "", help: str | None = None) -> None:
    st.metric(label, value, delta=metric_delta(delta), delta_color=delta_color(direction) if delta else "normal",
              help=help, border=True)
    provenance.caption(source_ids, tom, note=note)
