"""The open meeting: which meeting this session shows, its frozen Picture, and the banner.

A meeting is opened from Mötesläge or by a link with ?mote=<id>. The session remembers it
(`open_meeting`) and puts it back in the URL on every page, so a link copied from any page
opens the same frozen view. While a *frozen* meeting is open, `session.picture()` returns the
meeting's snapshot instead of the live data: every page shows the data as it stood, even when
new data is imported meanwhile. A draft meeting changes nothing but the banner.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

import streamlit as st

from lagesbild import fmt
from lagesbild.i18n import t
from lagesbild.picture import Picture
from lagesbild.ui.state import lang, live_picture, store

PARAM = "mote"
KEY = "open_meeting"
PRESENTATION = "presentation"
# Parameters of the frame (not of a page's view): never saved as part of an agenda item.
FRAME_PARAMS = {PARAM, PRESENTATION, "punkt", "lang", "exempel", "embed", "embed_options"}


def open_meeting() -> int | None:
    """The open meeting's id. ?mote=<id> in the URL opens it; ?mote= (empty) or an id that is
    not a number closes it. The session's choice is written back to the URL."""
    raw = st.query_params.get(PARAM)
    if raw is not None:
        try:
            st.session_state[KEY] = int(raw)
        except ValueError:
            st.session_state[KEY] = None
            del st.query_params[PARAM]
    mid = st.session_state.get(KEY)
    if mid is not None and st.query_params.get(PARAM) != str(mid):
        st.query_params[PARAM] = str(mid)
    return mid


def set_open(meeting_id: int | None) -> None:
    st.session_state[KEY] = meeting_id
    if meeting_id is None:
        if PARAM in st.query_params:
            del st.query_params[PARAM]
    else:
        st.query_params[PARAM] = str(meeting_id)


@dataclass(frozen=True)
class OpenInfo:
    id: int
    title: str
    meeting_date: date
    frozen: bool
    as_of: date | None
    snapshot_key: str | None  # the content checksum: a new freeze gives a new cache entry
    changed_definitions: tuple[str, ...] = ()  # definitions edited since the freeze


def info() -> OpenInfo | None:
    """The open meeting's facts, or None (also when the id names no meeting: then it closes)."""
    from lagesbild.errors import NotFound
    from lagesbild.store import meetings

    mid = open_meeting()
    if mid is None:
        return None
    with store().session() as s:
        try:
            m = meetings.get_meeting(s, mid)
        except NotFound:
            set_open(None)
            st.warning(t("mote.state.info.meeting_does_not_exist", lang(), mid=mid),
                       icon=":material/warning:")
            return None
        man = meetings.manifest(s, mid)
    from lagesbild.store import definitions

    as_of = date.fromisoformat(man["as_of"]) if man else None
    changed = tuple(definitions.changed_since(man.get("definitions"))) if man else ()
    return OpenInfo(m.id, m.title, m.meeting_date, m.frozen, as_of, meetings.snapshot_key(man) if man else None, changed)


@st.cache_resource(show_spinner="Läser mötets frysta lägesbild …", max_entries=8)
def _snapshot(url: str, meeting_id: int, key: str) -> Picture:
    from lagesbild.store import meetings

    with store().session() as s:
        # Tables unchanged since the freeze are shared with the live picture, not read again.
        return meetings.load_snapshot(s, meeting_id, reuse=live_picture())


def snapshot_of(meeting_id: int) -> Picture | None:
    """A frozen meeting's picture (cached per content), or None for a draft."""
    from lagesbild.store import meetings

    with store().session() as s:
        man = meetings.manifest(s, meeting_id)
    if man is None:
        return None
    return _snapshot(store().engine.url.render_as_string(hide_password=True), meeting_id, meetings.snapshot_key(man))


