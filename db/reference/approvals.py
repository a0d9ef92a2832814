"""The Approvals page's reads as they were before the summaries, over the approvals themselves (twins)."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, Integer, and_, cast, func, select

from db.models import Approval
from db.period import Period
from db.sqlfuncs import days_between

BIN_COLUMNS = ["mode", "low", "high", "approvals"]
MEAN_COLUMNS = ["mode", "approvals", "mean_days", "min_days", "max_days"]
TIMELINE_COLUMNS = ["code", "project", "mode", "submitted_on", "approved_on", "days"]


def _approved_in(period: Period):
    # The KPI's set: live approvals approved in the period (index on approved_on, mode).
    return and_(Approval.deleted_at.is_(None), Approval.approved_on.between(period.start, period.end))


def _cycle_days():
    return days_between(Approval.approved_on, Approval.submitted_on)


def cycle_bins(conn: Connection, *, period: Period, bin_days: int = 10) -> pd.DataFrame:
    """Approvals approved in the period per mode and cycle-length bin [low, high) of `bin_days` days."""
    # Whole days (never negative, a CHECK) floor-divided as integers: the same bins on both backends.
    bucket = cast(_cycle_days(), Integer) // bin_days
    rows = conn.execute(
        select(Approval.mode, bucket, func.count()).where(_approved_in(period))
        .group_by(Approval.mode, bucket).order_by(bucket, Approval.mode)
    ).all()
    return pd.DataFrame([(mode, int(b) * bin_days, (int(b) + 1) * bin_days, n) for mode, b, n in rows],
                        columns=BIN_COLUMNS)


def cycle_means(conn: Connection, *, period: Period) -> pd.DataFrame:
    """Per mode: approvals approved in the period and the mean, shortest and longest cycle in days."""
    days = _cycle_days()
    rows = conn.execute(
        select(Approval.mode, func.count(), func.avg(days), func.min(days), func.max(days))
        .where(_approved_in(period)).group_by(Approval.mode).order_by(Approval.mode)
    ).all()
    frame = pd.DataFrame(rows, columns=MEAN_COLUMNS)
    for column in ("mean_days", "min_days", "max_days"):
        frame[column] = frame[column].astype(float)
    return frame
