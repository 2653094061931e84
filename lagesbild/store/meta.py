"""Facts about the store as a whole (as-of date of the picture)."""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lagesbild.store.models import AuditEntry, ImportBatch, Observation, PoliceEvent


# Audit entries that record no change of the picture's data (meeting agendas, decisions, the
# åtgärdsplan, which is read from the store, not the picture).
NOT_DATA = ("meeting", "meeting_action", "indicator_definition", "plan_action")  # not data: the picture date stays


def as_of(session: Session) -> date:
    """The date the picture last changed: newest import or recorded change; today if none."""
    stamps = [
        session.scalar(select(func.max(ImportBatch.imported_at))),
        session.scalar(select(func.max(AuditEntry.at)).where(AuditEntry.entity.not_in(NOT_DATA))),
    ]
    stamps = [s for s in stamps if s is not None]
    return max(stamps).date() if stamps else date.today()


def newest_of(times, today: date) -> date | None:
    """The rule for "Lägesbild per": the newest date the data reaches (the end of the newest
    observed period or the newest police notice), never a day after today (a running year's
    preliminary figure ends on 31 December). None when there is no data."""
    days = []
    for t in times:
        if t is None or (not isinstance(t, date) and pd.isna(t)):
            continue
        days.append(t.date() if isinstance(t, datetime) or hasattr(t, "to_pydatetime") else t)
    days = [d for d in days if d <= today]
    return max(days) if days else None


def newest_data(session: Session, today: date | None = None) -> date | None:
    """"Lägesbild per" for the live store (see `newest_of`)."""
    today = today or date.today()
    return newest_of([
        session.scalar(select(func.max(Observation.period_end)).where(Observation.period_end <= today)),
        session.scalar(select(func.max(PoliceEvent.occurred_at))),
    ], today)


def newest_in(picture, today: date | None = None) -> date | None:
    """"Lägesbild per" for a Picture (a meeting pack built from live data; see `newest_of`)."""
    today = today or date.today()
    ends = pd.to_datetime(picture.table("observations")["period_end"], errors="coerce")
    ends = ends[ends <= pd.Timestamp(today)]
    notices = pd.to_datetime(picture.table("police_events")["occurred_at"], errors="coerce")
    return newest_of([ends.max() if not ends.empty else None, notices.max() if not notices.empty else None], today)
