"""Reference data an administrator edits in the app: partners, focus areas and reforms.

Add, edit and retire, each checked (Swedish messages naming the field), audited and all or
nothing in the caller's transaction. The versioned store keeps every earlier content in
`<table>_history`, so a rename never rewrites the past: a frozen meeting keeps the old name.
Retiring keeps the row (old activities and meetings name it) and only stops it being offered
for new entries.

An edit form names the data version it read the row at (`valid_from`, which every write of the
row moves on): the write is a compare-and-swap on it, so a stale form is refused rather than
overwriting someone else's change. `Reform.version` is not used for this: it counts the
reform's assessments (the reform sheet and the assessment form rely on that).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from datetime import datetime
from itertools import pairwise

import pandas as pd
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from lagesbild.domain import Actor
from lagesbild.errors import ConflictError, Issue, NotFound, ValidationError
from lagesbild.store.access import require
from lagesbild.store.audit import audit
from lagesbild.store.change import begin_change
from lagesbild.store.models import HISTORY, AuditEntry, FocusArea, Partner, Reform, utcnow

MAX_NAME = 200
MAX_SHORT = 80
MAX_KIND = 40
MAX_THEME = 80
MAX_TEXT = 4000


@dataclass(frozen=True)
class PartnerInput:
    name: str
    short_name: str
    kind: str


@dataclass(frozen=True)
class FocusAreaInput:
    name_sv: str
    name_en: str
    scope_sv: str = ""
    scope_en: str = ""


@dataclass(frozen=True)
class ReformInput:
    title_sv: str
    title_en: str
    theme: str = ""
    responsible: str = ""


@dataclass(frozen=True)
class _Kind:
    """What differs between the three: model, key column, the column that names an entry (unique)
    and the Swedish words of the messages."""

    model: type
    key: str
    name_col: str
    entity: str
    noun: str  # "parten", "fokusområdet", "reformen"


PARTNER = _Kind(Partner, "id", "name", "partner", "parten")
FOCUS_AREA = _Kind(FocusArea, "id", "name_sv", "focus_area", "fokusområdet")
REFORM = _Kind(Reform, "id", "title_sv", "reform", "reformen")
KINDS = {k.entity: k for k in (PARTNER, FOCUS_AREA, REFORM)}


# --- validation ---------------------------------------------------------------------------


def _text(issues: list[Issue], value: str, column: str, *, required: bool = True, most: int = MAX_NAME,
          least: int = 2) -> None:
    v = (value or "").strip()
    if required and len(v) < least:
        issues.append(Issue(f"saknas eller är för kort (minst {least} tecken).", None, column))
    elif len(v) > most:
        issues.append(Issue(f"är längre än {most} tecken.", None, column))


def _unique(s: Session, kind: _Kind, value: str, column: str, issues: list[Issue], *, other_than: str | None = None) -> None:
    """Two entries with one name could not be told apart in any list (retired ones included:
    history still shows them)."""
    key, col = getattr(kind.model, kind.key), getattr(kind.model, kind.name_col)
    # Compared in Python: SQLite's lower() leaves å, ä and ö as they are.
    taken = {n.strip().casefold() for k, n in s.execute(select(key, col)) if k != other_than}
    if value.strip().casefold() in taken:
        issues.append(Issue(f"”{value.strip()}” används redan av en annan post.", None, column))


def _partner_issues(data: PartnerInput) -> list[Issue]:
    issues: list[Issue] = []
    _text(issues, data.name, "namn")
    _text(issues, data.short_name, "kortnamn", most=MAX_SHORT)
    _text(issues, data.kind, "typ", most=MAX_KIND)
    return issues


def _focus_issues(data: FocusAreaInput) -> list[Issue]:
    issues: list[Issue] = []
    _text(issues, data.name_sv, "namn (svenska)")
    _text(issues, data.name_en, "namn (engelska)")
    _text(issues, data.scope_sv, "avgränsning (svenska)", required=False, most=MAX_TEXT)
    _text(issues, data.scope_en, "avgränsning (engelska)", required=False, most=MAX_TEXT)
    return issues


def _reform_issues(data: ReformInput, *, wording_only: bool = False) -> list[Issue]:
    issues: list[Issue] = []
    _text(issues, data.title_sv, "lydelse (svenska)", least=10, most=MAX_TEXT)
    _text(issues, data.title_en, "lydelse (engelska)", least=10, most=MAX_TEXT)
    if not wording_only:
        _text(issues, data.theme, "tema", most=MAX_THEME)
        _text(issues, data.responsible, "ansvarig", most=MAX_NAME)
    return issues


def _refuse(issues: list[Issue], what: str) -> None:
    if issues:
        raise ValidationError(issues, f"{what} sparades inte. Inget har ändrats.")


def _clean(data) -> dict:
    return {k: (v or "").strip() for k, v in asdict(data).items()}


# --- writes ---------------------------------------------------------------------------------


def add_partner(s: Session, actor: Actor, data: PartnerInput) -> str:
    """A new partner; returns its id (made from the short name, never shown to readers)."""
    require(actor, "admin")
    issues = _partner_issues(data)
    if not issues:
        _unique(s, PARTNER, data.name, "namn", issues)
    _refuse(issues, "Parten")
    pid = _free_id(s, Partner, _slug(data.short_name or data.name))
    s.add(Partner(id=pid, **_clean(data)))
    audit(s, actor, "partner.add", "partner", pid, **_clean(data))
    s.flush()
    return pid


def edit_partner(s: Session, actor: Actor, pid: str, seen: int, data: PartnerInput) -> None:
    """Rename a partner (name, short name, type). The old names stay in history."""
    require(actor, "admin")
    issues = _partner_issues(data)
    if not issues:
        _unique(s, PARTNER, data.name, "namn", issues, other_than=pid)
    _refuse(issues, "Parten")
    _swap(s, actor, PARTNER, pid, seen, _clean(data), "partner.edit")


def add_focus_area(s: Session, actor: Actor, data: FocusAreaInput) -> str:
    """A new focus area, sorted last; returns its id."""
    require(actor, "admin")
    issues = _focus_issues(data)
    if not issues:
        _unique(s, FOCUS_AREA, data.name_sv, "namn (svenska)", issues)
    _refuse(issues, "Fokusområdet")
    fid = _free_id(s, FocusArea, _slug(data.name_sv))
    sort = (s.scalar(select(func.max(FocusArea.sort))) or 0) + 1
    s.add(FocusArea(id=fid, sort=sort, **_clean(data)))
    audit(s, actor, "focus_area.add", "focus_area", fid, **_clean(data))
    s.flush()
    return fid


def edit_focus_area(s: Session, actor: Actor, fid: str, seen: int, data: FocusAreaInput) -> None:
    """Rename a focus area or reword its scope."""
    require(actor, "admin")
    issues = _focus_issues(data)
    if not issues:
        _unique(s, FOCUS_AREA, data.name_sv, "namn (svenska)", issues, other_than=fid)
    _refuse(issues, "Fokusområdet")
    _swap(s, actor, FOCUS_AREA, fid, seen, _clean(data), "focus_area.edit")


def add_reform(s: Session, actor: Actor, data: ReformInput) -> str:
    """A reform added to the agreement, numbered after the last; it starts "ej bedömd"."""
    require(actor, "admin")
    issues = _reform_issues(data)
    if not issues:
        _unique(s, REFORM, data.title_sv, "lydelse (svenska)", issues)
    _refuse(issues, "Reformen")
    number = (s.scalar(select(func.max(Reform.number))) or 0) + 1
    rid = _free_id(s, Reform, f"R{number:02d}")
    s.add(Reform(id=rid, number=number, version=0, **_clean(data)))
    audit(s, actor, "reform.add", "reform", rid, number=number, **_clean(data))
    s.flush()
    return rid


def reword_reform(s: Session, actor: Actor, rid: str, seen: int, title_sv: str, title_en: str) -> None:
    """A new wording of a reform. The agreement's original stays in `reform_history` (the
    source, see `wording`); the audit entry names the data version so the history can say who
    and when."""
    require(actor, "admin")
    data = ReformInput(title_sv, title_en)
    issues = _reform_issues(data, wording_only=True)
    if not issues:
        _unique(s, REFORM, title_sv, "lydelse (svenska)", issues, other_than=rid)
    _refuse(issues, "Den nya lydelsen")
    values = {"title_sv": title_sv.strip(), "title_en": title_en.strip()}
    _swap(s, actor, REFORM, rid, seen, values, "reform.reword", version=begin_change(s.connection()))


def retire(s: Session, actor: Actor, entity: str, key: str, seen: int) -> None:
    """Retire a partner, focus area or reform (`entity` as in KINDS): kept, offered no more."""
    require(actor, "admin")
    kind = KINDS[entity]
    row = _get(s, kind, key)
    if row.retired_at is not None:
        raise ValidationError([Issue(f"{kind.noun} ”{getattr(row, kind.name_col)}” är redan avslutad.", None, "avslutad")],
                              "Inget har ändrats.")
    _swap(s, actor, kind, key, seen, {"retired_at": utcnow()}, f"{entity}.retire")


def _swap(s: Session, actor: Actor, kind: _Kind, key: str, seen: int, values: dict, action: str, **detail) -> None:
    """Compare-and-swap on the data version the form read the row at, then audit old → new."""
    row = _get(s, kind, key)
    before = {k: getattr(row, k) for k in values}
    model = kind.model
    result = s.execute(update(model).where(getattr(model, kind.key) == key, model.valid_from == seen)
                       .values(**values).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise ConflictError(f"{kind.noun.capitalize()} ”{getattr(row, kind.name_col)}” har ändrats av någon annan sedan du "
                            "öppnade formuläret. Inget har sparats; det du skrev finns kvar. Läs den senaste versionen "
                            "och spara igen.")
    s.refresh(row)
    changed = {k: {"före": before[k], "efter": v} for k, v in values.items() if before[k] != v}
    audit(s, actor, action, kind.entity, key, changed=_jsonable(changed), **detail)


def _jsonable(changed: dict) -> dict:
    return {k: {w: (v.isoformat() if isinstance(v, datetime) else v) for w, v in d.items()} for k, d in changed.items()}


def _get(s: Session, kind: _Kind, key: str):
    row = s.get(kind.model, key)
    if row is None:
        raise NotFound(f"{kind.noun.capitalize()} finns inte.")
    return row


def _slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text.strip().lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_).strip("_")[:30] or "post"


def _free_id(s: Session, model, wanted: str) -> str:
    candidate, n = wanted, 1
    while s.get(model, candidate) is not None:
        n += 1
        candidate = f"{wanted[:36]}_{n}"
    return candidate


# --- reading (for the admin forms: with the version each row was read at) --------------------


def entries(s: Session, entity: str) -> pd.DataFrame:
    """Every entry of the kind, retired ones included, with `valid_from` (what a form must name)."""
    model = KINDS[entity].model
    order = model.sort if model is FocusArea else model.number if model is Reform else model.name
    cols = [c for c in model.__table__.columns]
    return pd.DataFrame(s.execute(select(*cols).order_by(order)).mappings().all(), columns=[c.name for c in cols])


@dataclass(frozen=True)
class WordingChange:
    at: datetime | None  # None: changed outside the app (e.g. before versioning); who and when unknown
    by: str | None
    old_sv: str
    new_sv: str
    old_en: str
    new_en: str


@dataclass(frozen=True)
class Wording:
    original_sv: str  # the agreement's wording: the source
    original_en: str
    changes: list[WordingChange]  # oldest first


def wording(s: Session, rid: str) -> Wording:
    """The reform's original wording and every later rewording, read from `reform_history`
    (who and when from the audit entry written in the same data version)."""
    hist = HISTORY[Reform]
    rows = s.execute(select(hist.c.valid_from, hist.c.title_sv, hist.c.title_en)
                     .where(hist.c.id == rid).order_by(hist.c.valid_from)).all()
    live = _get(s, REFORM, rid)
    seq = [*rows, (live.valid_from, live.title_sv, live.title_en)]
    audits = {e.detail.get("version"): e for e in s.scalars(
        select(AuditEntry).where(AuditEntry.entity == "reform", AuditEntry.entity_id == rid,
                                 AuditEntry.action == "reform.reword"))}
    changes = []
    for (_, old_sv, old_en), (v, new_sv, new_en) in pairwise(seq):
        if (old_sv, old_en) != (new_sv, new_en):
            a = audits.get(v)
            changes.append(WordingChange(a.at if a else None, a.actor if a else None, old_sv, new_sv, old_en, new_en))
    return Wording(seq[0][1], seq[0][2], changes)
