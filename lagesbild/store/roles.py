"""The role table for production mode: e-mail (from the identity provider) → role."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lagesbild.domain import Actor, Role
from lagesbild.errors import Issue, ValidationError
from lagesbild.store.access import require
from lagesbild.store.audit import audit
from lagesbild.store.models import Partner, UserRole


def set_role(session: Session, actor: Actor, email: str, role: Role, *, partner_id: str | None = None, reform_editor: bool = False) -> None:
    require(actor, "admin")
    email = email.strip().lower()
    issues = []
    if "@" not in email:
        issues.append(Issue(f"\u201d{email}\u201d är ingen e-postadress.", column="e-post"))
    if partner_id is not None and session.get(Partner, partner_id) is None:
        issues.append(Issue(f"okänd organisation \u201d{partner_id}\u201d.", column="organisation"))
    if role == Role.EDITOR and partner_id is None and not reform_editor:
        issues.append(Issue("en redaktör måste höra till en organisation eller vara reformredaktör.", column="organisation"))
    if role == Role.REPORTER and partner_id is None:
        # A reporter files for its own organisation only: without one it could file for none.
        issues.append(Issue("en rapportör måste höra till en organisation.", column="organisation"))
    if issues:
        raise ValidationError(issues, "Rollen sparades inte:")
    session.merge(UserRole(email=email, role=role.value, partner_id=partner_id, reform_editor=reform_editor))
    audit(session, actor, "role.set", "user_role", email, role=role.value, partner_id=partner_id, reform_editor=reform_editor)


def remove_role(session: Session, actor: Actor, email: str) -> None:
    require(actor, "admin")
    row = session.get(UserRole, email.strip().lower())
    if row is not None:
        session.delete(row)
        audit(session, actor, "role.remove", "user_role", row.email)


def actor_for(session: Session, email: str | None, name: str | None = None) -> Actor:
    """The actor for a logged-in user; anyone not in the role table may only read."""
    if not email:  # not logged in, or a provider that sends no e-mail claim: read only
        return Actor(name=name or "Ej inloggad", role=Role.VIEWER)
    row = session.get(UserRole, email.strip().lower())
    label = name or email
    if row is None:
        return Actor(name=label, role=Role.VIEWER)
    return Actor(name=label, role=Role(row.role), partner_id=row.partner_id, reform_editor=row.reform_editor)


def roles_table(session: Session) -> pd.DataFrame:
    rows = session.scalars(select(UserRole).order_by(UserRole.email)).all()
    return pd.DataFrame([{"email": r.email, "role": r.role, "partner_id": r.partner_id, "reform_editor": r.reform_editor} for r in rows],
                        columns=["email", "role", "partner_id", "reform_editor"])
