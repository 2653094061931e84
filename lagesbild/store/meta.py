"""Facts about the store as a whole (as-of date of the picture)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lagesbild.store.models import AuditEntry, ImportBatch


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
