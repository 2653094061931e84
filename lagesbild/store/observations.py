"""Place observations (Brå's EST method): partners' reporters file what they saw, where and when.

Every write checks the permission (a reporter files for its own organisation only), validates
everything before writing anything, and leaves an audit entry in the same transaction. The
note is checked for personal data (personnummer, phone numbers, e-mail addresses): it is
refused, never cleaned, so the reporter sees what was wrong and nothing half-right is kept.
Only the area is stored; a map click is turned into its district before it gets here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from lagesbild.config import load_kommun
from lagesbild.domain import Actor, Role
from lagesbild.errors import Issue, NotFound, PermissionDenied, ValidationError
from lagesbild.store.access import require
from lagesbild.store.audit import audit
from lagesbild.store.models import District, Partner, PlaceObservation, PlanAction, utcnow

MAX_NOTE = 500
MAX_COUNT = 999  # more than this at one place on one occasion is a typing error
# Time bands of the day (EST reports by band, not by the minute: less detail, same use).
TIME_BANDS: dict[str, tuple[str, str]] = {
    "natt": ("Natt (00–06)", "Night (00–06)"),
    "morgon": ("Morgon (06–10)", "Morning (06–10)"),
    "dag": ("Dag (10–18)", "Day (10–18)"),
    "kvall": ("Kväll (18–24)", "Evening (18–24)"),
}

# Personal data the note must not hold. A personnummer or samordningsnummer with or without
# century and separator (YYMMDD-XXXX, YYYYMMDDXXXX, …; day 61–91 for samordningsnummer).
_PNR = re.compile(r"(?<!\d)(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+ ]?\d{4}(?!\d)")
# A Swedish or international phone number: 0 or +46/0046, then 6–11 more digits with spaces or dashes.
_PHONE = re.compile(r"(?<![\d+])(?:\+\d{2}|00\d{2}|0)[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d){5,10}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def observation_level() -> str:
    """The district layer observations are filed in: the maps' main layer (RegSO where the
    kommun has it), so that districts add up to the kommun and to the priority areas."""
    from lagesbild.geo.layers import main_layer

    return main_layer()


def categories() -> dict[str, tuple[str, str]]:
    """id → (Swedish, English) label, from the kommun file (or the default EST list)."""
    return {cid: (sv, en) for cid, sv, en in load_kommun().observation_categories}


@dataclass(frozen=True)
class ObservationInput:
    """An observation as entered in the form."""

    partner_id: str | None
    district_code: str | None
    observed_on: date | None
    time_band: str | None
    category: str | None
    count: int | None
    note: str = ""


def personal_data_in(note: str) -> list[str]:
    """What kinds of personal data the note seems to hold (Swedish words, in a fixed order)."""
    found = []
    if _PNR.search(note):
        found.append("ett personnummer")
    if _PHONE.search(_PNR.sub(" ", note)):  # a personnummer is not also a phone number
        found.append("ett telefonnummer")
    if _EMAIL.search(note):
        found.append("en e-postadress")
    return found


def validate(data: ObservationInput, session: Session, *, today: date | None = None) -> list[Issue]:
    """Every problem at once, in Swedish, naming the form's field."""
    today = today or date.today()
    issues: list[Issue] = []
    if not data.partner_id or session.get(Partner, data.partner_id) is None:
        issues.append(Issue("välj den organisation som rapporterar.", column="organisation"))
    area = session.get(District, data.district_code) if data.district_code else None
    if area is None or area.level != observation_level():
        issues.append(Issue("välj ett område i listan eller på kartan.", column="område"))
    if data.observed_on is None:
        issues.append(Issue("ange datum.", column="datum"))
    elif data.observed_on > today:
        issues.append(Issue(f"datumet {data.observed_on.isoformat()} har inte varit än.", column="datum"))
    if data.time_band not in TIME_BANDS:
        issues.append(Issue("välj tid på dygnet.", column="tid"))
    if data.category not in categories():
        issues.append(Issue("välj en kategori i listan.", column="kategori"))
    if not isinstance(data.count, int) or isinstance(data.count, bool) or data.count < 1:
        issues.append(Issue("antalet måste vara ett heltal, minst 1.", column="antal"))
    elif data.count > MAX_COUNT:
        issues.append(Issue(f"antalet är större än {MAX_COUNT}; kontrollera siffran.", column="antal"))
    note = data.note or ""
    if len(note) > MAX_NOTE:
        issues.append(Issue(f"anteckningen har {len(note)} tecken; högst {MAX_NOTE} får plats.", column="anteckning"))
    found = personal_data_in(note)
    if found:
        what = " och ".join([", ".join(found[:-1]), found[-1]] if len(found) > 1 else found)
        issues.append(Issue(f"anteckningen innehåller något som liknar {what}. Skriv inga personuppgifter i "
                            "anteckningen; beskriv platsen och det du såg.", column="anteckning"))
    return issues


def _require(actor: Actor, partner_id: str | None) -> None:
    """A reporter files for its own organisation only (so does an editor of one organisation);
    a reporter without an organisation files for none."""
    require(actor, "observation.write", partner_id=partner_id)
    if actor.role == Role.REPORTER and (actor.partner_id is None or partner_id != actor.partner_id):
        raise PermissionDenied("Du kan bara rapportera iakttagelser för din egen organisation.")


def file_observation(session: Session, actor: Actor, data: ObservationInput, *, today: date | None = None) -> int:
    """Store one observation (inside the caller's transaction). Returns its id."""
    data = ObservationInput(partner_id=data.partner_id or None, district_code=data.district_code or None,
                            observed_on=data.observed_on, time_band=data.time_band, category=data.category,
                            count=data.count, note=(data.note or "").strip())
    _require(actor, data.partner_id)
    issues = validate(data, session, today=today)
    if issues:
        raise ValidationError(issues, "Iakttagelsen sparades inte:")
    row = PlaceObservation(partner_id=data.partner_id, district_code=data.district_code, observed_on=data.observed_on,
                           time_band=data.time_band, category=data.category, count=data.count, note=data.note,
                           author=actor.name, created_at=utcnow())
    session.add(row)
    session.flush()
    # The audit names what was filed, not the note (it stays where only the store reads it).
    audit(session, actor, "observation.file", "place_observation", row.id, partner=row.partner_id,
          area=row.district_code, date=row.observed_on, time_band=row.time_band, category=row.category, count=row.count)
    return row.id


def link_action(session: Session, actor: Actor, observation_id: int, plan_action_id: int | None) -> None:
    """Tie an observation to an åtgärd of the plan (or untie it: None). Whoever writes the
    plan may do it (the coordinator, editors, admins)."""
    require(actor, "plan.write")
    row = session.get(PlaceObservation, observation_id)
    if row is None:
        raise NotFound(f"Iakttagelsen {observation_id} finns inte.")
    if plan_action_id is not None and session.get(PlanAction, plan_action_id) is None:
        raise ValidationError([Issue(f"åtgärden {plan_action_id} finns inte i planen.", column="åtgärd")],
                              "Kopplingen sparades inte:")
    row.plan_action_id = plan_action_id
    audit(session, actor, "observation.link", "place_observation", observation_id, plan_action=plan_action_id)
    session.flush()

