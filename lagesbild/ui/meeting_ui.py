"""The Mötesläge page: meetings, their agenda of saved views, freezing, decisions and åtgärder,
"Sedan förra mötet", the pre-read export and (in `presentation_ui`) the presentation view.

The open meeting is the session's `open_meeting` (?mote=<id>); see `meeting_state`. Every
write goes through `lagesbild.store.meetings` (permission, audit, version check) inside one
transaction; a refused write shows its Swedish message and leaves the screen as it was.
"""
from __future__ import annotations

import hashlib

from datetime import date

import pandas as pd
import streamlit as st

from lagesbild import agenda, fmt
from lagesbild.queries import reference as rv
from lagesbild.errors import LagesbildError
from lagesbild.i18n import t
from lagesbild.registry.pages import page
from lagesbild.store import meetings
from lagesbild.ui import agenda_form, forms, meeting_state, presentation_ui, presenter, view_ui
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.state import demo_on, lang, live_picture, store
from lagesbild.ui.session import actor, picture

FLASH = "_mote_flash"


def _write(fn, ok: str) -> bool:
    """Run a store write in one transaction; show the refusal (Swedish) or remember the toast."""
    try:
        with store().transaction() as s:
            fn(s)
    except LagesbildError as err:
        st.error(str(err), icon=":material/error:")
        return False
    st.session_state[FLASH] = ok
    return True


def _flash() -> None:
    msg = st.session_state.pop(FLASH, None)
    if msg:
        st.toast(msg, icon=":material/check:")


def partner_names(pic) -> dict[str, str]:
    """Every partner, retired ones marked (a meeting names who took part then)."""
    return rv.names(pic.table("partners"), "name", lang())


# --- page -----------------------------------------------------------------------------------------


def render() -> None:
    if meeting_state.presenting() and meeting_state.open_meeting() is not None:
        if presenter.active():
            presenter.render(meeting_state.open_meeting())
        else:
            presentation_ui.render()
        return
    st.title(page("mote").title(lang()))
    st.caption(t("mote.render.prepare_meeting_agenda_saved", lang()))
    _flash()
    chosen = choose_meeting()
    if actor().can_write:
        with st.expander(t("mote.render.new_meeting", lang()), icon=":material/add:", expanded=chosen is None):
            create_form()
    else:
        st.caption(t("mote.render.you_have_read_access", lang()))
    if chosen is None:
        return
    with store().session() as s:
        m = meetings.get_meeting(s, chosen)
        ctx = meetings.context(s, chosen, snapshot=meeting_state.snapshot_of)
    meeting_view(m, ctx)


def choose_meeting() -> int | None:
    with store().session() as s:
        df = meetings.meetings_frame(s)
    if df.empty:
        st.info(t("mote.choose_meeting.no_meetings_yet_create", lang()),
                icon=":material/event:")
        return None
    labels = {int(r.id): f"{fmt.iso(r.meeting_date)} · {r.title} · {_status(r.status)}" for r in df.itertuples()}
    current = meeting_state.open_meeting()
    if current not in labels:
        current = None
    # The key follows the labels: the browser keeps showing a kept selectbox's old label (a
    # meeting still said "Utkast" right after it was frozen); the choice itself lives in the URL.
    key = "mote_val_" + hashlib.sha1("\n".join(labels.values()).encode()).hexdigest()[:8]
    if st.session_state.get(key) != current:
        st.session_state[key] = current

    def changed() -> None:
        meeting_state.set_open(st.session_state.get(key))

    c1, c2 = st.columns([4, 1], vertical_alignment="bottom")
    c1.selectbox(t("mote.choose_meeting.open_meeting", lang()), list(labels), index=None, format_func=labels.get, key=key,
                 on_change=changed, placeholder=t("mote.choose_meeting.choose_meeting", lang()))
    with st.expander(t("mote.choose_meeting.all_meetings", lang()), icon=":material/list:"):
        st.dataframe(pd.DataFrame({
            t("mote.date", lang()): [fmt.iso(d) for d in df["meeting_date"]], t("mote.choose_meeting.meeting", lang()): df["title"],
            "Status": [_status(x) for x in df["status"]], t("mote.choose_meeting.items", lang()): df["items"],
        }), hide_index=True, key="mote_lista")
    return current


def _status(code: str) -> str:
    sv, en = meetings.STATUS_LABELS.get(code, (code, code))
    icon = "🔒 " if code == meetings.FROZEN else "✎ "
    return icon + (en if lang() == "en" else sv)


