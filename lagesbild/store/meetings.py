"""Meetings (Mötesläge): agenda of saved views, frozen snapshot, decisions and åtgärder.

An åtgärd recorded here is an entry of the åtgärdsplan (lagesbild.store.action_plan): the
meeting row is the meeting's record of it, and its `done` follows the plan's status.

Every write checks the permission ("meeting.write"), leaves an audit entry in the same
transaction and, for the meeting and its agenda, names the version it saw (optimistic
concurrency on `Meeting.version`: a compare-and-swap that works on SQLite and PostgreSQL).
A frozen meeting's agenda is locked; its decisions and åtgärder can still be recorded,
since that is what happens at the meeting itself.

Reading returns plain dataclasses and DataFrames, never ORM objects, so the UI can use them
after the session has closed.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd
from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

import lagesbild
from lagesbild.domain import ActivityStatus, Actor
from lagesbild.errors import ConflictError, Issue, LagesbildError, NotFound, ValidationError
from lagesbild.picture import Picture, checks, from_payload, load_as_of, load_live
from lagesbild.registry.pages import PAGES
from lagesbild.store import action_plan as plan
from lagesbild.store.access import require
from lagesbild.store.audit import audit
from lagesbild.store.change import committed_version
from lagesbild.store.models import AgendaItem, Meeting, MeetingAction, Partner, PlanAction, Snapshot, utcnow

DRAFT, FROZEN = "utkast", "fryst"
STATUS_LABELS = {DRAFT: ("Utkast", "Draft"), FROZEN: ("Fryst", "Frozen")}
KINDS = {"beslut": ("Beslut", "Decision"), "atgard": ("Åtgärd", "Action")}
MAX_TITLE = 300
MAX_TEXT = 2000
MAX_OWNER = 200
MAX_ITEMS = 30
MAX_PARAMS = 20
MAX_PARAM_CHARS = 300


class MeetingLocked(LagesbildError):
    """The meeting is frozen: its agenda (and title, date, participants) cannot change."""


# --- input ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingInput:
    title: str
    meeting_date: date
    organisations: tuple[str, ...] = ()


@dataclass(frozen=True)
class ItemInput:
    title: str
    page_slug: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ActionInput:
    kind: str  # beslut | atgard
    text: str
    owner: str = ""
    due_date: date | None = None
    agenda_item_id: int | None = None


def agenda_slugs() -> list[str]:
    return [p.slug for p in PAGES if p.in_agenda]


def validate_meeting(data: MeetingInput, partners: set[str]) -> list[Issue]:
    issues = []
    title = (data.title or "").strip()
    if len(title) < 3:
        issues.append(Issue("mötets titel saknas eller är för kort (minst 3 tecken).", column="titel"))
    elif len(title) > MAX_TITLE:
        issues.append(Issue(f"titeln är längre än {MAX_TITLE} tecken.", column="titel"))
    if not isinstance(data.meeting_date, date):
        issues.append(Issue("ange mötets datum (ÅÅÅÅ-MM-DD).", column="datum"))
    unknown = [o for o in data.organisations if o not in partners]
    if unknown:
        issues.append(Issue(f"okänd organisation {', '.join(unknown)}; förväntat några av {', '.join(sorted(partners))}.",
                            column="organisationer"))
    return issues


def clean_params(params: dict) -> dict:
    """Query parameters as stored: str → str or list[str], empty values dropped, order kept."""
    out: dict = {}
    for key, value in (params or {}).items():
        if isinstance(value, (list, tuple)):
            vals = [str(v) for v in value if str(v).strip()]
            if vals:
                out[str(key)] = vals
        elif value is not None and str(value).strip():
            out[str(key)] = str(value).strip()
    return out


def validate_item(data: ItemInput, *, row: int | None = None) -> list[Issue]:
    issues = []
    title = (data.title or "").strip()
    if len(title) < 2:
        issues.append(Issue("punktens rubrik saknas.", row, "rubrik"))
    elif len(title) > MAX_TITLE:
        issues.append(Issue(f"rubriken är längre än {MAX_TITLE} tecken.", row, "rubrik"))
    if data.page_slug not in agenda_slugs():
        issues.append(Issue(f"sidan ”{data.page_slug}” kan inte läggas i en dagordning; förväntat en av "
                            f"{', '.join(agenda_slugs())}.", row, "sida"))
    params = data.params or {}
    if not isinstance(params, dict):
        issues.append(Issue("vyns inställningar måste vara nyckel = värde.", row, "inställningar"))
        return issues
    if len(params) > MAX_PARAMS:
        issues.append(Issue(f"högst {MAX_PARAMS} inställningar per vy.", row, "inställningar"))
    for key, value in params.items():
        vals = value if isinstance(value, (list, tuple)) else [value]
        if len(str(key)) > 40 or any(len(str(v)) > MAX_PARAM_CHARS for v in vals):
            issues.append(Issue(f"inställningen ”{str(key)[:40]}” är för lång.", row, "inställningar"))
    return issues


def validate_action(data: ActionInput) -> list[Issue]:
    issues = []
    if data.kind not in KINDS:
        issues.append(Issue(f"typ ”{data.kind}” finns inte; förväntat beslut eller atgard.", column="typ"))
    text = (data.text or "").strip()
    if len(text) < 3:
        issues.append(Issue("texten saknas eller är för kort (minst 3 tecken).", column="text"))
    elif len(text) > MAX_TEXT:
        issues.append(Issue(f"texten är längre än {MAX_TEXT} tecken.", column="text"))
    if len((data.owner or "").strip()) > MAX_OWNER:
        issues.append(Issue(f"ansvarig är längre än {MAX_OWNER} tecken.", column="ansvarig"))
    if data.kind == "atgard" and not (data.owner or "").strip():
        issues.append(Issue("en åtgärd behöver en ansvarig (vem).", column="ansvarig"))
    return issues


# --- meetings ---------------------------------------------------------------------------------


def _partners(session: Session) -> set[str]:
    return set(session.scalars(select(Partner.id)))


def create_meeting(session: Session, actor: Actor, data: MeetingInput) -> int:
    """A new draft meeting; the open åtgärder of the meeting before it are carried into it."""
    require(actor, "meeting.write")
    issues = validate_meeting(data, _partners(session))
    if issues:
        raise ValidationError(issues, "Mötet skapades inte:")
    meeting = Meeting(title=data.title.strip(), meeting_date=data.meeting_date, organisations=list(data.organisations),
                      status=DRAFT, version=1, created_by=actor.name)
    session.add(meeting)
    session.flush()
    audit(session, actor, "meeting.create", "meeting", meeting.id, title=meeting.title, date=data.meeting_date)
    carry_open_actions(session, actor, meeting.id)
    return meeting.id


def update_meeting(session: Session, actor: Actor, meeting_id: int, expected_version: int, data: MeetingInput) -> None:
    require(actor, "meeting.write")
    issues = validate_meeting(data, _partners(session))
    if issues:
        raise ValidationError(issues, "Mötet sparades inte:")
    _bump(session, meeting_id, expected_version, values=dict(
        title=data.title.strip(), meeting_date=data.meeting_date, organisations=list(data.organisations)))
    audit(session, actor, "meeting.update", "meeting", meeting_id, title=data.title.strip(), date=data.meeting_date)


def delete_meeting(session: Session, actor: Actor, meeting_id: int, expected_version: int) -> None:
    """Only a draft, and only when none of its åtgärder has been carried to a later meeting."""
    require(actor, "meeting.write")
    meeting = _get(session, meeting_id)
    own = select(MeetingAction.id).where(MeetingAction.meeting_id == meeting_id)
    if session.scalar(select(MeetingAction.id).where(MeetingAction.carried_from.in_(own)).limit(1)) is not None:
        raise MeetingLocked(f"Mötet ”{meeting.title}” har åtgärder som förts vidare till ett senare möte och kan inte tas bort.")
    _bump(session, meeting_id, expected_version)
    for action in session.scalars(select(MeetingAction).where(MeetingAction.meeting_id == meeting_id)):
        session.delete(action)
    # Åtgärder decided at the draft stay in the plan (its history is never deleted), unlinked.
    session.execute(update(PlanAction).where(PlanAction.meeting_id == meeting_id).values(meeting_id=None)
                    .execution_options(synchronize_session=False))
    session.flush()
    session.delete(meeting)
    audit(session, actor, "meeting.delete", "meeting", meeting_id, title=meeting.title)


def _get(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(f"Mötet {meeting_id} finns inte.")
    return meeting


def _bump(session: Session, meeting_id: int, expected_version: int, *, values: dict | None = None,
          allow_frozen: bool = False) -> None:
    """Compare-and-swap on the meeting's version (and its draft status, unless allowed)."""
    cond = [Meeting.id == meeting_id, Meeting.version == expected_version]
    if not allow_frozen:
        cond.append(Meeting.status == DRAFT)
    result = session.execute(
        update(Meeting).where(*cond).values(version=Meeting.version + 1, **(values or {}))
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 1:
        current = session.get(Meeting, meeting_id)
        if current is not None:
            session.refresh(current)
        return
    current = _get(session, meeting_id)
    session.refresh(current)
    if current.status == FROZEN and not allow_frozen:
        raise MeetingLocked(f"Mötet ”{current.title}” är fryst: dagordningen kan inte ändras. "
                            "Beslut och åtgärder kan fortfarande registreras.")
    raise ConflictError(
        f"Mötet ”{current.title}” har ändrats av någon annan sedan du öppnade det "
        f"(version {expected_version} → {current.version}). Ingenting har sparats; läs in mötet igen och gör om ändringen."
    )


# --- agenda -------------------------------------------------------------------------------------


def _items(session: Session, meeting_id: int) -> list[AgendaItem]:
    return list(session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position, AgendaItem.id)))


