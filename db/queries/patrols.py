"""Reads for the Patrols page: the compliance trend (project_weeks, compliant_weeks), the worst projects' heatmap
(patrol_weeks) and the visit log (its count from visit_days)."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, func, or_, select

from db.kpis import PATROL_VISITS_PER_WEEK, eligible_weeks
from db.models import PatrolWeek, Project, SiteVisit
from db.period import Period
from db.sqlfuncs import days_between
from db.summaries import figures

GRID_COLUMNS = ["rank", "code", "project", "monday", "visits", "status"]
WEEK_COLUMNS = ["monday", "active", "compliant", "share"]
LOG_COLUMNS = ["visited_on", "code", "project_code", "project", "kind", "inspectors", "notes"]
# A select box beyond this many projects is unusable anyway.
MAX_PROJECT_CHOICES = 2000


def compliance_grid(conn: Connection, *, period: Period, as_of: dt.date, limit: int = 40) -> tuple[pd.DataFrame, int]:
    """Cells (project × eligible week) of the `limit` worst-complying projects, and how many projects there are."""
    weeks = eligible_weeks(period, as_of)
    if not weeks:
        return pd.DataFrame(columns=GRID_COLUMNS), 0
    first, last = weeks[0][0], weeks[-1][0]
    projects = conn.execute(
        select(Project.id, Project.code, Project.name, Project.start_date, Project.completion_date)
        .where(Project.deleted_at.is_(None), Project.start_date <= last,
               or_(Project.completion_date.is_(None), Project.completion_date >= weeks[0][1]))
    ).all()
    # Weeks under supervision per project are date arithmetic; weeks that met the target one indexed count.
    eligible = {p.id: n for p in projects if (n := _weeks_inside(p.start_date, p.completion_date, first, last))}
    met = dict(conn.execute(
        select(PatrolWeek.project_id, func.count()).join(Project, Project.id == PatrolWeek.project_id)
        .where(PatrolWeek.monday.between(first, last), PatrolWeek.visits >= PATROL_VISITS_PER_WEEK,
               Project.deleted_at.is_(None), PatrolWeek.monday >= Project.start_date,
               or_(Project.completion_date.is_(None), days_between(Project.completion_date, PatrolWeek.monday) >= 6))
        .group_by(PatrolWeek.project_id)).all())
    ranked = sorted((p for p in projects if p.id in eligible),
                    key=lambda p: (met.get(p.id, 0) / eligible[p.id], p.code))[:limit]
    visits = {(pid, str(monday)): n for pid, monday, n in conn.execute(
        select(PatrolWeek.project_id, PatrolWeek.monday, PatrolWeek.visits)
        .where(PatrolWeek.project_id.in_([p.id for p in ranked]), PatrolWeek.monday.between(first, last)))}
    rows = []
    for rank, p in enumerate(ranked, 1):
        for monday, sunday in weeks:
            count = visits.get((p.id, str(monday)), 0)
            inside = monday >= p.start_date and (p.completion_date is None or sunday <= p.completion_date)
            status = "inactive" if not inside else "compliant" if count >= PATROL_VISITS_PER_WEEK else "short"
            rows.append((rank, p.code, p.name, monday, count, status))
    return pd.DataFrame(rows, columns=GRID_COLUMNS), len(eligible)


def _weeks_inside(start: dt.date, completion: dt.date | None, first: dt.date, last: dt.date) -> int:
    # Mondays m in [first, last] (both Mondays) with m ≥ start and m + 6 ≤ completion.
    low = max(first, start + dt.timedelta(days=(7 - start.weekday()) % 7))
    high = last if completion is None else min(last, completion - dt.timedelta(days=6 + (completion.weekday() + 1) % 7))
    return (high - low).days // 7 + 1 if high >= low else 0


def weekly_compliance(conn: Connection, *, period: Period, as_of: dt.date) -> pd.DataFrame:
    """Per eligible week: active projects, those with ≥ 3 visits, and their share (null when none active);
    from project_weeks and compliant_weeks."""
    weeks = eligible_weeks(period, as_of)
    if not weeks:
        return pd.DataFrame(columns=WEEK_COLUMNS)
    frame = pd.DataFrame(figures.weekly_compliance(conn, weeks), columns=WEEK_COLUMNS[:3])
    frame["share"] = (frame["compliant"] / frame["active"].where(frame["active"] > 0)).round(4)
    return frame


def project_choices(conn: Connection, *, period: Period, including: str = "") -> list[tuple[str, str]]:
    """(code, name) of projects supervised in the period, by code (at most 2,000), plus `including` if it exists."""
    rows = conn.execute(
        select(Project.code, Project.name)
        .where(Project.deleted_at.is_(None), Project.start_date <= period.end,
               or_(Project.completion_date.is_(None), Project.completion_date >= period.start))
        .order_by(Project.code).limit(MAX_PROJECT_CHOICES)
    ).all()
    choices = [(code, name) for code, name in rows]
    if including and including not in dict(choices):
        # A shared link may name a project past the cap (or one not active in the period).
        extra = conn.execute(select(Project.code, Project.name)
                             .where(Project.code == including, Project.deleted_at.is_(None))).first()
        choices += [tuple(extra)] if extra else []
    return choices


def visit_log(conn: Connection, *, period: Period, project_code: str | None = None, kind: str | None = None,
              limit: int = 50, offset: int = 0) -> tuple[pd.DataFrame, int]:
    """A page of live visits in the period, newest first, optionally of one project and kind; and how many match."""
    where = [SiteVisit.deleted_at.is_(None), SiteVisit.visited_on.between(period.start, period.end)]
    if kind:
        where.append(SiteVisit.kind == kind)
    if project_code:
        where.append(SiteVisit.project_id == select(Project.id).where(Project.code == project_code)
                     .scalar_subquery())
    if project_code:  # one project's visits, through its (project_id, visited_on) index
        total = conn.execute(select(func.count()).select_from(SiteVisit).where(*where)).scalar_one()
    else:  # every project's: visit_days holds them per day and kind
        total = figures.visits(conn, period, kind)
    rows = conn.execute(
        select(SiteVisit.visited_on, SiteVisit.code, Project.code, Project.name, SiteVisit.kind,
               SiteVisit.inspectors, SiteVisit.notes)
        .join(Project, Project.id == SiteVisit.project_id).where(*where)
        .order_by(SiteVisit.visited_on.desc(), SiteVisit.id.desc()).limit(limit).offset(offset)
    ).all()
    return pd.DataFrame(rows, columns=LOG_COLUMNS), total
