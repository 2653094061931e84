"""The presenter's window: speaker notes for the slide the audience sees, in a window of its own
(?mote=<id>&presentation=1&talare=1), following the audience window.

The two windows are two Streamlit sessions. The audience window publishes where it is (meeting,
item, slide and that slide's notes) to a small process-wide table; the presenter window reads
it once a second in a fragment, so only that part reruns. Nothing is written to the store.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import streamlit as st

from lagesbild.i18n import t
from lagesbild.ui.figure_ui import md_escape
from lagesbild.ui.state import lang
from lagesbild.agenda.slides import Slide

PARAM = "talare"
POLL_SECONDS = 1.0


@dataclass(frozen=True)
class Position:
    item: int
    slide: int
    title: str
    headline: str
    notes: tuple[str, ...]
    at: float


@st.cache_resource
def _board() -> tuple[threading.Lock, dict[int, Position]]:
    return threading.Lock(), {}


def publish(meeting_id: int, item: int, slide_no: int, title: str, slide: Slide) -> None:
    lock, board = _board()
    with lock:
        board[meeting_id] = Position(item, slide_no, title, slide.headline, slide.notes, time.time())


def position(meeting_id: int) -> Position | None:
    lock, board = _board()
    with lock:
        return board.get(meeting_id)


def active() -> bool:
    return st.query_params.get(PARAM) in ("1", "true")


def open_button(where) -> None:
    """Opens the presenter's window (a new browser window or tab) for this meeting."""
    query = "&".join(f"{k}={v}" for k, v in (("mote", st.query_params.get("mote", "")), ("presentation", "1"), (PARAM, "1")))
    where.link_button(t("presenter.presenter_view", lang()), f"?{query}", icon=":material/speaker_notes:",
                      help=t("presenter.open_button.opens_speaker_notes_window", lang()), width="stretch")


def render(meeting_id: int) -> None:
    st.title(t("presenter.presenter_view", lang()))
    st.caption(t("presenter.render.follows_presentation_window_updated", lang()))
    _follow(meeting_id)


@st.fragment(run_every=POLL_SECONDS)
def _follow(meeting_id: int) -> None:
    pos = position(meeting_id)
    if pos is None:
        st.info(t("presenter.follow.presentation_has_not_started", lang()), icon=":material/hourglass_empty:")
        return
    st.subheader(f"{t('presenter.follow.item', lang())} {pos.item} · {t('presenter.follow.slide', lang())} {pos.slide}: {md_escape(pos.title)}")
    st.markdown(f"**{md_escape(pos.headline)}**")
    if pos.notes:
        st.markdown("\n".join(f"- {md_escape(n)}" for n in pos.notes))
    else:
        st.caption(t("presenter.follow.no_notes_this_slide", lang()))
