"""Shared fixtures. The app's databases go to a temporary folder, never to var/."""
from __future__ import annotations

import itertools
import os
import tempfile
from pathlib import Path

_TMP = Path(tempfile.mkdtemp(prefix="lagesbild-test-"))
os.environ["LAGESBILD_VAR_DIR"] = str(_TMP)
# Databases in this process's folder unless the caller chose them. pytest-xdist's workers
# inherit the controller's environment: a URL the controller chose here is not the caller's,
# and two workers seeding one SQLite file at once fail ("table … already exists").
_INHERITED = os.environ.get("_LAGESBILD_TEST_TMP")  # the controller's folder, in an xdist worker
os.environ["_LAGESBILD_TEST_TMP"] = str(_TMP)
for _name, _file in (("LAGESBILD_DB_URL", "app.db"), ("LAGESBILD_DEMO_DB_URL", "exempel.db")):
    if _name not in os.environ or (_INHERITED and _INHERITED in os.environ[_name]):
        os.environ[_name] = f"sqlite:///{_TMP / _file}"
# Most tests edit; the read-only default of local mode is tested in tests/apptest/test_access.py.
os.environ.setdefault("LAGESBILD_EDITING", "1")
# No background warm-up of each new version: a test measures and counts its own work
# (tests/unit/test_protected_reuse.py runs the warm-up itself).
os.environ.setdefault("LAGESBILD_WARM_UP", "0")

import pytest  # noqa: E402

from lagesbild.store.db import Store  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = PROJECT_ROOT / "test-artifacts"


PG_ADMIN_URL = os.environ.get("LAGESBILD_TEST_PG")  # set by scripts/test.sh
STORE_BACKENDS = ["sqlite", "postgresql"]


def _pg_database(admin_url: str):
    """Create a throw-away database on the test server; returns (url, drop)."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"lagesbild_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)

    def drop():
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


@pytest.fixture(params=STORE_BACKENDS)
def new_db_url(request, tmp_path):
    """A factory of empty database URLs: SQLite, and PostgreSQL when LAGESBILD_TEST_PG is set.

    CI sets LAGESBILD_REQUIRE_PG=1 so a missing server fails instead of skipping."""
    if request.param == "postgresql" and not PG_ADMIN_URL:
        if os.environ.get("LAGESBILD_REQUIRE_PG") == "1":
            pytest.fail("LAGESBILD_REQUIRE_PG=1 but LAGESBILD_TEST_PG is not set")
        pytest.skip("no PostgreSQL test server (scripts/test.sh starts one)")
    drops = []

    def make() -> str:
        if request.param == "sqlite":
            return f"sqlite:///{tmp_path / f'store{next(counter)}.db'}"
        url, drop = _pg_database(PG_ADMIN_URL)
        drops.append(drop)
        return url

    counter = itertools.count()
    yield make
    for drop in drops:
        drop()


@pytest.fixture
def store_url(new_db_url) -> str:
    return new_db_url()


@pytest.fixture
def store(store_url) -> Store:
    """A fresh, seeded store of its own, on each backend."""
    st = Store.open(store_url)
    yield st
    st.engine.dispose()


@pytest.fixture
def empty_store(new_db_url) -> Store:
    """Another database, migrated but not seeded (for restore tests)."""
    st = Store.open(new_db_url(), seed=False)
    yield st
    st.engine.dispose()


@pytest.fixture
def fresh_app_db(tmp_path, monkeypatch):
    """Point the app (AppTest) at a new empty database for one test."""
    import streamlit as st

    from lagesbild.config import settings

    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("LAGESBILD_DB_URL", url)
    settings.cache_clear()
    st.cache_resource.clear()
    st.cache_data.clear()
    yield url
    settings.cache_clear()
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(autouse=True)
def _registered_indicators_per_test():
    """Indicators registered in the app live in a process-wide registry (one process serves one
    store): each test starts from the file's registry and leaves it so."""
    from lagesbild.registry import indicators as reg

    before = dict(reg._REGISTERED)
    yield
    if reg._REGISTERED != before:
        reg._REGISTERED.clear()
        reg._REGISTERED.update(before)
        reg._merged.cache_clear()


@pytest.fixture(autouse=True)
def _pack_files_per_test():
    """An admin's edited definition file (priority areas, place names, utsatta områden) is put
    in force process-wide (lagesbild.overrides): each test starts and ends with the pack's own."""
    from lagesbild import overrides

    yield
    overrides.use({})


def pytest_collection_modifyitems(config, items):
    """With pytest-xdist (`scripts/test.sh` runs two workers): every browser test on one worker
    (they share one app server and one chromium, and two of each would fight over the two
    cores), every other module whole on one worker (its module fixtures built once)."""
    for item in items:
        parts = item.path.relative_to(Path(__file__).parent).parts
        group = "browser" if parts[0] == "browser" else "/".join(parts)
        item.add_marker(pytest.mark.xdist_group(group))
