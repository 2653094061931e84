"""Activities on screen: a filterable list (filters in the URL), a form to add or change an
activity, and the template (download, upload with preview, import).

Used on Fokusområden (one focus area), on Översikt (`recent_section`) and in the district
profile (`area_section(picture, area_code)`). Reads through the Picture; writes through
lagesbild.store.activities in one transaction. No activity is ever made up: an empty list
says so and shows how to add one.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from lagesbild.queries import activities as av
from lagesbild.queries import reference as rv
from lagesbild.domain import ActivityStatus
from lagesbild.errors import LagesbildError, ValidationError
from lagesbild.importers import activities as tpl
from lagesbild.picture import Picture
from lagesbild.registry.pages import page
from lagesbild.store.activities import ActivityInput, create_activity, update_activity
from lagesbild.ui import forms, provenance
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.state import lang, store, text as _t
from lagesbild.ui.session import actor
from lagesbild.ui.urlstate import url_multiselect

SOURCE_ID = "partner"
_RESULT = "akt_result"
_PREVIEW = "akt_preview"


def none_yet() -> str:
    return _t("akt.none_yet")


def _caption(df: pd.DataFrame, note: str = "") -> None:
    provenance.caption(SOURCE_ID, av.last_changed(df), note=note or _t("akt.activities_recorded_by_the"))


# --- the list -----------------------------------------------------------------------------


def filters(pic: Picture, *, focus_area: str | None) -> av.ActivityFilter:
    """Filter widgets, each kept in the URL (akt_part, akt_fokus, akt_omr, akt_status,
    akt_fran, akt_till, akt_sok) so a filtered list can be shared as a link."""
    lg = lang()
    everything = _t("akt.all")
    partners = pic.table("partners")
    p_names = rv.names(partners, "short_name", lg)  # retired ones stay filterable, marked
    focus = pic.table("focus_areas").sort_values("sort")
    f_names = rv.names(focus, "name_en" if lg == "en" else "name_sv", lg)
    acts = av.activities(pic, lg)
    d_names = dict(zip(acts["district_code"], acts["district"]))
    d_names = {k: v for k, v in d_names.items() if isinstance(k, str)}
    c1, c2, c3 = st.columns(3)
    part = url_multiselect(c1, _t("akt.partner"), list(p_names), "akt_part", p_names.get, everything)
    statuses = url_multiselect(c2, "Status", [s.value for s in ActivityStatus], "akt_status",
                               lambda s: av.status_label(s, lg), everything)
    omr = url_multiselect(c3, _t("akt.area"), sorted(d_names, key=lambda c: d_names[c]), "akt_omr",
                          lambda c: d_names.get(c, c), everything)
    fok: list[str] = []
    c4, c5, c6 = st.columns(3)
    if focus_area is None:
        fok = url_multiselect(c4, _t("akt.focus_area"), list(f_names), "akt_fokus", f_names.get, everything)
    frm = c5.text_input(_t("akt.from_yyyy_mm_dd"), key="akt_fran", bind="query-params")
    to = c6.text_input(_t("akt.to_yyyy_mm_dd"), key="akt_till", bind="query-params")
    text = st.text_input(_t("akt.search_title_description_and"),
                         key="akt_sok", bind="query-params")
    return av.ActivityFilter(partner=tuple(part), focus_area=(focus_area,) if focus_area else tuple(fok),
                             district=tuple(omr), status=tuple(statuses), period_from=_date_or_warn(frm),
                             period_to=_date_or_warn(to), text=text or "")


def _date_or_warn(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        st.warning(_t("akt.md_escape_text_is", md_escape_text=md_escape(text)), icon=":material/warning:")
        return None


def activity_list(pic: Picture, *, focus_area: str | None = None, key: str = "akt") -> pd.DataFrame:
    """The filterable list. Returns the activities shown (for the export)."""
    lg = lang()
    all_acts = av.activities(pic, lg)
    if focus_area:
        all_acts = all_acts[all_acts["focus_area_id"] == focus_area]
    if all_acts.empty:
        st.info(none_yet(), icon=":material/event_note:")
        return all_acts
    with st.expander(_t("akt.filters"), icon=":material/filter_alt:", expanded=False):
        flt = filters(pic, focus_area=focus_area)
    shown = av.apply_filter(all_acts, flt)
    counts = ", ".join(f"{label} {n}" for _c, label, n in av.status_counts(shown, lg) if n)
    st.markdown(_t("akt.len_shown_of_len", len_shown=len(shown), len_all_acts=len(all_acts))
                + (f" · {counts}" if counts else ""))
    if shown.empty:
        st.info(_t("akt.no_activities_match_the"), icon=":material/filter_alt_off:")
        return shown
    st.dataframe(av.display_table(shown, lg), hide_index=True, key=f"{key}_lista")
    _caption(shown)
    return shown


def recent_section(pic: Picture, n: int = 5) -> None:
    """Översikt: the latest recorded or changed activities."""
    lg = lang()
    df = av.recent(pic, n, lg)
    if df.empty:
        st.info(none_yet(), icon=":material/event_note:")
        st.page_link(page("fokusomraden").path, label=_t("akt.add_them_under_focus"),
                     icon=":material/edit:")
        _caption(df)
        return
    st.dataframe(av.display_table(df, lg), hide_index=True, key="akt_senaste")
    _caption(df)


def area_section(pic: Picture, area_code: str, *, key: str = "akt_omrade") -> None:
    """For the district profile: activities in the area, its parts and the priority area it
    lies in."""
    lg = lang()
    df = av.activities_for_area(pic, area_code, lg)
    if df.empty:
        st.info(none_yet(), icon=":material/event_note:")
        return
    st.dataframe(av.display_table(df, lg), hide_index=True, key=key)
    _caption(df)


# --- add or change ------------------------------------------------------------------------


def form(pic: Picture, *, focus_area: str | None = None, key: str = "akt_form") -> None:
    """Add an activity, or change one chosen in the list (refused if changed meanwhile)."""
    lg = lang()
    who = actor()
    if not who.can_write:
        st.caption(_t("akt.you_have_read_access"))
        return
    acts = av.activities(pic, lg)
    if focus_area:
        acts = acts[acts["focus_area_id"] == focus_area]
    options = [None, *acts["id"].tolist()]
    titles = dict(zip(acts["id"], acts["title"]))
    chosen = st.selectbox(_t("akt.new_activity_or_change"), options,
                          key=f"{key}_val", format_func=lambda i: _t("akt.new_activity") if i is None else titles.get(i, i))
    current = acts[acts["id"] == chosen].iloc[0] if chosen is not None else None
    partners = pic.table("partners")
    focus = pic.table("focus_areas").sort_values("sort")
    districts = pic.table("districts")
    district_opts = [None, *districts.loc[districts["level"].isin(["prioriterat", "regso", "kommundel"]), "code"].tolist()]
    d_names = dict(zip(districts["code"], districts["name"]))
    fk = f"{key}_{chosen or 'ny'}"
    forms.clear_if_saved(fk, [f"{fk}_{name}" for name in _FIELDS])
    with st.form(fk):
        title = st.text_input(_t("akt.title"), value="" if current is None else current["title"], max_chars=300, key=f"{fk}_title")
        desc = st.text_area(_t("akt.description"), value="" if current is None else current["description"] or "",
                            key=f"{fk}_desc")
        c1, c2, c3 = st.columns(3)
        # Retired partners and focus areas are offered for nothing new; an activity keeps its own.
        p_ids = rv.choices(partners, keep=None if current is None else current["partner_id"])
        partner = c1.selectbox(_t("akt.responsible_partner"), p_ids,
                               index=p_ids.index(current["partner_id"]) if current is not None else (p_ids.index(who.partner_id) if who.partner_id in p_ids else 0),
                               format_func=rv.names(partners, "name", lg).get, key=f"{fk}_partner")
        f_ids = rv.choices(focus, keep=None if current is None else current["focus_area_id"])
        f_default = current["focus_area_id"] if current is not None else (focus_area if focus_area in f_ids else f_ids[0])
        fa = c2.selectbox(_t("akt.focus_area"), f_ids, index=f_ids.index(f_default),
                          format_func=rv.names(focus, "name_en" if lg == "en" else "name_sv", lg).get, key=f"{fk}_focus")
        s_ids = [s.value for s in ActivityStatus]
        status = c3.selectbox("Status", s_ids, index=s_ids.index(current["status"]) if current is not None else 0,
                              format_func=lambda s: av.status_label(s, lg), key=f"{fk}_status")
        c4, c5, c6 = st.columns(3)
        cur_d = current["district_code"] if current is not None else None
        district = c4.selectbox(_t("akt.area"), district_opts, index=district_opts.index(cur_d) if cur_d in district_opts else 0,
                                format_func=lambda c: _t("akt.whole_kommun") if c is None else d_names.get(c, c),
                                key=f"{fk}_district")
        start = c5.date_input(_t("akt.start"), value=None if current is None else current["start_date"], format="YYYY-MM-DD",
                              key=f"{fk}_start")
        end = c6.date_input(_t("akt.end"), value=None if current is None else current["end_date"], format="YYYY-MM-DD",
                            key=f"{fk}_end")
        follow = st.text_area(_t("akt.follow_up_result"), value="" if current is None else current["follow_up"] or "",
                              key=f"{fk}_follow")
        saved = st.form_submit_button(_t("akt.save"), icon=":material/save:", type="primary")
    if not saved:
        return
    data = ActivityInput(title=title, description=desc, partner_id=partner, focus_area_id=fa, status=ActivityStatus(status),
                         district_code=district, start_date=start, end_date=end, follow_up=follow,
                         external_id=None if current is None else current["external_id"])
    _save(data, None if current is None else (int(current["id"]), int(current["version"])), fk)


_FIELDS = ("title", "desc", "partner", "focus", "status", "district", "start", "end", "follow")


def _save(data: ActivityInput, existing: tuple[int, int] | None, form_key: str) -> None:
    """On refusal the message shows and the fields keep what was typed; cleared only after a save."""
    try:
        with store().transaction() as s:
            if existing is None:
                create_activity(s, actor(), data)
            else:
                update_activity(s, actor(), existing[0], existing[1], data)
    except LagesbildError as err:  # a refusal: shown, the input kept
        forms.refusal(err)
        return
    st.session_state[_RESULT] = _t("akt.the_activity_is_saved")
    forms.mark_saved(form_key)
    st.rerun()


def show_result(slot) -> None:
    """The last save or import, said once. Drawn into a slot that is always there, so the
    elements below keep their place (and an open expander stays open)."""
    msg = st.session_state.pop(_RESULT, None)
    if msg:
        slot.success(msg, icon=":material/check_circle:")


# --- template -----------------------------------------------------------------------------


def template_section(pic: Picture, shown: pd.DataFrame | None = None, *, key: str = "akt_mall") -> None:
    """Download the list (= the template) and upload a filled-in file."""
    lg = lang()
    st.markdown(_t("akt.template_help", columns=", ".join(tpl.COLUMNS)))
    chosen = shown if shown is not None and not shown.empty else None
    # The files are made when a button is clicked (Streamlit calls the function then): three
    # Excel/CSV files on every run of the focus page cost more than the rest of its tables.
    c1, c2, c3 = st.columns(3)
    c1.download_button(_t("akt.the_list_as_excel"), lambda: tpl.to_xlsx(tpl.export_frame(pic, chosen), pic),
                       file_name="aktiviteter.xlsx", mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/download:", key=f"{key}_xlsx")
    c2.download_button(_t("akt.the_list_as_csv"), lambda: tpl.to_csv(tpl.export_frame(pic, chosen)), file_name="aktiviteter.csv",
                       mime="text/csv", icon=":material/download:", key=f"{key}_csv")
    c3.download_button(_t("akt.empty_template_excel"), lambda: tpl.to_xlsx(tpl.export_frame(pic).iloc[0:0], pic),
                       file_name="mall_aktiviteter.xlsx", mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/download:", key=f"{key}_tom")
    if actor().can_write:
        st.page_link(page("administration").path, icon=":material/upload_file:",
                     label=_t("akt.upload_the_filled_in"))


def upload_section(pic: Picture, *, key: str = "akt_mall") -> None:
    """The Administration page: upload a filled-in activities template, preview, apply.
    (Streamlit's uploader speaks English, so it lives on that page only.)"""
    lg = lang()
    st.header(_t("akt.activities_from_the_template"))
    show_result(st.empty())
    if not actor().can_write:
        return
    up = st.file_uploader(_t("akt.choose_the_filled_in"),
                          type=["csv", "xlsx"], key=f"{key}_upload")
    if up is None:
        st.session_state.pop(_PREVIEW, None)
        return
    data = up.getvalue()
    try:
        parsed = tpl.parse(data, up.name, tpl.Lookups.from_picture(pic))
    except ValidationError as err:
        forms.refusal(err)
        return
    pv = tpl.preview(pic, parsed, lg)
    counts = tpl.summary(pv)
    st.markdown(_t("akt.preview_counts_ny_new", counts_ny=counts['ny'], counts_ändrad=counts['ändrad'], counts_oförändrad=counts['oförändrad']))
    st.dataframe(pv.drop(columns=["version"]), hide_index=True, key=f"{key}_forhand")
    if counts["ny"] + counts["ändrad"] == 0:
        st.info(_t("akt.the_file_changes_nothing"), icon=":material/check:")
        return
    if st.button(_t("akt.import"), type="primary", icon=":material/upload:", key=f"{key}_apply"):
        seen = {e: int(v) for e, v in zip(pv["extern_id"], pv["version"]) if pd.notna(v)}
        bar = st.progress(0.0)
        try:
            res = tpl.apply(store(), actor(), parsed, data, seen_versions=seen, progress=lambda f: bar.progress(min(max(f, 0.0), 1.0)))
        except LagesbildError as err:  # a refusal: shown, the input kept
            forms.refusal(err)
            return
        st.session_state[_RESULT] = _t("akt.imported_res_added_new", res_added=res.added, res_changed=res.changed, res_unchanged=res.unchanged)
        st.rerun()


@st.fragment  # filters and the form rerun this block only, not the page around it
def manage(pic: Picture, *, focus_area: str | None = None, key: str = "akt") -> None:
    """The whole activities block: list, form and template."""
    show_result(st.empty())
    shown = activity_list(pic, focus_area=focus_area, key=key)
    st.page_link(page("atgardsplan").path, label=_t("akt.in_plan"), icon=":material/checklist:",
                 query_params={"ap_fokus": [focus_area]} if focus_area else None)  # the plan filtered the same way
    with st.expander(_t("akt.add_or_change_an"), icon=":material/edit:"):
        form(pic, focus_area=focus_area, key=f"{key}_form")
    with st.expander(_t("akt.template_download_the_activities"), icon=":material/download:"):
        template_section(pic, shown, key=f"{key}_mall")
