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

from lagesbild import activity_views as av
from lagesbild.domain import ActivityStatus
from lagesbild.errors import ConflictError, LagesbildError, PermissionDenied, ValidationError
from lagesbild.importers import activities as tpl
from lagesbild.picture import Picture
from lagesbild.registry.pages import page
from lagesbild.store.activities import ActivityInput, create_activity, update_activity
from lagesbild.ui import forms, provenance
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.state import actor, lang, store
from lagesbild.ui.urlstate import url_multiselect

SOURCE_ID = "partner"
NONE_YET_SV = "Inga registrerade aktiviteter ännu – lägg till eller importera med mallen"
NONE_YET_EN = "No activities recorded yet – add one or import them with the template"
_RESULT = "akt_result"
_PREVIEW = "akt_preview"


def _t(sv: str, en: str) -> str:
    return en if lang() == "en" else sv


def none_yet() -> str:
    return _t(NONE_YET_SV, NONE_YET_EN)


def _caption(df: pd.DataFrame, note: str = "") -> None:
    provenance.caption(SOURCE_ID, av.last_changed(df), note=note or _t(
        "Aktiviteter registrerade av parterna; data t.o.m. = senast registrerad eller ändrad.",
        "Activities recorded by the partners; data up to = last recorded or changed."))


# --- the list -----------------------------------------------------------------------------


