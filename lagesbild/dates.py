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
