"""Facts about the store as a whole (as-of date of the picture)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lagesbild.store.models import AuditEntry, ImportBatch, Observation, PoliceEvent


# Audit entries that record no change of the picture's data (meeting agendas, decisions).
NOT_DATA = ("meeting", "meeting_action")


def as_of(session: Session) -> date:
    """The date the picture last changed: newest import or recorded change; today if none."""
    stamps = [
        session.scalar(select(func.max(ImportBatch.imported_at))),
        session.scalar(select(func.max(AuditEntry.at)).where(AuditEntry.entity.not_in(NOT_DATA))),
    ]
    stamps = [s for s in stamps if s is not None]
    return max(stamps).date() if stamps else date.today()


def newest_data(session: Session, today: date | None = None) -> date | None:
    """The newest date the data reaches ("Lägesbild per"): the end of the newest observed
    period or the newest police notice, whichever is later; never a day after today (a
    running year's preliminary figure ends on 31 December). None when there is no data."""
    today = today or date.today()
    ends = [
        session.scalar(select(func.max(Observation.period_end)).where(Observation.period_end <= today)),
        session.scalar(select(func.max(PoliceEvent.occurred_at))),
    ]
    days = [e.date() if hasattr(e, "date") and callable(e.date) else e for e in ends if e is not None]
    days = [d for d in days if d <= today]
    return max(days) if days else None
