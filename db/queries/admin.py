"""Reads for the admin pages: the accounts list and the audit log, filtered and paged in SQL."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, Select, func, select

from db.models import AuditEntry, FormSubmission, User

AUDIT_COLUMNS = ["id", "at", "actor", "action", "table_name", "row_id", "before", "after"]


@dataclass(frozen=True)
class AuditFilter:
    """Which audit rows to show; None means "any". Dates are inclusive, in UTC."""

    actor: str | None = None
    action: str | None = None
    table_name: str | None = None
    row_id: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None


def users_table(conn: Connection, now: dt.datetime) -> pd.DataFrame:
    """Every account with its role and state (enabled, disabled or locked); never the hash."""
    rows = conn.execute(select(
        User.username, User.display_name, User.role, User.email, User.disabled, User.is_demo,
        User.failed_logins, User.locked_until, User.created_at,
    ).order_by(User.username)).mappings().all()
    frame = pd.DataFrame(rows, columns=["username", "display_name", "role", "email", "disabled", "is_demo",
                                        "failed_logins", "locked_until", "created_at"])
    frame["locked"] = [bool(until) and _utc(until) > now for until in frame["locked_until"]]
    return frame


def audit_actions(conn: Connection) -> list[str]:
    """The distinct actions present in the audit log, for the filter."""
    return list(conn.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))


def audit_tables(conn: Connection) -> list[str]:
    """The distinct table names present in the audit log, for the filter."""
    return list(conn.scalars(select(AuditEntry.table_name).where(AuditEntry.table_name.is_not(None))
                             .distinct().order_by(AuditEntry.table_name)))


def audit_count(conn: Connection, where: AuditFilter) -> int:
    """How many audit rows match the filter."""
    return conn.execute(_filtered(select(func.count()).select_from(AuditEntry), where)).scalar_one()


def audit_page(conn: Connection, where: AuditFilter, *, limit: int, offset: int = 0) -> tuple[pd.DataFrame, int]:
    """A page of matching audit rows, newest first, before/after as JSON text; and how many match."""
    return audit_export(conn, where, limit=limit, offset=offset), audit_count(conn, where)


def audit_export(conn: Connection, where: AuditFilter, *, limit: int, offset: int = 0) -> pd.DataFrame:
    """Up to `limit` matching rows from `offset`, newest first, before/after as JSON text."""
    query = _filtered(select(*(getattr(AuditEntry, c) for c in AUDIT_COLUMNS)), where)
    frame = pd.DataFrame(conn.execute(query.order_by(AuditEntry.id.desc()).limit(limit).offset(offset))
                         .mappings().all(), columns=AUDIT_COLUMNS)
    for column in ("before", "after"):
        frame[column] = frame[column].map(lambda v: "" if v is None else json.dumps(v, ensure_ascii=False))
    return frame


def _filtered(query: Select, where: AuditFilter) -> Select:
    if where.actor:
        query = query.where(AuditEntry.actor == where.actor)
    if where.action:
        query = query.where(AuditEntry.action == where.action)
    if where.table_name:
        query = query.where(AuditEntry.table_name == where.table_name)
    if where.row_id is not None:
        query = query.where(AuditEntry.row_id == where.row_id)
    if where.start:
        query = query.where(AuditEntry.at >= _midnight(where.start))
    if where.end:
        query = query.where(AuditEntry.at < _midnight(where.end + dt.timedelta(days=1)))
    return query


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def submission_result(conn: Connection, token: str) -> list | None:
    """What the form submission `token` saved (None when it saved nothing that names a record)."""
    return conn.execute(select(FormSubmission.result).where(FormSubmission.token == token)).scalar()
