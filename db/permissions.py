"""Who may do what. Checked inside every command, whatever the UI shows or hides."""
from __future__ import annotations

from dataclasses import dataclass

from db.errors import PermissionDenied

READ_ROLES = frozenset({"leader", "staff", "admin", "visitor"})
ENTRY_ROLES = frozenset({"staff", "admin"})
ADMIN_ROLES = frozenset({"admin"})


@dataclass(frozen=True)
class Actor:
    """The person behind a request: the audit log's `actor` and the role checked by commands."""

    username: str
    role: str
    display_name: str = ""


def require(actor: Actor, allowed: frozenset[str], action: str) -> None:
    """Raise PermissionDenied unless the actor's role is in `allowed`."""
    if actor.role not in allowed:
        raise PermissionDenied(action, actor.role)
