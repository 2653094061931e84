"""Runtime switches kept in the database (app_setting), changed only by an admin."""
from __future__ import annotations

from sqlalchemy.orm import Session

from lagesbild.domain import Actor
from lagesbild.store.access import require
from lagesbild.store.audit import audit
from lagesbild.store.models import Setting

EDITING = "editing_enabled"


def get_flag(session: Session, key: str, default: bool) -> bool:
    row = session.get(Setting, key)
    return default if row is None else row.value == "1"


def set_flag(session: Session, actor: Actor, key: str, value: bool) -> None:
    require(actor, "admin")
    session.merge(Setting(key=key, value="1" if value else "0"))
    audit(session, actor, "setting.set", "app_setting", key, value=value)
