"""Forms that keep what was typed until it is saved.

`st.form(clear_on_submit=True)` empties the fields on every submit, also when the store then
refuses the input, so a user who made one mistake had to type everything again. Instead a form
is cleared only after a successful save: the save marks the form, and the next run empties its
fields before they are drawn (Streamlit refuses changes to a widget's state once it is drawn).
"""
from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from lagesbild.errors import LagesbildError, ValidationError


def _flag(form: str) -> str:
    return f"_form_saved_{form}"


def mark_saved(form: str) -> None:
    """Call after a successful save, before `st.rerun()`."""
    st.session_state[_flag(form)] = True


def clear_if_saved(form: str, keys: Iterable[str]) -> None:
    """Call before drawing the form's widgets: empties them once after a save."""
    if st.session_state.pop(_flag(form), False):
        for k in keys:
            st.session_state.pop(k, None)


def write(fn, done: str, *, store, flash_key: str, form: str | None = None) -> LagesbildError | None:
    """Run `fn(session)` in one transaction of `store`. On success: mark `form` saved, keep
    `done` for `flash` and rerun; on a refusal: show it and return it (inputs are kept)."""
    try:
        with store.transaction() as s:
            fn(s)
    except LagesbildError as err:
        refusal(err)
        return err
    if form:
        mark_saved(form)
    st.session_state[flash_key] = done
    st.rerun()  # redraw the tables and forms with the change


def flash(key: str) -> None:
    """The message of the last successful `write`, once."""
    done = st.session_state.pop(key, None)
    if done:
        st.success(done, icon=":material/check:")


def refusal(err: LagesbildError) -> None:
    """The store's refusal as the user reads it: a summary and one line per problem."""
    if isinstance(err, ValidationError):
        st.error(err.summary + "\n\n" + "\n".join(f"- {i}" for i in err.issues[:50]), icon=":material/error:")
    else:
        st.error(str(err), icon=":material/error:")
