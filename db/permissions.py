"""Who may do what: the one role table. Checked inside every command, whatever the UI shows or hides."""
from __future__ import annotations

from dataclasses import dataclass

from db.errors import PermissionDenied

ROLES = ("leader", "staff", "admin", "visitor")
READ_ROLES = frozenset(ROLES)                      # every page of figures
ENTRY_ROLES = frozenset({"staff", "admin"})        # enter and edit records, move hazards on
ADMIN_ROLES = frozenset({"admin"})                 # users, import, audit log, restore
EXPORT_ROLES = frozenset({"leader", "staff", "admin"})   # CSV, workbook and report downloads
MASKED_ROLES = frozenset({"visitor"})              # personal names and phone numbers masked; presentation only


@dataclass(frozen=True)
class Actor:
    """The person behind a request: the audit log's `actor` and the role checked by commands."""

    username: str
    role: str
    display_name: str = ""
    # Where the request came from, for the audit log (empty outside a browser).
    client_ip: str = ""
    user_agent: str = ""


def require(actor: Actor, allowed: frozenset[str], action: str) -> None:
    """Raise PermissionDenied unless the actor's role is in `allowed`."""
    if actor.role not in allowed:
        raise PermissionDenied(action, actor.role)


def may_export(role: str) -> bool:
    """Whether `role` may download what it sees."""
    return role in EXPORT_ROLES


def sees_masked(role: str) -> bool:
    """Whether `role` sees personal names and phone numbers masked (and only the presentation)."""
    return role in MASKED_ROLES
