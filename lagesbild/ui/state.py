"""Session-level state shared by all pages: the store, language and demo mode. A leaf: it
imports no other ui module (the picture a page reads and the acting user are in
lagesbild.ui.session, which needs the meeting and login state)."""
from __future__ import annotations

import logging
from datetime import date

import streamlit as st

from lagesbild import warmup
from lagesbild.config import settings
from lagesbild.picture import Picture, data_version, load_live
from lagesbild.errors import SeedError
from lagesbild.store.db import Store


@st.cache_resource(show_spinner="Förbereder databasen …")
def _open_store(url: str, demo: bool) -> Store:
    return Store.open(url, demo=demo)


def demo_on() -> bool:
    from lagesbild.ui.urlstate import url_flag

    asked = url_flag("exempel")  # the URL wins (a shared link), then the session
    return asked if asked is not None else bool(st.session_state.get("exempel", False))


def store() -> Store:
    """The real store, or the separate example-data store while demo mode is on."""
    cfg = settings()
    try:
        return _open_store(cfg.demo_db_url, True) if demo_on() else _open_store(cfg.db_url, False)
    except SeedError as err:  # not cached: the next page view tries again on the still empty database
        _seed_failed(err)


def _seed_failed(err: SeedError) -> None:
    """A reader sees a plain Swedish message; the file, row and column go to the server's log."""
    logging.getLogger("lagesbild").error("Seed failed: %s", err)
    st.error("Lägesbilden kunde inte starta: grunddata kunde inte läsas in, och inget sparades. "
             "Administratören hittar orsaken (fil, rad och kolumn) i serverns logg. Appen försöker igen vid nästa "
             "sidvisning.", icon=":material/error:")
    st.stop()


_NEWEST: dict[str, Picture] = {}  # url -> the newest live picture read (the start of the next one)


@st.cache_resource(show_spinner=False, max_entries=4)
def _live_picture(url: str, version: tuple) -> Picture:
    from lagesbild import picture_cache
    from lagesbild.store.change import store_id

    newest = _NEWEST.get(url)
    # A new version may come with another process's edit of a definition (priority areas).
    store().sync_definitions()
    with store().session() as s:
        sid = store_id(s.connection())
        # A fresh server reads the version from disk if an earlier one wrote it; after an
        # import or an edit only the changed rows are read, the rest is shared.
        pic = picture_cache.load(sid, version[0]) if newest is None else None
        if pic is None:
            pic = load_live(s, reuse=newest)
            picture_cache.save_later(sid, pic)
    warmup.start(pic)  # protect what the write touched before the next page asks
    if pic.version >= getattr(newest, "version", -1):
        _NEWEST[url] = pic
    return pic


def live_picture() -> Picture:
    """The store's picture now (shared across sessions per data version; never mutate it).
    Pages read `lagesbild.ui.session.picture`, which is this or an open meeting's snapshot."""
    st_ = store()
    with st_.session() as s:
        version = data_version(s)
    return _live_picture(st_.engine.url.render_as_string(hide_password=True), version)


@st.cache_resource(show_spinner=False, max_entries=4)
def _newest_data(_store: Store, url: str, version: tuple, today: date) -> date | None:
    from lagesbild.store.meta import newest_data

    with _store.session() as s:
        return newest_data(s, today)


def newest_data_now() -> date | None:
    """The header's "Lägesbild per" for the live store, once per data version and day: the
    two max() queries scan the largest tables, and every run of every page draws the header."""
    st_ = store()
    with st_.session() as s:
        version = data_version(s)
    return _newest_data(st_, st_.engine.url.render_as_string(hide_password=True), version, date.today())


LANGUAGES = {"sv": "Svenska", "en": "English"}


def lang() -> str:
    """The language: the URL (?lang=en) wins, then the session, then Swedish."""
    asked = st.query_params.get("lang")
    if asked in LANGUAGES:
        return asked
    chosen = st.session_state.get("lang")
    return chosen if chosen in LANGUAGES else "sv"


def text(key: str, **values) -> str:
    """A UI string from the one table (lagesbild.i18n) in the shown language."""
    from lagesbild.i18n import t

    return t(key, lang(), **values)
