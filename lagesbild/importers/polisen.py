"""Polisen's published events (polisen.se/api/events JSON) → PoliceEvent rows.

Press notices, not statistics: they are shown as "publicerade händelser" and never as a
crime level. Both location formats are read:
- before about February 2026: `location.name` is the kommun ("Huddinge");
- after: `location.name` is the county ("Stockholms län") and the kommun is the last
  comma-separated part of `name` ("14 augusti 03.02, Stöld/inbrott, Huddinge").
County-level notices whose text names the kommun are kept with the county as their place.
Hours may lack a leading zero ("2026-08-22 9:13:04 +02:00"). The time is stored as the
local wall-clock time the notice gives (the offset is dropped), which is what a month
count should use.
"""
from __future__ import annotations

import re
from datetime import datetime

import pandas as pd

from lagesbild.config import load_kommun
from lagesbild.errors import Issue
from lagesbild.importers.base import ParsedImport, Progress, fail, load_json
from lagesbild.importers.places import district_from_text

KIND = "polisen"
SOURCE_ID = "polisen_handelser"
COLUMNS = ["row", "id", "occurred_at", "type", "name", "summary", "url", "location_name", "kommun", "district"]
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2}):(\d{2}) ?([+-]\d{2}:?\d{2})?$")
_REQUIRED = ("id", "datetime", "name", "summary", "url", "type", "location")


def parse_datetime(text: str) -> datetime:
    """"2026-08-22 9:13:04 +02:00" → 2026-08-22 09:13:04 (local time as written)."""
    m = _DATETIME.match((text or "").strip())
    if not m:
        raise ValueError(text)
    y, mo, d, h, mi, s = (int(g) for g in m.groups()[:6])
    return datetime(y, mo, d, h, mi, s)


def kommun_of(event: dict) -> str:
    """The kommun (or county) an event is filed under, in either location format."""
    loc = str(event.get("location", {}).get("name", "")).strip()
    if loc.endswith(" län"):
        return str(event.get("name", "")).rsplit(",", 1)[-1].strip()
    return loc


def _mentions(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text or "", re.IGNORECASE) is not None


def _check(event, n: int) -> list[Issue]:
    where = f"händelse {n}" + (f" (id {event.get('id')})" if isinstance(event, dict) and "id" in event else "")
    if not isinstance(event, dict):
        return [Issue(f"{where}: förväntat ett objekt med fälten {', '.join(_REQUIRED)}.")]
    issues = [Issue(f"{where}: fältet saknas; förväntat {f}.", column=f) for f in _REQUIRED if f not in event]
    if issues:
        return issues
    if not isinstance(event["id"], int) or isinstance(event["id"], bool):
        issues.append(Issue(f"{where}: id ”{event['id']}” stämmer inte; förväntat ett heltal.", column="id"))
    try:
        parse_datetime(str(event["datetime"]))
    except ValueError:
        issues.append(Issue(f"{where}: tiden ”{event['datetime']}” stämmer inte; förväntat ÅÅÅÅ-MM-DD T:MM:SS +HH:MM.", column="datetime"))
    if not isinstance(event["location"], dict) or "name" not in event["location"]:
        issues.append(Issue(f"{where}: förväntat location med fältet name.", column="location"))
    for f in ("name", "summary", "url", "type"):
        if not isinstance(event[f], str):
            issues.append(Issue(f"{where}: förväntat text i fältet.", column=f))
    return issues


def parse(data: bytes, filename: str = "events.json", *, progress: Progress | None = None) -> ParsedImport:
    """Events of this installation's kommun (from data/kommun.toml), nothing hard-coded."""
    kommun = load_kommun()
    doc = load_json(data, "en lista med händelser från polisen.se/api/events")
    events = doc.get("events", doc) if isinstance(doc, dict) else doc
    if not isinstance(events, list):
        fail([Issue("förväntat en lista med händelser ([{\"id\": …, \"datetime\": …, …}]).")])
    issues = [i for n, e in enumerate(events, start=1) for i in _check(e, n)]
    fail(issues)
    rows, other, seen = [], 0, set()
    for n, e in enumerate(events, start=1):
        if progress and n % 200 == 0:
            progress(n / len(events))
        place = kommun_of(e)
        county_mention = place.endswith(" län") and (_mentions(e["name"], kommun.name) or _mentions(e["summary"], kommun.name))
        if place != kommun.name and not county_mention:
            other += 1
            continue
        if e["id"] in seen:
            continue  # the archive can hold the same notice twice; it is one event
        seen.add(e["id"])
        rows.append({
            "row": n, "id": e["id"], "occurred_at": parse_datetime(e["datetime"]), "type": e["type"].strip(),
            "name": e["name"], "summary": e["summary"], "url": e["url"], "location_name": e["location"]["name"],
            "kommun": place, "district": district_from_text(e["summary"]),
        })
    if not rows:
        fail([Issue(f"filen har inga händelser för {kommun.name}; förväntat händelser med location.name ”{kommun.name}” eller med kommunen sist i name.")])
    notes = [f"{len(rows)} publicerade händelser för {kommun.name}; {sum(r['district'] is not None for r in rows)} av dem nämner en känd ortsdel."]
    if other:
        notes.append(f"{other} händelser i andra kommuner hoppades över.")
    records = pd.DataFrame(rows, columns=COLUMNS)
    return ParsedImport(kind=KIND, source_id=SOURCE_ID, records=records, target="police_event", warnings=notes)
