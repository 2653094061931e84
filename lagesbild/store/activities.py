"""Activities of the samverkansöverenskommelse: record and change them, checked and audited.

Partners draw up, carry out and follow up activities under each focus area. A write names
the version it saw (optimistic concurrency, as for reforms); an editor tied to a partner may
only write that partner's activities. Every activity is an entry of the åtgärdsplan too:
each write here brings its entry along (`action_plan.mirror_activity`). Reading is done over
the Picture (`lagesbild.queries.activities`), never here.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from lagesbild.config import load_kommun
from lagesbild.domain import Actor, ActivityStatus
from lagesbild.errors import ConflictError, Issue, NotFound, ValidationError
from lagesbild.store.access import require
from lagesbild.store.action_plan import mirror_activity
from lagesbild.store.audit import audit
from lagesbild.store.models import Activity, District, FocusArea, Partner, utcnow

MAX_TITLE = 300
MAX_TEXT = 4000
MAX_EXTERNAL_ID = 80


@dataclass(frozen=True)
class ActivityInput:
    """An activity as entered in the form or a row of the template."""

    title: str
    partner_id: str
    focus_area_id: str
    status: ActivityStatus
    description: str = ""
    district_code: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    follow_up: str = ""
    external_id: str | None = None

    def cleaned(self) -> "ActivityInput":
        return ActivityInput(
            title=self.title.strip(), partner_id=self.partner_id, focus_area_id=self.focus_area_id, status=self.status,
            description=(self.description or "").strip(), district_code=(self.district_code or None),
            start_date=self.start_date, end_date=self.end_date, follow_up=(self.follow_up or "").strip(),
            external_id=(self.external_id or "").strip() or None,
        )


@dataclass(frozen=True)
class References:
    """The codes an activity may name (from the store or a Picture)."""

    partners: frozenset[str]
    focus_areas: frozenset[str]
    districts: frozenset[str]

    @classmethod
    def load(cls, s: Session) -> "References":
        return cls(frozenset(s.scalars(select(Partner.id))), frozenset(s.scalars(select(FocusArea.id))),
                   frozenset(s.scalars(select(District.code))))


def validate_activity(data: ActivityInput, refs: References, *, row: int | None = None) -> list[Issue]:
    """Every problem at once, in Swedish, naming the template's column."""
    issues: list[Issue] = []
    title = (data.title or "").strip()
    if len(title) < 3:
        issues.append(Issue("titeln saknas eller är för kort (minst 3 tecken).", row, "titel"))
    elif len(title) > MAX_TITLE:
        issues.append(Issue(f"titeln är längre än {MAX_TITLE} tecken.", row, "titel"))
    if data.partner_id not in refs.partners:
        issues.append(Issue(f"parten ”{data.partner_id}” finns inte; förväntat en av {', '.join(sorted(refs.partners))}.", row, "partner"))
    if data.focus_area_id not in refs.focus_areas:
        issues.append(Issue(f"fokusområdet ”{data.focus_area_id}” finns inte; förväntat ett av {', '.join(sorted(refs.focus_areas))}.", row, "fokusomrade"))
    if data.district_code and data.district_code not in refs.districts:
        k = load_kommun()
        issues.append(Issue(f"området ”{data.district_code}” finns inte; förväntat en områdeskod som finns i appen "
                            f"(t.ex. {k.example('regso')} eller {k.example('prio')}) eller tom cell.", row, "omrade"))
    if not isinstance(data.status, ActivityStatus):
        issues.append(Issue("status saknas.", row, "status"))
    if data.start_date and data.end_date and data.end_date < data.start_date:
        issues.append(Issue(f"slutdatum {data.end_date.isoformat()} ligger före startdatum {data.start_date.isoformat()}.", row, "slut"))
    for text, column in ((data.description, "beskrivning"), (data.follow_up, "uppfoljning")):
        if text and len(text) > MAX_TEXT:
            issues.append(Issue(f"texten är längre än {MAX_TEXT} tecken.", row, column))
    if data.external_id and len(data.external_id.strip()) > MAX_EXTERNAL_ID:
        issues.append(Issue(f"extern_id är längre än {MAX_EXTERNAL_ID} tecken.", row, "extern_id"))
    return issues


