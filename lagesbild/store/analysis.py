"""The lägesbild's analysis text, per year and document section (lag 2023:196: kartläggning,
annan information, analys). Append-only: saving adds a row; the document prints the latest
per (year, section); the earlier ones are its history, with author and time.

Who may write: "analysis.write" (coordinators, editors and admins), checked here on every
write; every save leaves an audit entry. A save names the text it replaces (the latest id the
form was opened with), so two coordinators editing at once do not overwrite each other unseen.
"""
from __future__ import annotations

import re

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lagesbild.domain import Actor
from lagesbild.errors import ConflictError, Issue, ValidationError
from lagesbild.store.access import require
from lagesbild.store.audit import audit
from lagesbild.store.models import AnalysisText, utcnow

MAX_TEXT = 8000
MIN_YEAR, MAX_YEAR = 2000, 2100
_SECTION = re.compile(r"[a-z_]+(:[A-Za-z0-9_.-]+)?")
COLUMNS = ["id", "year", "section", "text", "author", "created_at"]


def validate(year: int, section: str, text: str) -> list[Issue]:
    """Every problem at once, in Swedish, naming the field."""
    issues = []
    if not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        issues.append(Issue(f"året måste vara ett årtal mellan {MIN_YEAR} och {MAX_YEAR}.", column="år"))
    if not section or len(section) > 80 or not _SECTION.fullmatch(section):
        issues.append(Issue("avsnittet finns inte i lägesbilden.", column="avsnitt"))
    if len(text) < 10:
        issues.append(Issue("analysen saknas eller är för kort (minst 10 tecken).", column="analys"))
    elif len(text) > MAX_TEXT:
        issues.append(Issue(f"analysen är längre än {MAX_TEXT} tecken ({len(text)}).", column="analys"))
    return issues


def latest_id(session: Session, year: int, section: str) -> int | None:
    return session.scalar(select(AnalysisText.id).where(AnalysisText.year == year, AnalysisText.section == section)
                          .order_by(AnalysisText.id.desc()).limit(1))


def save(session: Session, actor: Actor, year: int, section: str, text: str, *, replaces: int | None = None) -> int:
    """Add the section's new analysis (inside the caller's transaction). `replaces`: the id of the
    latest text when the form was opened (None: there was none). Returns the new row's id."""
    require(actor, "analysis.write")
    text = (text or "").strip()
    issues = validate(year, section, text)
    if issues:
        raise ValidationError(issues, "Analysen sparades inte:")
    if latest_id(session, year, section) != replaces:
        raise ConflictError("Någon annan har sparat en ny analys för avsnittet sedan du öppnade det. "
                            "Läs den nya texten och spara igen.")
    row = AnalysisText(year=year, section=section, text=text, author=actor.name, created_at=utcnow())
    session.add(row)
    session.flush()
    audit(session, actor, "analysis.save", "analysis_text", row.id, year=year, section=section, replaces=replaces,
          chars=len(text))
    return row.id


def latest(session: Session, year: int) -> dict[str, dict]:
    """Section → its newest text (id, text, author, created_at) for the year."""
    out: dict[str, dict] = {}
    rows = session.scalars(select(AnalysisText).where(AnalysisText.year == year).order_by(AnalysisText.id))
    for r in rows:
        out[r.section] = {"id": r.id, "text": r.text, "author": r.author, "created_at": r.created_at}
    return out


def history(session: Session, year: int, section: str | None = None) -> pd.DataFrame:
    """Every text the section (None: every section of the year) has had, newest first."""
    query = select(AnalysisText).where(AnalysisText.year == year)
    if section is not None:
        query = query.where(AnalysisText.section == section)
    rows = session.scalars(query.order_by(AnalysisText.id.desc()))
    return pd.DataFrame([{c: getattr(r, c) for c in COLUMNS} for r in rows], columns=COLUMNS)
