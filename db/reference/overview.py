"""The Overview's reads as they were before the summaries: monthly flow, last accident, first record (twins)."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, and_, func, select, true

from db.models import Accident, Hazard, SiteVisit
from db.period import Period
from db.sqlfuncs import month_of


def hazards_found_closed_by_month(conn: Connection, period: Period, *, levels=(), domains=()) -> pd.DataFrame:
    """Per month of the period: hazards found in it and hazards closed in it (optionally of some levels/domains)."""
    live = and_(Hazard.deleted_at.is_(None),
                Hazard.level.in_(levels) if levels else true(),
                Hazard.domain.in_(domains) if domains else true())
    found = dict(conn.execute(
        select(month_of(Hazard.found_on), func.count())
        .where(live, Hazard.found_on.between(period.start, period.end))
        .group_by(month_of(Hazard.found_on))
    ).all())
    closed = dict(conn.execute(
        select(month_of(Hazard.closed_on), func.count())
        .where(live, Hazard.closed_on.between(period.start, period.end))
        .group_by(month_of(Hazard.closed_on))
    ).all())
    months = period.months()
    return pd.DataFrame({
        "month": months,
        "found": [found.get(m, 0) for m in months],
        "closed": [closed.get(m, 0) for m in months],
    })


def last_accident_date(conn: Connection, as_of: dt.date) -> dt.date | None:
    """The most recent accident on or before `as_of`."""
    return conn.execute(
        select(func.max(Accident.occurred_on))
        .where(Accident.deleted_at.is_(None), Accident.occurred_on <= as_of)
    ).scalar_one()


def records_start(conn: Connection) -> dt.date | None:
    """The first day the office has records for (its earliest site visit)."""
    return conn.execute(select(func.min(SiteVisit.visited_on)).where(SiteVisit.deleted_at.is_(None))).scalar_one()
