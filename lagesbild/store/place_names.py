"""The place-name gazetteer edited by an administrator in the app: add a place or change one
(its name, other spellings, the districts it lies in, the larger place it is part of).

Polisen's notices carry only the kommun's centre point, so a notice is placed by the place its
text names (lagesbild.importers.places). An edit rewrites the pack's TOML file with tomlkit
(its comments stay), checks it as a start reads it, puts it in force through the store
(lagesbild.store.definitions) and places every stored notice again in the same transaction,
so the area counts and the unplaced share follow at once; frozen meetings keep theirs.
"""
from __future__ import annotations

from dataclasses import dataclass

import tomlkit
from sqlalchemy import select
from sqlalchemy.orm import Session

from lagesbild.config import load_kommun
from lagesbild.domain import Actor
from lagesbild.errors import Issue, NotFound, ValidationError
from lagesbild.geo.layers import layer, main_layer
from lagesbild.importers import places
from lagesbild.store import definitions
from lagesbild.store.access import require
from lagesbild.store.audit import audit
from lagesbild.store.models import PoliceEvent

NAME = "place_names"
MAX_NAME = 80
MAX_NOTE = 500


@dataclass(frozen=True)
class PlaceInput:
    name: str
    aliases: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    within: str | None = None
    ambiguous: bool = False
    note: str = ""


def current() -> tuple[str, dict[str, places.Place]]:
    """(checksum of the file in force, its places) — what an edit form opens with."""
    path = places.places_file()
    return definitions.checksum(path), places.places() if path is not None and path.is_file() else {}


def save(s: Session, actor: Actor, old_name: str | None, data: PlaceInput, seen: str) -> int:
    """Add a place (`old_name` None) or change one; returns how many stored notices moved to
    another place. All or nothing."""
    require(actor, "admin")
    doc = definitions.toml_to_edit(places.places_file(), seen, "Ortnamnen")
    table = doc.setdefault("places", tomlkit.table(is_super_table=True))
    if old_name is not None and old_name not in table:
        raise NotFound("Ortnamnet finns inte.")
    name = data.name.strip()
    _check(data, {k: v for k, v in table.items() if k != old_name})
    entry = tomlkit.table()
    if data.aliases:
        entry["aliases"] = [a.strip() for a in data.aliases if a.strip()]
    if data.within:
        entry["within"] = data.within
    entry[_codes_key()] = list(data.codes)
    if data.ambiguous:
        entry["ambiguous"] = True
    if data.note.strip():
        entry["note"] = data.note.strip()
    before = dict(table[old_name]) if old_name is not None else None
    if old_name is not None and old_name != name:
        del table[old_name]
        for other in table.values():  # a renamed place stays the larger place of its parts
            if other.get("within") == old_name:
                other["within"] = name
    table[name] = entry
    definitions.put_in_force(s, NAME, tomlkit.dumps(doc).encode("utf-8"))
    moved = _place_notices_again(s)
    audit(s, actor, "place_name.add" if before is None else "place_name.edit", "place_name", name,
          before=_plain(before), after=_plain(dict(entry)), old_name=old_name, notices_moved=moved)
    return moved


def _codes_key() -> str:
    """The pack's main district layer names the codes ("regso", or "valdistrikt" without RegSO)."""
    return "regso" if main_layer() == "regso" else "valdistrikt"


def _check(data: PlaceInput, others: dict) -> None:
    """Every problem with the form at once, each naming its field, in Swedish."""
    issues: list[Issue] = []
    name = data.name.strip()
    taken = {n.casefold(): n for n in others}
    taken |= {str(a).casefold(): n for n, d in others.items() for a in d.get("aliases", [])}
    kommun = load_kommun().name
    spellings = [name, *(a.strip() for a in data.aliases if a.strip())]
    if not name:
        issues.append(Issue("Ortnamnet saknas.", None, "ortnamn"))
    elif len(name) > MAX_NAME:
        issues.append(Issue(f"Ortnamnet är för långt ({len(name)} tecken, högst {MAX_NAME}).", None, "ortnamn"))
    for spelling in spellings:
        if spelling.casefold() == kommun.casefold():  # every notice title ends with the kommun's name
            issues.append(Issue(f"”{spelling}” är kommunens eget namn, som står i varje händelse; det placerar ingen "
                                "händelse.", None, "ortnamn"))
        elif spelling.casefold() in taken:
            issues.append(Issue(f"”{spelling}” används redan av ortnamnet ”{taken[spelling.casefold()]}”.", None, "ortnamn"))
    if len({sp.casefold() for sp in spellings}) < len(spellings):
        issues.append(Issue("Samma stavning står två gånger.", None, "andra stavningar"))
    known = set(layer(main_layer())["code"])
    unknown = sorted(set(data.codes) - known)
    if unknown:
        issues.append(Issue(f"Distrikten {', '.join(unknown)} finns inte i kartlagret {main_layer()}.", None, "distrikt"))
    if not data.codes and not data.within and not data.ambiguous:
        issues.append(Issue("Välj distrikten orten ligger i, en större ort den ligger inom, eller markera den som osäker.",
                            None, "distrikt"))
    if data.within and data.within not in others:
        issues.append(Issue(f"Den större orten ”{data.within}” finns inte bland ortnamnen.", None, "ligger inom"))
    if len(data.note.strip()) > MAX_NOTE:
        issues.append(Issue(f"Anteckningen är för lång ({len(data.note.strip())} tecken, högst {MAX_NOTE}).", None, "anteckning"))
    if issues:
        raise ValidationError(issues, "Ortnamnet har inte sparats.")


def _place_notices_again(s: Session) -> int:
    """Each stored notice's place by the gazetteer now in force; returns how many changed."""
    moved = 0
    for event in s.scalars(select(PoliceEvent)):
        place = places.district_from_text(event.summary)
        if place != event.district:
            event.district = place
            moved += 1
    s.flush()
    return moved


def _plain(entry: dict | None) -> dict | None:
    return None if entry is None else {k: (list(v) if isinstance(v, list) else v) for k, v in entry.items()}
