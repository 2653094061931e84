"""Versioned tables: history on every change, and reads of the picture as it stood.

Every write to a table the picture reads goes through a Session (ORM objects, or ORM-enabled
insert/update/delete statements); the two hooks below give the transaction its data version
(`lagesbild.store.change`) and copy the rows about to change into `<table>_history` first.
So nothing is ever lost, and `as_of_select(model, v)` gives the table exactly as it stood at
version v: live rows written at or before v, plus earlier contents that were still valid at v.
A write that bypasses the hooks fails (the `valid_from` default refuses it) instead of
silently rewriting the past.
"""
from __future__ import annotations

from sqlalchemy import and_, event, exists, insert, inspect, literal, literal_column, or_, select, tuple_, union_all
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from lagesbild.store.change import begin_change
from lagesbild.store.models import HISTORY, PICTURE_EXCLUDED, Versioned

VERSION_COLUMN = "valid_from"


def content_columns(model) -> list[str]:
    """The columns the picture reads (the version stamp is bookkeeping, not data; a column in
    `PICTURE_EXCLUDED` is free text no view may show, so it never enters the picture)."""
    skip = {VERSION_COLUMN, *PICTURE_EXCLUDED.get(model.__tablename__, ())}
    return [c.name for c in model.__table__.columns if c.name not in skip]


def historize(conn: Connection, model, where, version: int) -> None:
    """Copy the rows `where` selects to the model's history, valid until `version`. Rows this
    transaction already wrote (valid_from == version) have no earlier content to keep."""
    table = model.__table__
    names = [c.name for c in table.columns]
    rows = select(*table.columns, literal(version).label("valid_to")).where(where, table.c.valid_from != version)
    conn.execute(insert(HISTORY[model]).from_select([*names, "valid_to"], rows))


def _pk_where(model, pks: list[tuple]):
    return _in_keys(model.__table__, key_columns(model), pks)


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _ctx, _instances) -> None:
    new = any(isinstance(o, Versioned) for o in session.new)
    changed = [o for o in session.dirty if isinstance(o, Versioned) and session.is_modified(o, include_collections=False)]
    gone = [o for o in session.deleted if isinstance(o, Versioned)]
    if not (new or changed or gone):
        return
    conn = session.connection()
    version = begin_change(conn)
    by_model: dict[type, list[tuple]] = {}
    for obj in changed + gone:
        by_model.setdefault(type(obj), []).append(inspect(obj).identity)
    for model, pks in by_model.items():
        historize(conn, model, _pk_where(model, pks), version)


@event.listens_for(Session, "do_orm_execute")
def _orm_execute(state) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    model = mapper.class_ if mapper is not None else None
    if model is None or not issubclass(model, Versioned):
        return
    conn = state.session.connection()
    version = begin_change(conn)
    if state.is_insert:
        return
    where = state.statement.whereclause
    if where is None:  # ORM bulk update by primary key: the keys are in the parameter rows
        params = state.parameters if isinstance(state.parameters, list) else [state.parameters]
        names = [c.key for c in mapper.primary_key]
        where = _pk_where(model, [tuple(p[n] for n in names) for p in params])
    historize(conn, model, where, version)


# --- reading as of a version -------------------------------------------------------------------


def key_columns(model) -> list[str]:
    return [c.name for c in model.__table__.primary_key.columns]


def numbered(model) -> bool:
    """A table keyed by one integer id (observations, notices, activities, …): its rows can be
    put in id order, so the picture can patch it with changed rows instead of re-reading it."""
    keys = list(model.__table__.primary_key.columns)
    return len(keys) == 1 and keys[0].name == "id" and keys[0].type.python_type is int


def as_of_select(conn: Connection, model, version: int, *, only: list[tuple] | None = None):
    """SELECT of the model's content columns as the table stood at `version`; `only`: just the
    rows with these keys. A numbered table's rows come in id order, the others' in the
    database's own order (reference tables: the order they were entered in)."""
    table, hist = model.__table__, HISTORY[model]
    names = content_columns(model)
    live = select(*(table.c[n] for n in names)).where(table.c.valid_from <= version)
    if only is not None:
        live = live.where(_pk_where(model, only))
    if not conn.scalar(select(exists().where(hist.c.valid_to > version, hist.c.valid_from <= version))):
        return live.order_by(table.c.id) if numbered(model) else live  # unchanged since: the live rows alone
    old = select(*(hist.c[n] for n in names)).where(hist.c.valid_from <= version, hist.c.valid_to > version)
    if only is not None:
        old = old.where(_in_keys(hist, key_columns(model), only))
    if numbered(model):  # rows in id order (insertion order): the same as a patched table's
        return union_all(live, old).order_by(literal_column("id"))
    return union_all(live, old)


def _in_keys(table, keys: list[str], pks: list[tuple]):
    if len(keys) == 1:
        return table.c[keys[0]].in_([pk[0] for pk in pks])
    return tuple_(*(table.c[k] for k in keys)).in_(pks)


def touched_between(conn: Connection, model, older: int, newer: int, limit: int) -> list[tuple] | None:
    """The keys of rows that began or ended a version in (older, newer]; None when more than
    `limit` (then reading the whole table is cheaper than patching it)."""
    table, hist = model.__table__, HISTORY[model]
    keys = key_columns(model)

    def within(col):
        return and_(col > older, col <= newer)

    live = select(*(table.c[k] for k in keys)).where(within(table.c.valid_from))
    old = select(*(hist.c[k] for k in keys)).where(or_(within(hist.c.valid_from), within(hist.c.valid_to)))
    rows = conn.execute(union_all(live, old).limit(limit + 1)).all()  # duplicates are harmless here
    if len(rows) > limit:
        return None
    return sorted({tuple(r) for r in rows})
