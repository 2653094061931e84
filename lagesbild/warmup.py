"""Protect a new version's figures as soon as it is read, on a background thread (Observable
Framework's data loader, at write time rather than at view time).

After an import or an edit the server reads the new version once (`lagesbild.ui.state`), and
this protects every indicator family, the police notices and the iakttagelser in the
background. Since protection is keyed by its inputs (`queries.indicators.protect_once`), only
what the write touched is computed again; the rest is shared with the version before or read
from the frame cache. A page that asks for a figure the warm-up is building waits for it
(the builders lock per figure) instead of building it a second time, so a meeting room that
opens the app after the coordinator's import finds the figures ready.

Off with LAGESBILD_WARM_UP=0 (the tests, which measure their own work). No streamlit here.
"""
from __future__ import annotations

import logging
import threading
import weakref

from lagesbild.config import settings

_LOG = logging.getLogger("lagesbild")


def start(picture) -> None:
    """Warm `picture` up in the background (when the setting is on)."""
    if settings().warm_up:
        threading.Thread(target=_run, args=(weakref.ref(picture),), daemon=True, name="warm-up").start()


def _run(ref) -> None:
    picture = ref()
    if picture is None:
        return
    try:
        warm(picture)
    except Exception:  # a failed warm-up costs only speed: the page computes what it needs
        _LOG.exception("Warm-up of version %s failed", getattr(picture, "version", None))


def warm(picture) -> None:
    """Every protected table the pages read, in the order the start page needs them."""
    from lagesbild.geo import events
    from lagesbild.queries import indicators as iv
    from lagesbild.queries import observations as ov

    iv.protected_all(picture)
    events.protected(picture)
    ov.protected(picture)
