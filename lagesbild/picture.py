"""The picture: every table the pages read, as pandas DataFrames, from one source.

A `Picture` is the store read at one data version: *live* (the newest version) or *frozen*
(a meeting's as-of version; `lagesbild.store.versioning` keeps every earlier row content).
Pages and views read only through it, so a frozen meeting shows exactly the data it was
frozen with, even while the store changes. Writes never go through a Picture: they use the
store. Meetings frozen before versioning carry a copy of their tables (`from_payload`).
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import func, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from lagesbild.store import models as m
from lagesbild.store.change import committed_version
from lagesbild.store.versioning import as_of_select, content_columns, numbered, touched_between

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
    "place_observations": m.PlaceObservation,  # without the note (models.PICTURE_EXCLUDED)
}


@dataclass
class Picture:
    tables: dict[str, pd.DataFrame]
    as_of: date
    frozen: bool = False
    label: str = ""  # e.g. the meeting title when frozen
    meta: dict = field(default_factory=dict)
    version: int | None = None  # the data version read; None for a legacy snapshot copy
    _checksums: dict = field(default_factory=dict, repr=False, compare=False)
    # A year's picture (`cut_to`): the picture it was cut from and the last day it keeps. Its
    # small numbers are those the parent hides (see `cut_to`).
    cut_of: "Picture | None" = field(default=None, repr=False, compare=False)
    cut_end: date | None = None

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
            return pd.DataFrame(columns=content_columns(TABLES[name]))
        return self.tables[name]

    def checksum(self, name: str) -> str:
        """The table's content checksum (see `table_checksum`), computed once per picture."""
        if name not in self._checksums:
            self._checksums[name] = table_checksum(self.table(name))
        return self._checksums[name]


def table_checksum(df: pd.DataFrame) -> str:
    """SHA-256 over the column names and the sorted row hashes: the same rows give the same
    sum whatever order a read returned them in, and any changed value changes it. Column
    types count: every read of the store gives the same types for the same content."""
    cols = sorted(df.columns)
    digest = hashlib.sha256("\x1f".join(cols).encode())
    if len(df):
        rows = pd.util.hash_pandas_object(df[cols], index=False).to_numpy()
        digest.update(np.sort(rows).tobytes())
    return digest.hexdigest()


def checks(picture: Picture) -> tuple[dict, str]:
    """A manifest's part about the data: per-table rows and checksum, and one sum over them."""
    tables = {name: {"rows": int(len(picture.table(name))), "sha256": picture.checksum(name)} for name in TABLES}
    return tables, hashlib.sha256(json.dumps(tables, sort_keys=True).encode()).hexdigest()


def data_version(session: Session) -> tuple:
    """The committed data version (cache key): every write to a table the picture reads bumps it."""
    return (committed_version(session.connection()),)


def load_live(session: Session, *, names: list[str] | None = None, reuse: Picture | None = None) -> Picture:
    """The picture at the newest committed version (one consistent read, even while a write
    commits in between)."""
    from lagesbild.store.meta import as_of

    return load_as_of(session, committed_version(session.connection()), as_of(session), names=names, reuse=reuse)


