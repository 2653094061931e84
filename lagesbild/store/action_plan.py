"""The åtgärdsplan (lag 2023:196): åtgärder tied to the problem the picture shows, with
responsible partners, period, linked reforms and activities, the expected effect, and a status
history that is only ever appended to.

One concept of åtgärd: an åtgärd recorded at a meeting (lagesbild.store.meetings, kind
"atgard") is an entry of this plan too; the meeting keeps its own row, linked here, whose
`done` flag mirrors the entry's status (written in the same transaction, here only). So is an
activity of the samverkansöverenskommelse (lagesbild.store.activities): its entry carries
`activity_id`, and the two are kept equal in the same transaction, whichever is written —
the activity row stays because it is the picture's versioned record (what a frozen meeting
shows), while the plan holds the status history.

Every write checks the permission, validates everything before writing anything, names the
version it saw (compare-and-swap on `PlanAction.version`) and leaves an audit entry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from lagesbild.domain import Actor, ActivityStatus, Role
from lagesbild.errors import ConflictError, Issue, NotFound, PermissionDenied, ValidationError
from lagesbild.store.access import require
from lagesbild.store.audit import audit
from lagesbild.store.models import (Activity, District, FocusArea, IndicatorDefinition, Meeting, MeetingAction, Partner,
                                    PlanAction, PlanActionUpdate, Reform, utcnow)

DIRECTIONS = ("minska", "oka")
CLOSED = (ActivityStatus.GENOMFORD, ActivityStatus.AVBRUTEN)  # a meeting sees these as done
MAX_TITLE = 300
MAX_TEXT = 4000
MAX_OWNER = 200
_HORIZON = re.compile(r"\d{4}(-\d{2}-\d{2})?")


@dataclass(frozen=True)
class PlanActionInput:
    """An åtgärd as entered in the form (or recorded at a meeting)."""

    title: str
    focus_area_id: str | None = None
    area_codes: tuple[str, ...] = ()
    indicator_ids: tuple[str, ...] = ()
    partner_ids: tuple[str, ...] = ()
    owner: str = ""
    start_date: date | None = None
    end_date: date | None = None
    reform_ids: tuple[str, ...] = ()
    activity_ids: tuple[int, ...] = ()
    effect_indicator_id: str | None = None
    effect_direction: str | None = None
    effect_horizon: str | None = None
    description: str = ""
    meeting_id: int | None = None

    def cleaned(self) -> "PlanActionInput":
        def ids(xs):
            return tuple(dict.fromkeys(x for x in (xs or ()) if x not in (None, "")))

        return PlanActionInput(
            title=(self.title or "").strip(), focus_area_id=self.focus_area_id or None, area_codes=ids(self.area_codes),
            indicator_ids=ids(self.indicator_ids), partner_ids=ids(self.partner_ids), owner=(self.owner or "").strip(),
            start_date=self.start_date, end_date=self.end_date, reform_ids=ids(self.reform_ids),
            activity_ids=ids(self.activity_ids), effect_indicator_id=self.effect_indicator_id or None,
            effect_direction=self.effect_direction or None, effect_horizon=(self.effect_horizon or "").strip() or None,
            description=(self.description or "").strip(), meeting_id=self.meeting_id,
        )


@dataclass(frozen=True)
class References:
    """What an åtgärd may name: the store's codes and the indicator registry."""

    partners: frozenset[str]
    focus_areas: frozenset[str]
    districts: frozenset[str]
    indicators: frozenset[str]
    reforms: frozenset[str]
    activities: frozenset[int]

    @classmethod
    def load(cls, s: Session) -> "References":
        from lagesbild.registry.indicators import indicators

        inds = set(indicators()) | set(s.scalars(select(IndicatorDefinition.id)))
        return cls(frozenset(s.scalars(select(Partner.id))), frozenset(s.scalars(select(FocusArea.id))),
                   frozenset(s.scalars(select(District.code))), frozenset(inds), frozenset(s.scalars(select(Reform.id))),
                   frozenset(s.scalars(select(Activity.id))))


def horizon_date(text: str | None) -> date | None:
    """"2027" → 2027-12-31, "2027-06-30" → that day; None when it is not one of these."""
    text = (text or "").strip()
    if not _HORIZON.fullmatch(text):
        return None
    try:
        return date(int(text), 12, 31) if len(text) == 4 else date.fromisoformat(text)
    except ValueError:
        return None


