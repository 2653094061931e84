"""Example data: only in the separate demo database, labelled EXEMPELDATA on every page."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lagesbild.config import settings
from lagesbild.demo import DEMO_ACTIVITY_PREFIX, DEMO_SOURCE_PREFIX
from lagesbild.registry.pages import PAGES
from lagesbild.store.db import Store
from lagesbild.store.models import Activity, ReformUpdate
from tests.apptest.helpers import open_page, texts

BANNER = "EXEMPELDATA"


def demo_rows(url: str) -> tuple[int, int]:
    store = Store.open(url, seed=False)
    with store.session() as s:
        updates = [u for u in s.scalars(select(ReformUpdate)) if u.source_url.startswith(DEMO_SOURCE_PREFIX)]
        acts = [a for a in s.scalars(select(Activity)) if (a.external_id or "").startswith(DEMO_ACTIVITY_PREFIX)]
    store.engine.dispose()
    return len(updates), len(acts)


def test_banner_shows_on_the_start_page_while_demo_is_on():
    from streamlit.testing.v1 import AppTest

    from tests.apptest.helpers import APP, TIMEOUT

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["exempel"] = "true"
    at.run()  # the start page, without switching: the router's frame is visible to AppTest
    assert not at.exception, [e.value for e in at.exception]
    assert any(BANNER in w.value for w in at.warning)


@pytest.mark.parametrize("spec", PAGES, ids=[p.slug for p in PAGES])
def test_banner_is_drawn_on_every_page_while_demo_is_on(spec):
    at = open_page(spec.slug, {"exempel": "true"})
    assert not at.exception, [e.value for e in at.exception]
    assert any(BANNER in w.value for w in at.warning), spec.slug


@pytest.mark.parametrize("spec", PAGES[:3], ids=[p.slug for p in PAGES[:3]])
def test_no_banner_when_demo_is_off(spec):
    at = open_page(spec.slug)
    assert not any(BANNER in w.value for w in at.warning)


def test_demo_rows_only_in_the_demo_database(fresh_app_db):
    demo = open_page("reformer", {"exempel": "true", "reform": "R09"})
    assert not demo.exception
    assert "Genomförd" in texts(demo) and "Alla tre delarna klara" in texts(demo)
    real = open_page("reformer", {"reform": "R09"})
    assert "Ingen bedömning är registrerad. Status: Ej bedömd." in texts(real)
    assert BANNER not in texts(real)
    n_updates, n_acts = demo_rows(settings().demo_db_url)
    assert n_updates >= 10 and n_acts >= 3
    assert demo_rows(fresh_app_db) == (0, 0)
    assert settings().demo_db_url != fresh_app_db


def test_demo_seed_is_skipped_for_the_real_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'real.db'}"
    Store.open(url).engine.dispose()
    assert demo_rows(url) == (0, 0)
    demo_url = f"sqlite:///{tmp_path / 'demo.db'}"
    Store.open(demo_url, demo=True).engine.dispose()
    assert demo_rows(demo_url)[0] > 0
