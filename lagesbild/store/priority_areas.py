"""Priority areas an administrator edits in the app: add an area or change one's name, layer,
districts, status or note, instead of editing the kommun pack's file and restarting.

The file stays the format (a TOML list of areas, lagesbild.geo.priority): an edit rewrites it
with tomlkit, which keeps the file's comments, checks the result exactly as a start would, and
puts it in force through the store (lagesbild.store.definitions), so every process and a later
start read it. In the same transaction the areas' district rows and the figures computed for
them (SCB factors, share in utsatta områden) are brought up to date, and the data version
moves on: frozen meetings keep their figures and say that the composition changed since.

A form names the checksum of the file it was opened with; saving is refused if another admin
saved meanwhile. Removing an area is not offered: its figures, activities and åtgärder name it.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass

import tomlkit
from sqlalchemy.orm import Session

from lagesbild.config import load_kommun
from lagesbild.domain import Actor
from lagesbild.errors import Issue, NotFound, ValidationError
from lagesbild.geo import priority
from lagesbild.geo.layers import district_layers, layer
from lagesbild.store import definitions
from lagesbild.store.access import require
from lagesbild.store.audit import audit
from lagesbild.store.models import District
from lagesbild.store.reference import _slug

NAME = "priority_areas"
STATUSES = ("förslag", "fastställd", priority.PRELIMINARY)
MAX_NAME = 200
MAX_NOTE = 1000
HEADER = ("# The kommun's priority areas, each a composition of districts of one map layer "
          "(see lagesbild/geo/priority.py).\n# Edited in the app by an administrator; every version is kept in the database.\n")


@dataclass(frozen=True)
class AreaInput:
    name: str
    layer: str
    codes: tuple[str, ...]
    status: str = "förslag"
    note: str = ""


def current() -> tuple[str, list[priority.PriorityArea]]:
    """(checksum of the file in force, its areas) — what an edit form opens with."""
    path = _path()
    return definitions.checksum(path), priority.load() if path is not None and path.is_file() else []


def save(s: Session, actor: Actor, code: str | None, data: AreaInput, seen: str) -> str:
    """Add an area (`code` None) or change one; returns its code. All or nothing."""
    require(actor, "admin")
    doc = definitions.toml_to_edit(_path(), seen, "De prioriterade områdena")
    if not doc.body:  # a kommun without priority areas yet: the file starts with what it is
        doc.add(tomlkit.comment(HEADER.strip().removeprefix("# ")))
    areas = doc.setdefault("area", tomlkit.aot())
    before = next((dict(a) for a in areas if a.get("code") == code), None)
    if code is not None and before is None:
        raise NotFound("Det prioriterade området finns inte.")
    _check(data, [a for a in areas if a.get("code") != code])
    if code is None:
        code = _free_code(data.name, {a.get("code") for a in areas})
        areas.append(tomlkit.table())
        areas[-1]["code"] = code
    row = next(a for a in areas if a.get("code") == code)
    for key, value in (("name", data.name.strip()), ("layer", data.layer), ("codes", list(data.codes)),
                       ("status", data.status), ("note", data.note.strip())):
        row[key] = value
    text = tomlkit.dumps(doc)
    priority.parse(tomllib.loads(text), {k: set(layer(k)["code"]) for k in district_layers()})  # as a start reads it
    definitions.put_in_force(s, NAME, text.encode("utf-8"))
    kommun = load_kommun()
    s.merge(District(code=code, name=data.name.strip(), level="prioriterat", parent_code=kommun.code, is_priority=True))
    _recompute_figures(s, actor)
    after = {k: row[k] for k in ("name", "layer", "codes", "status", "note")}
    changed = {k: {"före": (before or {}).get(k), "efter": v} for k, v in after.items() if (before or {}).get(k) != v}
    audit(s, actor, "priority_area.add" if before is None else "priority_area.edit", "priority_area", code,
          changed=_plain(changed))
    return code


def _path():
    return load_kommun().optional_path(NAME)


def _check(data: AreaInput, others: list) -> None:
    """Every problem with the form at once, each naming its field, in Swedish."""
    issues: list[Issue] = []
    name = data.name.strip()
    if not name:
        issues.append(Issue("Namn saknas.", None, "namn"))
    elif len(name) > MAX_NAME:
        issues.append(Issue(f"Namnet är för långt ({len(name)} tecken, högst {MAX_NAME}).", None, "namn"))
    elif name.casefold() in {str(a.get("name", "")).casefold() for a in others}:
        issues.append(Issue(f"Ett annat prioriterat område heter redan ”{name}”.", None, "namn"))
    layers = district_layers()
    if data.layer not in layers:
        issues.append(Issue(f"Välj ett kartlager: {', '.join(layers)}.", None, "kartlager"))
    elif not data.codes:
        issues.append(Issue("Välj minst ett distrikt som området består av.", None, "distrikt"))
    else:
        unknown = sorted(set(data.codes) - set(layer(data.layer)["code"]))
        if unknown:
            issues.append(Issue(f"Distrikten {', '.join(unknown)} finns inte i kartlagret {data.layer}.", None, "distrikt"))
        # Areas do not overlap: two areas sharing districts would show, as their difference,
        # the count of the districts only one has, which the small-count rule may hide there.
        for other in others:
            shared = sorted(set(data.codes) & {str(c) for c in other.get("codes", [])}) if other.get("layer") == data.layer else []
            if shared:
                issues.append(Issue(f"Distrikten {', '.join(shared)} ingår redan i området ”{other.get('name')}”; "
                                    "prioriterade områden överlappar inte varandra.", None, "distrikt"))
    if data.status not in STATUSES:
        issues.append(Issue(f"Status måste vara en av: {', '.join(STATUSES)}.", None, "status"))
    if len(data.note.strip()) > MAX_NOTE:
        issues.append(Issue(f"Beskrivningen är för lång ({len(data.note.strip())} tecken, högst {MAX_NOTE}).", None, "beskrivning"))
    if issues:
        raise ValidationError(issues, "Området har inte sparats.")


def _free_code(name: str, taken: set) -> str:
    wanted = "prio-" + _slug(name).replace("_", "-")
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate


def _recompute_figures(s: Session, actor: Actor) -> None:
    """The figures the seed computed per priority area, computed again for the new compositions
    (only changed rows are written: lagesbild.importers.base.apply_in)."""
    from lagesbild.importers import seed_factors

    seed_factors.recompute(s, actor, seed_factors.PRIORITY_DEPENDENT)


def _plain(changed: dict) -> dict:
    return {k: {w: (list(v) if isinstance(v, (list, tuple)) else v) for w, v in d.items()} for k, d in changed.items()}