def _unknown(what: str, values, known, column: str) -> list[Issue]:
    bad = [str(v) for v in values if v not in known]
    return [Issue(f"{what} {', '.join(f'”{b}”' for b in bad)} finns inte.", column=column)] if bad else []


def validate(data: PlanActionInput, refs: References, *, need_focus: bool = True) -> list[Issue]:
    """Every problem at once, in Swedish, naming the form's field. `need_focus` is off only for
    an åtgärd recorded at a meeting, which has never named its focus area."""
    issues: list[Issue] = []
    if len(data.title) < 3:
        issues.append(Issue("titeln saknas eller är för kort (minst 3 tecken).", column="titel"))
    elif len(data.title) > MAX_TITLE:
        issues.append(Issue(f"titeln är längre än {MAX_TITLE} tecken.", column="titel"))
    if len(data.description) > MAX_TEXT:
        issues.append(Issue(f"beskrivningen är längre än {MAX_TEXT} tecken.", column="beskrivning"))
    if data.focus_area_id is None and need_focus:
        issues.append(Issue("välj det fokusområde som problemet hör till.", column="fokusområde"))
    elif data.focus_area_id is not None and data.focus_area_id not in refs.focus_areas:
        issues.append(Issue(f"fokusområdet ”{data.focus_area_id}” finns inte.", column="fokusområde"))
    issues += _unknown("området", data.area_codes, refs.districts, "områden")
    issues += _unknown("indikatorn", data.indicator_ids, refs.indicators, "indikatorer")
    issues += _unknown("parten", data.partner_ids, refs.partners, "ansvariga parter")
    if not data.partner_ids and not data.owner:
        issues.append(Issue("ange minst en ansvarig part eller en ansvarig person.", column="ansvariga parter"))
    if len(data.owner) > MAX_OWNER:
        issues.append(Issue(f"ansvarig är längre än {MAX_OWNER} tecken.", column="ansvarig"))
    if data.start_date and data.end_date and data.end_date < data.start_date:
        issues.append(Issue(f"slutdatum {data.end_date.isoformat()} ligger före startdatum {data.start_date.isoformat()}.",
                            column="period"))
    issues += _unknown("reformen", data.reform_ids, refs.reforms, "reformer")
    issues += _unknown("aktiviteten", data.activity_ids, refs.activities, "aktiviteter")
    issues += _validate_effect(data, refs)
    return issues


def _validate_effect(data: PlanActionInput, refs: References) -> list[Issue]:
    parts = (data.effect_indicator_id, data.effect_direction, data.effect_horizon)
    if all(p is None for p in parts):
        return []
    issues = []
    if data.effect_indicator_id is None:
        issues.append(Issue("ange vilken indikator effekten ska synas i.", column="förväntad effekt"))
    elif data.effect_indicator_id not in refs.indicators:
        issues.append(Issue(f"indikatorn ”{data.effect_indicator_id}” finns inte.", column="förväntad effekt"))
    if data.effect_direction not in DIRECTIONS:
        issues.append(Issue("ange om värdet ska minska eller öka.", column="riktning"))
    horizon = horizon_date(data.effect_horizon)
    if horizon is None:
        issues.append(Issue("ange när effekten ska synas som ett år (ÅÅÅÅ) eller ett datum (ÅÅÅÅ-MM-DD).", column="horisont"))
    elif data.start_date and horizon < data.start_date:
        issues.append(Issue(f"horisonten {data.effect_horizon} ligger före startdatum {data.start_date.isoformat()}.",
                            column="horisont"))
    return issues


def _require(actor: Actor, partner_ids) -> None:
    """An editor of one organisation writes only åtgärder that organisation is responsible for;
    the coordinator writes the whole plan (that is the role's job)."""
    require(actor, "plan.write")
    if actor.partner_id is not None and partner_ids and actor.partner_id not in partner_ids and actor.role == Role.EDITOR:
        raise PermissionDenied("Du kan bara ändra åtgärder som din egen organisation är ansvarig för.")


def _fields(data: PlanActionInput) -> dict:
    return dict(title=data.title, description=data.description, focus_area_id=data.focus_area_id,
                area_codes=list(data.area_codes), indicator_ids=list(data.indicator_ids), partner_ids=list(data.partner_ids),
                owner=data.owner, start_date=data.start_date, end_date=data.end_date, reform_ids=list(data.reform_ids),
                activity_ids=[int(a) for a in data.activity_ids], effect_indicator_id=data.effect_indicator_id,
                effect_direction=data.effect_direction, effect_horizon=data.effect_horizon)


