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

from lagesbild import fmt, views
from lagesbild.errors import LagesbildError
from lagesbild.registry.pages import page
from lagesbild.store import meetings
from lagesbild.ui import agenda_form, forms, meeting_state, presentation_ui, presenter, view_ui
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.state import actor, demo_on, lang, picture, store

FLASH = "_mote_flash"


def _t(sv: str, en: str) -> str:
    return en if lang() == "en" else sv


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
    p = pic.table("partners")
    return dict(zip(p["id"], p["name"])) if not p.empty else {}


# --- page -----------------------------------------------------------------------------------------


def render() -> None:
    if meeting_state.presenting() and meeting_state.open_meeting() is not None:
        if presenter.active():
            presenter.render(meeting_state.open_meeting())
        else:
            presentation_ui.render()
        return
    st.title(page("mote").title(lang()))
    st.caption(_t("Förbered ett möte med en dagordning av sparade vyer, frys lägesbilden inför mötet, presentera den "
                  "och för protokoll över beslut och åtgärder. Underlaget kan laddas ner som PDF och PPTX.",
                  "Prepare a meeting with an agenda of saved views, freeze the picture before the meeting, present it "
                  "and record decisions and actions. The pre-read can be downloaded as PDF and PPTX."))
    _flash()
    chosen = choose_meeting()
    if actor().can_write:
        with st.expander(_t("Nytt möte", "New meeting"), icon=":material/add:", expanded=chosen is None):
            create_form()
    else:
        st.caption(_t("Du har läsbehörighet; möten kan inte skapas eller ändras här.",
                      "You have read access; meetings cannot be created or changed here."))
    if chosen is None:
        return
    with store().session() as s:
        m = meetings.get_meeting(s, chosen)
        ctx = meetings.context(s, chosen)
    meeting_view(m, ctx)


