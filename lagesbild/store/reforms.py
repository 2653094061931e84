"""Reforms: read the current picture, and record assessments without losing history."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

import pandas as pd
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from lagesbild.queries import reforms as rq
from lagesbild.domain import Actor, ReformStatus
from lagesbild.errors import ConflictError, Issue, NotFound, ValidationError
from lagesbild.store.access import require
from lagesbild.store.audit import audit
from lagesbild.store.models import Reform, ReformUpdate

MAX_MOTIVATION = 4000


@dataclass(frozen=True)
class UpdateInput:
    """An assessment as entered in the form or a row of an uploaded sheet."""

    status: ReformStatus
    update_date: date
    motivation: str
    source_url: str
    author: str
    progress: int | None = None


def validate_update(data: UpdateInput, *, today: date | None = None, row: int | None = None) -> list[Issue]:
    """Every status change needs date, motivation and a source link (method section)."""
    today = today or date.today()
    issues: list[Issue] = []
    if data.status == ReformStatus.EJ_BEDOMD:
        issues.append(Issue("\u201dEj bedömd\u201d kan inte registreras som en ny bedömning; välj en status.", row, "status"))
    if data.update_date > today:
        issues.append(Issue(f"datumet {data.update_date.isoformat()} ligger i framtiden.", row, "datum"))
    if len(data.motivation.strip()) < 10:
        issues.append(Issue("motiveringen saknas eller är för kort (minst 10 tecken).", row, "motivering"))
    elif len(data.motivation) > MAX_MOTIVATION:
        issues.append(Issue(f"motiveringen är längre än {MAX_MOTIVATION} tecken.", row, "motivering"))
    if not is_http_url(data.source_url):
        issues.append(Issue("källänken måste vara en webbadress som börjar med http:// eller https://.", row, "källa"))
    if not data.author.strip():
        issues.append(Issue("ange vem som gjort bedömningen.", row, "bedömd av"))
    if data.progress is not None and not 0 <= data.progress <= 100:
        issues.append(Issue("framsteg i procent måste vara mellan 0 och 100.", row, "framsteg"))
    return issues


def is_http_url(text: str) -> bool:
    parsed = urlparse((text or "").strip())
    return parsed.scheme in ("http", "https") and bool(parsed.netloc) and " " not in text.strip()


def record_update(session: Session, actor: Actor, reform_id: str, expected_version: int, data: UpdateInput, *, import_id: int | None = None) -> ReformUpdate:
    """Append an assessment. Refused if the reform changed since `expected_version` was read.

    Runs inside the caller's transaction, so a bulk import is all or nothing.
    """
    require(actor, "reform.update")
    issues = validate_update(data)
    retired = session.scalar(select(Reform.retired_at).where(Reform.id == reform_id))
    if retired is not None:  # retired by an admin (lagesbild.store.reference): its history is final
        issues.append(Issue("reformen är avslutad och tar inte emot nya bedömningar.", None, "reform"))
    if issues:
        raise ValidationError(issues, "Bedömningen sparades inte:")
    # Compare-and-swap on the version: works the same on SQLite and PostgreSQL.
    result = session.execute(
        update(Reform)
        .where(Reform.id == reform_id, Reform.version == expected_version)
        .values(version=Reform.version + 1)
    )
    if result.rowcount != 1:
        current = session.get(Reform, reform_id)
        if current is None:
            raise NotFound(f"Reformen {reform_id} finns inte.")
        raise ConflictError(
            f"Reform {current.number} har ändrats av någon annan sedan du öppnade den "
            f"(version {expected_version} → {current.version}). Din bedömning har inte sparats; "
            "den finns kvar i formuläret. Läs den senaste bedömningen och spara igen."
        )
    upd = ReformUpdate(
        reform_id=reform_id,
        seq=expected_version + 1,
        status=data.status.value,
        progress=data.progress,
        update_date=data.update_date,
        author=data.author.strip(),
        motivation=data.motivation.strip(),
        source_url=data.source_url.strip(),
        recorded_by=actor.name,
        via_import=import_id,
    )
    session.add(upd)
    audit(session, actor, "reform.update", "reform", reform_id, status=data.status.value, seq=upd.seq)
    session.flush()
    return upd


# --- reading (thin wrappers: the logic lives in lagesbild.queries.reforms) -------------------

_REFORM_TABLES = ["reforms", "reform_updates", "reform_focus_links", "reform_district_links", "focus_areas", "districts"]


def saved_since(session: Session, reform_id: str, since_version: int, recorded_by: str, motivation: str) -> int | None:
    """The version an update by `recorded_by` with this motivation created after `since_version`,
    or None. Lets a form whose save was cut short learn from the store whether it landed."""
    return session.scalar(
        select(ReformUpdate.seq).where(
            ReformUpdate.reform_id == reform_id, ReformUpdate.seq > since_version,
            ReformUpdate.recorded_by == recorded_by, ReformUpdate.motivation == motivation.strip(),
        ).order_by(ReformUpdate.seq.desc()).limit(1)
    )


def _picture(session: Session):
    from lagesbild.picture import load_live

    return load_live(session, names=_REFORM_TABLES)


def current_reforms(session: Session) -> pd.DataFrame:
    """One row per reform with its latest assessment ("ej_bedomd" when there is none)."""
    return rq.current(_picture(session))


def get_reform(session: Session, reform_id: str) -> Reform:
    reform = session.get(Reform, reform_id)
    if reform is None:
        raise NotFound(f"Reformen {reform_id} finns inte.")
    return reform


def history(session: Session, reform_id: str) -> pd.DataFrame:
    """All assessments of a reform, oldest first."""
    return rq.history(_picture(session), reform_id, newest_first=False)