def create_action(session: Session, actor: Actor, data: PlanActionInput, *,
                  status: ActivityStatus = ActivityStatus.PLANERAD) -> int:
    """Add an åtgärd to the plan (inside the caller's transaction). Returns its id."""
    data = data.cleaned()
    _require(actor, data.partner_ids)
    issues = validate(data, References.load(session))
    if issues:
        raise ValidationError(issues, "Åtgärden sparades inte:")
    return insert(session, actor, data, status)


def insert(session: Session, actor: Actor, data: PlanActionInput, status: ActivityStatus = ActivityStatus.PLANERAD,
           note: str = "") -> int:
    """The write itself, for a caller that has checked permission and input (a meeting)."""
    now = utcnow()
    act = PlanAction(**_fields(data), meeting_id=data.meeting_id, version=1, created_at=now, created_by=actor.name,
                     updated_at=now, updated_by=actor.name)
    session.add(act)
    session.flush()
    _append_status(session, actor, act.id, 1, status, note)
    audit(session, actor, "plan.create", "plan_action", act.id, title=act.title, focus_area=act.focus_area_id,
          areas=act.area_codes, indicators=act.indicator_ids, partners=act.partner_ids, meeting=data.meeting_id,
          status=status.value)
    session.flush()
    return act.id


def update_action(session: Session, actor: Actor, action_id: int, expected_version: int, data: PlanActionInput) -> int:
    """Change an åtgärd's problem, responsibility, period, links or expected effect (e.g. tie an
    åtgärd recorded at a meeting to its focus area and indicators). Its status history and the
    meeting's own record stay as they were. Returns the new version."""
    act = get_action(session, action_id)
    _require(actor, act.partner_ids)
    data = data.cleaned()
    _require(actor, data.partner_ids)
    issues = validate(data, References.load(session)) + (_activity_issues(data) if act.activity_id else [])
    if issues:
        raise ValidationError(issues, "Åtgärden sparades inte:")
    before = {k: getattr(act, k) for k in _fields(data)}
    _bump(session, act, expected_version, values={**_fields(data), "updated_by": actor.name})
    changed = sorted(k for k, v in _fields(data).items() if before.get(k) != v)
    audit(session, actor, "plan.update", "plan_action", action_id, version=act.version, changed=changed)
    if act.activity_id is not None:
        _write_activity(session, actor, act.activity_id, title=data.title, description=data.description,
                        focus_area_id=data.focus_area_id, partner_id=data.partner_ids[0],
                        district_code=data.area_codes[0] if data.area_codes else None, start_date=data.start_date,
                        end_date=data.end_date)
    return act.version


def input_of(act) -> PlanActionInput:
    """The stored åtgärd as form input (an ORM row or a row of `plan_frame`)."""
    def get(k):
        v = act.get(k) if hasattr(act, "get") else getattr(act, k)
        return None if not isinstance(v, (list, tuple)) and pd.isna(v) else v  # a frame's NaN/NaT is "not given"

    return PlanActionInput(
        title=get("title"), description=get("description") or "", focus_area_id=get("focus_area_id") or None,
        area_codes=tuple(get("area_codes") or ()), indicator_ids=tuple(get("indicator_ids") or ()),
        partner_ids=tuple(get("partner_ids") or ()), owner=get("owner") or "", start_date=get("start_date"),
        end_date=get("end_date"), reform_ids=tuple(get("reform_ids") or ()),
        activity_ids=tuple(int(a) for a in get("activity_ids") or ()), effect_indicator_id=get("effect_indicator_id") or None,
        effect_direction=get("effect_direction") or None, effect_horizon=get("effect_horizon") or None,
        meeting_id=None if get("meeting_id") is None else int(get("meeting_id")))


def get_action(session: Session, action_id: int) -> PlanAction:
    act = session.get(PlanAction, action_id)
    if act is None:
        raise NotFound(f"Åtgärden {action_id} finns inte i planen.")
    return act


