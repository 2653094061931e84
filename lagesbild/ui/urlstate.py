"""Widgets whose value lives in the URL as an id, so a view can be shared as a link.

Streamlit's `bind="query-params"` writes the *displayed label* into the URL when a
`format_func` is given: the link then changes with the language and a link carrying the id
(?status=pagaende, ?lang=en) is ignored. These widgets keep the id in the URL instead. The
URL is the source of truth; a change in the widget writes it back."""
from __future__ import annotations

import streamlit as st


def url_selectbox(label: str, options: list[str], *, param: str, format_func=str, default: str | None = None,
                  placeholder: str | None = None, disabled: bool = False, key: str | None = None,
                  sticky: bool = False, where=st) -> str | None:
    """A selectbox stored as ?param=id. `sticky` puts a non-default value back into the URL
    after a page switch has cleared it (used for the language, which spans pages)."""
    widget = key or f"_url_{param}"
    if widget in st.session_state and st.session_state[widget] not in options:
        del st.session_state[widget]  # the options changed (e.g. the periods of another measure)
    asked = st.query_params.get(param)
    if asked in options and st.session_state.get(widget) != asked:
        st.session_state[widget] = asked
    elif asked is not None and asked not in options:
        del st.query_params[param]  # unknown id: fall back to the default, say nothing
    elif asked is None and sticky and st.session_state.get(widget) not in (None, default):
        st.query_params[param] = st.session_state[widget]

    index = options.index(default) if default in options else (0 if placeholder is None else None)
    kwargs = {} if widget in st.session_state else {"index": index}
    return where.selectbox(label, options, key=widget, format_func=format_func, on_change=_selectbox_to_url,
                           args=(widget, param, default), placeholder=placeholder, disabled=disabled, **kwargs)


def _selectbox_to_url(widget: str, param: str, default: str | None) -> None:
    value = st.session_state.get(widget)
    if value is None or value == default:
        if param in st.query_params:
            del st.query_params[param]
    else:
        st.query_params[param] = value


def url_multiselect(where, label: str, options: list[str], key: str, format_func, placeholder: str) -> list[str]:
    """A multiselect whose ids live in the URL (?akt_status=planerad&akt_status=pagaende)."""
    wanted = [v for v in st.query_params.get_all(key) if v in options]
    if st.session_state.get(key) != wanted:
        st.session_state[key] = wanted
    return where.multiselect(label, options, key=key, format_func=format_func, placeholder=placeholder,
                             select_all=False, on_change=_multiselect_to_url, args=(key,))


def _multiselect_to_url(key: str) -> None:
    values = st.session_state.get(key) or []
    if values:
        st.query_params[key] = values
    elif key in st.query_params:
        del st.query_params[key]


def url_id(param: str) -> str | None:
    """?param=id, with the address bar brought in line with this run.

    A `st.page_link(..., query_params=...)` to the page already shown runs the page with its
    parameters but leaves the browser's address unchanged (in both directions: a link to a
    reform keeps /reformer, the link back to the list keeps ?reform=R06). The next rerun (a
    form submit, any widget) then arrives with the stale address and the page shows something
    else than the user was working on. `update()` with nothing sends this run's parameters to
    the browser, which adds a history entry only when they differ from the address."""
    value = st.query_params.get(param)
    st.query_params.update()
    return value


TRUE = ("true", "1", "ja", "yes", "on")


def url_flag(param: str) -> bool | None:
    """?param=true/false as a bool; None when the URL does not say."""
    raw = st.query_params.get(param)
    return None if raw is None else raw.strip().lower() in TRUE


def url_toggle(label: str, *, param: str, help: str | None = None, where=st) -> bool:
    """A toggle stored as ?param=true, kept in the URL across page switches (off = absent)."""
    asked = url_flag(param)
    if asked is not None and st.session_state.get(param) != asked:
        st.session_state[param] = asked
    elif asked is None and st.session_state.get(param):
        st.query_params[param] = "true"
    return where.toggle(label, key=param, help=help, on_change=_toggle_to_url, args=(param,))


def _toggle_to_url(param: str) -> None:
    if st.session_state.get(param):
        st.query_params[param] = "true"
    elif param in st.query_params:
        del st.query_params[param]
