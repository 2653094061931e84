"""The data version a transaction writes (a leaf: the models' column default needs it).

A transaction that changes a versioned table bumps the one counter row (`data_version`) once,
before its first write, and every row it writes carries that number. The counter row stays
locked until commit, so writers take versions in commit order and an as-of read at version v
never misses a write that commits later with a smaller number.
"""
from __future__ import annotations

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine

_KEY = "lagesbild.change"


class UnversionedWrite(RuntimeError):
    """A versioned table was written without passing the versioning hooks."""


def begin_change(conn: Connection) -> int:
    """The data version of this transaction: allocated on the first call, then reused."""
    v = conn.info.get(_KEY)
    if v is None:
        conn.execute(text("UPDATE data_version SET current = current + 1 WHERE id = 1"))
        v = conn.execute(text("SELECT current FROM data_version WHERE id = 1")).scalar_one()
        conn.info[_KEY] = v
    return v


def committed_version(conn: Connection) -> int:
    """The newest committed data version (what a new read sees)."""
    return conn.execute(text("SELECT current FROM data_version WHERE id = 1")).scalar_one()


def store_id(conn: Connection) -> str:
    """This database's identity (see `DataVersion.store_id`)."""
    return conn.execute(text("SELECT store_id FROM data_version WHERE id = 1")).scalar_one()


def change_default(ctx) -> int:
    """Column default of `valid_from`: the version the hooks allocated for this transaction."""
    v = ctx.connection.info.get(_KEY)
    if v is None:
        raise UnversionedWrite("a versioned table was written outside the versioning hooks "
                               "(use a Session, or call begin_change first)")
    return v


def _end(conn: Connection) -> None:
    conn.info.pop(_KEY, None)


# The version belongs to one transaction: forget it at its end, whichever way it ends.
event.listen(Engine, "commit", _end)
event.listen(Engine, "rollback", _end)
