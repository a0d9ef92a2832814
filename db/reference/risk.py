"""The Risk page's reads as they were before the summaries, over the risk points themselves (base-table twins)."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, and_, case, func, select

from db.enums import RISK_LEVEL
from db.models import Project, RiskPoint
from db.kpis import risk_points_identified_in
from db.period import Period
from db.queries import narrowed
from db.sqlfuncs import month_of

# Rank of each level, highest first in RISK_LEVEL: major 4 … low 1; a cell shows its highest rank.
LEVEL_RANK = {code: len(RISK_LEVEL.codes) - i for i, code in enumerate(RISK_LEVEL.codes)}
RANK_LEVEL = {rank: code for code, rank in LEVEL_RANK.items()}
TOP_PROJECTS = 30
_rank = case(*((RiskPoint.level == code, rank) for code, rank in LEVEL_RANK.items()), else_=0)


def identified_in(period: Period, *, levels=(), categories=()):
    """Live risk points identified in the period (the KPIs' scope), at the chosen levels and categories."""
    return narrowed(risk_points_identified_in(period), (RiskPoint.level, levels), (RiskPoint.category, categories))


def risk_counts_by_level(conn: Connection, *, period: Period, levels=(), categories=()) -> dict[str, int]:
    """Risk points identified in the period per level, every level present (zero when none)."""
    counts = dict(conn.execute(
        select(RiskPoint.level, func.count()).where(identified_in(period, levels=levels, categories=categories))
        .group_by(RiskPoint.level)
    ).all())
    return {code: int(counts.get(code, 0)) for code in RISK_LEVEL.codes}



def category_month_cells(conn: Connection, *, period: Period, levels=(), categories=()) -> pd.DataFrame:
    """Heatmap cells (category, month 'YYYY-MM', count, level = highest) of the period."""
    month = month_of(RiskPoint.identified_on)
    rows = conn.execute(
        select(RiskPoint.category, month, func.count(), func.max(_rank))
        .where(identified_in(period, levels=levels, categories=categories))
        .group_by(RiskPoint.category, month).order_by(RiskPoint.category, month)
    ).all()
    return _cells(rows, ["category", "month"])



def major_risk_points(conn: Connection, *, period: Period, categories=(), limit: int = 50,
                      offset: int = 0) -> tuple[pd.DataFrame, int]:
    """A page of major (重大) risk points identified in the period, newest first, and their number."""
    where = and_(identified_in(period, levels=("major",), categories=categories))
    total = conn.execute(select(func.count()).select_from(RiskPoint).where(where)).scalar_one()
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