def frozen_picture() -> Picture | None:
    """The open meeting's snapshot, when a frozen meeting is open; else None."""
    oi = info()
    if oi is None or not oi.frozen or oi.snapshot_key is None:
        return None
    return _snapshot(store().engine.url.render_as_string(hide_password=True), oi.id, oi.snapshot_key)


def presenting() -> bool:
    return st.query_params.get(PRESENTATION) == "1"


def banner() -> bool:
    """The header while a meeting is open: "Lägesbild per <date> (fryst för mötet <title>)",
    with a button to close meeting mode. Returns False when no meeting is open."""
    oi = info()
    if oi is None:
        return False
    if presenting():
        return True  # the presentation view draws its own, smaller line
    with st.container(border=True, key="mote_banner"):
        left, right = st.columns([4, 1.3], vertical_alignment="center")
        if oi.frozen:
            left.markdown(f"#### :material/lock: {t('mote.state.banner.situation_as', lang())} {fmt.iso(oi.as_of)} "
                          f"({t('mote.state.banner.frozen_meeting', lang())} ”{_md(oi.title)}”)")
            left.caption(t("mote.state.banner.every_page_shows_meeting", lang()))
            if oi.changed_definitions:
                left.caption(t("mote.state.banner.definitions_changed", lang(), what=_labels(oi.changed_definitions)))
        else:
            left.markdown(f"**:material/co_present: {t('mote.state.banner.meeting', lang())} ”{_md(oi.title)}” "
                          f"({fmt.iso(oi.meeting_date)}) {t('mote.state.banner.open_but_not_frozen', lang())}**")
            save_view_button(left, oi)
        right.button(t("mote.state.banner.close_meeting_mode", lang()), icon=":material/close:", key="mote_banner_close",
                     on_click=set_open, args=(None,))
    return True


def _labels(names: tuple[str, ...]) -> str:
    from lagesbild.store.definitions import LABELS

    return ", ".join(LABELS[n][lang() == "en"] for n in names)


def _md(text: str) -> str:
    from lagesbild.ui.figure_ui import md_escape

    return md_escape(text)


# --- "Spara nuvarande vy" ------------------------------------------------------------------------


def current_view() -> tuple[str, dict] | None:
    """The page shown and its view parameters (from the address), if it can be an agenda item."""
    from lagesbild.registry.pages import PAGES

    url = getattr(st.context, "url", None)
    if not url:
        return None
    path = urlparse(url).path.rstrip("/")
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    slug = path.rsplit("/", 1)[-1] if path else ""
    if slug == base:
        slug = ""
    specs = {p.slug: p for p in PAGES}
    spec = specs.get(slug) or next((p for p in PAGES if p.default and slug == ""), None)
    if spec is None or not spec.in_agenda or spec.slug == "mote":
        return None
    params = {}
    for key in st.query_params:
        if key in FRAME_PARAMS:
            continue
        values = st.query_params.get_all(key)
        params[key] = values if len(values) > 1 else values[0]
    return spec.slug, params


def save_view_button(where, oi: OpenInfo) -> None:
    """A draft meeting is open: store this page with its filters as an agenda item."""
    from lagesbild import agenda
    from lagesbild.errors import LagesbildError
    from lagesbild.store import meetings
    from lagesbild.ui.auth import current_actor as actor
    from lagesbild.ui.state import live_picture as picture  # a draft meeting is open: the live picture

    view = current_view()
    if view is None:
        return
    slug, params = view
    if where.button(t("mote.state.save_view_button.add_this_view_agenda", lang()), icon=":material/playlist_add:",
                    key="mote_save_view"):
        title = agenda.describe(picture(), slug, params, lang())
        try:
            with store().transaction() as s:
                version = meetings.get_meeting(s, oi.id).version
                meetings.add_item(s, actor(), oi.id, version, meetings.ItemInput(title, slug, params))
            st.toast(t("mote.state.save_view_button.was_added_agenda", lang(), title=title),
                     icon=":material/check:")
        except LagesbildError as err:
            st.error(str(err))
