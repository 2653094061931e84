"""Bulk round trip: download CSV/XLSX on the Reformer page, edit, then upload, preview and
apply on the Administration page (Streamlit's uploader speaks English, so it lives there only).

The core (`lagesbild.export.reform_sheet`, `lagesbild.importers.reform_sheet`) does the
work; this module only shows it.
"""
from __future__ import annotations

import streamlit as st

from lagesbild.errors import ConflictError, LagesbildError, ValidationError
from lagesbild.export import reform_sheet as export
from lagesbild.i18n import t
from lagesbild.registry.pages import page
from lagesbild.importers import reform_sheet as importer
from lagesbild.ui import forms, reform_form
from lagesbild.ui.state import lang, store
from lagesbild.ui.session import actor

UPLOAD_N = "reform_bulk_upload_n"  # bumped after an import, so the uploader starts empty
FLASH = "reform_bulk_flash"


def _reforms(count: int, lg: str) -> str:
    return t("bulk.n_reforms_one" if count == 1 else "bulk.n_reforms", lg, n=count)


def render(pic) -> None:
    lg = lang()
    with st.expander(t("reform.bulk", lg), icon=":material/upload_file:"):
        st.markdown(t("bulk.render.download_all_reforms_their", lang()))
        _downloads(pic)
        if actor().can_write:
            st.page_link(page("administration").path, label=t("reform.bulk.to_admin", lg), icon=":material/upload_file:")


def upload_section(pic) -> None:
    """The Administration page: upload the edited file, preview, apply."""
    lg = lang()
    st.header(t("reform.bulk", lg))
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
    if not reform_form.may_update(pic):
        return
    _upload(pic)


def _downloads(pic) -> None:
    lg = lang()
    c1, c2 = st.columns(2)
    # Built when clicked (Streamlit runs the callable then), not on every run of the page.
    c1.download_button(t("reform.bulk.csv", lg), lambda: export.to_csv(export.sheet_frame(pic)), file_name=export.filename("csv"),
                       mime="text/csv", icon=":material/download:", on_click="ignore", key="reform_bulk_csv")
    c2.download_button(t("reform.bulk.xlsx", lg), lambda: export.to_xlsx(export.sheet_frame(pic)), file_name=export.filename("xlsx"),
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/download:", on_click="ignore", key="reform_bulk_xlsx")


def _upload(pic) -> None:
    lg = lang()
    n = st.session_state.setdefault(UPLOAD_N, 0)
    up = st.file_uploader(t("reform.bulk.upload", lg), type=["csv", "xlsx"], key=f"reform_bulk_upload_{n}")
    if up is None:
        return
    data = up.getvalue()
    try:
        plan = importer.plan(pic, data, up.name)
    except ValidationError as err:
        forms.refusal(err)
        return
    except ConflictError as err:
        st.error(str(err), icon=":material/sync_problem:")
        return
    for warning in plan.warnings:
        st.warning(warning, icon=":material/warning:")
    if not plan.changes:
        st.info(t("reform.bulk.nothing", lg), icon=":material/info:")
        return
    n, same = len(plan.changes), len(plan.unchanged)
    st.markdown(f"**{t('reform.bulk.preview', lg)}** · " + t("bulk.upload.get_new_assessment_unchanged", lg,
                                                             reforms=_reforms(n, lg),
                                                             rows=t("bulk.n_rows_one" if same == 1 else "bulk.n_rows", lg, n=same)))
    st.dataframe(plan.preview(lg), hide_index=True, key="reform_bulk_preview")
    if st.button(t("reform.bulk.apply", lg), type="primary", icon=":material/done_all:", key="reform_bulk_apply"):
        _apply(plan)


def _apply(plan) -> None:
    try:
        result = importer.apply(store(), actor(), plan)
    except (ConflictError, ValidationError, LagesbildError) as err:
        st.error(str(err), icon=":material/sync_problem:")
        return
    st.session_state[FLASH] = t("bulk.apply.got_new_assessment_history", lang(),
                                reforms=_reforms(result.changed, lang()), filename=plan.filename)
    st.session_state[UPLOAD_N] = st.session_state.get(UPLOAD_N, 0) + 1
    st.rerun()
