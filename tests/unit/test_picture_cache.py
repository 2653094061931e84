"""The live picture on disk: a fresh server reads it instead of the store, equal to a store
read; a damaged file or another store's folder is never used."""
import pandas as pd
import pytest

from lagesbild import picture_cache
from lagesbild.config import settings
from lagesbild.picture import TABLES, load_live
from lagesbild.store.change import store_id


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LAGESBILD_VAR_DIR", str(tmp_path))
    import lagesbild.config as cfg

    monkeypatch.setattr(cfg, "VAR_DIR", tmp_path)
    settings.cache_clear()
    yield tmp_path / "picture-cache"
    settings.cache_clear()


def _live(store):
    with store.session() as s:
        return load_live(s), store_id(s.connection())


def test_a_saved_version_reads_back_equal(store, cache_dir):
    pic, sid = _live(store)
    assert picture_cache.load(sid, pic.version) is None
    picture_cache.save(sid, pic)
    again = picture_cache.load(sid, pic.version)
    assert again is not None and again.version == pic.version and again.as_of == pic.as_of
    for name in TABLES:
        pd.testing.assert_frame_equal(again.table(name), pic.table(name), obj=name)
    assert picture_cache.load("another-store", pic.version) is None


def test_a_damaged_cache_is_not_used(store, cache_dir):
    pic, sid = _live(store)
    picture_cache.save(sid, pic)
    folder = next((cache_dir / sid).iterdir())
    df = pd.read_parquet(folder / "observations.parquet")
    df.loc[0, "value"] = (df.loc[0, "value"] or 0) + 1
    df.to_parquet(folder / "observations.parquet", index=False)
    assert picture_cache.load(sid, pic.version) is None


def test_only_the_newest_versions_are_kept(store, cache_dir):
    from dataclasses import replace

    pic, sid = _live(store)
    for v in range(pic.version, pic.version + picture_cache.KEEP + 2):
        picture_cache.save(sid, replace(pic, version=v))
    kept = sorted(p.name for p in (cache_dir / sid).iterdir())
    assert len(kept) == picture_cache.KEEP and kept[-1] == f"v{pic.version + picture_cache.KEEP + 1:010d}"


def test_the_cache_can_be_turned_off(store, cache_dir, monkeypatch):
    monkeypatch.setenv("LAGESBILD_PICTURE_CACHE", "0")
    settings.cache_clear()
    pic, sid = _live(store)
    picture_cache.save(sid, pic)
    assert not cache_dir.exists() and picture_cache.load(sid, pic.version) is None
