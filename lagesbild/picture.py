"""The picture: every table the pages read, as pandas DataFrames, from one source.

A `Picture` is either *live* (read from the store) or *frozen* (a meeting's snapshot). Pages
and views read only through it, so a frozen meeting shows exactly the data it was frozen
with, even while the store changes. Writes never go through a Picture: they use the store.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lagesbild.store import models as m

# name -> model. The order is the order of the snapshot manifest.
TABLES: dict[str, type[m.Base]] = {
    "partners": m.Partner,
    "focus_areas": m.FocusArea,
    "districts": m.District,
    "reforms": m.Reform,
    "reform_updates": m.ReformUpdate,
    "reform_focus_links": m.ReformFocusLink,
    "reform_district_links": m.ReformDistrictLink,
    "observations": m.Observation,
    "police_events": m.PoliceEvent,
    "activities": m.Activity,
    "import_batches": m.ImportBatch,
    "indicator_definitions": m.IndicatorDefinition,
}


@dataclass
class Picture:
    tables: dict[str, pd.DataFrame]
    as_of: date
    frozen: bool = False
    label: str = ""  # e.g. the meeting title when frozen
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # The indicators this picture's figures use, registered in the app (see the registry).
        defs = self.tables.get("indicator_definitions")
        if defs is not None and not defs.empty:
            from lagesbild.registry.indicators import register

            register(defs.to_dict("records"))

    def table(self, name: str) -> pd.DataFrame:
        """The table as a DataFrame. Treat it as read-only (it may be shared by a cache). A
        snapshot frozen before a table existed gives it empty, with the model's columns."""
        if name not in self.tables and name in TABLES:
            return pd.DataFrame(columns=[c.name for c in TABLES[name].__table__.columns])
        return self.tables[name]


def data_version(session: Session) -> tuple:
    """Cheap fingerprint that changes whenever the picture's data changes (cache key)."""
    from lagesbild.store.meta import NOT_DATA

    return (
        session.scalar(select(func.max(m.AuditEntry.id)).where(m.AuditEntry.entity.not_in(NOT_DATA))),
        session.scalar(select(func.max(m.ImportBatch.id))),
        session.scalar(select(func.count()).select_from(m.Observation)),
        session.scalar(select(func.count()).select_from(m.District)),
        session.scalar(select(func.count()).select_from(m.IndicatorDefinition)),
    )


def load_live(session: Session, *, names: list[str] | None = None) -> Picture:
    from lagesbild.store.meta import as_of

    conn = session.connection()
    tables = {}
    for name, model in TABLES.items():
        if names is not None and name not in names:
            continue
        tables[name] = _read(conn, model)
    return Picture(tables=tables, as_of=as_of(session))


def _read(conn, model) -> pd.DataFrame:
    cols = [c.name for c in model.__table__.columns]
    df = pd.read_sql(select(model.__table__), conn)
    return df.reindex(columns=cols)


# --- snapshots --------------------------------------------------------------------------


def to_payload(picture: Picture) -> tuple[bytes, dict]:
    """Serialise the picture; returns (gzip bytes, manifest with per-table checksums)."""
    body: dict[str, str] = {}
    checks: dict[str, dict] = {}
    for name, df in picture.tables.items():
        text = df.to_json(orient="split", date_format="iso", date_unit="us", index=False)
        body[name] = text
        checks[name] = {"rows": int(len(df)), "sha256": hashlib.sha256(text.encode()).hexdigest()}
    raw = json.dumps({"as_of": picture.as_of.isoformat(), "tables": body}, ensure_ascii=False).encode()
    manifest = {"as_of": picture.as_of.isoformat(), "tables": checks, "sha256": hashlib.sha256(raw).hexdigest()}
    return gzip.compress(raw), manifest


def from_payload(blob: bytes, *, label: str = "", meta: dict | None = None) -> Picture:
    raw = json.loads(gzip.decompress(blob))
    tables = {}
    for name, text in raw["tables"].items():
        # dtype=False: no guessing ("2024" stays the text it was, not an int); the model's
        # column types are restored below, as a live read gives them.
        df = pd.read_json(io.StringIO(text), orient="split", convert_dates=False, dtype=False)
        tables[name] = _restore_dates(name, _restore_types(name, df))
    return Picture(tables=tables, as_of=date.fromisoformat(raw["as_of"]), frozen=True, label=label, meta=meta or {})


def _restore_types(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Column types as `pd.read_sql` gives them for a live picture: numbers as int64 (float64
    when some are missing), text as pandas' text dtype, booleans as bool, an all-empty column
    as objects with None."""
    from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, Text

    model = TABLES.get(name)
    if model is None:
        return df
    for col in model.__table__.columns:
        if col.name not in df or isinstance(col.type, (Date, DateTime)):
            continue
        values = df[col.name]
        missing = values.isna()
        if missing.all():
            df[col.name] = pd.Series([None] * len(df), index=df.index, dtype=object)
        elif isinstance(col.type, Float) or (isinstance(col.type, Integer) and missing.any()):
            df[col.name] = pd.to_numeric(values, errors="coerce").astype("float64")
        elif isinstance(col.type, Integer):
            df[col.name] = pd.to_numeric(values).astype("int64")
        elif isinstance(col.type, Boolean) and not missing.any():
            df[col.name] = values.astype(bool)
        elif isinstance(col.type, (String, Text)):
            df[col.name] = values.astype("str")  # pandas' text dtype, missing = NaN, as read_sql gives
        else:
            df[col.name] = values.astype(object).where(~missing, None)
    return df


def _restore_dates(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """JSON has no dates: give date/datetime columns back their types from the model."""
    from sqlalchemy import Date, DateTime

    model = TABLES.get(name)
    if model is None or df.empty:
        return df
    for col in model.__table__.columns:
        if col.name not in df:
            continue
        if isinstance(col.type, DateTime):
            df[col.name] = pd.to_datetime(df[col.name], errors="coerce")
        elif isinstance(col.type, Date):
            # None for a missing date, as in a live picture (`.dt.date` would give NaT, which
            # passes isinstance(x, date) and breaks strftime).
            parsed = pd.to_datetime(df[col.name], errors="coerce")
            df[col.name] = pd.Series([None if pd.isna(d) else d.date() for d in parsed], index=df.index, dtype=object)
    return df

