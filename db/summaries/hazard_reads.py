"""Hazard figures read from the summaries, exact for any period and as-of date.

Found counts come from hazard_days; "closed by the as-of date" from hazard_closings (closed_on ≤ as-of); "overdue on
the as-of date" from hazard_overdue (spans started minus spans ended by then). Each read touches one row per day
of the period and bucket, never a row per hazard.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, and_, case, func, select

from db.models import HazardClosing, HazardDay, HazardOverdue
from db.period import Period
from db.sqlfuncs import month_of


def _scope(model, period: Period, levels=(), domains=()):
    # Hazards found in the period, at the chosen levels and domains (empty = all): the KPIs' scope.
    conditions = [model.found_on.between(period.start, period.end)]
    if levels:
        conditions.append(model.level.in_(levels))
    if domains:
        conditions.append(model.domain.in_(domains))
    return and_(*conditions)


def found_breakdown(conn: Connection, period: Period, levels=(), domains=()) -> list[tuple[str, str, str, int]]:
    """(level, domain, category, hazards found) for the period."""
    rows = conn.execute(
        select(HazardDay.level, HazardDay.domain, HazardDay.category, func.sum(HazardDay.hazards))
        .where(_scope(HazardDay, period, levels, domains))
        .group_by(HazardDay.level, HazardDay.domain, HazardDay.category)
    ).all()
    return [(level, domain, category, int(n)) for level, domain, category, n in rows]


def found_and_major(conn: Connection, period: Period, levels=(), domains=()) -> tuple[int, int]:
    """(hazards found in the period, of them major)."""
    found, major = conn.execute(
        select(func.coalesce(func.sum(HazardDay.hazards), 0),
               func.coalesce(func.sum(case((HazardDay.level == "major", HazardDay.hazards), else_=0)), 0))
        .where(_scope(HazardDay, period, levels, domains))
    ).one()
    return int(found), int(major)


def closed_by(conn: Connection, period: Period, as_of: dt.date, levels=(), domains=()) -> tuple[int, int]:
    """(hazards found in the period and closed by `as_of`, of them closed on or before their deadline)."""
    closed, on_time = conn.execute(
        select(func.coalesce(func.sum(HazardClosing.hazards), 0),
               func.coalesce(func.sum(case((HazardClosing.on_time.is_(True), HazardClosing.hazards), else_=0)), 0))
        .where(_scope(HazardClosing, period, levels, domains), HazardClosing.closed_on <= as_of)
    ).one()
    return int(closed), int(on_time)


def overdue_on(conn: Connection, period: Period, as_of: dt.date, levels=(), domains=()) -> int:
    """Hazards found in the period that are overdue on `as_of` (db.hazard_status's rule)."""
    overdue = conn.execute(
        select(func.coalesce(func.sum(HazardOverdue.starts - HazardOverdue.ends), 0))
        .where(_scope(HazardOverdue, period, levels, domains), HazardOverdue.edge_on <= as_of)
    ).scalar_one()
    return int(overdue)


def days_to_close(conn: Connection, period: Period, as_of: dt.date, levels=(), domains=()) -> list[tuple[int, int]]:
    """(closed − found in days, hazards) for hazards found in the period and closed by `as_of`, shortest first."""
    rows = conn.execute(
        select(HazardClosing.days, func.sum(HazardClosing.hazards))
        .where(_scope(HazardClosing, period, levels, domains), HazardClosing.closed_on <= as_of)
        .group_by(HazardClosing.days).order_by(HazardClosing.days)
    ).all()
    return [(int(d), int(n)) for d, n in rows]


def median(distribution: list[tuple[int, int]]) -> float | None:
    """The median of a (value, count) distribution sorted by value: the middle value, or the mean of the two."""
    total = sum(n for _, n in distribution)
    if total == 0:
        return None
    wanted, seen, middle = {(total - 1) // 2, total // 2}, 0, []
    for value, n in distribution:
        middle += [value for index in sorted(wanted) if seen <= index < seen + n]
        seen += n
    return sum(middle) / len(middle)


def found_closed_by_month(conn: Connection, period: Period, levels=(), domains=()) -> tuple[dict, dict]:
    """({month: hazards found in it}, {month: hazards closed in it}) over the period's months."""
    found_month = month_of(HazardDay.found_on)
    found = conn.execute(select(found_month, func.sum(HazardDay.hazards))
                         .where(_scope(HazardDay, period, levels, domains)).group_by(found_month)).all()
    closed_month = month_of(HazardClosing.closed_on)
    closed_scope = [HazardClosing.closed_on.between(period.start, period.end)]
    if levels:
        closed_scope.append(HazardClosing.level.in_(levels))
    if domains:
        closed_scope.append(HazardClosing.domain.in_(domains))
    closed = conn.execute(select(closed_month, func.sum(HazardClosing.hazards))
                          .where(*closed_scope).group_by(closed_month)).all()
    return {m: int(n) for m, n in found}, {m: int(n) for m, n in closed}