def create_form() -> None:
    pic = picture()
    names = partner_names(pic)
    offered = rv.choices(pic.table("partners"))  # a new meeting: retired partners are not offered
    forms.clear_if_saved("mote_nytt", ("mote_ny_titel", "mote_ny_datum", "mote_ny_org"))
    with st.form("mote_nytt", enter_to_submit=False):
        title = st.text_input(t("mote.create_form.title", lang()), max_chars=300, key="mote_ny_titel",
                              placeholder=t("mote.create_form.e_g_safety_cooperation", lang()))
        day = st.date_input(t("mote.date", lang()), value=date.today(), format="YYYY-MM-DD", key="mote_ny_datum")
        orgs = st.multiselect(t("mote.create_form.participating_organisations", lang()), offered, format_func=names.get,
                              key="mote_ny_org", select_all=False, placeholder=t("mote.create_form.choose_organisations", lang()))
        if st.form_submit_button(t("mote.create_form.create_meeting", lang()), icon=":material/add:", key="mote_ny_skapa"):
            created = {}

            def do(s):
                created["id"] = meetings.create_meeting(s, actor(), meetings.MeetingInput(title, day, tuple(orgs)))

            if _write(do, t("mote.create_form.meeting_created_open_actions", lang())):
                meeting_state.set_open(created["id"])
                forms.mark_saved("mote_nytt")
                st.rerun()


# --- one meeting -------------------------------------------------------------------------------------


def meeting_view(m: meetings.MeetingView, ctx: agenda.MeetingContext) -> None:
    lg = lang()
    names = partner_names(picture())
    st.header(md_escape(m.title))
    status = (t("mote.meeting_view.frozen_agenda_locked_pages", lang(), frozen_at=fmt.iso(m.frozen_at))
              if m.frozen else t("mote.meeting_view.draft_agenda_can_change", lang()))
    st.markdown(f"**{fmt.long_date(m.meeting_date, lg)}** · {status}")
    st.caption(t("mote.meeting_view.participants", lang()) + (md_escape(", ".join(names.get(o, o) for o in m.organisations)) or "–"))
    c1, c2, _ = st.columns([1, 1, 3])
    if c1.button(t("mote.meeting_view.start_presentation", lang()), icon=":material/slideshow:", type="primary",
                 disabled=not m.items, key="mote_present"):
        presentation_ui.start()
    c2.button(t("mote.meeting_view.close_meeting", lang()), icon=":material/close:", key="mote_close",
              on_click=meeting_state.set_open, args=(None,))
    tabs = st.tabs([t("mote.meeting_view.agenda", lang()), t("mote.meeting_view.decisions_actions", lang()),
                    t("mote.meeting_view.since_previous_meeting", lang()), t("mote.meeting_view.pre_read_pdf_pptx", lang())])
    with tabs[0]:
        agenda_tab(m, ctx)
    with tabs[1]:
        actions(m, ctx)
    with tabs[2]:
        since_last(ctx)
    with tabs[3]:
        export(m, ctx)


def agenda_tab(m: meetings.MeetingView, ctx: agenda.MeetingContext) -> None:
    pic = picture()
    if not m.items:
        st.info(t("mote.agenda.agenda_empty_add_saved", lang()), icon=":material/list:")
    for it in m.items:
        with st.container(border=True, key=f"mote_punkt_{it.id}"):
            c = st.columns([0.5, 6, 0.6, 0.6, 0.6], vertical_alignment="center")
            c[0].markdown(f"**{it.position}.**")
            c[1].markdown(f"**{md_escape(it.title)}**  \n{md_escape(page(it.page_slug).title(lang()))}"
                          + (f" · `{_params_text(it.params)}`" if it.params else ""))
            locked = m.frozen
            if c[2].button("", icon=":material/arrow_upward:", key=f"mote_upp_{it.id}", disabled=locked or it.position == 1,
                           help=t("mote.agenda.move_up", lang())):
                if _write(lambda s, it=it: meetings.move_item(s, actor(), m.id, m.version, it.id, -1), t("mote.agenda.moved", lang())):
                    st.rerun()
            if c[3].button("", icon=":material/arrow_downward:", key=f"mote_ned_{it.id}",
                           disabled=locked or it.position == len(m.items), help=t("mote.agenda.move_down", lang())):
                if _write(lambda s, it=it: meetings.move_item(s, actor(), m.id, m.version, it.id, 1), t("mote.agenda.moved", lang())):
                    st.rerun()
            if c[4].button("", icon=":material/delete:", key=f"mote_bort_{it.id}", disabled=locked, help=t("mote.agenda.remove", lang())):
                if _write(lambda s, it=it: meetings.remove_item(s, actor(), m.id, m.version, it.id),
                          t("mote.agenda.item_was_removed", lang())):
                    st.rerun()
            link = {**it.params, meeting_state.PARAM: str(m.id)}
            if it.page_slug != "mote":
                st.page_link(page(it.page_slug).path, label=t("mote.agenda.open_page_view", lang()),
                             icon=":material/open_in_new:", query_params=link)
            _preview(pic, it, ctx)
    if m.frozen:
        return
    with st.expander(t("mote.agenda.add_item", lang()), icon=":material/playlist_add:", expanded=not m.items):
        chosen = agenda_form.choose(pic)
        if chosen and st.button(t("mote.agenda.add_item_2", lang()), icon=":material/add:", key="mote_add"):
            slug, params, title = chosen
            if _write(lambda s: meetings.add_item(s, actor(), m.id, m.version, meetings.ItemInput(title, slug, params)),
                      t("mote.agenda.was_added", lang(), title=title)):
                st.rerun()
    freeze(m)