def load_as_of(session: Session, version: int, as_of_date: date, *, names: list[str] | None = None,
               reuse: Picture | None = None, frozen: bool = False, label: str = "", meta: dict | None = None) -> Picture:
    """The picture as it stood at `version`. With `reuse` (a picture read at another version,
    older or newer), a table that did not change in between is shared, and one with few
    changed rows is patched with just those rows: the cost of a new version follows the
    change, not the store (a meeting frozen before an activity was edited reads the changed
    activities and nothing else; the live picture after an import reads the imported rows)."""
    conn = session.connection()
    tables: dict[str, pd.DataFrame] = {}
    shared: dict[str, str] = {}
    for name, model in TABLES.items():
        if names is not None and name not in names:
            continue
        earlier = reuse.tables.get(name) if reuse is not None and reuse.version is not None else None
        if earlier is None:
            tables[name] = _read(conn, model, version)
            continue
        lo, hi = sorted((version, reuse.version))
        touched = touched_between(conn, model, lo, hi, limit=max(PATCH_MIN_ROWS, len(earlier) // 10))
        if touched == []:
            tables[name] = earlier
            shared[name] = reuse.checksum(name)  # computed once on the shared picture
        else:
            patched = _patched(conn, model, version, earlier, touched) if touched and numbered(model) and len(earlier) else None
            tables[name] = patched if patched is not None else _read(conn, model, version)
    pic = Picture(tables=tables, as_of=as_of_date, frozen=frozen, label=label, meta=meta or {}, version=version)
    pic._checksums.update(shared)
    return pic


# Below this many changed rows a table is always patched, above a tenth of its rows re-read.
PATCH_MIN_ROWS = 2000


def _patched(conn, model, version: int, earlier: pd.DataFrame, touched: list[tuple]) -> pd.DataFrame | None:
    """`earlier` (a numbered table) with the touched rows replaced by their content at
    `version`, in id order and with the same column types as a full read; None when the types
    would differ (a full read is then the safe way)."""
    kept = earlier[~earlier["id"].isin([k[0] for k in touched])]
    fresh = pd.read_sql(as_of_select(conn, model, version, only=touched), conn).reindex(columns=content_columns(model))
    if fresh.empty:
        out = kept
    else:
        try:
            fresh = fresh.astype(earlier.dtypes.to_dict())
        except (TypeError, ValueError):
            return None
        out = pd.concat([kept, fresh], ignore_index=True)
    if out.empty:  # a full read of no rows has untyped columns: give the same
        return None
    out = out.sort_values("id", kind="stable").reset_index(drop=True)
    return out if (out.dtypes == earlier.dtypes).all() else None


def _read(conn, model, version: int) -> pd.DataFrame:
    df = pd.read_sql(as_of_select(conn, model, version), conn).reindex(columns=content_columns(model))
    return df if numbered(model) else _in_entry_order(conn, model, df)


def _in_entry_order(conn, model, df: pd.DataFrame) -> pd.DataFrame:
    """A reference table (partners, areas, reforms, …) in the order its rows were entered, on
    every version and backend alike: a frozen meeting lists partners as they stood at its
    freeze after one was renamed. Entered = the first version a key appears in (live or
    history); rows entered together keep SQLite's insertion order (rowid) and go by key on
    PostgreSQL, whose physical order moves a row to the end when it is updated."""
    table, hist = model.__table__, m.HISTORY[model]
    keys = [k.name for k in table.primary_key.columns]
    tie = [sql("rowid")] if conn.dialect.name == "sqlite" else [table.c[k] for k in keys]
    live = {tuple(r[:-1]): (r[-1], i) for i, r in enumerate(conn.execute(
        select(*(table.c[k] for k in keys), table.c.valid_from).order_by(*tie)))}
    first = {tuple(r[:-1]): r[-1] for r in conn.execute(
        select(*(hist.c[k] for k in keys), func.min(hist.c.valid_from)).group_by(*(hist.c[k] for k in keys)))}
    rank = {}
    for key in set(live) | set(first):
        entered = min(v for v in (live.get(key, (None,))[0], first.get(key)) if v is not None)
        rank[key] = (entered, live.get(key, (0, len(live)))[1], key)
    unknown = (float("inf"), 0, ())
    at = [rank.get(tuple(r), unknown) for r in df[keys].itertuples(index=False)]
    return df.iloc[sorted(range(len(df)), key=at.__getitem__)].reset_index(drop=True)


# --- snapshots --------------------------------------------------------------------------


def to_payload(picture: Picture) -> tuple[bytes, dict]:
    """Serialise the picture as meetings frozen before versioning stored it; returns (gzip
    bytes, manifest with per-table checksums). Kept to read and test those meetings."""
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
            parsed = pd.to_datetime(df[col.name], errors="coerce")
            # all empty (e.g. no partner retired): objects with None, as read_sql gives them
            df[col.name] = parsed if parsed.notna().any() else pd.Series([None] * len(df), index=df.index, dtype=object)
        elif isinstance(col.type, Date):
            # None for a missing date, as in a live picture (`.dt.date` would give NaT, which
            # passes isinstance(x, date) and breaks strftime).
            parsed = pd.to_datetime(df[col.name], errors="coerce")
            df[col.name] = pd.Series([None if pd.isna(d) else d.date() for d in parsed], index=df.index, dtype=object)
    return df



# --- a year's picture ---------------------------------------------------------------------


def cut_to(picture: Picture, end: date) -> Picture:
    """The picture as it describes the world up to `end` (the lägesbild document's "data t.o.m.
    31 december"): figures for periods ending after it, notices after it and reform updates
    dated after it are left out, so nothing published about a later period enters a year's
    document. Suppression is then worked out afresh on what remains (a new Picture has its own
    memo) with one rule: the cut shows no figure the pages do not show. Its protected figures
    are the parent's own, restricted to the periods kept (queries.indicators.protected,
    geo.events.protected), so a cell hidden on the pages stays hidden in the year's document,
    and a total over years the cut changes (notices "sedan 2022") is hidden when later years
    exist: beside the pages' total it would give the later years' sum away. Reference tables
    and activities stay as they are now."""
    from lagesbild.dates import as_date

    def upto(df: pd.DataFrame, col: str) -> pd.DataFrame:
        if df.empty:
            return df
        days = df[col].map(as_date)
        return df[days.map(lambda d: d is not None and d <= end)].reset_index(drop=True)

    tables = dict(picture.tables)
    for name, col in (("observations", "period_end"), ("police_events", "occurred_at"), ("reform_updates", "update_date")):
        if name in tables:
            tables[name] = upto(tables[name], col)
    root = picture.cut_of or picture
    return Picture(tables=tables, as_of=min(end, picture.as_of), frozen=picture.frozen, label=picture.label,
                   meta=dict(picture.meta), version=None, cut_of=root, cut_end=end)  # no store version: a cut
