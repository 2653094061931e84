"""SQLite runs in WAL mode with foreign keys and a busy timeout, on every connection.

WAL keeps readers going during an import and makes a killed writer harmless (the
uncommitted tail of the log is ignored on the next open); foreign keys are off by default in
SQLite; the busy timeout lets a second writer wait instead of failing at once."""
from sqlalchemy import text

from lagesbild.store.db import Store


def _pragmas(store: Store) -> dict:
    with store.engine.connect() as conn:
        return {name: conn.execute(text(f"PRAGMA {name}")).scalar() for name in ("journal_mode", "foreign_keys", "busy_timeout")}


def test_fresh_store_uses_wal_foreign_keys_and_busy_timeout(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'fresh.db'}", seed=False)
    try:
        got = _pragmas(store)
        assert got["journal_mode"] == "wal"
        assert got["foreign_keys"] == 1
        assert got["busy_timeout"] >= 5000
        # every pooled connection, not just the first one
        with store.engine.connect() as a, store.engine.connect() as b:
            for conn in (a, b):
                assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
                assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    finally:
        store.engine.dispose()


def test_wal_mode_is_stored_in_the_file(tmp_path):
    """journal_mode=WAL persists: a plain sqlite3 connection (a backup tool, the CLI) sees it too."""
    import sqlite3

    path = tmp_path / "persist.db"
    Store.open(f"sqlite:///{path}", seed=False).engine.dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