def record_status(session: Session, actor: Actor, action_id: int, expected_version: int, status: ActivityStatus,
                  note: str = "", *, permission_checked: bool = False) -> int:
    """Append a status. Refused when the åtgärd changed since `expected_version` was read.
    Returns the new version. The meeting rows of the åtgärd follow (done = closed)."""
    act = get_action(session, action_id)
    if not permission_checked:
        _require(actor, act.partner_ids)
    note = (note or "").strip()
    issues = []
    if not isinstance(status, ActivityStatus):
        issues.append(Issue("välj en status.", column="status"))
    if len(note) > MAX_TEXT:
        issues.append(Issue(f"kommentaren är längre än {MAX_TEXT} tecken.", column="kommentar"))
    if issues:
        raise ValidationError(issues, "Statusen sparades inte:")
    _bump(session, act, expected_version)
    _append_status(session, actor, action_id, expected_version + 1, status, note)
    audit(session, actor, "plan.status", "plan_action", action_id, status=status.value, seq=expected_version + 1)
    if act.activity_id is not None:  # the activity's follow-up is its newest status note
        _write_activity(session, actor, act.activity_id, status=status.value, **({"follow_up": note} if note else {}))
    session.flush()
    return expected_version + 1


def _append_status(session: Session, actor: Actor, action_id: int, seq: int, status: ActivityStatus, note: str) -> None:
    """The one way a status is recorded: the history row, and the meeting rows of the åtgärd
    follow (done = closed)."""
    session.add(PlanActionUpdate(action_id=action_id, seq=seq, status=status.value, note=note, recorded_at=utcnow(),
                                 recorded_by=actor.name))
    session.execute(update(MeetingAction).where(MeetingAction.plan_action_id == action_id)
                    .values(done=status in CLOSED).execution_options(synchronize_session="fetch"))


# --- the samverkansöverenskommelse's activities: entries of the plan too ---------------------


def _activity_issues(data: PlanActionInput) -> list[Issue]:
    """An activity has one responsible partner, one focus area and at most one area, so its
    entry must keep to that."""
    issues = []
    if len(data.partner_ids) != 1:
        issues.append(Issue("en aktivitet i samverkansöverenskommelsen har exakt en ansvarig part.",
                            column="ansvariga parter"))
    if len(data.area_codes) > 1:
        issues.append(Issue("en aktivitet i samverkansöverenskommelsen gäller ett område eller hela kommunen, "
                            "inte flera.", column="områden"))
    if data.focus_area_id is None:
        issues.append(Issue("en aktivitet i samverkansöverenskommelsen hör till ett fokusområde.", column="fokusområde"))
    return issues


def _write_activity(session: Session, actor: Actor, activity_id: int, **values) -> None:
    """Carry a change of the entry to its activity row (through the versioning hooks)."""
    session.execute(update(Activity).where(Activity.id == activity_id)
                    .values(**values, version=Activity.version + 1, updated_at=utcnow(), updated_by=actor.name)
                    .execution_options(synchronize_session="fetch"))
    audit(session, actor, "activity.update", "activity", activity_id, via="plan", changed=sorted(values))


def _entry_of_activity(act: Activity) -> dict:
    return dict(title=act.title, description=act.description or "", focus_area_id=act.focus_area_id,
                area_codes=[act.district_code] if act.district_code else [], partner_ids=[act.partner_id],
                start_date=act.start_date, end_date=act.end_date)


def mirror_activity(session: Session, actor: Actor, act: Activity, *, import_id: int | None = None) -> int:
    """Make the activity's plan entry equal to it, creating the entry the first time; a new
    status or follow-up is appended to the entry's history. Called by lagesbild.store.activities
    after its own checked write, in the same transaction. Returns the entry's id."""
    status, note = ActivityStatus(act.status), act.follow_up or ""
    fields = _entry_of_activity(act)
    entry = session.scalar(select(PlanAction).where(PlanAction.activity_id == act.id))
    if entry is None:
        now = utcnow()
        entry = PlanAction(**fields, indicator_ids=[], reform_ids=[], activity_ids=[], owner="", activity_id=act.id,
                           version=1, created_at=now, created_by=actor.name, updated_at=now, updated_by=actor.name)
        session.add(entry)
        session.flush()
        _append_status(session, actor, entry.id, 1, status, note)
        audit(session, actor, "plan.create", "plan_action", entry.id, activity=act.id, title=act.title,
              status=status.value, import_id=import_id)
        session.flush()
        return entry.id
    changed = sorted(k for k, v in fields.items() if getattr(entry, k) != v)
    last = session.scalar(select(PlanActionUpdate).where(PlanActionUpdate.action_id == entry.id)
                          .order_by(PlanActionUpdate.seq.desc()).limit(1))
    new_status = last is None or (last.status, last.note or "") != (status.value, note)
    if changed or new_status:
        seen = entry.version
        _bump(session, entry, seen, values={**{k: fields[k] for k in changed}, "updated_by": actor.name})
        if new_status:
            _append_status(session, actor, entry.id, seen + 1, status, note)
        audit(session, actor, "plan.update", "plan_action", entry.id, activity=act.id, changed=changed,
              status=status.value if new_status else None, import_id=import_id)
        session.flush()
    return entry.id


