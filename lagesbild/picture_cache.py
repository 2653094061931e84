"""The live picture on disk, one folder per store and data version (Observable Framework's
precomputed data): a fresh server, or a second worker, reads Parquet files in a fraction of
a second instead of reading the whole store through the database driver.

A version's content never changes (the store is versioned), so a cached version is never
stale; the folder names the store's identity so another database's version 7 is not this
one's. Every table is checked against the checksum written beside it, and anything
unreadable or unequal is ignored (the caller reads the store). Writes are atomic (a
temporary folder renamed into place); the newest few versions are kept.

Beside the versions, `frames/` keeps protected figures by the digest of everything that
shapes them (`load_frame`, `save_frame_later`): a fresh server reads an indicator family's
protected rows instead of protecting them again, and a family an import did not touch keeps
its file from version to version.
"""
from __future__ import annotations

import json
import logging
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pandas as pd

from lagesbild.config import settings
from lagesbild.picture import TABLES, Picture

KEEP = 3  # versions kept per store
KEEP_FRAMES = 2000  # protected frames kept (newest used first); a family is one file
_LOG = logging.getLogger("lagesbild")
_WRITING: set[Path] = set()
_LOCK = threading.Lock()


def _folder(store_id: str, version: int) -> Path | None:
    root = settings().picture_cache
    return None if root is None else root / store_id / f"v{version:010d}"


def load(store_id: str, version: int) -> Picture | None:
    """The cached picture of this store at this version, or None."""
    folder = _folder(store_id, version)
    if folder is None or not (folder / "manifest.json").exists():
        return None
    try:
        man = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        tables = {name: pd.read_parquet(folder / f"{name}.parquet") for name in man["tables"]}
        pic = Picture(tables=tables, as_of=date.fromisoformat(man["as_of"]), version=version)
        for name, check in man["tables"].items():
            if pic.checksum(name) != check:
                raise ValueError(f"{name}: checksum differs")
    except Exception as err:  # a damaged or foreign cache is never shown: read the store instead
        _LOG.warning("Picture cache %s not used: %s", folder, err)
        return None
    return pic


def save(store_id: str, picture: Picture) -> None:
    """Write the picture (a full live read) for the next server start; idempotent."""
    folder = _folder(store_id, picture.version) if picture.version is not None else None
    if folder is None or folder.exists() or set(picture.tables) != set(TABLES):
        return
    with _LOCK:
        if folder in _WRITING:
            return
        _WRITING.add(folder)
    tmp = folder.with_name(folder.name + ".tmp")
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        for name, df in picture.tables.items():
            df.to_parquet(tmp / f"{name}.parquet", index=False)
        man = {"as_of": picture.as_of.isoformat(), "tables": {name: picture.checksum(name) for name in picture.tables}}
        (tmp / "manifest.json").write_text(json.dumps(man), encoding="utf-8")
        tmp.rename(folder)
        _prune(folder.parent)
    except Exception as err:  # a cache that cannot be written only costs the next start its speed
        _LOG.warning("Picture cache %s not written: %s", folder, err)
        shutil.rmtree(tmp, ignore_errors=True)
    finally:
        with _LOCK:
            _WRITING.discard(folder)


def save_later(store_id: str, picture: Picture) -> None:
    """`save` on a background thread: the page that read the picture does not wait for it."""
    threading.Thread(target=save, args=(store_id, picture), daemon=True, name="picture-cache").start()


def _prune(store_folder: Path) -> None:
    versions = sorted(p for p in store_folder.iterdir() if p.is_dir() and not p.name.endswith(".tmp"))
    for old in versions[:-KEEP]:
        shutil.rmtree(old, ignore_errors=True)


_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="frame-cache")  # one at a time, in order


def _frame_path(key: str) -> Path | None:
    root = settings().picture_cache
    return None if root is None else root / "frames" / f"{key}.parquet"


def load_frame(key: str) -> pd.DataFrame | None:
    """The frame saved under `key` (a digest of its inputs), or None."""
    path = _frame_path(key)
    if path is None or not path.exists():
        return None
    try:
        df = pd.read_parquet(path)
        path.touch()  # kept by last use
    except Exception as err:  # damaged: compute again (and overwrite)
        _LOG.warning("Frame cache %s not used: %s", path, err)
        return None
    return df


def save_frame_later(key: str, df: pd.DataFrame) -> None:
    """Write the frame for a later start, on the cache's one writer thread."""
    path = _frame_path(key)
    if path is not None and not path.exists():
        _WRITER.submit(_save_frame, path, df)


def _save_frame(path: Path, df: pd.DataFrame) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        df.to_parquet(tmp, index=False)
        tmp.replace(path)
        files = sorted(path.parent.glob("*.parquet"), key=lambda p: p.stat().st_mtime)
        for old in files[:-KEEP_FRAMES]:
            old.unlink(missing_ok=True)
    except Exception as err:  # costs only the next start its speed
        _LOG.warning("Frame cache %s not written: %s", path, err)
        tmp.unlink(missing_ok=True)
