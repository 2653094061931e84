"""A first start whose seed fails keeps nothing and names what failed; the next start seeds.

Another kommun's pack with one wrong file used to leave a half-seeded database (reference data
and reforms kept, the real data missing) that never seeded again, and every page showed an
uncaught ValidationError that did not name the file."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from lagesbild.errors import SeedError
from lagesbild.importers import seed_real
from lagesbild.store.db import Store
from lagesbild.store.models import Base, Reform

import tempfile
from pathlib import Path

BROKEN = str(Path(tempfile.mkdtemp(prefix="trasig-seed-")) / "bra_trasig.csv")  # absolute: read as is


@pytest.fixture
def broken_seed(monkeypatch):
    Path(BROKEN).write_text("Kommun;År;Brott;Antal\nHuddinge;tjugo;Totalt;12\n", encoding="utf-8")
    files = seed_real.seed_files()
    monkeypatch.setattr(seed_real, "seed_files", lambda: (("bra", BROKEN),) + files)
    yield files


def _rows(url: str) -> int:
    store = Store.open(url, seed=False)
    try:
        with store.session() as s:
            return sum(s.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables
                       if t.name not in ("alembic_version", "schema_version", "data_version"))  # schema rows
    finally:
        store.engine.dispose()


@pytest.mark.slow
def test_a_failed_seed_keeps_nothing_names_the_file_and_the_next_start_seeds(tmp_path, broken_seed, monkeypatch):
    url = f"sqlite:///{tmp_path / 'ny.db'}"
    with pytest.raises(SeedError) as caught:
        Store.open(url)
    assert caught.value.step == "verkliga data"
    assert BROKEN in caught.value.detail and "bra" in caught.value.detail
    assert "inget sparades" in str(caught.value)
    assert _rows(url) == 0  # not half-seeded: reference data and reforms were rolled back too

    monkeypatch.setattr(seed_real, "seed_files", lambda: broken_seed)  # the file is put right
    store = Store.open(url)
    try:
        with store.session() as s:
            assert s.scalar(select(func.count()).select_from(Reform)) == 17
    finally:
        store.engine.dispose()


def test_a_reader_sees_a_swedish_message_without_paths_when_the_seed_fails(fresh_app_db, broken_seed):
    from tests.apptest.helpers import open_page, texts

    at = open_page("oversikt")
    assert not at.exception, [e.value for e in at.exception]
    shown = texts(at)
    assert "Lägesbilden kunde inte starta" in shown and "inget sparades" in shown
    assert BROKEN not in shown and "Traceback" not in shown
