"""The update form on a reform's page, with optimistic concurrency.

When the reform is opened, the version the user sees is kept in session state (per reform).
Saving names that version; if someone else saved in between, `record_update` refuses with
a Swedish message, the form keeps what the user typed, and the other person's newer
assessment is shown. Having seen it, the user can save again. Nothing is lost either way.
"""
from __future__ import annotations

import threading
from datetime import date

import pandas as pd
import streamlit as st

from lagesbild.domain import ReformStatus
from lagesbild.errors import ConflictError, Issue, LagesbildError, PermissionDenied, ValidationError
from lagesbild.i18n import t
from lagesbild.queries.reforms import STATUS_ORDER
from lagesbild.store.access import require
from lagesbild.store.reforms import UpdateInput, record_update, saved_since
from lagesbild.ui.reform_card import assessment  # the timeline's card, to show the newer one the same way
from lagesbild.ui.state import lang, store
from lagesbild.ui.session import actor

OPEN_KEY = "reform_open"  # the reform whose page is open; reopening reads the version afresh
SAVE_LOCK_KEY = "_reform_save_lock"
DRAFTS_KEY = "reform_drafts"  # {reform id: {field: value}}: what was typed, until it is saved
FIELDS = ("status", "date", "progress", "motivation", "source", "author")
REQUIRED = ("status", "date", "motivation", "source", "author")
CHOICES = [c for c in STATUS_ORDER if c != ReformStatus.EJ_BEDOMD.value]


def may_update(pic) -> bool:
    """Say why not (frozen meeting, read access) and return False; the store checks again."""
    if pic.frozen:
        st.info(t("reform.form.frozen", lang()), icon=":material/lock:")
        return False
    try:
        require(actor(), "reform.update")
    except PermissionDenied as err:
        st.info(str(err), icon=":material/lock:")
        return False
    return True


def seen_key(rid: str) -> str:
    return f"reform_seen_version_{rid}"


def field_key(rid: str, name: str, gen: int = 0) -> str:
    """The widget key of one field in the form's `gen`-th generation (see `_saved`)."""
    return f"reform_form_{rid}_{name}" + (f"_{gen}" if gen else "")


def gen_key(rid: str) -> str:
    return f"reform_form_gen_{rid}"


def _key(rid: str, name: str) -> str:
    """The key of a field in the form as it is drawn now."""
    return field_key(rid, name, st.session_state.get(gen_key(rid), 0))


def _conflict_key(rid: str) -> str:
    return f"reform_conflict_{rid}"


def _issues_key(rid: str) -> str:
    return f"reform_form_issues_{rid}"


def _flash_key(rid: str) -> str:
    return f"reform_form_saved_{rid}"


def _pending_key(rid: str) -> str:
    return f"reform_form_pending_{rid}"


def render(pic, row: pd.Series, rid: str, hist: pd.DataFrame) -> None:
    """The form, or why it is not there (read-only role, frozen meeting view)."""
    lg = lang()
    ss = st.session_state
    if ss.get(OPEN_KEY) != rid:  # the page was (re)opened: this is the version the user now sees
        ss[OPEN_KEY] = rid
        ss[seen_key(rid)] = int(row["version"])
        ss.pop(_conflict_key(rid), None)  # messages from an earlier visit no longer apply
        ss.pop(_issues_key(rid), None)
        ss.pop(_flash_key(rid), None)
        _restore_draft(rid, reopened=True)
    if not may_update(pic):
        return
    if _reconcile(rid):
        st.rerun()  # the save landed: draw the page again from the store, with the new history
    _restore_draft(rid)
    _messages(rid, row, hist)
    open_ = bool(ss.get(_conflict_key(rid)) or ss.get(_issues_key(rid)) or ss.get(DRAFTS_KEY, {}).get(rid))
    with st.expander(t("reform.form.title", lg), icon=":material/edit_note:", expanded=open_):
        _form(rid)


