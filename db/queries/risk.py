"""Reads for the Risk page: counts and the category × month heatmap from risk_days; the project heatmap (its top
projects need per-project counts, as many as the risk points themselves) and the major list from the risk points."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, and_, case, func, select

from db.enums import RISK_LEVEL
from db.models import Project, RiskDay, RiskPoint
from db.kpis import risk_points_identified_in
from db.period import Period
from db.queries import narrowed
from db.summaries import figures

# Rank of each level, highest first in RISK_LEVEL: major 4 … low 1; a cell shows its highest rank.
LEVEL_RANK = {code: len(RISK_LEVEL.codes) - i for i, code in enumerate(RISK_LEVEL.codes)}
RANK_LEVEL = {rank: code for code, rank in LEVEL_RANK.items()}
TOP_PROJECTS = 30
_rank = case(*((RiskPoint.level == code, rank) for code, rank in LEVEL_RANK.items()), else_=0)


def identified_in(period: Period, *, levels=(), categories=()):
    """Live risk points identified in the period (the KPIs' scope), at the chosen levels and categories."""
    return narrowed(risk_points_identified_in(period), (RiskPoint.level, levels), (RiskPoint.category, categories))


def risk_counts_by_level(conn: Connection, *, period: Period, levels=(), categories=()) -> dict[str, int]:
    """Risk points identified in the period per level, every level present (zero when none), from risk_days."""
    counts = figures.risk_by_level(conn, period, levels, categories)
    return {code: int(counts.get(code, 0)) for code in RISK_LEVEL.codes}


def project_category_cells(conn: Connection, *, period: Period, levels=(), categories=(),
                           top: int = TOP_PROJECTS) -> tuple[pd.DataFrame, int]:
    """Heatmap cells (project, category, count, level = highest) for the `top` projects by count; and how many
    projects have any."""
    where = identified_in(period, levels=levels, categories=categories)
    per_project = (select(RiskPoint.project_id, func.count().label("n")).where(where)
                   .group_by(RiskPoint.project_id).subquery())
    projects = conn.execute(select(func.count()).select_from(per_project)).scalar_one()
    top_ids = (select(per_project.c.project_id).order_by(per_project.c.n.desc(), per_project.c.project_id)
               .limit(top).subquery())
    rows = conn.execute(
        select(Project.code, Project.name, RiskPoint.category, func.count(), func.max(_rank))
        .join(Project, Project.id == RiskPoint.project_id)
        .join(top_ids, top_ids.c.project_id == RiskPoint.project_id).where(where)
        .group_by(Project.code, Project.name, RiskPoint.category)
        .order_by(Project.code, RiskPoint.category)
    ).all()
    return _cells(rows, ["project_code", "project", "category"]), projects


def category_month_cells(conn: Connection, *, period: Period, levels=(), categories=()) -> pd.DataFrame:
    """Heatmap cells (category, month 'YYYY-MM', count, level = highest) of the period, from risk_days."""
    rank = case(*((RiskDay.level == code, rank) for code, rank in LEVEL_RANK.items()), else_=0)
    return _cells(figures.risk_category_months(conn, period, rank, levels, categories), ["category", "month"])


def major_risk_points(conn: Connection, *, period: Period, categories=(), limit: int = 50,
                      offset: int = 0) -> tuple[pd.DataFrame, int]:
    """A page of major (重大) risk points identified in the period, newest first, and their number."""
    where = and_(identified_in(period, levels=("major",), categories=categories))
    total = figures.risk_by_level(conn, period, ("major",), categories).get("major", 0)  # from risk_days
    rows = conn.execute(
        select(RiskPoint.code, Project.name, RiskPoint.identified_on, RiskPoint.category,
               RiskPoint.description, RiskPoint.controls)
        .join(Project, Project.id == RiskPoint.project_id).where(where)
        .order_by(RiskPoint.identified_on.desc(), RiskPoint.id.desc()).limit(limit).offset(offset)
    ).all()
    columns = ["code", "project", "identified_on", "category", "description", "controls"]
    return pd.DataFrame(rows, columns=columns), total


def _cells(rows, keys: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=[*keys, "count", "rank"])
    frame["count"] = frame["count"].astype(int)
    frame["level"] = frame.pop("rank").map(lambda r: RANK_LEVEL.get(int(r)))
    return frame
