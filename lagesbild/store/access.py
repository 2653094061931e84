"""Who may write what. Enforced here, in the store layer, on every write: hiding a
button in the UI is a convenience, not the control."""
from __future__ import annotations

from lagesbild.domain import Actor, Role
from lagesbild.errors import PermissionDenied

ACTIONS = {
    "reform.update": "uppdatera reformer",
    "activity.write": "ändra aktiviteter",
    "data.import": "importera data",
    "meeting.write": "ändra möten",
    "plan.write": "ändra åtgärdsplanen",
    "admin": "administrera appen",
}


def require(actor: Actor, action: str, *, partner_id: str | None = None) -> None:
    """Raise PermissionDenied (Swedish message) unless `actor` may do `action`."""
    what = ACTIONS[action]
    if actor.role == Role.ADMIN:
        return
    if actor.role != Role.EDITOR:
        raise PermissionDenied(f"Du har läsbehörighet och kan inte {what}.")
    if action == "admin":
        raise PermissionDenied(f"Endast administratörer kan {what}.")
    if action == "reform.update" and not actor.reform_editor:
        raise PermissionDenied("Endast utsedda redaktörer kan uppdatera reformer.")
    if partner_id is not None and actor.partner_id is not None and partner_id != actor.partner_id:
        raise PermissionDenied("Du kan bara ändra din egen organisations uppgifter.")
