"""Engine, sessions and start-up (migrate, then seed an empty database)."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from lagesbild.store import definitions
import lagesbild.store.versioning  # noqa: F401  (registers the hooks that version every write)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # WAL lets readers go on during a write; foreign keys are off by default in SQLite.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (idempotent)."""
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


# Any fixed number, the same in every instance: the key of the PostgreSQL advisory lock below.
STARTUP_LOCK_KEY = 0x4C616765  # "Lage"


@contextmanager
def startup_lock(engine: Engine) -> Iterator[None]:
    """One instance at a time migrates and seeds. Several app instances behind a load balancer
    may start together against one new PostgreSQL database; without the lock both create the
    same tables (one crashes) or both seed. The others wait, then find the work done.
    SQLite needs no lock here: it serves one machine (see docs/drift.md)."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:  # a session-level lock on its own connection, held until unlock
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": STARTUP_LOCK_KEY})
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": STARTUP_LOCK_KEY})
            conn.commit()


class Store:
    """The database behind the app: an engine plus a session factory."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._factory = sessionmaker(engine, expire_on_commit=False, future=True)

    @classmethod
    def open(cls, url: str, *, seed: bool = True, demo: bool = False) -> "Store":
        store = cls(make_engine(url))
        store.demo = demo
        with startup_lock(store.engine):
            migrate(store.engine)
            store.sync_definitions()  # before seeding: the seed reads the priority areas in force
            if seed:
                from lagesbild.store.seed import seed_if_empty

                seed_if_empty(store, demo=demo)
        return store

    demo = False

    def sync_definitions(self) -> bool:
        """Put this store's admin-edited definition files in force in this process
        (lagesbild.store.definitions.sync). The example-data store follows the real one's."""
        if self.demo:
            return False
        with self.session() as s:
            return definitions.sync(s)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session; nothing it does is committed."""
        with self._factory() as s:
            yield s

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """All or nothing: commits at the end, rolls back on any exception."""
        with self._factory() as s, s.begin():
            yield s