def add_item(session: Session, actor: Actor, meeting_id: int, expected_version: int, data: ItemInput) -> int:
    require(actor, "meeting.write")
    issues = validate_item(data)
    if issues:
        raise ValidationError(issues, "Punkten lades inte till:")
    _bump(session, meeting_id, expected_version)
    items = _items(session, meeting_id)
    if len(items) >= MAX_ITEMS:
        raise ValidationError([Issue(f"en dagordning kan ha högst {MAX_ITEMS} punkter.")], "Punkten lades inte till:")
    item = AgendaItem(meeting_id=meeting_id, position=len(items) + 1, title=data.title.strip(), page_slug=data.page_slug,
                      params=clean_params(data.params))
    session.add(item)
    session.flush()
    audit(session, actor, "meeting.item.add", "meeting", meeting_id, item=item.id, title=item.title, page=item.page_slug,
          params=item.params)
    return item.id


def update_item(session: Session, actor: Actor, meeting_id: int, expected_version: int, item_id: int, data: ItemInput) -> None:
    require(actor, "meeting.write")
    issues = validate_item(data)
    if issues:
        raise ValidationError(issues, "Punkten sparades inte:")
    item = _item(session, meeting_id, item_id)
    _bump(session, meeting_id, expected_version)
    item.title, item.page_slug, item.params = data.title.strip(), data.page_slug, clean_params(data.params)
    audit(session, actor, "meeting.item.update", "meeting", meeting_id, item=item_id, title=item.title, page=item.page_slug)


