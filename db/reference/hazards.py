"""The Hazards page's reads as they were before the summaries, over the hazards themselves (base-table twins)."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, Date, Integer, and_, case, cast, func, literal, select

from db.models import Hazard, Project
from db.hazard_status import closed_by, overdue_on, status_on, status_rank
from db.kpis import hazards_found_in
from db.period import Period
from db.queries import narrowed
from db.sqlfuncs import days_between

# Lower edges (days) of the time-to-close histogram bins; the last bin is open-ended.
CLOSE_BINS = (0, 1, 3, 7, 14, 30, 60, 90)


def found_in(period: Period, *, levels=(), domains=()):
    """Live hazards found in the period (the KPIs' scope), at the chosen levels and domains (empty = all)."""
    return narrowed(hazards_found_in(period), (Hazard.level, levels), (Hazard.domain, domains))


def hazard_breakdown(conn: Connection, *, period: Period, levels=(), domains=()) -> pd.DataFrame:
    """Hazards found in the period per (level, domain, category): one GROUP BY scan serves every breakdown."""
    rows = conn.execute(
        select(Hazard.level, Hazard.domain, Hazard.category, func.count())
        .where(found_in(period, levels=levels, domains=domains))
        .group_by(Hazard.level, Hazard.domain, Hazard.category)
    ).all()
    return pd.DataFrame(rows, columns=["level", "domain", "category", "count"])




def open_counts(conn: Connection, *, period: Period, as_of: dt.date, levels=(), domains=()) -> tuple[int, int]:
    """(not closed, of them overdue) on `as_of` among hazards found in the period."""
    open_, overdue = conn.execute(
        select(func.count(), func.coalesce(func.sum(case((overdue_on(as_of), 1), else_=0)), 0))
        .where(found_in(period, levels=levels, domains=domains), ~closed_by(as_of))
    ).one()
    return int(open_), int(overdue)



def days_to_close_histogram(conn: Connection, *, period: Period, as_of: dt.date, levels=(),
                            domains=()) -> pd.DataFrame:
    """Hazards found in the period and closed by `as_of`, counted per bin of closed_on − found_on days."""
    days = days_between(Hazard.closed_on, Hazard.found_on)
    bin_of = case(*((days < upper, index) for index, upper in enumerate(CLOSE_BINS[1:])),
                  else_=len(CLOSE_BINS) - 1)
    # Grouped through a subquery: PostgreSQL would not match the CASE's bound edges in a GROUP BY.
    binned = (select(bin_of.label("bin"))
              .where(found_in(period, levels=levels, domains=domains), closed_by(as_of)).subquery())
    counts = dict(conn.execute(select(binned.c.bin, func.count()).group_by(binned.c.bin)).all())
    return pd.DataFrame({
        "bin": range(len(CLOSE_BINS)),
        "label": [_bin_label(i) for i in range(len(CLOSE_BINS))],
        "count": [int(counts.get(i, 0)) for i in range(len(CLOSE_BINS))],
    })


def closed_within_deadline(conn: Connection, *, period: Period, as_of: dt.date, levels=(),
                           domains=()) -> tuple[int, int]:
    """(closed by `as_of`, of those closed on or before their deadline) among hazards found in the period."""
    closed, on_time = conn.execute(
        select(func.count(), func.coalesce(func.sum(case((Hazard.closed_on <= Hazard.due_on, 1), else_=0)), 0))
        .where(found_in(period, levels=levels, domains=domains), closed_by(as_of))
    ).one()
    return int(closed), int(on_time)


def _bin_label(index: int) -> str:
    lower = CLOSE_BINS[index]
    if index == len(CLOSE_BINS) - 1:
        return f"{lower}+"
    upper = CLOSE_BINS[index + 1] - 1
    return str(lower) if upper == lower else f"{lower}–{upper}"


def open_hazards(conn: Connection, *, period: Period, as_of: dt.date, levels=(), domains=(),
                 limit: int = 50, offset: int = 0) -> tuple[pd.DataFrame, int]:
    """A page of hazards found in the period and not closed by `as_of` (overdue first), and their number."""
    where = and_(found_in(period, levels=levels, domains=domains), ~closed_by(as_of))
    total = conn.execute(select(func.count()).select_from(Hazard).where(where)).scalar_one()
    today = literal(as_of, Date)
    rows = conn.execute(
        select(Hazard.code, Project.name.label("project"), status_on(as_of).label("status"), Hazard.level,
               Hazard.domain, Hazard.category, Hazard.found_on, Hazard.due_on, Hazard.rectified_on,
               cast(days_between(today, Hazard.found_on), Integer).label("age_days"),
               cast(case((overdue_on(as_of), days_between(today, Hazard.due_on)), else_=0), Integer)
               .label("days_overdue"))
        .join(Project, Project.id == Hazard.project_id).where(where)
        .order_by(status_rank(as_of), Hazard.due_on, Hazard.found_on, Hazard.id)
        .limit(limit).offset(offset)
    ).all()
    columns = ["code", "project", "status", "level", "domain", "category", "found_on", "due_on", "rectified_on",
               "age_days", "days_overdue"]
    return pd.DataFrame(rows, columns=columns), total
