"""Which definition file is in force where an admin replaced one in the app (the priority
areas, the place-name gazetteer, the list of utsatta områden): the kommun pack names the shipped file, an admin's edit is kept in the store
(lagesbild.store.definitions) and written to disk once per process, and the pack's name points
there from then on. Readers of those files cache what they parse with `cached`, which forgets
when the files in force change (another process's edit arrives with the next data version)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_IN_FORCE: dict[str, Path] = {}
_CACHES: list = []


def path(name: str) -> Path | None:
    """The replacing file for a [files] entry of the kommun pack, or None (the pack's own)."""
    return _IN_FORCE.get(name)


def in_force() -> dict[str, Path]:
    return dict(_IN_FORCE)


def use(files: dict[str, Path]) -> bool:
    """Put `files` in force (all others back to the pack's); True when that changed anything."""
    if files == _IN_FORCE:
        return False
    _IN_FORCE.clear()
    _IN_FORCE.update(files)
    for cache in _CACHES:
        cache.cache_clear()
    return True


def cached(maxsize: int):
    """functools.lru_cache that is cleared when the definition files in force change."""
    def wrap(fn):
        cache = lru_cache(maxsize=maxsize)(fn)
        _CACHES.append(cache)
        return cache
    return wrap