def _item(session: Session, meeting_id: int, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting_id:
        raise NotFound(f"Punkten {item_id} finns inte i mötet {meeting_id}.")
    return item


def remove_item(session: Session, actor: Actor, meeting_id: int, expected_version: int, item_id: int) -> None:
    require(actor, "meeting.write")
    item = _item(session, meeting_id, item_id)
    _bump(session, meeting_id, expected_version)
    # Decisions recorded under the item stay with the meeting, without a point.
    for action in session.scalars(select(MeetingAction).where(MeetingAction.agenda_item_id == item_id)):
        action.agenda_item_id = None
    title = item.title
    session.delete(item)
    session.flush()
    _renumber(_items(session, meeting_id))
    audit(session, actor, "meeting.item.remove", "meeting", meeting_id, item=item_id, title=title)


def _renumber(items: list[AgendaItem]) -> None:
    for pos, it in enumerate(items, start=1):
        it.position = pos


def reorder(session: Session, actor: Actor, meeting_id: int, expected_version: int, item_ids: list[int]) -> None:
    """Put the agenda in the given order; the list must name every item exactly once."""
    require(actor, "meeting.write")
    items = {it.id: it for it in _items(session, meeting_id)}
    if sorted(item_ids) != sorted(items):
        raise ValidationError([Issue("den nya ordningen måste innehålla varje punkt precis en gång.")],
                              "Ordningen sparades inte:")
    _bump(session, meeting_id, expected_version)
    _renumber([items[i] for i in item_ids])
    audit(session, actor, "meeting.reorder", "meeting", meeting_id, order=list(item_ids))


def move_item(session: Session, actor: Actor, meeting_id: int, expected_version: int, item_id: int, delta: int) -> None:
    """Move one point up (delta −1) or down (+1); at either end nothing moves, but the version
    check still applies so a stale screen is told."""
    ids = [it.id for it in _items(session, meeting_id)]
    if item_id not in ids:
        raise NotFound(f"Punkten {item_id} finns inte i mötet {meeting_id}.")
    i = ids.index(item_id)
    j = max(0, min(len(ids) - 1, i + delta))
    ids[i], ids[j] = ids[j], ids[i]
    reorder(session, actor, meeting_id, expected_version, ids)


# --- freezing -----------------------------------------------------------------------------------


def freeze(session: Session, actor: Actor, meeting_id: int, expected_version: int, *, picture: Picture | None = None) -> dict:
    """Record the data version the meeting shows and lock the agenda. Returns the manifest.

    Nothing is copied: the versioned store can read the picture as it stood at that version
    (a page opened from the agenda, or a later "Sedan förra mötet", needs all of it). The
    manifest's per-table checksums prove it later, and the definitions in force (registries,
    compositions, the small-count limit) are recorded by checksum. `picture` (the live
    picture the caller already holds) is used when it is the newest version, so a freeze costs
    the checksums, not a read of the store."""
    from lagesbild.store import definitions
    from lagesbild.provenance import sources_used

    require(actor, "meeting.write")
    meeting = _get(session, meeting_id)
    items = _items(session, meeting_id)
    if meeting.status == DRAFT and not items:
        raise ValidationError([Issue("dagordningen är tom; lägg till minst en punkt innan mötet fryses.")], "Mötet frystes inte:")
    now = utcnow()
    _bump(session, meeting_id, expected_version, values=dict(status=FROZEN, frozen_at=now))
    version = committed_version(session.connection())
    pic = picture if picture is not None and picture.version == version else load_live(session)
    tables, content_sum = checks(pic)
    manifest = {
        "format": 2,
        "meeting": {"id": meeting.id, "title": meeting.title, "date": meeting.meeting_date.isoformat(),
                    "organisations": list(meeting.organisations or [])},
        "as_of": pic.as_of.isoformat(),
        "as_of_version": pic.version,
        "frozen_at": now.replace(microsecond=0).isoformat() + "Z",
        "frozen_by": actor.name,
        "app_version": lagesbild.__version__,
        "agenda": [{"position": it.position, "title": it.title, "page": it.page_slug, "params": it.params} for it in items],
        "sources": sources_used(pic),
        "tables": tables,
        "definitions": definitions.record(session),
        "content_sha256": content_sum,
    }
    session.add(Snapshot(meeting_id=meeting_id, as_of=datetime.combine(pic.as_of, datetime.min.time()), manifest=manifest,
                         as_of_version=pic.version))
    audit(session, actor, "meeting.freeze", "meeting", meeting_id, as_of=pic.as_of, as_of_version=pic.version,
          content_sha256=manifest["content_sha256"])
    return manifest


def snapshot_key(man: dict) -> str:
    """What identifies a snapshot's content (a cache key): the tables' checksums."""
    return man.get("content_sha256") or man.get("payload_sha256") or ""


def load_snapshot(session: Session, meeting_id: int, *, reuse: Picture | None = None) -> Picture | None:
    """The frozen picture of the meeting (None for a draft), checked against its manifest.
    `reuse`: a newer picture (the live one) whose unchanged tables are shared, not re-read."""
    snap = session.scalar(select(Snapshot).where(Snapshot.meeting_id == meeting_id))
    if snap is None:
        return None
    title = session.scalar(select(Meeting.title).where(Meeting.id == meeting_id)) or ""
    meta = {"meeting_id": meeting_id, "manifest": snap.manifest}
    if snap.as_of_version is None:  # frozen before versioning: the tables were copied
        if hashlib.sha256(snap.payload).hexdigest() != snap.manifest.get("payload_sha256"):
            raise LagesbildError(f"Mötets ögonblicksbild (möte {meeting_id}) stämmer inte med sin kontrollsumma och visas inte.")
        return from_payload(snap.payload, label=title, meta=meta)
    pic = load_as_of(session, snap.as_of_version, date.fromisoformat(snap.manifest["as_of"]), reuse=reuse, frozen=True,
                     label=title, meta=meta)
    for name, check in snap.manifest["tables"].items():
        if pic.checksum(name) != check["sha256"]:
            raise LagesbildError(f"Mötets lägesbild (möte {meeting_id}) stämmer inte med sin kontrollsumma "
                                 f"(tabellen {name}) och visas inte.")
    return pic


def manifest(session: Session, meeting_id: int) -> dict | None:
    """The snapshot's manifest (without reading the payload); None for a draft."""
    man = session.scalar(select(Snapshot.manifest).where(Snapshot.meeting_id == meeting_id))
    return dict(man) if man is not None else None


# --- decisions and åtgärder ------------------------------------------------------------------------


def add_action(session: Session, actor: Actor, meeting_id: int, data: ActionInput) -> int:
    """Record a decision or an åtgärd (also on a frozen meeting: that is what meetings do)."""
    require(actor, "meeting.write")
    _get(session, meeting_id)
    issues = validate_action(data)
    if data.agenda_item_id is not None:
        item = session.get(AgendaItem, data.agenda_item_id)
        if item is None or item.meeting_id != meeting_id:
            issues.append(Issue(f"punkten {data.agenda_item_id} finns inte i mötet.", column="punkt"))
    if issues:
        raise ValidationError(issues, "Beslutet/åtgärden sparades inte:")
    plan_id = _plan_entry(session, actor, meeting_id, data) if data.kind == "atgard" else None
    action = MeetingAction(meeting_id=meeting_id, agenda_item_id=data.agenda_item_id, kind=data.kind, text=data.text.strip(),
                           owner=(data.owner or "").strip(), due_date=data.due_date, done=False, created_by=actor.name,
                           plan_action_id=plan_id)
    session.add(action)
    session.flush()
    audit(session, actor, "meeting.action.add", "meeting_action", action.id, meeting=meeting_id, kind=data.kind,
          owner=action.owner, due=data.due_date, plan_action=plan_id)
    return action.id


def _plan_entry(session: Session, actor: Actor, meeting_id: int, data: ActionInput) -> int:
    """An åtgärd decided at a meeting is an entry of the åtgärdsplan (one concept); the meeting
    names no focus area or indicator, so the plan shows it as not yet tied to one."""
    text = data.text.strip()
    title = text if len(text) <= plan.MAX_TITLE else text[:plan.MAX_TITLE - 1] + "…"
    return plan.insert(session, actor, plan.PlanActionInput(
        title=title, description=text if title != text else "", owner=(data.owner or "").strip(), end_date=data.due_date,
        meeting_id=meeting_id).cleaned())


def set_action_done(session: Session, actor: Actor, action_id: int, done: bool) -> None:
    require(actor, "meeting.write")
    action = session.get(MeetingAction, action_id)
    if action is None:
        raise NotFound(f"Åtgärden {action_id} finns inte.")
    if action.done == done:
        return  # idempotent: a double click changes nothing and writes no audit row
    if action.plan_action_id is not None:
        # The plan's status is the one status; it writes `done` on every row of the åtgärd.
        entry = plan.get_action(session, action.plan_action_id)
        status = ActivityStatus.GENOMFORD if done else ActivityStatus.PAGAENDE
        plan.record_status(session, actor, entry.id, entry.version, status, permission_checked=True)
        session.refresh(action)
    else:
        action.done = done
    audit(session, actor, "meeting.action.done" if done else "meeting.action.reopen", "meeting_action", action_id,
          meeting=action.meeting_id)


def previous_meeting_id(session: Session, meeting_id: int) -> int | None:
    """The meeting before this one: the latest earlier date (same date: created earlier)."""
    m = _get(session, meeting_id)
    return session.scalar(
        select(Meeting.id)
        .where(or_(Meeting.meeting_date < m.meeting_date, and_(Meeting.meeting_date == m.meeting_date, Meeting.id < m.id)))
        .order_by(Meeting.meeting_date.desc(), Meeting.id.desc()).limit(1)
    )


def carry_open_actions(session: Session, actor: Actor, meeting_id: int) -> int:
    """Copy the previous meeting's open åtgärder into this meeting (linked by `carried_from`).
    Idempotent: an åtgärd already carried here is not carried again. Returns how many."""
    require(actor, "meeting.write")
    prev = previous_meeting_id(session, meeting_id)
    if prev is None:
        return 0
    already = set(session.scalars(select(MeetingAction.carried_from).where(
        MeetingAction.meeting_id == meeting_id, MeetingAction.carried_from.is_not(None))))
    open_ = session.scalars(select(MeetingAction).where(
        MeetingAction.meeting_id == prev, MeetingAction.kind == "atgard", MeetingAction.done.is_(False)).order_by(MeetingAction.id))
    n = 0
    for a in open_:
        if a.id in already:
            continue
        session.add(MeetingAction(meeting_id=meeting_id, agenda_item_id=None, kind="atgard", text=a.text, owner=a.owner,
                                  due_date=a.due_date, done=False, carried_from=a.id, created_by=actor.name,
                                  plan_action_id=a.plan_action_id))  # the same åtgärd, not a new one
        n += 1
    if n:
        session.flush()
        audit(session, actor, "meeting.action.carry", "meeting", meeting_id, from_meeting=prev, count=n)
    return n


# --- reading ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemView:
    id: int
    position: int
    title: str
    page_slug: str
    params: dict


@dataclass(frozen=True)
class MeetingView:
    id: int
    title: str
    meeting_date: date
    organisations: tuple[str, ...]
    status: str
    frozen_at: datetime | None
    version: int
    created_by: str
    items: tuple[ItemView, ...]

    @property
    def frozen(self) -> bool:
        return self.status == FROZEN


def get_meeting(session: Session, meeting_id: int) -> MeetingView:
    m = _get(session, meeting_id)
    session.refresh(m)
    items = tuple(ItemView(it.id, it.position, it.title, it.page_slug, dict(it.params or {})) for it in _items(session, meeting_id))
    return MeetingView(m.id, m.title, m.meeting_date, tuple(m.organisations or ()), m.status, m.frozen_at, m.version,
                       m.created_by, items)


MEETING_COLUMNS = ["id", "title", "meeting_date", "status", "items", "frozen_at", "version"]


def meetings_frame(session: Session) -> pd.DataFrame:
    """Every meeting, newest first, with its number of agenda items."""
    rows = []
    for m in session.scalars(select(Meeting).order_by(Meeting.meeting_date.desc(), Meeting.id.desc())):
        n = len(_items(session, m.id))
        rows.append({"id": m.id, "title": m.title, "meeting_date": m.meeting_date, "status": m.status, "items": n,
                     "frozen_at": m.frozen_at, "version": m.version})
    return pd.DataFrame(rows, columns=MEETING_COLUMNS)


ACTION_COLUMNS = ["id", "meeting_id", "agenda_item_id", "item_title", "item_position", "kind", "text", "owner", "due_date",
                  "done", "carried_from", "carried_from_meeting", "created_at", "created_by"]


def actions_frame(session: Session, meeting_id: int) -> pd.DataFrame:
    """The meeting's decisions and åtgärder in agenda order (carried åtgärder first)."""
    items = {it.id: it for it in _items(session, meeting_id)}
    acts = list(session.scalars(select(MeetingAction).where(MeetingAction.meeting_id == meeting_id).order_by(MeetingAction.id)))
    origin = {}
    src_ids = [a.carried_from for a in acts if a.carried_from is not None]
    if src_ids:
        origin = dict(session.execute(select(MeetingAction.id, MeetingAction.meeting_id).where(MeetingAction.id.in_(src_ids))).all())
    rows = []
    for a in acts:
        it = items.get(a.agenda_item_id)
        rows.append({"id": a.id, "meeting_id": a.meeting_id, "agenda_item_id": a.agenda_item_id,
                     "item_title": it.title if it else "", "item_position": it.position if it else 0,
                     "kind": a.kind, "text": a.text, "owner": a.owner or "", "due_date": a.due_date, "done": bool(a.done),
                     "carried_from": a.carried_from, "carried_from_meeting": origin.get(a.carried_from),
                     "created_at": a.created_at, "created_by": a.created_by})
    df = pd.DataFrame(rows, columns=ACTION_COLUMNS)
    return df.sort_values(["item_position", "id"], kind="stable").reset_index(drop=True)


def context(session: Session, meeting_id: int, *, snapshot=None):
    """What the meeting views need: this meeting's actions and the previous meeting's picture.
    `snapshot(meeting_id)` gives a frozen picture (the UI passes its cached reader)."""
    from lagesbild.agenda.meeting import MeetingContext

    m = get_meeting(session, meeting_id)
    prev_id = previous_meeting_id(session, meeting_id)
    prev = get_meeting(session, prev_id) if prev_id is not None else None
    return MeetingContext(
        title=m.title, meeting_date=m.meeting_date, actions=actions_frame(session, meeting_id), organisations=m.organisations,
        previous_title=prev.title if prev else None, previous_date=prev.meeting_date if prev else None,
        previous_picture=(snapshot(prev_id) if snapshot else load_snapshot(session, prev_id)) if prev is not None else None,
        previous_actions=actions_frame(session, prev_id) if prev is not None else pd.DataFrame(columns=ACTION_COLUMNS),
    )
