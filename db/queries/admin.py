"""Reads for the admin pages: the accounts list and the audit log, filtered and paged in SQL."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pandas as pd
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Select, and_, false, func, or_, select

from db.commands.deletion import DELETABLE
from db.config import settings
from db.models import AuditEntry, Document, FormSubmission, User

AUDIT_COLUMNS = ["id", "at", "actor", "action", "table_name", "row_id", "before", "after"]
# The business code each audited table is known by: what the log shows and is searched by instead of row ids.
CODES = {**{table: column for table, (_, column) in DELETABLE.items()}, "users": User.username,
         "documents": Document.number}
SHOWN_CHANGES = 6      # fields listed per audit row; the CSV has the full before/after
VALUE_CHARS = 60


@dataclass(frozen=True)
class AuditFilter:
    """Which audit rows to show; None means "any". Dates are inclusive, the office's days (settings.timezone)."""

    actor: str | None = None
    action: str | None = None
    table_name: str | None = None
    row_id: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    code: str | None = None        # the record's business code (a hazard's YH2026-0012, a user's name, ...)


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
    """A page of matching audit rows to read, newest first: local time, the record's code, what changed."""
    return readable(conn, audit_export(conn, where, limit=limit, offset=offset)), audit_count(conn, where)


def readable(conn: Connection, frame: pd.DataFrame) -> pd.DataFrame:
    """Audit rows as a person reads them: time in the office's zone, the record's code, the changed fields."""
    zone = ZoneInfo(settings().timezone)
    codes: dict[tuple[str, int], str] = {}
    for table, column in CODES.items():
        ids = frame.loc[frame["table_name"] == table, "row_id"].dropna().astype(int).unique().tolist()
        if ids:
            model = column.class_
            codes |= {(table, row_id): code for row_id, code in
                      conn.execute(select(model.id, column).where(model.id.in_(ids)))}
    return pd.DataFrame({
        "at": [_utc(at).astimezone(zone).strftime("%Y-%m-%d %H:%M:%S") for at in frame["at"]],
        "actor": frame["actor"], "action": frame["action"], "table_name": frame["table_name"],
        "record": [codes.get((table, int(row_id)), "") if table and pd.notna(row_id) else ""
                   for table, row_id in zip(frame["table_name"], frame["row_id"])],
        "changes": [_changes(before, after) for before, after in zip(frame["before"], frame["after"])],
    })


def _changes(before: str, after: str) -> str:
    # An update lists the fields that changed (old → new); anything else its values, system columns left out.
    old, new = (json.loads(text) if text else {} for text in (before, after))
    skip = {"id", "version", "updated_at", "updated_by", "created_at", "created_by"}
    if old and new:
        parts = [f"{key}: {_short(old.get(key))} → {_short(value)}" for key, value in new.items()
                 if key not in skip and old.get(key) != value]
    else:
        parts = [f"{key}: {_short(value)}" for key, value in (new or old).items()
                 if key not in skip and value not in (None, "")]
    more = len(parts) - SHOWN_CHANGES
    return "; ".join(parts[:SHOWN_CHANGES]) + (f"; … +{more}" if more > 0 else "")


def _short(value) -> str:
    text = "—" if value is None else str(value)
    return text if len(text) <= VALUE_CHARS else text[:VALUE_CHARS - 1] + "…"


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
    if where.code:
        query = query.where(_records_coded(where.code))
    if where.start:
        query = query.where(AuditEntry.at >= _midnight(where.start))
    if where.end:
        query = query.where(AuditEntry.at < _midnight(where.end + dt.timedelta(days=1)))
    return query


def _records_coded(code: str):
    """SQL: the audit rows of whichever record carries `code` (codes are unique within their table)."""
    matches = []
    for table, column in CODES.items():
        model = column.class_
        matches.append(and_(AuditEntry.table_name == table,
                            AuditEntry.row_id.in_(select(model.id).where(column == code.strip()).scalar_subquery())))
    return or_(*matches) if matches else false()


def _midnight(day: dt.date) -> dt.datetime:
    # Days are the office's days (its time zone), as the log shows them; the instant in UTC, because SQLite
    # stores naive UTC and compares wall times.
    return dt.datetime.combine(day, dt.time(), tzinfo=ZoneInfo(settings().timezone)).astimezone(dt.timezone.utc)


def office_today() -> dt.date:
    """Today in the office's time zone (the day its log entries fall on)."""
    return dt.datetime.now(ZoneInfo(settings().timezone)).date()


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def submission_landed(conn: Connection, token: str) -> list | None:
    """What the form submission `token` saved ([] when nothing nameable), or None when it was never committed."""
    row = conn.execute(select(FormSubmission.result).where(FormSubmission.token == token)).first()
    return None if row is None else (row.result or [])


def submission_result(conn: Connection, token: str) -> list | None:
    """What the form submission `token` saved (None when it saved nothing that names a record)."""
    return conn.execute(select(FormSubmission.result).where(FormSubmission.token == token)).scalar()