def filters(pic: Picture, *, focus_area: str | None) -> av.ActivityFilter:
    """Filter widgets, each kept in the URL (akt_part, akt_fokus, akt_omr, akt_status,
    akt_fran, akt_till, akt_sok) so a filtered list can be shared as a link."""
    lg = lang()
    everything = _t("Alla", "All")
    partners = pic.table("partners")
    p_names = dict(zip(partners["id"], partners["short_name"]))
    focus = pic.table("focus_areas").sort_values("sort")
    f_names = dict(zip(focus["id"], focus["name_en" if lg == "en" else "name_sv"]))
    acts = av.activities(pic, lg)
    d_names = dict(zip(acts["district_code"], acts["district"]))
    d_names = {k: v for k, v in d_names.items() if isinstance(k, str)}
    c1, c2, c3 = st.columns(3)
    part = url_multiselect(c1, _t("Part", "Partner"), list(p_names), "akt_part", p_names.get, everything)
    statuses = url_multiselect(c2, "Status", [s.value for s in ActivityStatus], "akt_status",
                               lambda s: av.status_label(s, lg), everything)
    omr = url_multiselect(c3, _t("Område", "Area"), sorted(d_names, key=lambda c: d_names[c]), "akt_omr",
                          lambda c: d_names.get(c, c), everything)
    fok: list[str] = []
    c4, c5, c6 = st.columns(3)
    if focus_area is None:
        fok = url_multiselect(c4, _t("Fokusområde", "Focus area"), list(f_names), "akt_fokus", f_names.get, everything)
    frm = c5.text_input(_t("Från (ÅÅÅÅ-MM-DD)", "From (YYYY-MM-DD)"), key="akt_fran", bind="query-params")
    to = c6.text_input(_t("Till (ÅÅÅÅ-MM-DD)", "To (YYYY-MM-DD)"), key="akt_till", bind="query-params")
    text = st.text_input(_t("Sök i titel, beskrivning och uppföljning", "Search title, description and follow-up"),
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
        st.warning(_t(f"”{md_escape(text)}” är inget datum; skriv ÅÅÅÅ-MM-DD. Filtret används inte.",
                      f"\u201c{md_escape(text)}\u201d is not a date; write YYYY-MM-DD. The filter is not used."), icon=":material/warning:")
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
    with st.expander(_t("Filter", "Filters"), icon=":material/filter_alt:", expanded=False):
        flt = filters(pic, focus_area=focus_area)
    shown = av.apply_filter(all_acts, flt)
    counts = ", ".join(f"{label} {n}" for _c, label, n in av.status_counts(shown, lg) if n)
    st.markdown(_t(f"**{len(shown)} av {len(all_acts)} aktiviteter visas**", f"**{len(shown)} of {len(all_acts)} activities shown**")
                + (f" · {counts}" if counts else ""))
    if shown.empty:
        st.info(_t("Inga aktiviteter matchar filtret.", "No activities match the filter."), icon=":material/filter_alt_off:")
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
        st.page_link(page("fokusomraden").path, label=_t("Lägg till under Fokusområden", "Add them under Focus areas"),
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
        st.caption(_t("Du har läsbehörighet; aktiviteter kan inte ändras här.", "You have read access; activities cannot be changed here."))
        return
    acts = av.activities(pic, lg)
    if focus_area:
        acts = acts[acts["focus_area_id"] == focus_area]
    options = [None, *acts["id"].tolist()]
    titles = dict(zip(acts["id"], acts["title"]))
    chosen = st.selectbox(_t("Ny aktivitet eller ändra en befintlig", "New activity or change an existing one"), options,
                          key=f"{key}_val", format_func=lambda i: _t("➕ Ny aktivitet", "➕ New activity") if i is None else titles.get(i, i))
    current = acts[acts["id"] == chosen].iloc[0] if chosen is not None else None
    partners = pic.table("partners")
    focus = pic.table("focus_areas").sort_values("sort")
    districts = pic.table("districts")
    district_opts = [None, *districts.loc[districts["level"].isin(["prioriterat", "regso", "kommundel"]), "code"].tolist()]
    d_names = dict(zip(districts["code"], districts["name"]))
    fk = f"{key}_{chosen or 'ny'}"
    forms.clear_if_saved(fk, [f"{fk}_{name}" for name in _FIELDS])
    with st.form(fk):
        title = st.text_input(_t("Titel", "Title"), value="" if current is None else current["title"], max_chars=300, key=f"{fk}_title")
        desc = st.text_area(_t("Beskrivning", "Description"), value="" if current is None else current["description"] or "",
                            key=f"{fk}_desc")
        c1, c2, c3 = st.columns(3)
        p_ids = partners["id"].tolist()
        partner = c1.selectbox(_t("Ansvarig part", "Responsible partner"), p_ids,
                               index=p_ids.index(current["partner_id"]) if current is not None else (p_ids.index(who.partner_id) if who.partner_id in p_ids else 0),
                               format_func=dict(zip(partners["id"], partners["name"])).get, key=f"{fk}_partner")
        f_ids = focus["id"].tolist()
        f_default = current["focus_area_id"] if current is not None else (focus_area or f_ids[0])
        fa = c2.selectbox(_t("Fokusområde", "Focus area"), f_ids, index=f_ids.index(f_default),
                          format_func=dict(zip(focus["id"], focus["name_en" if lg == "en" else "name_sv"])).get, key=f"{fk}_focus")
        s_ids = [s.value for s in ActivityStatus]
        status = c3.selectbox("Status", s_ids, index=s_ids.index(current["status"]) if current is not None else 0,
                              format_func=lambda s: av.status_label(s, lg), key=f"{fk}_status")
        c4, c5, c6 = st.columns(3)
        cur_d = current["district_code"] if current is not None else None
        district = c4.selectbox(_t("Område", "Area"), district_opts, index=district_opts.index(cur_d) if cur_d in district_opts else 0,
                                format_func=lambda c: _t("Hela kommunen", "Whole kommun") if c is None else d_names.get(c, c),
                                key=f"{fk}_district")
        start = c5.date_input(_t("Start", "Start"), value=None if current is None else current["start_date"], format="YYYY-MM-DD",
                              key=f"{fk}_start")
        end = c6.date_input(_t("Slut", "End"), value=None if current is None else current["end_date"], format="YYYY-MM-DD",
                            key=f"{fk}_end")
        follow = st.text_area(_t("Uppföljning (resultat)", "Follow-up (result)"), value="" if current is None else current["follow_up"] or "",
                              key=f"{fk}_follow")
        saved = st.form_submit_button(_t("Spara", "Save"), icon=":material/save:", type="primary")
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
    except ValidationError as err:
        st.error(err.summary + "\n\n" + "\n".join(f"- {i}" for i in err.issues), icon=":material/error:")
        return
    except (ConflictError, PermissionDenied, LagesbildError) as err:
        st.error(str(err), icon=":material/error:")
        return
    st.session_state[_RESULT] = _t("Aktiviteten är sparad.", "The activity is saved.")
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
    st.markdown(_t(
        "Mallen har kolumnerna **" + ", ".join(tpl.COLUMNS) + "**. Ladda ner listan (eller den tomma mallen), fyll i "
        "eller ändra i Excel och ladda upp den igen. Rader med samma extern_id uppdateras; att ladda upp samma fil igen "
        "ändrar ingenting.",
        "The template has the columns **" + ", ".join(tpl.COLUMNS) + "**. Download the list (or the empty template), fill it "
        "in or change it in Excel and upload it again. Rows with the same extern_id are updated; uploading the same file "
        "again changes nothing."))
    frame = tpl.export_frame(pic, shown if shown is not None and not shown.empty else None)
    empty = tpl.export_frame(pic).iloc[0:0]
    c1, c2, c3 = st.columns(3)
    c1.download_button(_t("Listan som Excel", "The list as Excel"), tpl.to_xlsx(frame, pic), file_name="aktiviteter.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", icon=":material/download:", key=f"{key}_xlsx")
    c2.download_button(_t("Listan som CSV", "The list as CSV"), tpl.to_csv(frame), file_name="aktiviteter.csv",
                       mime="text/csv", icon=":material/download:", key=f"{key}_csv")
    c3.download_button(_t("Tom mall (Excel)", "Empty template (Excel)"), tpl.to_xlsx(empty, pic), file_name="mall_aktiviteter.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", icon=":material/download:", key=f"{key}_tom")
    if actor().can_write:
        st.page_link(page("administration").path, icon=":material/upload_file:",
                     label=_t("Ladda upp den ifyllda mallen på sidan Administration",
                              "Upload the filled-in template on the Administration page"))


def upload_section(pic: Picture, *, key: str = "akt_mall") -> None:
    """The Administration page: upload a filled-in activities template, preview, apply.
    (Streamlit's uploader speaks English, so it lives on that page only.)"""
    lg = lang()
    st.header(_t("Aktiviteter från mall", "Activities from the template"))
    show_result(st.empty())
    if not actor().can_write:
        return
    up = st.file_uploader(_t("Välj den ifyllda mallen (CSV eller Excel)", "Choose the filled-in template (CSV or Excel)"),
                          type=["csv", "xlsx"], key=f"{key}_upload")
    if up is None:
        st.session_state.pop(_PREVIEW, None)
        return
    data = up.getvalue()
    try:
        parsed = tpl.parse(data, up.name, tpl.Lookups.from_picture(pic))
    except ValidationError as err:
        st.error(err.summary + "\n\n" + "\n".join(f"- {i}" for i in err.issues[:50]), icon=":material/error:")
        return
    pv = tpl.preview(pic, parsed, lg)
    counts = tpl.summary(pv)
    st.markdown(_t(f"**Förhandsgranskning:** {counts['ny']} nya, {counts['ändrad']} ändrade, {counts['oförändrad']} oförändrade. Inget är sparat ännu.",
                   f"**Preview:** {counts['ny']} new, {counts['ändrad']} changed, {counts['oförändrad']} unchanged. Nothing is saved yet."))
    st.dataframe(pv.drop(columns=["version"]), hide_index=True, key=f"{key}_forhand")
    if counts["ny"] + counts["ändrad"] == 0:
        st.info(_t("Filen ändrar ingenting.", "The file changes nothing."), icon=":material/check:")
        return
    if st.button(_t("Importera", "Import"), type="primary", icon=":material/upload:", key=f"{key}_apply"):
        seen = {e: int(v) for e, v in zip(pv["extern_id"], pv["version"]) if pd.notna(v)}
        bar = st.progress(0.0)
        try:
            res = tpl.apply(store(), actor(), parsed, data, seen_versions=seen, progress=lambda f: bar.progress(min(max(f, 0.0), 1.0)))
        except ValidationError as err:
            st.error(err.summary + "\n\n" + "\n".join(f"- {i}" for i in err.issues[:50]), icon=":material/error:")
            return
        except LagesbildError as err:
            st.error(str(err), icon=":material/error:")
            return
        st.session_state[_RESULT] = _t(f"Importerat: {res.added} nya, {res.changed} ändrade, {res.unchanged} oförändrade.",
                                       f"Imported: {res.added} new, {res.changed} changed, {res.unchanged} unchanged.")
        st.rerun()


def manage(pic: Picture, *, focus_area: str | None = None, key: str = "akt") -> None:
    """The whole activities block: list, form and template."""
    show_result(st.empty())
    shown = activity_list(pic, focus_area=focus_area, key=key)
    with st.expander(_t("Lägg till eller ändra en aktivitet", "Add or change an activity"), icon=":material/edit:"):
        form(pic, focus_area=focus_area, key=f"{key}_form")
    with st.expander(_t("Mall: ladda ner aktiviteterna", "Template: download the activities"), icon=":material/download:"):
        template_section(pic, shown, key=f"{key}_mall")
