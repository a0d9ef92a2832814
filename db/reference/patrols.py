"""The Patrols page's reads as they were before the summaries: weekly compliance and the worst projects' grid joining every
project with every week over patrol_weeks, and the visit log counted over the site visits (stopped at a cap)."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, Date, and_, case, column, func, or_, select, true, values

from db.models import PatrolWeek, Project, SiteVisit
from db.period import Period
from db.queries.patrols import GRID_COLUMNS, LOG_COLUMNS, WEEK_COLUMNS
from db.kpis import PATROL_VISITS_PER_WEEK, eligible_weeks


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


def _compliant_weeks(week):
    # Driven by patrol_weeks' (monday, project_id, visits) index: only weeks that met the target,
    # never a lookup per (project, week) pair.
    return (select(PatrolWeek.project_id, PatrolWeek.monday)
            .join(week, week.c.monday == PatrolWeek.monday)
            .join(Project, and_(Project.id == PatrolWeek.project_id, _active_in(week)))
            .where(PatrolWeek.visits >= PATROL_VISITS_PER_WEEK))


def _by_day(counts: dict, day: dt.date) -> int:
    # SQLite hands VALUES dates back as text, PostgreSQL as dates.
    return int(counts.get(day, counts.get(day.isoformat(), 0)))


def visit_log(conn: Connection, *, period: Period, project_code: str | None = None, kind: str | None = None,
              limit: int = 50, offset: int = 0, count_cap: int | None = None) -> tuple[pd.DataFrame, int]:
    """A page of live visits in the period, newest first, optionally of one project and kind; and the count (≤ cap + 1)."""
    where = [SiteVisit.deleted_at.is_(None), SiteVisit.visited_on.between(period.start, period.end)]
    if kind:
        where.append(SiteVisit.kind == kind)
    if project_code:
        where.append(SiteVisit.project_id == select(Project.id).where(Project.code == project_code)
                     .scalar_subquery())
    # Counting a year of a province's visits by kind reads every row (kind is not indexed): stop at the cap.
    matching = select(SiteVisit.id).where(*where)
    if count_cap is not None:
        matching = matching.limit(count_cap + 1)
    total = conn.execute(select(func.count()).select_from(matching.subquery())).scalar_one()
    rows = conn.execute(
        select(SiteVisit.visited_on, SiteVisit.code, Project.code, Project.name, SiteVisit.kind,
               SiteVisit.inspectors, SiteVisit.notes)
        .join(Project, Project.id == SiteVisit.project_id).where(*where)
        .order_by(SiteVisit.visited_on.desc(), SiteVisit.id.desc()).limit(limit).offset(offset)
    ).all()
    return pd.DataFrame(rows, columns=LOG_COLUMNS), total


def weekly_compliance(conn: Connection, *, period: Period, as_of: dt.date) -> pd.DataFrame:
    """Per eligible week: active projects, those with ≥ 3 visits, and their share (null when none active)."""
    week = _weeks(period, as_of)
    if week is None:
        return pd.DataFrame(columns=WEEK_COLUMNS)
    active = dict(conn.execute(
        select(week.c.monday, func.count()).select_from(week).join(Project, _active_in(week))
        .group_by(week.c.monday)
    ).all())
    met = _compliant_weeks(week).subquery("met")
    compliant = dict(conn.execute(select(met.c.monday, func.count()).group_by(met.c.monday)).all())
    mondays = [monday for monday, _ in eligible_weeks(period, as_of)]
    frame = pd.DataFrame({
        "monday": mondays,
        "active": [_by_day(active, m) for m in mondays],
        "compliant": [_by_day(compliant, m) for m in mondays],
    })
    frame["share"] = (frame["compliant"] / frame["active"].where(frame["active"] > 0)).round(4)
    return frame


def compliance_grid(conn: Connection, *, period: Period, as_of: dt.date, limit: int = 40) -> tuple[pd.DataFrame, int]:
    """Cells (project × eligible week) of the `limit` worst-complying projects, and how many projects there are."""
    week = _weeks(period, as_of)
    if week is None:
        return pd.DataFrame(columns=GRID_COLUMNS), 0
    active = (select(Project.id, Project.code, Project.name, Project.start_date, Project.completion_date,
                     func.count().label("weeks"))
              .select_from(week).join(Project, _active_in(week))
              .group_by(Project.id, Project.code, Project.name, Project.start_date, Project.completion_date)
              .subquery("active"))
    met = _compliant_weeks(week).subquery("met")
    met_per_project = (select(met.c.project_id, func.count().label("weeks")).group_by(met.c.project_id)
                       .subquery("met_per_project"))
    share = 1.0 * func.coalesce(met_per_project.c.weeks, 0) / active.c.weeks
    ranked = (
        select(active.c.id, active.c.code, active.c.name, active.c.start_date, active.c.completion_date,
               func.row_number().over(order_by=(share, active.c.code)).label("rank"),
               func.count().over().label("projects"))
        .outerjoin(met_per_project, met_per_project.c.project_id == active.c.id)
        .order_by(share, active.c.code).limit(limit).cte("ranked")
    )
    in_week = and_(week.c.monday >= ranked.c.start_date,
                   or_(ranked.c.completion_date.is_(None), week.c.sunday <= ranked.c.completion_date))
    visits = func.coalesce(PatrolWeek.visits, 0)
    status = case((~in_week, "inactive"), (visits >= PATROL_VISITS_PER_WEEK, "compliant"), else_="short")
    rows = conn.execute(
        select(ranked.c.rank, ranked.c.code, ranked.c.name, week.c.monday, visits, status, ranked.c.projects)
        .select_from(ranked).join(week, true())
        .outerjoin(PatrolWeek, and_(PatrolWeek.project_id == ranked.c.id, PatrolWeek.monday == week.c.monday))
        .order_by(ranked.c.rank, week.c.monday)
    ).all()
    total = rows[0][-1] if rows else 0
    return pd.DataFrame([r[:-1] for r in rows], columns=GRID_COLUMNS), total
