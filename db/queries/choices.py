"""Choices offered by the record forms: enterprises, open stop-work orders, a project's ledger for editing."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, select

from db.models import Enforcement, Enterprise, Project
from db.queries.project_detail import ledger

# A type-to-search list is still usable at this size; beyond it people type the credit code.
MAX_ENTERPRISE_CHOICES = 5000


def enterprise_choices(conn: Connection) -> list[tuple[str, str]]:
    """(credit code, name) of live enterprises, by name."""
    rows = conn.execute(select(Enterprise.credit_code, Enterprise.name).where(Enterprise.deleted_at.is_(None))
                        .order_by(Enterprise.name).limit(MAX_ENTERPRISE_CHOICES)).all()
    return [(code, name) for code, name in rows]


def open_stop_work_orders(conn: Connection) -> pd.DataFrame:
    """Stop-work orders not yet lifted, oldest first, with what an edit needs (id, version)."""
    rows = conn.execute(
        select(Enforcement.id, Enforcement.version, Enforcement.code, Project.name.label("project"),
               Enforcement.issued_on, Enforcement.reason)
        .join(Project, Project.id == Enforcement.project_id)
        .where(Enforcement.deleted_at.is_(None), Enforcement.kind == "stop_work", Enforcement.lifted_on.is_(None))
        .order_by(Enforcement.issued_on)
    ).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=["id", "version", "code", "project", "issued_on", "reason"])


def ledger_for_edit(conn: Connection, *, project_code: str, as_of: dt.date) -> pd.DataFrame:
    """A live project's ledger items (as its page shows them, with id and version) for the status form."""
    project_id = conn.execute(select(Project.id).where(Project.code == project_code,
                                                       Project.deleted_at.is_(None))).scalar()
    return ledger(conn, project_id=project_id or -1, as_of=as_of)