def _save_lock() -> threading.Lock:
    """One per session. Streamlit's fast reruns start the next run of a session while the
    previous one is still inside a callback (e.g. waiting for a busy database); without the
    lock the next run could look at the store before the save has finished."""
    return st.session_state.setdefault(SAVE_LOCK_KEY, threading.Lock())


def _reconcile(rid: str) -> bool:
    """A save whose callback was cut short by the next rerun (a click while the store was busy)
    may or may not have reached the store. Ask the store, not the session, once the save has
    finished: if it landed, finish as a save does (True); if not, say so and keep the input."""
    ss = st.session_state
    if _pending_key(rid) not in ss:
        return False
    with _save_lock():
        pending = ss.pop(_pending_key(rid), None)
        if pending is None:  # the cut-short run finished the save itself meanwhile
            return False
        with store().session() as s:
            seq = saved_since(s, rid, pending["since"], actor().name, pending["motivation"])
    if seq is None:
        ss[_issues_key(rid)] = (t("reform.form.interrupted", lang()), [])
        return False
    _saved(rid, seq)
    return True


def _saved(rid: str, seq: int) -> None:
    """Finish a save: confirm it and empty the form. The pending mark goes last, so a run cut
    short here is finished by the next one."""
    ss = st.session_state
    ss[seen_key(rid)] = seq
    ss.pop(_conflict_key(rid), None)
    ss[_flash_key(rid)] = True
    ss.get(DRAFTS_KEY, {}).pop(rid, None)
    for name in FIELDS:
        ss.pop(_key(rid, name), None)
    # New widget keys: a popped key resets the value on the server only, the browser would keep
    # showing (and later send back) the saved text in the now empty form.
    ss[gen_key(rid)] = ss.get(gen_key(rid), 0) + 1
    ss.pop(_pending_key(rid), None)


def _keep_draft(rid: str) -> None:
    """Copy the typed values out of the widgets' state. Streamlit forgets a widget's state after
    any run that does not draw it (the list shown instead, another page), so the form's input
    is kept here, per reform, until it is saved."""
    ss = st.session_state
    ss.setdefault(DRAFTS_KEY, {})[rid] = {name: ss.get(_key(rid, name)) for name in FIELDS}


def _restore_draft(rid: str, *, reopened: bool = False) -> None:
    """Put the kept input back before the widgets are drawn: always when the reform is opened
    again (the browser may have dropped the widgets), else only for widgets that lost theirs."""
    ss = st.session_state
    draft = ss.get(DRAFTS_KEY, {}).get(rid) or {}
    for name, value in draft.items():
        if value is not None and (reopened or _key(rid, name) not in ss):
            ss[_key(rid, name)] = value


def _messages(rid: str, row: pd.Series, hist: pd.DataFrame) -> None:
    lg = lang()
    ss = st.session_state
    # Not popped when shown: a run that drew it can be cut short by the next rerun (another
    # click while saving) and the confirmation would be lost. It goes with the next submit.
    if ss.get(_flash_key(rid)):
        st.success(t("reform.form.saved", lg), icon=":material/check_circle:")
    issues = ss.get(_issues_key(rid))
    if issues:
        summary, lines = issues
        st.error(summary + "\n\n" + "\n".join(f"- {line}" for line in lines), icon=":material/error:")
    conflict = ss.get(_conflict_key(rid))
    if conflict:
        st.error(conflict["message"], icon=":material/sync_problem:")
        newer = hist[hist["seq"] > conflict["since"]]
        st.markdown(f"**{t('reform.form.newer', lg)}:**")
        for _, h in newer.iterrows():
            assessment(h)
        # The user has now seen everything up to the current version: saving again is allowed.
        ss[seen_key(rid)] = int(row["version"])


def _label(name: str) -> str:
    """Field label; required fields carry an asterisk, explained above the form."""
    return t("reform.form." + name, lang()) + (" *" if name in REQUIRED else "")