@st.fragment  # opening a preview reruns that item only, not the meeting page
def _preview(pic, it, ctx) -> None:
    # A toggle, not an expander: an expander's content is built on every run, and five
    # previews of maps and charts would slow every click on the page.
    if st.toggle(t("mote.agenda.preview", lang()), key=f"mote_visa_{it.id}"):
        vc = agenda.build(pic, it.page_slug, it.params, lang(), ctx)
        view_ui.render(vc, key=f"mote_vy_{it.id}")


def _params_text(params: dict) -> str:
    return " & ".join(f"{k}={','.join(v) if isinstance(v, list) else v}" for k, v in params.items())


def freeze(m: meetings.MeetingView) -> None:
    st.subheader(t("mote.freeze.freeze_meeting", lang()))
    st.markdown(t("mote.freeze.freezing_stores_whole_picture", lang()))
    sure = st.checkbox(t("mote.freeze.i_want_freeze_meeting", lang()), key="mote_frys_ok")
    if st.button(t("mote.freeze.freeze_meeting", lang()), icon=":material/lock:", disabled=not sure or not m.items, key="mote_frys"):
        if _write(lambda s: meetings.freeze(s, actor(), m.id, m.version, picture=live_picture()),
                  t("mote.freeze.meeting_frozen_every_page", lang())):
            st.session_state.pop("mote_frys_ok", None)
            st.rerun()


# --- decisions and åtgärder --------------------------------------------------------------------------


def actions(m: meetings.MeetingView, ctx: agenda.MeetingContext) -> None:
    acts = ctx.actions
    carried = acts[acts["carried_from"].notna()] if not acts.empty else acts
    st.subheader(t("mote.actions.actions_from_previous_meeting", lang()))
    if ctx.previous_title:
        st.caption(t("mote.actions.previous_meeting_open_actions", lang(), title=md_escape(ctx.previous_title),
                     date=fmt.iso(ctx.previous_date)))
        if st.button(t("mote.actions.fetch_new_open_actions", lang()),
                     icon=":material/sync:", key="mote_hamta"):
            if _write(lambda s: meetings.carry_open_actions(s, actor(), m.id), t("mote.actions.done", lang())):
                st.rerun()
    action_list(carried, key="mote_fran")
    for it in m.items:
        st.subheader(f"{it.position}. {md_escape(it.title)}")
        mine = acts[acts["agenda_item_id"] == it.id] if not acts.empty else acts
        action_list(mine, key=f"mote_akt_{it.id}")
        action_form(m, it.id, key=f"mote_form_{it.id}")
    loose = acts[acts["agenda_item_id"].isna() & acts["carried_from"].isna()] if not acts.empty else acts
    st.subheader(t("mote.actions.other_business", lang()))
    action_list(loose, key="mote_ovrigt")
    action_form(m, None, key="mote_form_ovrigt")
    # One concept of åtgärd: what is recorded here is an entry of the plan (lagesbild.store.action_plan).
    st.caption(t("mote.actions.in_plan", lang()))
    st.page_link(page("atgardsplan").path, label=t("plan.title", lang()), icon=":material/task_alt:")