def _retired_issues(session: Session, data: ActivityInput, current: Activity | None = None) -> list[Issue]:
    """A retired partner or focus area is offered for nothing new; an activity that already
    names it keeps it (its history is not rewritten)."""
    issues = []
    checks = ((Partner, data.partner_id, current.partner_id if current else None, "partner"),
              (FocusArea, data.focus_area_id, current.focus_area_id if current else None, "fokusomrade"))
    for model, key, kept, column in checks:
        row = None if key == kept else session.get(model, key)
        if row is not None and row.retired_at is not None:
            name = row.name if model is Partner else row.name_sv
            issues.append(Issue(f"”{name}” är avslutad och kan inte väljas för nya aktiviteter.", None, column))
    return issues


def _fields(data: ActivityInput) -> dict:
    d = asdict(data)
    d["status"] = data.status.value
    return d


def create_activity(session: Session, actor: Actor, data: ActivityInput, *, refs: References | None = None,
                    import_id: int | None = None) -> Activity:
    """Add an activity (inside the caller's transaction). Returns it with its id."""
    require(actor, "activity.write", partner_id=data.partner_id)
    data = data.cleaned()
    issues = validate_activity(data, refs or References.load(session)) + _retired_issues(session, data)
    if data.external_id and session.scalar(select(Activity.id).where(Activity.external_id == data.external_id)) is not None:
        issues.append(Issue(f"extern_id ”{data.external_id}” används redan av en annan aktivitet.", None, "extern_id"))
    if issues:
        raise ValidationError(issues, "Aktiviteten sparades inte:")
    act = Activity(**_fields(data), version=1, updated_at=utcnow(), updated_by=actor.name)
    session.add(act)
    session.flush()
    if not act.external_id:
        # Every activity gets an id the template can match on, so an exported list
        # re-imports as updates, never as duplicates.
        act.external_id = _free_external_id(session, f"app-{act.id}")
        session.flush()
    audit(session, actor, "activity.create", "activity", act.id, title=act.title, status=act.status,
          partner=act.partner_id, focus_area=act.focus_area_id, import_id=import_id)
    mirror_activity(session, actor, act, import_id=import_id)
    return act


def update_activity(session: Session, actor: Actor, activity_id: int, expected_version: int, data: ActivityInput, *,
                    refs: References | None = None, import_id: int | None = None) -> Activity:
    """Change an activity. Refused when someone else changed it since `expected_version`."""
    current = session.get(Activity, activity_id)
    if current is None:
        raise NotFound(f"Aktiviteten {activity_id} finns inte.")
    require(actor, "activity.write", partner_id=current.partner_id)
    require(actor, "activity.write", partner_id=data.partner_id)
    data = data.cleaned()
    issues = validate_activity(data, refs or References.load(session)) + _retired_issues(session, data, current)
    if data.external_id:
        other = session.scalar(select(Activity.id).where(Activity.external_id == data.external_id, Activity.id != activity_id))
        if other is not None:
            issues.append(Issue(f"extern_id ”{data.external_id}” används redan av en annan aktivitet.", None, "extern_id"))
    if issues:
        raise ValidationError(issues, "Aktiviteten sparades inte:")
    before = {k: getattr(current, k) for k in _fields(data)}
    result = session.execute(
        update(Activity)
        .where(Activity.id == activity_id, Activity.version == expected_version)
        .values(**_fields(data), version=Activity.version + 1, updated_at=utcnow(), updated_by=actor.name)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        session.refresh(current)
        raise ConflictError(
            f"Aktiviteten ”{current.title}” har ändrats av någon annan sedan du öppnade den "
            f"(version {expected_version} → {current.version}). Dina ändringar har inte sparats; "
            "de finns kvar i formuläret. Läs den senaste versionen och spara igen."
        )
    session.refresh(current)
    changed = {k: v for k, v in _fields(data).items() if before.get(k) != v}
    audit(session, actor, "activity.update", "activity", activity_id, version=current.version, import_id=import_id,
          changed=sorted(changed))
    mirror_activity(session, actor, current, import_id=import_id)
    return current


def _free_external_id(session: Session, wanted: str) -> str:
    candidate, n = wanted, 1
    while session.scalar(select(Activity.id).where(Activity.external_id == candidate)) is not None:
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate


def same_as_stored(act: Activity, data: ActivityInput) -> bool:
    """True when saving `data` would change nothing (used by the idempotent import)."""
    data = data.cleaned()
    return all(getattr(act, k) == v for k, v in _fields(data).items())
