"""Audit trail, written in the same transaction as the change it records."""
from __future__ import annotations

from sqlalchemy.orm import Session

from lagesbild.domain import Actor
from lagesbild.store.models import AuditEntry


def audit(session: Session, actor: Actor, action: str, entity: str, entity_id: str, **detail) -> None:
    session.add(AuditEntry(actor=actor.name, action=action, entity=entity, entity_id=str(entity_id), detail=_jsonable(detail)))


def _jsonable(detail: dict) -> dict:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in detail.items()}