def _form(rid: str) -> None:
    from lagesbild.charts.reforms import status_label

    lg = lang()
    st.caption(t("reform.form.required", lg))
    with st.form(f"reform_form_{rid}", border=False):
        c1, c2, c3 = st.columns(3)
        c1.selectbox(_label("status"), CHOICES, index=None, key=_key(rid, "status"),
                     format_func=lambda c: status_label(c, lg), placeholder=t("reform.form.status_placeholder", lg))
        c2.date_input(_label("date"), max_value=date.today(), format="YYYY-MM-DD", key=_key(rid, "date"))
        c3.number_input(_label("progress"), min_value=0, max_value=100, step=5, value=None,
                        key=_key(rid, "progress"), placeholder="0–100",
                        help=t("reform_form.form.reforms_several_parts_share", lg))
        st.text_area(_label("motivation"), key=_key(rid, "motivation"), max_chars=4000,
                     help=t("reform_form.form.what_has_happened_which", lg))
        c4, c5 = st.columns([2, 1])
        c4.text_input(_label("source"), key=_key(rid, "source"), placeholder="https://")
        c5.text_input(_label("author"), key=_key(rid, "author"))
        st.form_submit_button(t("reform.form.submit", lg), type="primary", icon=":material/save:",
                              on_click=_save, args=(rid,), key=f"reform_form_{rid}_submit")


def _read_form(rid: str) -> UpdateInput:
    """The typed values as an UpdateInput; missing status/date become Swedish issues."""
    ss = st.session_state
    status, day = ss.get(_key(rid, "status")), ss.get(_key(rid, "date"))
    missing = []
    if not status:
        missing.append(Issue("välj en status.", column="status"))
    if not isinstance(day, date):
        missing.append(Issue("ange ett datum (ÅÅÅÅ-MM-DD).", column="datum"))
    if missing:
        raise ValidationError(missing, "Bedömningen sparades inte:")
    progress = ss.get(_key(rid, "progress"))
    return UpdateInput(
        status=ReformStatus(status), update_date=day,
        motivation=ss.get(_key(rid, "motivation")) or "", source_url=ss.get(_key(rid, "source")) or "",
        author=ss.get(_key(rid, "author")) or "", progress=None if progress is None else int(progress),
    )


# The store names problems by the sheet's column names; the form shows its own field labels.
_FIELD_OF_COLUMN = {"status": "status", "datum": "date", "framsteg": "progress", "motivering": "motivation",
                    "källa": "source", "bedömd av": "author"}


def _issue_line(issue: Issue) -> str:
    field = _FIELD_OF_COLUMN.get(issue.column or "")
    if field is None:
        return str(issue)
    return f"{t('reform.form.' + field, lang())}: {issue.message}"


def _save(rid: str) -> None:
    """Submit callback: runs before the rerun, so it may reset the widgets after a save."""
    ss = st.session_state
    ss.pop(_issues_key(rid), None)
    ss.pop(_flash_key(rid), None)
    _keep_draft(rid)
    try:
        data = _read_form(rid)
        # Written before the store is touched: if this callback is cut short, the next run
        # asks the store whether the update landed (see _reconcile).
        ss[_pending_key(rid)] = {"since": int(ss[seen_key(rid)]), "motivation": data.motivation}
        with _save_lock(), store().transaction() as s:
            seq = record_update(s, actor(), rid, int(ss[seen_key(rid)]), data).seq
    except ValidationError as err:
        ss.pop(_pending_key(rid), None)
        ss[_issues_key(rid)] = (err.summary, [_issue_line(i) for i in err.issues])
        return
    except ConflictError as err:
        ss.pop(_pending_key(rid), None)
        # Keep what was typed (the widgets keep their state) and show what the other person saved.
        ss[_conflict_key(rid)] = {"message": str(err), "since": int(ss[seen_key(rid)])}
        return
    except LagesbildError as err:  # permission withdrawn, reform missing
        ss.pop(_pending_key(rid), None)
        ss[_issues_key(rid)] = (str(err), [])
        return
    _saved(rid, seq)
