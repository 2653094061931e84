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
    "analysis.write": "skriva lägesbildens analys",
    "observation.write": "rapportera iakttagelser",
    "admin": "administrera appen",
}

# What each role may do (an admin may do everything). An editor keeps what it had before the
# two EST roles came (issue 13): everything but administration, for its own organisation.
ALLOWED: dict[Role, frozenset[str]] = {
    Role.EDITOR: frozenset(ACTIONS) - {"admin"},
    Role.COORDINATOR: frozenset({"plan.write", "analysis.write"}),
    Role.REPORTER: frozenset({"observation.write"}),
    Role.VIEWER: frozenset(),
}
_ROLE_SV = {Role.VIEWER: "läsbehörighet", Role.EDITOR: "redaktörsbehörighet", Role.COORDINATOR: "samordnarbehörighet",
            Role.REPORTER: "rapportörsbehörighet"}


def allowed(actor: Actor, action: str) -> bool:
    """May `actor` do `action` at all (before any organisation scope)? The UI asks this too."""
    if actor.role == Role.ADMIN:
        return True
    if action == "reform.update" and not actor.reform_editor:
        return False
    return action in ALLOWED.get(actor.role, frozenset())


def require(actor: Actor, action: str, *, partner_id: str | None = None) -> None:
    """Raise PermissionDenied (Swedish message) unless `actor` may do `action`."""
    what = ACTIONS[action]
    if actor.role == Role.ADMIN:
        return
    if action == "admin" and actor.role != Role.VIEWER:
        raise PermissionDenied(f"Endast administratörer kan {what}.")
    if action == "reform.update" and actor.role == Role.EDITOR and not actor.reform_editor:
        raise PermissionDenied("Endast utsedda redaktörer kan uppdatera reformer.")
    if not allowed(actor, action):
        raise PermissionDenied(f"Du har {_ROLE_SV[actor.role]} och kan inte {what}.")
    if partner_id is not None and actor.partner_id is not None and partner_id != actor.partner_id:
        raise PermissionDenied("Du kan bara ändra din egen organisations uppgifter.")
