"""Backup and restore: every table to one ZIP of JSON files, and back into an empty database.

Plain JSON (one file per table plus a manifest with row counts and checksums) so a backup
can be read without this app and moved between SQLite and PostgreSQL.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import uuid
import zipfile
from datetime import date, datetime

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.engine import Connection

from lagesbild import __version__
from lagesbild.errors import LagesbildError
from lagesbild.store.db import Store
from lagesbild.store.models import Base, DataVersion

FORMAT = "lagesbild-backup/1"


def _encode(value):
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, date):
        return {"$d": value.isoformat()}
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$b": base64.b64encode(bytes(value)).decode()}
    return value


def _decode(value):
    if isinstance(value, dict) and len(value) == 1:
        (key, raw), = value.items()
        if key == "$dt":
            return datetime.fromisoformat(raw)
        if key == "$d":
            return date.fromisoformat(raw)
        if key == "$b":
            return base64.b64decode(raw)
    return value


def _rows(conn: Connection, table) -> list[dict]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = conn.execute(select(table).order_by(*order))
    return [{k: _encode(v) for k, v in row._mapping.items()} for row in result]


def backup(store: Store) -> bytes:
    """All tables in dependency order, read in one transaction (a consistent copy)."""
    buf = io.BytesIO()
    manifest = {"format": FORMAT, "app_version": __version__, "tables": {}}
    with store.engine.connect() as conn, conn.begin(), zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for table in Base.metadata.sorted_tables:
            body = json.dumps(_rows(conn, table), ensure_ascii=False, sort_keys=True).encode()
            zf.writestr(f"{table.name}.json", body)
            manifest["tables"][table.name] = {"sha256": hashlib.sha256(body).hexdigest()}
        zf.writestr("manifest.json", json.dumps(manifest, indent=2))
    return buf.getvalue()


def restore(store: Store, blob: bytes) -> dict[str, int]:
    """Load a backup into an EMPTY, migrated database; all or nothing."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(blob))
        manifest = json.loads(zf.read("manifest.json"))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise LagesbildError("Filen är ingen säkerhetskopia från Lägesbild (manifest.json saknas eller är trasig).") from err
    if manifest.get("format") != FORMAT:
        raise LagesbildError(f"Okänt format på säkerhetskopian: {manifest.get('format')!r}; väntade {FORMAT}.")
    counts: dict[str, int] = {}
    names = set(zf.namelist())
    with store.engine.begin() as conn:
        _require_empty(conn)
        for table in Base.metadata.sorted_tables:
            if f"{table.name}.json" not in names and table.name in manifest["tables"]:
                raise LagesbildError(f"Säkerhetskopian är skadad: filen för {table.name} saknas.")
            if f"{table.name}.json" not in names:  # a table newer than the backup: it stays empty
                counts[table.name] = 0
                continue
            body = zf.read(f"{table.name}.json")
            if hashlib.sha256(body).hexdigest() != manifest["tables"][table.name]["sha256"]:
                raise LagesbildError(f"Säkerhetskopian är skadad: kontrollsumman för {table.name} stämmer inte.")
            rows = [{k: _decode(v) for k, v in r.items()} for r in json.loads(body)]
            counts[table.name] = len(rows)
            if table.name == DataVersion.__tablename__:  # the one counter row exists already
                # A new identity: the target's counter may have stood elsewhere before, so its
                # cached pictures (picture_cache, keyed by identity and version) must not apply.
                conn.execute(update(table).values(current=rows[0]["current"], store_id=str(uuid.uuid4())))
                continue
            if "valid_from" in table.c:  # a backup from before versioning: its rows are version 0
                rows = [{"valid_from": 0, **r} for r in rows]
            if rows:
                conn.execute(insert(table), rows)
        _reset_sequences(conn)
    return counts


def _require_empty(conn: Connection) -> None:
    for table in Base.metadata.sorted_tables:
        if table.name != DataVersion.__tablename__ and conn.scalar(select(func.count()).select_from(table)):
            raise LagesbildError(f"Databasen är inte tom (tabellen {table.name} har rader). Återställ bara till en tom databas.")


def _reset_sequences(conn: Connection) -> None:
    """PostgreSQL keeps serial counters apart from the rows: move them past restored ids."""
    if conn.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        for col in table.primary_key.columns:
            if col.autoincrement is True or (col.autoincrement == "auto" and col.type.python_type is int and len(table.primary_key.columns) == 1):
                seq = conn.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": col.name})
                if seq:
                    conn.execute(text(f"SELECT setval('{seq}', COALESCE((SELECT MAX({col.name}) FROM {table.name}), 0) + 1, false)"))
