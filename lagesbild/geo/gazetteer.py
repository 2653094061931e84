"""A first gazetteer for a new kommun, from its district names (issue 12: police notices are
placed by the place their text names, and a new kommun has no hand-made place list yet).

The rule, documented for administrators in docs/ny-kommun.md:

1. Drop the kommun prefix and the district number: "Haninge 48 Jordbro N-Dåntorp-Öran" →
   "Jordbro N-Dåntorp-Öran".
2. Split into places at "-", "–", "/", ",", " och " and " & ": "Jordbro N", "Dåntorp", "Öran".
3. Strip what marks a part of a place, not a place: "m.fl.", "m. fl.", "m.m", compass marks
   (N, S, Ö, V, NÖ, NV, SÖ, SV, C), the words norra, södra, östra, västra, centrala, central
   centrum, gård and torg at the end ("X gård" also stays as written), and Norra/Södra/Östra/Västra at the start: "Jordbro N" → "Jordbro",
   "Västra X norra" → "X".
4. Never the kommun's own name (it ends every notice title): a place that would become it keeps
   its full form ("<kommun> centrum"), and a bare kommun name is dropped.
5. Group: a place named by several districts covers all of them ("Brandbergen" = five
   valdistrikt). Every place also keeps its fuller form when that differs ("Västra X").

The result is a suggestion an administrator edits (some hyphens join one name, "Skogs-Ekeby");
the unplaced share of notices is shown beside every notice figure.
"""
from __future__ import annotations

import re
from collections import defaultdict

SPLIT = re.compile(r"\s*(?:-|–|/|,|\s+och\s+|\s+&\s+)\s*")
MORE = re.compile(r"\s+m\.?\s?(?:fl|m)\.?$", re.IGNORECASE)
COMPASS = {"n", "s", "ö", "v", "nö", "nv", "sö", "sv", "c", "o", "no", "so"}
PART_WORDS = {"norra", "södra", "östra", "västra", "centrala", "central", "centrum", "mellersta", "gård", "torg"}
LEADING = {"norra", "södra", "östra", "västra"}
KEPT_IN_FULL = {"centrum", "gård", "torg"}  # "X gård", "X centrum" are names in their own right too
MIN_LEN = 3


def _base(token: str) -> str:
    """"Jordbro N" → "Jordbro"; "Västra X norra" → "X"; "Gudö m.fl." → "Gudö"."""
    words = MORE.sub("", token).split()
    while len(words) > 1 and (words[-1].casefold() in COMPASS or words[-1].casefold() in PART_WORDS):
        words.pop()
    while len(words) > 1 and words[0].casefold() in LEADING:
        words.pop(0)
    return " ".join(words)


def _fuller(token: str) -> str:
    """The place with only the list marks and compass letters stripped ("Västra X")."""
    words = MORE.sub("", token).split()
    while len(words) > 1 and (words[-1].casefold() in COMPASS or words[-1].casefold() in PART_WORDS - KEPT_IN_FULL):
        words.pop()
    return " ".join(words)


def place_names(district_name: str, kommun_name: str) -> list[str]:
    """The places one district name gives, most general first, without the kommun's name."""
    kommun = kommun_name.casefold()
    text = re.sub(rf"^{re.escape(kommun_name)}\s+\d+\s+", "", district_name.strip(), flags=re.IGNORECASE)
    text = re.sub(r"^\d+\s+", "", text)
    out: list[str] = []
    for token in SPLIT.split(text):
        token = MORE.sub("", token.strip()).strip()
        if not token:
            continue
        for name in (_base(token), _fuller(token)):
            if name.casefold() == kommun:
                name = token if token.casefold() != kommun else ""  # never the kommun's own name
            if len(name) >= MIN_LEN and name not in out:
                out.append(name)
    return out


def from_districts(districts: list[tuple[str, str]], kommun_name: str) -> dict[str, tuple[str, ...]]:
    """Place name → the district codes it covers, from (code, name) pairs of one layer."""
    covers: dict[str, list[str]] = defaultdict(list)
    for code, name in districts:
        for place in place_names(name, kommun_name):
            if code not in covers[place]:
                covers[place].append(code)
    return {p: tuple(sorted(c)) for p, c in sorted(covers.items())}
