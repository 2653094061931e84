"""Dates from whatever a table cell holds."""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd


def as_date(value) -> date | None:
    """A date from a date, datetime, Timestamp, ISO text, None or NaN/NaT (→ None)."""
    if value is None or (not isinstance(value, (date, datetime, str)) and pd.isna(value)):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    ts = pd.to_datetime(value, errors="coerce")
    return None if pd.isna(ts) else ts.date()


# --- reporting weeks ---------------------------------------------------------------------
# A week ("2025-V10", ISO 8601) belongs to the month, quarter and year of its Thursday, the
# rule ISO uses for the week's year. So weeks add up exactly to months (4 or 5 weeks each),
# and small-count protection has one sum relation from weeks to months to years.


def week_of(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-V{week:02d}"


def week_thursday(week: str) -> date:
    year, w = week.split("-V")
    return date.fromisocalendar(int(year), int(w), 4)


def week_monday(week: str) -> date:
    year, w = week.split("-V")
    return date.fromisocalendar(int(year), int(w), 1)


def week_month(week: str) -> str:
    """The month ("2025-03") a week is counted in: its Thursday's."""
    return week_thursday(week).strftime("%Y-%m")


def weeks_in_month(year: int, month: int) -> int:
    """How many weeks are counted in a month: its Thursdays (4 or 5)."""
    first = date(year, month, 1)
    first_thu = 1 + (3 - first.weekday()) % 7
    last = (date(year + month // 12, month % 12 + 1, 1) - first).days
    return (last - first_thu) // 7 + 1
