"""Reads for the Approvals page: cycle-time distribution and means by mode (approval_days), and a per-project
timeline."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, and_, func, select

from db.models import Approval, Project
from db.period import Period
from db.sqlfuncs import days_between
from db.summaries import figures

BIN_COLUMNS = ["mode", "low", "high", "approvals"]
MEAN_COLUMNS = ["mode", "approvals", "mean_days", "min_days", "max_days"]
TIMELINE_COLUMNS = ["code", "project", "mode", "submitted_on", "approved_on", "days"]


def _approved_in(period: Period):
    # The KPI's set: live approvals approved in the period (index on approved_on, mode).
    return and_(Approval.deleted_at.is_(None), Approval.approved_on.between(period.start, period.end))


def _cycle_days():
    return days_between(Approval.approved_on, Approval.submitted_on)


def cycle_bins(conn: Connection, *, period: Period, bin_days: int = 10) -> pd.DataFrame:
    """Approvals approved in the period per mode and cycle-length bin [low, high) of `bin_days` days (approval_days)."""
    counts: dict[tuple[int, str], int] = {}
    for mode, days, n in figures.approval_cycles(conn, period):
        counts[(days // bin_days, mode)] = counts.get((days // bin_days, mode), 0) + n
    return pd.DataFrame([(mode, b * bin_days, (b + 1) * bin_days, n) for (b, mode), n in sorted(counts.items())],
                        columns=BIN_COLUMNS)


def cycle_means(conn: Connection, *, period: Period) -> pd.DataFrame:
    """Per mode: approvals approved in the period and the mean, shortest and longest cycle in days (approval_days)."""
    stats: dict[str, list] = {}
    for mode, days, n in figures.approval_cycles(conn, period):
        total = stats.setdefault(mode, [0, 0, days, days])
        total[0], total[1], total[3] = total[0] + n, total[1] + days * n, days
    rows = [(mode, n, total / n, float(low), float(high)) for mode, (n, total, low, high) in sorted(stats.items())]
    return pd.DataFrame(rows, columns=MEAN_COLUMNS).astype({c: float for c in ("mean_days", "min_days", "max_days")})


def timeline(conn: Connection, *, period: Period, limit: int = 25, offset: int = 0) -> tuple[pd.DataFrame, int]:
    """Approvals approved in the period for one page of projects (by code), one row per mode; and the project count."""
    projects = (select(Approval.project_id).where(_approved_in(period)).distinct().subquery("with_approvals"))
    total = conn.execute(select(func.count()).select_from(projects)).scalar_one()
    page = (select(Project.id, Project.code, Project.name).join(projects, projects.c.project_id == Project.id)
            .order_by(Project.code).limit(limit).offset(offset).subquery("page"))
    rows = conn.execute(
        select(page.c.code, page.c.name, Approval.mode, Approval.submitted_on, Approval.approved_on, _cycle_days())
        .join(Approval, Approval.project_id == page.c.id).where(_approved_in(period))
        .order_by(page.c.code, Approval.mode)
    ).all()
    frame = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    frame["days"] = frame["days"].astype(int)
    return frame, total
