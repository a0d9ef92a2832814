"""Reads for the Patrols page: the compliance heatmap and trend (from patrol_weeks) and the visit log."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, Date, and_, case, column, func, or_, select, true, values

from db.kpis import PATROL_VISITS_PER_WEEK, eligible_weeks
from db.models import PatrolWeek, Project, SiteVisit
from db.period import Period

GRID_COLUMNS = ["rank", "code", "project", "monday", "visits", "status"]
WEEK_COLUMNS = ["monday", "active", "compliant", "share"]
LOG_COLUMNS = ["visited_on", "code", "project_code", "project", "kind", "inspectors", "notes"]
# A select box beyond this many projects is unusable anyway.
MAX_PROJECT_CHOICES = 2000


def _weeks(period: Period, as_of: dt.date):
    """The eligible ISO weeks of the KPI as a CTE (monday, sunday), or None when there is none."""
    weeks = eligible_weeks(period, as_of)
    if not weeks:
        return None
    return values(column("monday", Date), column("sunday", Date), name="weeks").data(weeks).cte("weeks")


def _active_in(week):
    # The KPI's rule: the whole week lies inside the project's supervision.
    return and_(Project.deleted_at.is_(None), week.c.monday >= Project.start_date,
                or_(Project.completion_date.is_(None), week.c.sunday <= Project.completion_date))


def compliance_grid(conn: Connection, *, period: Period, as_of: dt.date, limit: int = 40) -> tuple[pd.DataFrame, int]:
    """Cells (project × eligible week) of the `limit` worst-complying projects, and how many projects there are."""
    week = _weeks(period, as_of)
    if week is None:
        return pd.DataFrame(columns=GRID_COLUMNS), 0
    compliant = func.sum(case((PatrolWeek.visits >= PATROL_VISITS_PER_WEEK, 1), else_=0))
    share = 1.0 * compliant / func.count()
    ranked = (
        select(Project.id, Project.code, Project.name, Project.start_date, Project.completion_date,
               func.row_number().over(order_by=(share, Project.code)).label("rank"),
               func.count().over().label("projects"))
        .select_from(week).join(Project, _active_in(week))
        .outerjoin(PatrolWeek, and_(PatrolWeek.project_id == Project.id, PatrolWeek.monday == week.c.monday))
        .group_by(Project.id, Project.code, Project.name, Project.start_date, Project.completion_date)
        .order_by(share, Project.code).limit(limit).cte("ranked")
    )
    active = and_(week.c.monday >= ranked.c.start_date,
                  or_(ranked.c.completion_date.is_(None), week.c.sunday <= ranked.c.completion_date))
    visits = func.coalesce(PatrolWeek.visits, 0)
    status = case((~active, "inactive"), (visits >= PATROL_VISITS_PER_WEEK, "compliant"), else_="short")
    rows = conn.execute(
        select(ranked.c.rank, ranked.c.code, ranked.c.name, week.c.monday, visits, status, ranked.c.projects)
        .select_from(ranked).join(week, true())
        .outerjoin(PatrolWeek, and_(PatrolWeek.project_id == ranked.c.id, PatrolWeek.monday == week.c.monday))
        .order_by(ranked.c.rank, week.c.monday)
    ).all()
    total = rows[0][-1] if rows else 0
    return pd.DataFrame([r[:-1] for r in rows], columns=GRID_COLUMNS), total


def weekly_compliance(conn: Connection, *, period: Period, as_of: dt.date) -> pd.DataFrame:
    """Per eligible week: active projects, those with ≥ 3 visits, and their share (null when none active)."""
    week = _weeks(period, as_of)
    if week is None:
        return pd.DataFrame(columns=WEEK_COLUMNS)
    rows = conn.execute(
        select(week.c.monday, func.count(Project.id),
               func.coalesce(func.sum(case((PatrolWeek.visits >= PATROL_VISITS_PER_WEEK, 1), else_=0)), 0))
        .select_from(week).outerjoin(Project, _active_in(week))
        .outerjoin(PatrolWeek, and_(PatrolWeek.project_id == Project.id, PatrolWeek.monday == week.c.monday))
        .group_by(week.c.monday).order_by(week.c.monday)
    ).all()
    frame = pd.DataFrame(rows, columns=WEEK_COLUMNS[:3])
    frame["compliant"] = frame["compliant"].astype(int)
    frame["share"] = (frame["compliant"] / frame["active"].where(frame["active"] > 0)).round(4)
    return frame


def project_choices(conn: Connection, *, period: Period) -> list[tuple[str, str]]:
    """(code, name) of projects supervised in the period, by code (at most 2,000), for the log filter."""
    rows = conn.execute(
        select(Project.code, Project.name)
        .where(Project.deleted_at.is_(None), Project.start_date <= period.end,
               or_(Project.completion_date.is_(None), Project.completion_date >= period.start))
        .order_by(Project.code).limit(MAX_PROJECT_CHOICES)
    ).all()
    return [(code, name) for code, name in rows]


def visit_log(conn: Connection, *, period: Period, project_code: str | None = None, kind: str | None = None,
              limit: int = 50, offset: int = 0) -> tuple[pd.DataFrame, int]:
    """A page of live visits dated in the period, newest first, optionally of one project and kind; and the count."""
    where = [SiteVisit.deleted_at.is_(None), SiteVisit.visited_on.between(period.start, period.end)]
    if kind:
        where.append(SiteVisit.kind == kind)
    if project_code:
        where.append(SiteVisit.project_id == select(Project.id).where(Project.code == project_code)
                     .scalar_subquery())
    total = conn.execute(select(func.count()).select_from(SiteVisit).where(*where)).scalar_one()
    rows = conn.execute(
        select(SiteVisit.visited_on, SiteVisit.code, Project.code, Project.name, SiteVisit.kind,
               SiteVisit.inspectors, SiteVisit.notes)
        .join(Project, Project.id == SiteVisit.project_id).where(*where)
        .order_by(SiteVisit.visited_on.desc(), SiteVisit.id.desc()).limit(limit).offset(offset)
    ).all()
    return pd.DataFrame(rows, columns=LOG_COLUMNS), total
