"""What a page reads and who acts, for this session: the picture (live, or an open meeting's
frozen snapshot) and the actor (local mode or the login). Initialised in one place (app.py
calls `init_sidebar`) as Streamlit's best practice asks."""
from __future__ import annotations

import streamlit as st

from lagesbild.domain import Actor
from lagesbild.i18n import t
from lagesbild.picture import Picture
from lagesbild.ui import auth
from lagesbild.ui.meeting_state import frozen_picture
from lagesbild.ui.state import LANGUAGES, lang, live_picture
from lagesbild.ui.urlstate import url_selectbox, url_toggle


def picture() -> Picture:
    """What every page reads. Live from the store, or a meeting's frozen snapshot while a
    meeting is open (Mötesläge sets `open_meeting`). Shared object: never mutate it."""
    frozen = frozen_picture()
    return frozen if frozen is not None else live_picture()


def actor() -> Actor:
    """Who is acting in this session (see lagesbild.ui.auth); the store checks every write."""
    return auth.current_actor()


def init_sidebar() -> None:
    url_selectbox(t("lang.label", lang()), list(LANGUAGES), param="lang", key="lang", default="sv",
                  format_func=LANGUAGES.get, sticky=True, where=st.sidebar)
    url_toggle(t("demo.toggle", lang()), param="exempel", help=t("demo.help", lang()), where=st.sidebar)
    auth.sidebar_user()
