"""Reads for the Overview: monthly hazard flow, accident and award facts (counts from the summaries)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, and_, func, select

from db.hazard_status import closed_by, overdue_on
from db.kpis import hazards_found_in
from db.models import Award, Hazard, Project
from db.period import Period
from db.summaries import figures, hazard_reads

ALERT_PROJECTS = 5   # projects named in an alert; the list behind it has them all


@dataclass(frozen=True)
class Alert:
    """Hazards needing the leadership's attention today: how many, how late the oldest is, where."""

    kind: str               # "overdue" (past the deadline, no fix reported) or "open_major" (major, not closed)
    count: int
    oldest_days: int        # overdue: days past the earliest deadline; open_major: days since the earliest found
    projects: tuple[str, ...]
    more_projects: int


def alerts(conn: Connection, period: Period, as_of: dt.date) -> list[Alert]:
    """Among the hazards found in the period (the cards' scope): those overdue and the major ones not closed."""
    live = hazards_found_in(period)
    found = []
    for kind, condition, since in (("overdue", overdue_on(as_of), Hazard.due_on),
                                   ("open_major", and_(Hazard.level == "major", ~closed_by(as_of)), Hazard.found_on)):
        count, oldest = conn.execute(select(func.count(), func.min(since)).where(live, condition)).one()
        if not count:
            continue
        names = conn.execute(
            select(Project.name).join(Hazard, Hazard.project_id == Project.id).where(live, condition)
            .group_by(Project.name).order_by(func.min(since), Project.name)).scalars().all()
        found.append(Alert(kind, count, (as_of - oldest).days, tuple(names[:ALERT_PROJECTS]),
                           max(0, len(names) - ALERT_PROJECTS)))
    return found


def hazards_found_closed_by_month(conn: Connection, period: Period, *, levels=(), domains=()) -> pd.DataFrame:
    """Per month of the period: hazards found in it and hazards closed in it (optionally of some levels/domains)."""
    found, closed = hazard_reads.found_closed_by_month(conn, period, levels, domains)
    months = period.months()
    return pd.DataFrame({
        "month": months,
        "found": [found.get(m, 0) for m in months],
        "closed": [closed.get(m, 0) for m in months],
    })


def last_accident_date(conn: Connection, as_of: dt.date) -> dt.date | None:
    """The most recent accident on or before `as_of`."""
    return figures.last_accident(conn, as_of)


def records_start(conn: Connection) -> dt.date | None:
    """The first day the office has records for (its earliest site visit)."""
    return figures.first_visit(conn)


def awards_in_years(conn: Connection, period: Period) -> pd.DataFrame:
    """Awards whose year falls in the period's years, with the project name."""
    rows = conn.execute(
        select(Award.year, Award.name, Award.level, Project.name.label("project"))
        .join(Project, and_(Project.id == Award.project_id))
        .where(Award.deleted_at.is_(None), Award.year.between(period.start.year, period.end.year))
        .order_by(Award.year.desc(), Award.name)
    ).all()
    return pd.DataFrame(rows, columns=["year", "name", "level", "project"])
