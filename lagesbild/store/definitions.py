"""The definitions that shape a figure without being data: the kommun file (peers, names),
priority-area compositions, the indicator and source registries, the place-name gazetteer,
and the suppression limit.

A meeting freeze records them by checksum and stores each file's content once
(`DefinitionFile`), so a frozen meeting can say which definitions changed after it was frozen
and the text it was frozen with stays available.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import tomlkit
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from lagesbild import overrides
from lagesbild.config import VAR_DIR, load_kommun, settings
from lagesbild.errors import ConflictError
from lagesbild.store.change import begin_change
from lagesbild.store.models import DefinitionFile, Setting

# name -> (Swedish, English) label for a notice.
LABELS = {
    "kommun": ("kommunens uppgifter (namn, jämförelsekommuner)", "the kommun's settings (names, peer kommuner)"),
    "priority_areas": ("de prioriterade områdenas sammansättning", "the priority areas' composition"),
    "utsatta_omraden": ("Polisens lista över utsatta områden", "Polisen's list of vulnerable areas"),
    "indicators": ("indikatorregistret", "the indicator registry"),
    "sources": ("källregistret", "the source registry"),
    "place_names": ("ortnamnsregistret", "the place-name gazetteer"),
    "suppress_below": ("gränsen för små tal", "the small-count limit"),
}


def files() -> dict[str, Path]:
    """The definition files in force (those the kommun has)."""
    from lagesbild.importers.places import places_file
    from lagesbild.registry.indicators import registry_file
    from lagesbild.registry.sources import SOURCES_FILE

    kommun = load_kommun()
    found = {"kommun": settings().kommun_config, "priority_areas": kommun.optional_path("priority_areas"),
             "indicators": registry_file(), "sources": kommun.optional_path("sources", SOURCES_FILE),
             "place_names": places_file(), "utsatta_omraden": kommun.optional_path("utsatta_omraden")}
    return {name: Path(p) for name, p in found.items() if p is not None and Path(p).exists()}


def current() -> dict[str, str]:
    """name -> checksum of each definition in force (the limit as its value)."""
    out = {name: hashlib.sha256(path.read_bytes()).hexdigest() for name, path in files().items()}
    out["suppress_below"] = str(settings().suppress_below)
    return out


def record(session: Session) -> dict[str, str]:
    """Store each definition file's content once (by checksum); returns `current()`."""
    sums = current()
    known = set(session.scalars(select(DefinitionFile.sha256).where(DefinitionFile.sha256.in_(list(sums.values())))))
    for name, path in files().items():
        if sums[name] not in known:
            session.add(DefinitionFile(sha256=sums[name], name=name, content=path.read_bytes()))
            known.add(sums[name])
    return sums


def changed_since(recorded: dict[str, str] | None) -> list[str]:
    """The definitions whose checksum differs from `recorded` (a frozen meeting's); [] when
    the meeting recorded none (frozen before definitions were recorded)."""
    if not recorded:
        return []
    now = current()
    return [name for name in LABELS if name in recorded and recorded[name] != now.get(name)]


def content(session: Session, sha256: str) -> bytes | None:
    """A recorded definition file's text as it was frozen."""
    return session.scalar(select(DefinitionFile.content).where(DefinitionFile.sha256 == sha256))


# --- definitions an admin replaced in the app -----------------------------------------------

EDITABLE = {"priority_areas": ".toml", "utsatta_omraden": ".geojson", "place_names": ".toml"}  # name -> suffix
_KEY = "definition."  # app_setting key prefix: definition.<name> = checksum of the file in force


def replaced(session: Session) -> dict[str, str]:
    """name -> checksum of the admin's file in force, for the definitions replaced in the app."""
    rows = session.scalars(select(Setting).where(Setting.key.startswith(_KEY)))
    return {r.key.removeprefix(_KEY): r.value for r in rows if r.key.removeprefix(_KEY) in EDITABLE}


def replace(session: Session, name: str, body: bytes) -> str:
    """Put `body` in force for `name` in the store (checked and audited by the caller);
    returns its checksum. Every earlier version stays in `DefinitionFile`."""
    sha = hashlib.sha256(body).hexdigest()
    if session.get(DefinitionFile, sha) is None:
        session.add(DefinitionFile(sha256=sha, name=name, content=body))
    session.merge(Setting(key=_KEY + name, value=sha))
    session.flush()
    return sha


def put_in_force(session: Session, name: str, body: bytes) -> None:
    """`replace`, with a new data version (even if no row changes) and the file read from now
    on in this process, also by the rest of this transaction (which recomputes what depends
    on it); a rollback puts the previous files back in force."""
    if replaced(session).get(name) == hashlib.sha256(body).hexdigest():
        return  # the same file again: nothing changes (an import of the same file changes nothing)
    begin_change(session.connection())
    replace(session, name, body)
    previous = overrides.in_force()
    overrides.use({**previous, **materialise(session)})
    event.listen(session, "after_rollback", lambda _s: overrides.use(previous), once=True)


def materialise(session: Session) -> dict[str, Path]:
    """Write each replaced definition to disk once (content-addressed, atomically) and return
    name -> path; the readers of the kommun pack read files."""
    out = {}
    for name, sha in replaced(session).items():
        path = VAR_DIR / "definitions" / f"{name}-{sha[:16]}{EDITABLE[name]}"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(content(session, sha) or b"")
            tmp.replace(path)
        out[name] = path
    return out


def sync(session: Session) -> bool:
    """Put the store's replaced definitions in force in this process; True when that changed
    which files are read (and so cleared what was parsed from the old ones)."""
    return overrides.use(materialise(session))


def toml_to_edit(path: Path | None, seen: str, what: str):
    """The TOML definition file at `path` as a tomlkit document (its comments kept) for an
    admin's edit; refused when it is no longer the version the form was opened with (`seen`,
    its checksum; see `checksum`). `what` names it in the message ("Ortnamnen")."""
    body = path.read_bytes() if path is not None and path.is_file() else b""
    if hashlib.sha256(body).hexdigest() != seen:
        raise ConflictError(f"{what} har ändrats av någon annan sedan du öppnade formuläret. Inget har sparats; det du "
                            "skrev finns kvar. Läs den senaste versionen och spara igen.")
    return tomlkit.parse(body.decode("utf-8")) if body else tomlkit.document()


def checksum(path: Path | None) -> str:
    """The checksum an edit form names (that of an empty file when there is none)."""
    return hashlib.sha256(path.read_bytes() if path is not None and path.is_file() else b"").hexdigest()
