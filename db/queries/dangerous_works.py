"""Reads for a project's works of greater danger: each item's parameters, class (db.dangerous_works) and flags."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, case, select

from db.dangerous_works import PARAMETERS, danger_class_sql, started_without_review
from db.models import LedgerItem

COLUMNS = ["name", "danger_category", "danger_kind", *PARAMETERS, "danger_class", "status", "planned_start",
           "planned_end", "expert_review_on", "late", "unreviewed"]


def dangerous_works(conn: Connection, *, project_id: int, as_of: dt.date) -> pd.DataFrame:
    """The project's dangerous works by plan, classified, each flagged late (past its planned end, not accepted)
    and unreviewed (beyond scale, started without an expert review before its start)."""
    late = case(((LedgerItem.status != "accepted") & (LedgerItem.planned_end < as_of), True), else_=False)
    rows = conn.execute(
        select(LedgerItem.name, LedgerItem.danger_category, LedgerItem.danger_kind,
               *(getattr(LedgerItem, p) for p in PARAMETERS), danger_class_sql(LedgerItem).label("danger_class"),
               LedgerItem.status, LedgerItem.planned_start, LedgerItem.planned_end, LedgerItem.expert_review_on,
               late.label("late"))
        .where(LedgerItem.project_id == project_id, LedgerItem.deleted_at.is_(None),
               LedgerItem.kind == "dangerous_works")
        .order_by(LedgerItem.planned_start, LedgerItem.name)
    ).mappings().all()
    frame = pd.DataFrame([dict(r) for r in rows], columns=COLUMNS[:-1])
    frame["unreviewed"] = [started_without_review(r.danger_class, r.status, r.planned_start, r.expert_review_on)
                           for r in frame.itertuples()]
    return frame
