"""The Data page (what is loaded per indicator, for everyone) and the data half of the
Administration page (import with preview, the import history, the partner template, the
technical table with ids). Parsing, preview and writing are in lagesbild.importers; this
module only lays them out. Readers never see an upload form, a file name or an id."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from lagesbild import fmt, privacy
from lagesbild.queries import indicators as iv
from lagesbild.queries import reference as rv
from lagesbild.errors import LagesbildError, PermissionDenied, ValidationError
from lagesbild.importers import base, kolada_online, partner, status
from lagesbild.importers.registry import IMPORTERS, importer
from lagesbild.picture import Picture
from lagesbild.ui import provenance
from lagesbild.ui.state import lang, store, text as _t
from lagesbild.ui.session import actor

PREVIEW_ROWS = 500
_RESULT = "data_import_result"
_ONLINE = "data_kolada_online"


# --- importing ---------------------------------------------------------------------------


def import_section(pic: Picture) -> None:
    st.header(_t("data.import_a_file"))
    _show_result()
    kinds = [spec.kind for spec in IMPORTERS]
    kind = st.selectbox(_t("data.what_do_you_want"), kinds,
                        format_func=lambda k: importer(k).label(lang()), key="data_kind")
    spec = importer(kind)
    st.caption(spec.help(lang()))
    upload = st.file_uploader(
        _t("data.choose_a_file") + f" ({', '.join('.' + s for s in spec.suffixes)}; max {base.MAX_BYTES // (1024 * 1024)} MB)",
        type=list(spec.suffixes), key=f"data_upload_{kind}",
    )
    if upload is None:
        return
    data = upload.getvalue()
    try:
        base.check_upload(upload.name, data, spec.suffixes)
        parsed = _parse(kind, data, upload.name, pic)
    except ValidationError as err:
        _show_issues(err)
        return
    _preview_and_apply(pic, parsed, upload.name, data, key=f"apply_{kind}_{base.sha256(data)[:12]}")


def _parse(kind: str, data: bytes, filename: str, pic: Picture) -> base.ParsedImport:
    if kind == "scb":
        from lagesbild.importers.scb import year_from_filename

        default = year_from_filename(filename) or date.today().year - 1
        year = st.number_input(_t("data.year_population_december"), 1990, 2100, default, key="data_scb_year")
        return importer(kind).parse(data, filename, year=int(year))
    if kind == "partner":
        districts = pic.table("districts")
        return partner.parse(data, filename, known_areas=set(districts["code"]), partners=pic.table("partners"),
                             area_levels=dict(zip(districts["code"], districts["level"])))
    return importer(kind).parse(data, filename)


def _show_issues(err: ValidationError) -> None:
    st.error(err.summary, icon=":material/error:")
    rows = [{"rad": i.row, "kolumn": i.column or "", "fel": i.message} for i in err.issues]
    st.dataframe(pd.DataFrame(rows, columns=["rad", "kolumn", "fel"]), hide_index=True, width="stretch")


def _preview_and_apply(pic: Picture, parsed: base.ParsedImport, filename: str, data: bytes, *, key: str) -> None:
    with store().session() as s:
        pv = base.preview(s, parsed)
    counts = base.summary(pv)
    st.subheader(_t("data.preview"))
    for note in parsed.warnings:
        st.info(note, icon=":material/info:")
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(_t("data.new_rows"), fmt.number(counts["ny"], lang=lang()))
    c2.metric(_t("data.changed"), fmt.number(counts["ändrad"], lang=lang()))
    c3.metric(_t("data.unchanged"), fmt.number(counts["oförändrad"], lang=lang()))
    c4.metric(_t("data.data_up_to"), parsed.vintage or _t("data.no_data"))
    provenance.caption(parsed.source_id, parsed.vintage, note=_t("data.file_filename", filename=filename))
    shown = _preview_table(pv, parsed.target, pic)
    st.dataframe(shown.head(PREVIEW_ROWS), hide_index=True, width="stretch")
    if parsed.target == "observation":
        st.caption(privacy.explanation(lang()))
    if len(shown) > PREVIEW_ROWS:
        st.caption(_t("data.showing_preview_rows_of", rows=PREVIEW_ROWS, total=len(shown)))
    who = actor()
    nothing = counts["ny"] + counts["ändrad"] == 0
    if nothing:
        st.caption(_t("data.the_file_changes_nothing"))
    if not who.can_write:
        st.info(_t("data.you_have_read_access"), icon=":material/lock:")
    if st.button(_t("data.import"), type="primary", disabled=not who.can_write, key=key):
        _apply(parsed, filename, data)


def _protected(pv: pd.DataFrame, value_col: str, status_col: str, pic: Picture) -> list[str]:
    """The preview's values as shown: small counts (and what would reveal them) as "..",
    by the same rule as every other table (lagesbild.privacy)."""
    df = pv[privacy.KEY].copy()
    df["value"] = pd.to_numeric(pv[value_col], errors="coerce")
    df["status"] = pv[status_col].fillna("ok") if status_col in pv else "ok"
    prot = privacy.protect(df, districts=pic.table("districts"))
    missing = pv[value_col].isna() & (pv[status_col].isna() if status_col in pv else True)
    return ["–" if gone else privacy.cell_text(v, s, unit=privacy.facts(i).unit, lang=lang())
            for v, s, i, gone in zip(prot["value"], prot["suppressed"], prot["indicator_id"], missing)]


def _preview_table(pv: pd.DataFrame, target: str, pic: Picture) -> pd.DataFrame:
    if target == "observation" and not pv.empty:
        pv = pv.copy()
        pv["value"] = _protected(pv, "value", "status", pic)
        pv["old_value"] = _protected(pv, "old_value", "old_status", pic)
    if target == "police_event":
        cols = {"change": _t("data.change"), "id": "id", "occurred_at": _t("data.time"), "type": _t("data.type"),
                "district": _t("data.place_in_text"), "summary": _t("data.summary")}
    else:
        cols = {"change": _t("data.change"), "indicator_id": _t("data.indicator"), "area_code": _t("data.area"),
                "period": "Period", "gender": _t("data.sex"), "value": _t("data.new_value"),
                "old_value": _t("data.current_value"), "status": "Status"}
    return pv[[c for c in cols if c in pv.columns]].rename(columns=cols)


def _apply(parsed: base.ParsedImport, filename: str, data: bytes) -> None:
    bar = st.progress(0.0, text=_t("data.importing"))
    try:
        result = base.apply(store(), actor(), parsed, filename, data, progress=lambda f: bar.progress(min(max(f, 0.0), 1.0)))
    except (ValidationError, PermissionDenied) as err:
        bar.empty()
        st.error(str(err), icon=":material/error:")
        return
    bar.empty()
    st.session_state[_RESULT] = result
    st.session_state.pop(_ONLINE, None)
    st.rerun()


def _show_result() -> None:
    result = st.session_state.pop(_RESULT, None)
    if result is None:
        return
    st.success(_t("data.imported", filename=result.filename, added=result.added, changed=result.changed,
                  unchanged=result.unchanged, vintage=result.vintage or _t("data.no_data").lower(), batch=result.batch_id),
               icon=":material/check_circle:")


# --- Kolada online (off by default) -------------------------------------------------------


def kolada_online_section(pic: Picture) -> None:
    with st.expander(_t("data.fetch_from_kolada_over"), icon=":material/cloud_download:"):
        st.caption(_t("data.the_app_works_offline"))
        allowed = st.toggle(_t("data.allow_fetching_from_kolada"), value=False, key="data_kolada_allow")
        this_year = date.today().year
        years = st.multiselect(_t("data.years"), list(range(this_year, this_year - 12, -1)), default=[this_year - 1], key="data_kolada_years", select_all=False,
                               placeholder=_t("data.choose_years"))
        if st.button(_t("data.fetch_the_registered_kolada"), disabled=not (allowed and years), key="data_kolada_fetch"):
            with st.spinner(_t("data.fetching_from_kolada")):
                try:
                    st.session_state[_ONLINE] = kolada_online.fetch_registered(sorted(years))
                except ValidationError as err:
                    _show_issues(err)
                except LagesbildError as err:
                    st.warning(str(err), icon=":material/wifi_off:")
        fetched = st.session_state.get(_ONLINE)
        if fetched and allowed:
            parsed, raw = fetched
            _preview_and_apply(pic, parsed, f"kolada-api-{date.today().isoformat()}.json", raw, key="apply_kolada_online")


# --- template, history, what is loaded -----------------------------------------------------


def template_section(pic: Picture) -> None:
    st.header(_t("data.template_for_the_partners"))
    st.markdown(_t("data.partners_report_their_own"))
    c1, c2 = st.columns(2)
    c1.download_button(_t("data.download_the_template_excel"), partner.template_xlsx(rv.active(pic.table("partners"))),
                       file_name="mall_lokala_indikatorer.xlsx", icon=":material/download:",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="data_tpl_xlsx")
    c2.download_button(_t("data.download_the_template_csv"), partner.template_csv(),
                       file_name="mall_lokala_indikatorer.csv", mime="text/csv", icon=":material/download:", key="data_tpl_csv")


def history_section(pic: Picture) -> None:
    st.header(_t("data.import_history"))
    batches = pic.table("import_batches")
    hist = status.import_history(batches, lang())
    if hist.empty:
        st.info(_t("data.nothing_has_been_imported"))
        return
    labels = {
        "id": "Nr", "imported_at": _t("data.when"), "kind": _t("data.what"), "source": _t("data.source"),
        "filename": _t("data.file"), "imported_by": _t("data.by"), "vintage": _t("data.data_up_to"),
        "rows_added": _t("data.new"), "rows_changed": _t("data.changed"), "rows_unchanged": _t("data.unchanged"),
    }
    shown = hist.copy()
    shown["imported_at"] = pd.to_datetime(shown["imported_at"]).dt.strftime("%Y-%m-%d %H:%M")
    st.dataframe(shown.rename(columns=labels), hide_index=True, width="stretch")
    provenance.caption(sorted(set(batches["source_id"])), status.newest_vintage(batches),
                       note=_t("data.the_import_log_what"))


def loaded_section(pic: Picture, *, technical: bool = False) -> None:
    """What is loaded per indicator. `technical` (Administration): with ids and how to load what is missing."""
    st.header(_t("data.loaded_data_per_indicator"))
    lg = lang()  # once per picture: it scans every observation
    loaded = iv.memo(pic, ("loaded_by_indicator", lg),
                     lambda: status.loaded_by_indicator(pic.table("observations"), pic.table("police_events"), lg))
    labels = {
        "indicator_id": "Id", "name": _t("data.indicator"), "source": _t("data.source"),
        "observations": _t("data.values"), "first_period": _t("data.first_period"),
        "last_period": _t("data.latest_period"), "data_tom": _t("data.data_up_to"),
        "statuses": "Status", "how_to_load": _t("data.if_no_data"),
    }
    # Readers: no ids, no status codes, no import hints (those are on the Administration page).
    shown = loaded if technical else loaded.drop(columns=["indicator_id", "statuses", "how_to_load"])
    if not technical:
        shown = shown.assign(data_tom=shown["data_tom"].where(shown["data_tom"] != "", _t("data.no_data")))
    st.dataframe(shown.rename(columns=labels), hide_index=True, width="stretch")
    missing = loaded[loaded["observations"] == 0]
    if technical and not missing.empty:
        st.markdown("\n".join(f"- **{r.name}**: {r.how_to_load}" for r in missing.itertuples()))
    used = sorted({i.source_id for i in _registered() if i.id in set(loaded[loaded["observations"] > 0]["indicator_id"])})
    provenance.caption(used or ["partner"], status.newest_vintage(pic.table("import_batches")),
                       note=_t("data.number_of_stored_values"))


def _registered():
    from lagesbild.registry.indicators import indicators

    return indicators().values()


def render(pic: Picture) -> None:
    """The Data page, the same for every role."""
    loaded_section(pic)


def render_admin(pic: Picture) -> None:
    """The data half of the Administration page."""
    import_section(pic)
    kolada_online_section(pic)
    template_section(pic)
    history_section(pic)
    loaded_section(pic, technical=True)
