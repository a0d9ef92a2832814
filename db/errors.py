"""Typed errors raised by db.commands. They carry field names and message keys, never UI text."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field; `message_key` is looked up in the UI catalogs."""

    field: str
    message_key: str
    params: dict = field(default_factory=dict)


class ValidationFailed(Exception):
    """The input was refused; nothing was written."""

    def __init__(self, errors: list[FieldError]):
        super().__init__("; ".join(f"{e.field}: {e.message_key}" for e in errors))
        self.errors = errors


class Conflict(Exception):
    """The record changed since it was read (optimistic concurrency); nothing was written."""

    def __init__(self, table: str, row_id: int, changed_by: str | None, changed_at: dt.datetime | None):
        super().__init__(f"{table} {row_id} changed by {changed_by} at {changed_at}")
        self.table, self.row_id, self.changed_by, self.changed_at = table, row_id, changed_by, changed_at


class PermissionDenied(Exception):
    """The actor's role may not perform this action."""

    def __init__(self, action: str, role: str):
        super().__init__(f"role {role!r} may not {action}")
        self.action, self.role = action, role


class AlreadySubmitted(Exception):
    """This form submission was saved before (a double click, a retried request); nothing new was written.

    `result` is what the first save returned, so the user is shown the same record.
    """

    def __init__(self, token: str, result):
        super().__init__(f"submission {token} was already saved")
        self.token, self.result = token, result