def adopt_activities(session: Session, actor: Actor) -> int:
    """Give every activity without a plan entry its entry (example data written directly).
    Returns how many were added."""
    have = set(session.scalars(select(PlanAction.activity_id).where(PlanAction.activity_id.is_not(None))))
    acts = [a for a in session.scalars(select(Activity).order_by(Activity.id)) if a.id not in have]
    for a in acts:
        mirror_activity(session, actor, a)
    return len(acts)


def _bump(session: Session, act: PlanAction, expected_version: int, values: dict | None = None) -> None:
    """Compare-and-swap on the version: the same on SQLite and PostgreSQL."""
    result = session.execute(
        update(PlanAction).where(PlanAction.id == act.id, PlanAction.version == expected_version)
        .values(version=PlanAction.version + 1, updated_at=utcnow(), **(values or {}))
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        session.refresh(act)
        raise ConflictError(
            f"Åtgärden ”{act.title}” har ändrats av någon annan sedan du öppnade den "
            f"(version {expected_version} → {act.version}). Ingenting har sparats; det du skrev finns kvar i "
            "formuläret. Läs den senaste versionen och spara igen."
        )
    session.refresh(act)


def current_status(session: Session, action_id: int) -> ActivityStatus:
    code = session.scalar(select(PlanActionUpdate.status).where(PlanActionUpdate.action_id == action_id)
                          .order_by(PlanActionUpdate.seq.desc()).limit(1))
    return ActivityStatus(code or ActivityStatus.PLANERAD.value)


# --- reading (plain DataFrames, usable after the session closed) ----------------------------

PLAN_COLUMNS = ["id", "title", "description", "focus_area_id", "area_codes", "indicator_ids", "partner_ids", "owner",
                "start_date", "end_date", "reform_ids", "activity_ids", "effect_indicator_id", "effect_direction",
                "effect_horizon", "activity_id", "meeting_id", "meeting_title", "meeting_date", "version", "status",
                "status_date", "created_at", "created_by"]
HISTORY_COLUMNS = ["seq", "status", "note", "recorded_at", "recorded_by"]


def plan_frame(session: Session) -> pd.DataFrame:
    """Every åtgärd with its current status, newest first."""
    latest: dict[int, PlanActionUpdate] = {}
    for u in session.scalars(select(PlanActionUpdate).order_by(PlanActionUpdate.action_id, PlanActionUpdate.seq)):
        latest[u.action_id] = u
    meetings = {m.id: m for m in session.scalars(select(Meeting))}
    rows = []
    for a in session.scalars(select(PlanAction).order_by(PlanAction.created_at.desc(), PlanAction.id.desc())):
        u, m = latest.get(a.id), meetings.get(a.meeting_id)
        rows.append({c: getattr(a, c) for c in PLAN_COLUMNS if hasattr(PlanAction, c)} | {
            "area_codes": list(a.area_codes or []), "indicator_ids": list(a.indicator_ids or []),
            "partner_ids": list(a.partner_ids or []), "reform_ids": list(a.reform_ids or []),
            "activity_ids": list(a.activity_ids or []),
            "meeting_title": m.title if m else None, "meeting_date": m.meeting_date if m else None,
            "status": u.status if u else ActivityStatus.PLANERAD.value, "status_date": u.recorded_at if u else None})
    return pd.DataFrame(rows, columns=PLAN_COLUMNS)


def history_frame(session: Session, action_id: int) -> pd.DataFrame:
    """The åtgärd's statuses, oldest first."""
    rows = [{c: getattr(u, c) for c in HISTORY_COLUMNS} for u in session.scalars(
        select(PlanActionUpdate).where(PlanActionUpdate.action_id == action_id).order_by(PlanActionUpdate.seq))]
    return pd.DataFrame(rows, columns=HISTORY_COLUMNS)
