"""The update form on a reform's page, with optimistic concurrency.

When the reform is opened, the version the user sees is kept in session state (per reform).
Saving names that version; if someone else saved in between, `record_update` refuses with
a Swedish message, the form keeps what the user typed, and the other person's newer
assessment is shown. Having seen it, the user can save again. Nothing is lost either way.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from lagesbild.domain import ReformStatus
from lagesbild.errors import ConflictError, Issue, LagesbildError, PermissionDenied, ValidationError
from lagesbild.i18n import t
from lagesbild.reform_views import STATUS_ORDER
from lagesbild.store.access import require
from lagesbild.store.reforms import UpdateInput, record_update
from lagesbild.ui.state import actor, lang, store

OPEN_KEY = "reform_open"  # the reform whose page is open; reopening reads the version afresh
FIELDS = ("status", "date", "progress", "motivation", "source", "author")
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


def field_key(rid: str, name: str) -> str:
    return f"reform_form_{rid}_{name}"


def _conflict_key(rid: str) -> str:
    return f"reform_conflict_{rid}"


def _issues_key(rid: str) -> str:
    return f"reform_form_issues_{rid}"


def _flash_key(rid: str) -> str:
    return f"reform_form_saved_{rid}"


def render(pic, row: pd.Series, rid: str, hist: pd.DataFrame) -> None:
    """The form, or why it is not there (read-only role, frozen meeting view)."""
    lg = lang()
    ss = st.session_state
    if ss.get(OPEN_KEY) != rid:  # the page was (re)opened: this is the version the user now sees
        ss[OPEN_KEY] = rid
        ss[seen_key(rid)] = int(row["version"])
        ss.pop(_conflict_key(rid), None)  # messages from an earlier visit no longer apply
        ss.pop(_issues_key(rid), None)
    if not may_update(pic):
        return
    _messages(rid, row, hist)
    with st.expander(t("reform.form.title", lg), icon=":material/edit_note:", expanded=bool(ss.get(_conflict_key(rid)) or ss.get(_issues_key(rid)))):
        _form(rid)


def _messages(rid: str, row: pd.Series, hist: pd.DataFrame) -> None:
    from lagesbild.ui.reform_ui import assessment  # the timeline's card, to show the newer one the same way

    lg = lang()
    ss = st.session_state
    if ss.pop(_flash_key(rid), None):
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


def _form(rid: str) -> None:
    from lagesbild.charts.reforms import status_label

    lg = lang()
    with st.form(f"reform_form_{rid}", border=False):
        c1, c2, c3 = st.columns(3)
        c1.selectbox(t("reform.form.status", lg), CHOICES, index=None, key=field_key(rid, "status"),
                     format_func=lambda c: status_label(c, lg), placeholder=t("reform.form.status_placeholder", lg))
        c2.date_input(t("reform.form.date", lg), max_value=date.today(), format="YYYY-MM-DD", key=field_key(rid, "date"))
        c3.number_input(t("reform.form.progress", lg), min_value=0, max_value=100, step=5, value=None,
                        key=field_key(rid, "progress"), placeholder="0–100",
                        help=_sv_en(lg, "För reformer med flera delar: andelen delar som är klara.",
                                    "For reforms with several parts: the share of parts done."))
        st.text_area(t("reform.form.motivation", lg), key=field_key(rid, "motivation"), max_chars=4000,
                     help=_sv_en(lg, "Vad har hänt, och vilka delar är klara? Utfall, inte avsikter.",
                                 "What has happened, and which parts are done? Outcomes, not intentions."))
        c4, c5 = st.columns([2, 1])
        c4.text_input(t("reform.form.source", lg), key=field_key(rid, "source"), placeholder="https://")
        c5.text_input(t("reform.form.author", lg), key=field_key(rid, "author"))
        st.form_submit_button(t("reform.form.submit", lg), type="primary", icon=":material/save:",
                              on_click=_save, args=(rid,), key=f"reform_form_{rid}_submit")


def _sv_en(lg: str, sv: str, en: str) -> str:
    return en if lg == "en" else sv


def _read_form(rid: str) -> UpdateInput:
    """The typed values as an UpdateInput; missing status/date become Swedish issues."""
    ss = st.session_state
    status, day = ss.get(field_key(rid, "status")), ss.get(field_key(rid, "date"))
    missing = []
    if not status:
        missing.append(Issue("välj en status.", column="status"))
    if not isinstance(day, date):
        missing.append(Issue("ange ett datum (ÅÅÅÅ-MM-DD).", column="datum"))
    if missing:
        raise ValidationError(missing, "Bedömningen sparades inte:")
    progress = ss.get(field_key(rid, "progress"))
    return UpdateInput(
        status=ReformStatus(status), update_date=day,
        motivation=ss.get(field_key(rid, "motivation")) or "", source_url=ss.get(field_key(rid, "source")) or "",
        author=ss.get(field_key(rid, "author")) or "", progress=None if progress is None else int(progress),
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
    try:
        data = _read_form(rid)
        with store().transaction() as s:
            record_update(s, actor(), rid, int(ss[seen_key(rid)]), data)
    except ValidationError as err:
        ss[_issues_key(rid)] = (err.summary, [_issue_line(i) for i in err.issues])
        return
    except ConflictError as err:
        # Keep what was typed (the widgets keep their state) and show what the other person saved.
        ss[_conflict_key(rid)] = {"message": str(err), "since": int(ss[seen_key(rid)])}
        return
    except LagesbildError as err:  # permission withdrawn, reform missing
        ss[_issues_key(rid)] = (str(err), [])
        return
    ss[seen_key(rid)] = int(ss[seen_key(rid)]) + 1
    ss.pop(_conflict_key(rid), None)
    ss[_flash_key(rid)] = True
    for name in FIELDS:
        ss.pop(field_key(rid, name), None)