def choose_meeting() -> int | None:
    with store().session() as s:
        df = meetings.meetings_frame(s)
    if df.empty:
        st.info(_t("Inga möten ännu. Skapa det första nedan.", "No meetings yet. Create the first one below."),
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
    c1.selectbox(_t("Öppna ett möte", "Open a meeting"), list(labels), index=None, format_func=labels.get, key=key,
                 on_change=changed, placeholder=_t("Välj ett möte …", "Choose a meeting …"))
    with st.expander(_t("Alla möten", "All meetings"), icon=":material/list:"):
        st.dataframe(pd.DataFrame({
            _t("Datum", "Date"): [fmt.iso(d) for d in df["meeting_date"]], _t("Möte", "Meeting"): df["title"],
            "Status": [_status(x) for x in df["status"]], _t("Punkter", "Items"): df["items"],
        }), hide_index=True, key="mote_lista")
    return current


def _status(code: str) -> str:
    sv, en = meetings.STATUS_LABELS.get(code, (code, code))
    icon = "🔒 " if code == meetings.FROZEN else "✎ "
    return icon + (en if lang() == "en" else sv)


def create_form() -> None:
    pic = picture()
    names = partner_names(pic)
    forms.clear_if_saved("mote_nytt", ("mote_ny_titel", "mote_ny_datum", "mote_ny_org"))
    with st.form("mote_nytt", enter_to_submit=False):
        title = st.text_input(_t("Titel", "Title"), max_chars=300, key="mote_ny_titel",
                              placeholder=_t("t.ex. Samverkansmöte trygghet, november", "e.g. Safety cooperation meeting, November"))
        day = st.date_input(_t("Datum", "Date"), value=date.today(), format="YYYY-MM-DD", key="mote_ny_datum")
        orgs = st.multiselect(_t("Deltagande organisationer", "Participating organisations"), list(names), format_func=names.get,
                              key="mote_ny_org", select_all=False, placeholder=_t("Välj organisationer", "Choose organisations"))
        if st.form_submit_button(_t("Skapa mötet", "Create the meeting"), icon=":material/add:", key="mote_ny_skapa"):
            created = {}

            def do(s):
                created["id"] = meetings.create_meeting(s, actor(), meetings.MeetingInput(title, day, tuple(orgs)))

            if _write(do, _t("Mötet är skapat. Öppna åtgärder från förra mötet har förts över.",
                             "The meeting is created. Open actions from the previous meeting were carried over.")):
                meeting_state.set_open(created["id"])
                forms.mark_saved("mote_nytt")
                st.rerun()


# --- one meeting -------------------------------------------------------------------------------------


def meeting_view(m: meetings.MeetingView, ctx: views.MeetingContext) -> None:
    lg = lang()
    names = partner_names(picture())
    st.header(md_escape(m.title))
    status = (_t(f"🔒 Fryst {fmt.iso(m.frozen_at)}: dagordningen är låst och sidorna visar mötets data.",
                 f"🔒 Frozen {fmt.iso(m.frozen_at)}: the agenda is locked and the pages show the meeting's data.")
              if m.frozen else _t("✎ Utkast: dagordningen kan ändras. Frys mötet när underlaget är klart.",
                                  "✎ Draft: the agenda can change. Freeze the meeting when the pre-read is ready."))
    st.markdown(f"**{fmt.long_date(m.meeting_date, lg)}** · {status}")
    st.caption(_t("Deltagare: ", "Participants: ") + (md_escape(", ".join(names.get(o, o) for o in m.organisations)) or "–"))
    c1, c2, _ = st.columns([1, 1, 3])
    if c1.button(_t("Starta presentationen", "Start the presentation"), icon=":material/slideshow:", type="primary",
                 disabled=not m.items, key="mote_present"):
        presentation_ui.start()
    c2.button(_t("Stäng mötet", "Close the meeting"), icon=":material/close:", key="mote_close",
              on_click=meeting_state.set_open, args=(None,))
    tabs = st.tabs([_t("Dagordning", "Agenda"), _t("Beslut och åtgärder", "Decisions and actions"),
                    _t("Sedan förra mötet", "Since the previous meeting"), _t("Underlag (PDF/PPTX)", "Pre-read (PDF/PPTX)")])
    with tabs[0]:
        agenda(m, ctx)
    with tabs[1]:
        actions(m, ctx)
    with tabs[2]:
        since_last(ctx)
    with tabs[3]:
        export(m, ctx)


def agenda(m: meetings.MeetingView, ctx: views.MeetingContext) -> None:
    pic = picture()
    if not m.items:
        st.info(_t("Dagordningen är tom. Lägg till sparade vyer nedan, eller öppna en sida och välj "
                   "”Lägg till den här vyn i dagordningen” i rutan överst.",
                   "The agenda is empty. Add saved views below, or open a page and choose "
                   "\u201cAdd this view to the agenda\u201d in the box at the top."), icon=":material/list:")
    for it in m.items:
        with st.container(border=True, key=f"mote_punkt_{it.id}"):
            c = st.columns([0.5, 6, 0.6, 0.6, 0.6], vertical_alignment="center")
            c[0].markdown(f"**{it.position}.**")
            c[1].markdown(f"**{md_escape(it.title)}**  \n{md_escape(page(it.page_slug).title(lang()))}"
                          + (f" · `{_params_text(it.params)}`" if it.params else ""))
            locked = m.frozen
            if c[2].button("", icon=":material/arrow_upward:", key=f"mote_upp_{it.id}", disabled=locked or it.position == 1,
                           help=_t("Flytta upp", "Move up")):
                if _write(lambda s, it=it: meetings.move_item(s, actor(), m.id, m.version, it.id, -1), _t("Flyttad.", "Moved.")):
                    st.rerun()
            if c[3].button("", icon=":material/arrow_downward:", key=f"mote_ned_{it.id}",
                           disabled=locked or it.position == len(m.items), help=_t("Flytta ner", "Move down")):
                if _write(lambda s, it=it: meetings.move_item(s, actor(), m.id, m.version, it.id, 1), _t("Flyttad.", "Moved.")):
                    st.rerun()
            if c[4].button("", icon=":material/delete:", key=f"mote_bort_{it.id}", disabled=locked, help=_t("Ta bort", "Remove")):
                if _write(lambda s, it=it: meetings.remove_item(s, actor(), m.id, m.version, it.id),
                          _t("Punkten är borttagen.", "The item was removed.")):
                    st.rerun()
            link = {**it.params, meeting_state.PARAM: str(m.id)}
            if it.page_slug != "mote":
                st.page_link(page(it.page_slug).path, label=_t("Öppna sidan med vyn", "Open the page with the view"),
                             icon=":material/open_in_new:", query_params=link)
            # A toggle, not an expander: an expander's content is built on every run, and five
            # previews of maps and charts would slow every click on the page.
            if st.toggle(_t("Förhandsvisa", "Preview"), key=f"mote_visa_{it.id}"):
                vc = views.build(pic, it.page_slug, it.params, lang(), ctx)
                view_ui.render(vc, key=f"mote_vy_{it.id}")
    if m.frozen:
        return
    with st.expander(_t("Lägg till en punkt", "Add an item"), icon=":material/playlist_add:", expanded=not m.items):
        chosen = agenda_form.choose(pic)
        if chosen and st.button(_t("Lägg till punkten", "Add the item"), icon=":material/add:", key="mote_add"):
            slug, params, title = chosen
            if _write(lambda s: meetings.add_item(s, actor(), m.id, m.version, meetings.ItemInput(title, slug, params)),
                      _t(f"”{title}” har lagts till.", f"\u201c{title}\u201d was added.")):
                st.rerun()
    freeze(m)


def _params_text(params: dict) -> str:
    return " & ".join(f"{k}={','.join(v) if isinstance(v, list) else v}" for k, v in params.items())


def freeze(m: meetings.MeetingView) -> None:
    st.subheader(_t("Frys mötet", "Freeze the meeting"))
    st.markdown(_t("När mötet fryses sparas hela lägesbilden som den ser ut nu, med en manifestfil (datum, källor, "
                   "kontrollsummor). Under mötet visar alla sidor de frysta siffrorna, även om nya data läses in. "
                   "Dagordningen låses; beslut och åtgärder kan fortfarande föras in. Det går inte att ångra.",
                   "Freezing stores the whole picture as it is now, with a manifest (date, sources, checksums). During the "
                   "meeting every page shows the frozen figures, even if new data is loaded. The agenda is locked; decisions "
                   "and actions can still be recorded. It cannot be undone."))
    sure = st.checkbox(_t("Jag vill frysa mötet nu", "I want to freeze the meeting now"), key="mote_frys_ok")
    if st.button(_t("Frys mötet", "Freeze the meeting"), icon=":material/lock:", disabled=not sure or not m.items, key="mote_frys"):
        if _write(lambda s: meetings.freeze(s, actor(), m.id, m.version),
                  _t("Mötet är fryst. Alla sidor visar nu mötets lägesbild.", "The meeting is frozen. Every page now shows its picture.")):
            st.session_state.pop("mote_frys_ok", None)
            st.rerun()


# --- decisions and åtgärder --------------------------------------------------------------------------


def actions(m: meetings.MeetingView, ctx: views.MeetingContext) -> None:
    acts = ctx.actions
    carried = acts[acts["carried_from"].notna()] if not acts.empty else acts
    st.subheader(_t("Åtgärder från förra mötet", "Actions from the previous meeting"))
    if ctx.previous_title:
        st.caption(_t(f"Förra mötet: {md_escape(ctx.previous_title)} ({fmt.iso(ctx.previous_date)}). Öppna åtgärder förs över "
                      "när mötet skapas.", f"Previous meeting: {md_escape(ctx.previous_title)} ({fmt.iso(ctx.previous_date)}). "
                      "Open actions are carried over when the meeting is created."))
        if st.button(_t("Hämta nya öppna åtgärder från förra mötet", "Fetch new open actions from the previous meeting"),
                     icon=":material/sync:", key="mote_hamta"):
            if _write(lambda s: meetings.carry_open_actions(s, actor(), m.id), _t("Klart.", "Done.")):
                st.rerun()
    action_list(carried, key="mote_fran")
    for it in m.items:
        st.subheader(f"{it.position}. {md_escape(it.title)}")
        mine = acts[acts["agenda_item_id"] == it.id] if not acts.empty else acts
        action_list(mine, key=f"mote_akt_{it.id}")
        action_form(m, it.id, key=f"mote_form_{it.id}")
    loose = acts[acts["agenda_item_id"].isna() & acts["carried_from"].isna()] if not acts.empty else acts
    st.subheader(_t("Övrigt", "Other business"))
    action_list(loose, key="mote_ovrigt")
    action_form(m, None, key="mote_form_ovrigt")


def action_list(df: pd.DataFrame, *, key: str) -> None:
    if df.empty:
        st.caption(_t("Inga beslut eller åtgärder.", "No decisions or actions."))
        return
    for a in df.itertuples(index=False):
        kind = views.meeting.kind_label(a.kind, lang())
        due = f" · {_t('senast', 'by')} {fmt.iso(a.due_date)}" if a.due_date else ""
        who = f" · {md_escape(a.owner)}" if a.owner else ""
        text = f"**{kind}:** {md_escape(a.text)}{who}{due}"
        if a.kind == "atgard":
            wkey = f"{key}_klar_{a.id}"
            st.session_state[wkey] = bool(a.done)

            def toggle(aid=a.id, wkey=wkey):
                _write(lambda s: meetings.set_action_done(s, actor(), aid, bool(st.session_state[wkey])), _t("Sparat.", "Saved."))

            st.checkbox(text, key=wkey, on_change=toggle)
        else:
            st.markdown(f":material/gavel: {text}")


def action_form(m: meetings.MeetingView, item_id: int | None, *, key: str) -> None:
    with st.popover(_t("Nytt beslut eller ny åtgärd", "New decision or action"), icon=":material/add:"):
        forms.clear_if_saved(key, (f"{key}_typ", f"{key}_vad", f"{key}_vem", f"{key}_senast"))
        with st.form(key, enter_to_submit=False):
            kind = st.radio(_t("Typ", "Type"), list(meetings.KINDS), horizontal=True, key=f"{key}_typ",
                            format_func=lambda k, lg=lang(): views.meeting.kind_label(k, lg))
            text = st.text_area(_t("Vad", "What"), max_chars=meetings.MAX_TEXT, key=f"{key}_vad")
            c1, c2 = st.columns(2)
            owner = c1.text_input(_t("Vem (ansvarig)", "Who (responsible)"), max_chars=meetings.MAX_OWNER, key=f"{key}_vem")
            due = c2.date_input(_t("Senast (valfritt)", "By (optional)"), value=None, format="YYYY-MM-DD", key=f"{key}_senast")
            if st.form_submit_button(_t("Spara", "Save"), icon=":material/save:", key=f"{key}_spara"):
                data = meetings.ActionInput(kind, text, owner, due, item_id)
                if _write(lambda s: meetings.add_action(s, actor(), m.id, data), _t("Sparat.", "Saved.")):
                    forms.mark_saved(key)
                    st.rerun()


# --- since the last meeting, and the pre-read ----------------------------------------------------------


def since_last(ctx: views.MeetingContext) -> None:
    vc = views.meeting.since_last(picture(), ctx, lang())
    view_ui.render(vc, key="mote_sedan")


def export(m: meetings.MeetingView, ctx: views.MeetingContext) -> None:
    from lagesbild.export.images import ExportUnavailable
    from lagesbild.export.meeting_pack import export_meeting

    st.markdown(_t("Mötespaketet är en ZIP med underlaget som PDF och PPTX (varje punkt med alla rader i sina tabeller), "
                   "manifestfilen (datum, källor, kontrollsummor) och besluten som CSV. Allt byggs ur mötets data.",
                   "The meeting pack is a ZIP with the pre-read as PDF and PPTX (each item with every row of its tables), the "
                   "manifest (date, sources, checksums) and the decisions as CSV. Everything is built from the meeting's data."))
    if not m.frozen:
        st.warning(_t("Mötet är inte fryst: underlaget byggs av dagens data och kan ändras före mötet.",
                      "The meeting is not frozen: the pre-read is built from today's data and may change before the meeting."),
                   icon=":material/lock_open:")
    if not m.items:
        st.info(_t("Lägg till punkter i dagordningen först.", "Add items to the agenda first."))
        return
    key = f"mote_pack_{m.id}_{m.version}_{len(ctx.actions)}_{int(ctx.actions['done'].sum()) if not ctx.actions.empty else 0}"
    if st.button(_t("Skapa mötespaketet", "Create the meeting pack"), icon=":material/picture_as_pdf:", key="mote_export"):
        bar = st.progress(0.0, text=_t("Startar …", "Starting …"))
        try:
            with store().session() as s:
                manifest = meetings.manifest(s, m.id)
            pack = export_meeting(picture(), m, ctx, partner_names(picture()), manifest=manifest, lang=lang(), demo=demo_on(),
                                  progress=lambda f, text: bar.progress(min(1.0, f), text=text))
        except ExportUnavailable as err:
            st.error(str(err), icon=":material/error:")
            return
        st.session_state[key] = pack
        bar.progress(1.0, text=_t(f"Klart på {fmt.number(pack.timings['total'], 1, lang())} s.",
                                   f"Done in {fmt.number(pack.timings['total'], 1, lang())} s."))
    pack = st.session_state.get(key)
    if pack is None:
        return
    c1, c2, c3 = st.columns(3)
    c1.download_button(_t("Mötespaket (ZIP)", "Meeting pack (ZIP)"), pack.zip, f"{pack.basename}.zip", "application/zip",
                       icon=":material/folder_zip:", on_click="ignore", key="mote_dl_zip", type="primary")
    c2.download_button("PDF", pack.pdf, f"{pack.basename}.pdf", "application/pdf", icon=":material/picture_as_pdf:",
                       on_click="ignore", key="mote_dl_pdf")
    c3.download_button("PPTX", pack.pptx, f"{pack.basename}.pptx",
                       "application/vnd.openxmlformats-officedocument.presentationml.presentation", icon=":material/slideshow:",
                       on_click="ignore", key="mote_dl_pptx")