def action_list(df: pd.DataFrame, *, key: str) -> None:
    if df.empty:
        st.caption(t("mote.action_list.no_decisions_actions", lang()))
        return
    for a in df.itertuples(index=False):
        kind = agenda.meeting.kind_label(a.kind, lang())
        due = f" · {t('mote.action_list.by', lang())} {fmt.iso(a.due_date)}" if a.due_date else ""
        who = f" · {md_escape(a.owner)}" if a.owner else ""
        text = f"**{kind}:** {md_escape(a.text)}{who}{due}"
        if a.kind == "atgard":
            wkey = f"{key}_klar_{a.id}"
            st.session_state[wkey] = bool(a.done)

            def toggle(aid=a.id, wkey=wkey):
                _write(lambda s: meetings.set_action_done(s, actor(), aid, bool(st.session_state[wkey])), t("mote.saved", lang()))

            st.checkbox(text, key=wkey, on_change=toggle)
        else:
            st.markdown(f":material/gavel: {text}")


def action_form(m: meetings.MeetingView, item_id: int | None, *, key: str) -> None:
    with st.popover(t("mote.action_form.new_decision_action", lang()), icon=":material/add:"):
        forms.clear_if_saved(key, (f"{key}_typ", f"{key}_vad", f"{key}_vem", f"{key}_senast"))
        with st.form(key, enter_to_submit=False):
            kind = st.radio(t("mote.action_form.type", lang()), list(meetings.KINDS), horizontal=True, key=f"{key}_typ",
                            format_func=lambda k, lg=lang(): agenda.meeting.kind_label(k, lg))
            text = st.text_area(t("mote.action_form.what", lang()), max_chars=meetings.MAX_TEXT, key=f"{key}_vad")
            c1, c2 = st.columns(2)
            owner = c1.text_input(t("mote.action_form.who_responsible", lang()), max_chars=meetings.MAX_OWNER, key=f"{key}_vem")
            due = c2.date_input(t("mote.action_form.optional", lang()), value=None, format="YYYY-MM-DD", key=f"{key}_senast")
            if st.form_submit_button(t("mote.action_form.save", lang()), icon=":material/save:", key=f"{key}_spara"):
                data = meetings.ActionInput(kind, text, owner, due, item_id)
                if _write(lambda s: meetings.add_action(s, actor(), m.id, data), t("mote.saved", lang())):
                    forms.mark_saved(key)
                    st.rerun()


# --- since the last meeting, and the pre-read ----------------------------------------------------------


def since_last(ctx: agenda.MeetingContext) -> None:
    vc = agenda.meeting.since_last(picture(), ctx, lang())
    view_ui.render(vc, key="mote_sedan")


def export(m: meetings.MeetingView, ctx: agenda.MeetingContext) -> None:
    from lagesbild.export.images import ExportUnavailable
    from lagesbild.export.meeting_pack import export_meeting

    st.markdown(t("mote.export.meeting_pack_zip_pre", lang()))
    if not m.frozen:
        st.warning(t("mote.export.meeting_not_frozen_pre", lang()),
                   icon=":material/lock_open:")
    if not m.items:
        st.info(t("mote.export.add_items_agenda_first", lang()))
        return
    key = f"mote_pack_{m.id}_{m.version}_{len(ctx.actions)}_{int(ctx.actions['done'].sum()) if not ctx.actions.empty else 0}"
    if st.button(t("mote.export.create_meeting_pack", lang()), icon=":material/picture_as_pdf:", key="mote_export"):
        bar = st.progress(0.0, text=t("mote.export.starting", lang()))
        try:
            with store().session() as s:
                manifest = meetings.manifest(s, m.id)
            pack = export_meeting(picture(), m, ctx, partner_names(picture()), manifest=manifest, lang=lang(), demo=demo_on(),
                                  progress=lambda f, text: bar.progress(min(1.0, f), text=text))
        except ExportUnavailable as err:
            st.error(str(err), icon=":material/error:")
            return
        st.session_state[key] = pack
        bar.progress(1.0, text=t("mote.export.done_s", lang(), number=fmt.number(pack.timings['total'], 1, lang())))
    pack = st.session_state.get(key)
    if pack is None:
        return
    c1, c2, c3 = st.columns(3)
    c1.download_button(t("mote.export.meeting_pack_zip", lang()), pack.zip, f"{pack.basename}.zip", "application/zip",
                       icon=":material/folder_zip:", on_click="ignore", key="mote_dl_zip", type="primary")
    c2.download_button("PDF", pack.pdf, f"{pack.basename}.pdf", "application/pdf", icon=":material/picture_as_pdf:",
                       on_click="ignore", key="mote_dl_pdf")
    c3.download_button("PPTX", pack.pptx, f"{pack.basename}.pptx",
                       "application/vnd.openxmlformats-officedocument.presentationml.presentation", icon=":material/slideshow:",
                       on_click="ignore", key="mote_dl_pptx")
