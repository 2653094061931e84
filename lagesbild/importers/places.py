"""Place names → areas (data/place_names.toml), for texts without coordinates.

Polisen's events carry only the kommun's centre point, so the one honest way to say where an
event happened is the place the text names. `district_from_text` returns that place's name,
or None when the text names no known place, or names places that do not nest (then we do
not guess).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from lagesbild import overrides
from lagesbild.config import DATA_DIR, load_kommun

PLACES_FILE = DATA_DIR / "place_names.toml"  # the default kommun's; a pack names its own ([files] place_names)


def places_file() -> Path:
    return load_kommun().optional_path("place_names", PLACES_FILE)


@dataclass(frozen=True)
class Place:
    name: str
    aliases: tuple[str, ...] = ()
    regso: tuple[str, ...] = ()
    within: str | None = None
    ambiguous: bool = False
    note: str = ""
    prio: str | None = None  # derived from the priority areas

    @property
    def single_regso(self) -> str | None:
        """The RegSO when the place lies in exactly one (never a guess among several)."""
        return self.regso[0] if len(self.regso) == 1 and not self.ambiguous else None


def places(path: Path | None = None) -> dict[str, Place]:
    return _places(path or places_file())


@overrides.cached(4)
def _places(path: Path) -> dict[str, Place]:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh).get("places", {})
    prio_of = _priority_regso()
    out = {}
    for name, d in raw.items():
        # The codes of the kommun's main district layer: RegSO, or valdistrikt in a kommun
        # without RegSO (a pack's gazetteer from `python -m lagesbild.kommun new`).
        regso = tuple(d.get("regso") or d.get("valdistrikt") or [])
        out[name] = Place(
            name=name, aliases=tuple(d.get("aliases", [])), regso=regso, within=d.get("within"),
            ambiguous=bool(d.get("ambiguous", False)), note=d.get("note", ""),
            prio=_prio_for(regso, prio_of, d.get("within"), raw),
        )
    return out


def _priority_regso() -> dict[str, set[str]]:
    """prio code → RegSO codes, from the kommun's priority-area file (if it has one)."""
    path = load_kommun().optional_path("priority_areas")
    if path is None or not path.is_file():
        return {}
    with open(path, "rb") as fh:
        areas = tomllib.load(fh).get("area", [])
    from lagesbild.geo.layers import main_layer

    main = main_layer()
    return {a["code"]: set(a.get("codes", [])) for a in areas if a.get("layer", "regso") == main}


def _prio_for(regso: tuple[str, ...], prio_of: dict[str, set[str]], within: str | None, raw: dict) -> str | None:
    if not regso and within:  # e.g. a hospital known to be in Flemingsberg, RegSO unchecked
        return _prio_for(tuple(raw.get(within, {}).get("regso", [])), prio_of, raw.get(within, {}).get("within"), raw)
    for code, members in prio_of.items():
        if regso and set(regso) <= members:
            return code
    return None


def _pattern(path: Path | None = None) -> tuple[re.Pattern, dict[str, str]]:
    return _pattern_of(path or places_file())


@overrides.cached(4)
def _pattern_of(path: Path) -> tuple[re.Pattern, dict[str, str]]:
    """One regex over every name and alias, longest first, whole words (genitive -s allowed)."""
    names = {}
    for place in places(path).values():
        for n in (place.name, *place.aliases):
            names[n.casefold()] = place.name
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alternatives})s?(?!\w)", re.IGNORECASE), names


def places_in_text(text: str, path: Path | None = None) -> list[str]:
    """Every known place the text names, in order of appearance, without repeats."""
    pattern, names = _pattern(path)
    found = []
    for m in pattern.finditer(text or ""):
        name = names[m.group(1).casefold()]
        if name not in found:
            found.append(name)
    return found


def _ancestors(name: str, table: dict[str, Place]) -> set[str]:
    out, cur = set(), table[name].within
    while cur and cur not in out:
        out.add(cur)
        cur = table[cur].within if cur in table else None
    return out


def district_from_text(text: str, path: Path | None = None) -> str | None:
    """The place a text is about: the most specific named place when all named places nest
    (e.g. "Visättra, Flemingsberg" → "Visättra"); None when none or several unrelated."""
    found = places_in_text(text, path)
    if not found:
        return None
    table = places(path)
    for candidate in found:
        others = set(found) - {candidate}
        if others <= _ancestors(candidate, table):
            return candidate
    return None


def place(name: str | None, path: Path | None = None) -> Place | None:
    return places(path).get(name) if name else None
