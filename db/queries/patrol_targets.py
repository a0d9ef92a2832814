"""Reads for the Patrols page against the risk-based targets: the project × week heatmap, worst-complying first."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Date, and_, case, column, func, or_, select, true, values

from db.kpis import eligible_weeks, project_active_in_week
from db.models import Project
from db.period import Period
from db.risk_weeks import week_cells

GRID_COLUMNS = ["rank", "code", "project", "monday", "visits", "target", "status"]


def target_grid(conn, *, period: Period, as_of: dt.date, limit: int = 40) -> tuple[pd.DataFrame, int]:
    """Cells (project × eligible week) of the `limit` projects least often at their weekly target, each cell with its
    visits and the target of that week; and how many projects there are."""
    weeks = eligible_weeks(period, as_of)
    if not weeks:
        return pd.DataFrame(columns=GRID_COLUMNS), 0
    week = values(column("monday", Date), column("sunday", Date), name="grid_weeks").data(weeks).cte("grid_weeks")
    cells = week_cells(weeks, project_active_in_week).cte("target_cells").prefix_with("MATERIALIZED")
    met = func.sum(case((cells.c.visits >= cells.c.target, 1), else_=0))
    share = 1.0 * met / func.count()
    ranked = (select(cells.c.project_id, Project.code, Project.name, Project.start_date, Project.completion_date,
                     func.row_number().over(order_by=(share, Project.code)).label("rank"),
                     func.count().over().label("projects"))
              .join(Project, Project.id == cells.c.project_id)
              .group_by(cells.c.project_id, Project.code, Project.name, Project.start_date, Project.completion_date)
              .order_by(share, Project.code).limit(limit).cte("ranked"))
    in_week = and_(week.c.monday >= ranked.c.start_date,
                   or_(ranked.c.completion_date.is_(None), week.c.sunday <= ranked.c.completion_date))
    status = case((~in_week, "inactive"), (cells.c.visits >= cells.c.target, "compliant"), else_="short")
    rows = conn.execute(
        select(ranked.c.rank, ranked.c.code, ranked.c.name, week.c.monday, func.coalesce(cells.c.visits, 0),
               cells.c.target, status, ranked.c.projects)
        .select_from(ranked).join(week, true())
        .outerjoin(cells, and_(cells.c.project_id == ranked.c.project_id, cells.c.monday == week.c.monday))
        .order_by(ranked.c.rank, week.c.monday)
    ).all()
    total = rows[0][-1] if rows else 0
    return pd.DataFrame([r[:-1] for r in rows], columns=GRID_COLUMNS), total
