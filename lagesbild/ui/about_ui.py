"""Om data och metod: every source and every indicator from the registries, the privacy
rules, the method notes and how the priority areas are delimited."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lagesbild.queries import indicators as iv
from lagesbild import privacy
from lagesbild.picture import Picture
from lagesbild.registry.indicators import UNITS, indicators
from lagesbild.registry.sources import sources
from lagesbild.ui import provenance, verdict_ui
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.focus_ui import level_label
from lagesbild.ui.state import lang, text as _t
from lagesbild.ui.session import picture


def render() -> None:
    pic = picture()
    st.title(_t("om.about_data_and_method"))
    st.markdown(_t("om.every_source_and_indicator"))
    verdict_ui.rule_section()
    sources_section(pic)
    indicators_section(pic)
    privacy_section()
    method_section()
    priority_section()


# --- sources ------------------------------------------------------------------------------


def source_vintages(pic: Picture) -> dict[str, str]:
    """Newest "data t.o.m." per source from the import log."""
    b = pic.table("import_batches")
    if b.empty:
        return {}
    b = b[b["vintage"].notna()]
    return b.groupby("source_id")["vintage"].max().astype(str).to_dict()


def _link(url: str) -> str:
    """A registry address as a link (the registry is ours, not user input)."""
    if not url.startswith(("http://", "https://")):
        return md_escape(url) or "–"
    return f"[{md_escape(url)}]({url.replace(')', '%29').replace(' ', '%20')})"


def sources_section(pic: Picture) -> None:
    st.header(_t("om.sources"))
    vint = source_vintages(pic)
    for src in sources().values():
        with st.expander(f"{src.name} – {src.short_publisher}", icon=":material/source:"):
            dtype = src.data_type.label_en if lang() == "en" else src.data_type.label_sv
            lines = [
                f"**{_t('om.publisher')}:** {md_escape(src.publisher)}",
                f"**{_t('om.address')}:** {_link(src.url)}",
                f"**{_t('om.licence')}:** {md_escape(src.licence)}",
                f"**{_t('om.attribution')}:** {md_escape(src.attribution)}",
                f"**{_t('om.data_type')}:** {dtype}",
                f"**{_t('om.level')}:** {md_escape(src.level)}",
                f"**{_t('om.updated')}:** {_t('om.every_months', months=src.update_months)}",
                f"**{_t('om.data_up_to_latest')}:** {vint.get(src.id, _t('om.no_data'))}",
            ]
            if src.notes:
                lines.append(f"**{_t('om.notes')}:** {md_escape(src.notes)}")
            if src.break_from:
                lines.append(f"**{_t('om.break')}:** {md_escape(src.break_note_en if lang() == 'en' else src.break_note_sv)}")
            st.markdown("  \n".join(lines))
    st.caption(_t("om.sources_count", count=len(sources())))
    technical_sources()


def technical_sources(*, expanded: bool = False) -> None:
    """The technical provenance (repository, commit, file) of every source, one click away."""
    with st.expander(_t("om.technical_source_information"), icon=":material/code:", expanded=expanded):
        for src in sources().values():
            lines = [f"**{md_escape(src.name)}** ({md_escape(src.short_publisher)})",
                     f"{_t('om.obtained_via')}: {md_escape(src.via) or '–'}"]
            lines += [f"{_t('om.file')}: `{f}`" for f in src.files]
            st.markdown("  \n".join(lines))


# --- indicators ---------------------------------------------------------------------------


def indicator_table(pic: Picture, lg: str = "sv") -> pd.DataFrame:
    rows = []
    src = sources()
    for ind in indicators().values():
        tom = iv.data_tom(pic, ind.id)
        level = level_label(ind.level, lg)
        rows.append({
            _t("om.indicator"): ind.name(lg),
            _t("om.definition"): ind.definition_sv,
            _t("om.type"): ind.data_type.label_en if lg == "en" else ind.data_type.label_sv,
            _t("om.unit"): UNITS[ind.unit][1 if lg == "en" else 0],
            _t("om.level"): level,
            _t("om.source"): src[ind.source_id].name,
            _t("om.proxy_note"): ind.proxy or "–",
            _t("om.data_up_to"): tom.text(lg) if tom else _t("om.no_data"),
        })
    return pd.DataFrame(rows)


def indicators_section(pic: Picture) -> None:
    lg = lang()
    st.header(_t("om.indicators"))
    st.markdown(_t("om.every_indicator_the_situation"))
    st.dataframe(indicator_table(pic, lg), hide_index=True, key="om_indikatorer")


# --- privacy and method -------------------------------------------------------------------


def privacy_section() -> None:
    n = privacy.threshold()
    st.header(_t("om.protecting_small_numbers_and"))
    st.markdown(_t("om.small_counts_are_not", below=n - 1, n=n))
    st.caption(privacy.explanation(lang(), n))


def method_section() -> None:
    st.header(_t("om.how_to_read_the"))
    st.markdown(_t("om.reported_offences_are_not"))


def priority_section() -> None:
    st.header(_t("om.the_priority_areas"))
    try:
        from lagesbild.geo.delimitation import delimitation_table

        table = delimitation_table(lang())
    except Exception:  # geo data missing: fall back to the plain file
        table = _plain_priority_table()
    if table.empty:
        st.info(_t("om.no_priority_areas_are"))
        return
    st.markdown(_t("om.the_areas_are_made"))
    st.dataframe(table, hide_index=True, key="om_prioriterade")
    provenance.caption(["scb_regso"], "2025-12-31", note=_t("om.area_from_scb_s"))


def _plain_priority_table() -> pd.DataFrame:
    import tomllib

    from lagesbild.config import load_kommun

    try:
        with open(load_kommun().path("priority_areas"), "rb") as fh:
            raw = tomllib.load(fh)
    except (OSError, KeyError):
        return pd.DataFrame()
    return pd.DataFrame([{_t("om.area"): a.get("name"), "Status": a.get("status", ""),
                          _t('om.made_of'): ", ".join(a.get("codes", [])),
                          _t("om.how_it_is_delimited"): a.get("note", "")} for a in raw.get("area", [])])
