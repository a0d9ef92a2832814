"""Reads for the Overview: monthly hazard flow, accident and award facts (counts from the summaries)."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, and_, select

from db.models import Award, Project
from db.period import Period
from db.summaries import figures, hazard_reads


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
