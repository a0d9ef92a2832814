"""Reads for soft delete and restore: a live record by its code, and the deleted records of a table."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, func, select

from db.commands.deletion import DELETABLE
from db.models import AuditEntry


def live_record(conn: Connection, *, table: str, code: str) -> dict | None:
    """id, version and code of the live record of `table` with `code`, or None."""
    model, code_column = DELETABLE[table]
    row = conn.execute(select(model.id, model.version, code_column.label("code"))
                       .where(code_column == code.strip(), model.deleted_at.is_(None))).mappings().first()
    return dict(row) if row else None


def deleted_records(conn: Connection, *, table: str, limit: int = 50, offset: int = 0) -> tuple[pd.DataFrame, int]:
    """A page of the table's deleted records, most recently deleted first, and how many there are."""
    model, code_column = DELETABLE[table]
    deleted = model.deleted_at.is_not(None)
    total = conn.execute(select(func.count()).select_from(model).where(deleted)).scalar_one()
    rows = conn.execute(select(model.id, code_column.label("code"), model.deleted_at, model.updated_by)
                        .where(deleted).order_by(model.deleted_at.desc()).limit(limit).offset(offset)).mappings().all()
    frame = pd.DataFrame([dict(r) for r in rows], columns=["id", "code", "deleted_at", "updated_by"])
    return frame.assign(reason=frame["id"].map(deletion_reasons(conn, table, frame["id"].tolist()))), total


def deletion_reasons(conn: Connection, table: str, ids: list[int]) -> dict[int, str]:
    """The reason given when each record was last deleted (from the audit log; older deletions had none)."""
    reasons: dict[int, str] = {}
    for row_id, after in conn.execute(
            select(AuditEntry.row_id, AuditEntry.after).where(
                AuditEntry.action == "delete", AuditEntry.table_name == table, AuditEntry.row_id.in_(ids))
            .order_by(AuditEntry.id)):
        reasons[row_id] = (after or {}).get("reason", "")
    return reasons
