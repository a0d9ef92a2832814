"""Every KPI computed straight from the base tables, as db.kpis did before the summaries.

Not used by any page: it is the reference the summaries are tested against (tests/db/test_summary_property.py)
and the floor the benchmark compares the pages with. It reads only the records' own conditions (counted_records),
so a KPI here is by construction the count of the records behind its card.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import Connection, Date, and_, case, column, distinct, func, or_, select, values

from db.kpis import (
    PATROL_VISITS_PER_WEEK, Counted, Kpis, _project_figures, _ratio_reduction, _rounded, counted_records,
    eligible_weeks, patrol_compliance_risk_based,
)
from db.models import Accident, Approval, Award, Hazard, Project, SiteVisit, Training, training_enterprises
from db.period import Period
from db.sqlfuncs import days_between, week_monday


def compute(conn: Connection, period: Period, as_of: dt.date) -> Kpis:
    """All KPIs for `period` as of `as_of`, from the base tables only."""
    records = counted_records(period, as_of)
    counts = _figures(conn, records, ("hazards_found", "hazards_major", "hazards_closed", "hazards_overdue"))
    counts |= _figures(conn, records, ("risk_points", "risk_points_major"))
    counts |= _figures(conn, records, ("stop_work_orders", "warning_interviews"))
    counts |= _figures(conn, records, ("site_visits",))
    found, closed = counts["hazards_found"], counts["hazards_closed"]
    trainings, attendees = conn.execute(
        select(func.count(), func.coalesce(func.sum(Training.attendees), 0)).where(records["trainings"].condition)
    ).one()
    accidents, deaths = conn.execute(
        select(func.count(), func.coalesce(func.sum(Accident.deaths), 0)).where(records["accidents"].condition)
    ).one()
    parallel, serial = approval_means(conn, period)
    return Kpis(
        **_project_figures(conn, period), **counts,
        rectification_rate=round(closed / found, 4) if found else None,
        median_days_to_close=_median_days_to_close(conn, records["hazards_closed"].condition, closed),
        patrol_compliance=patrol_compliance(conn, period, as_of),
        # Read from the base tables in db.kpis as well: the risk-based target has no summary.
        patrol_compliance_risk_based=patrol_compliance_risk_based(conn, period, as_of),
        trainings=trainings, attendees=int(attendees), enterprises_trained=enterprises_trained(conn, period),
        accidents=accidents, deaths=int(deaths),
        approval_days_parallel=_rounded(parallel), approval_days_serial=_rounded(serial),
        approval_cycle_reduction=_ratio_reduction(parallel, serial),
        awards=conn.execute(select(func.count()).select_from(Award).where(
            Award.deleted_at.is_(None), Award.year.between(period.start.year, period.end.year))).scalar_one(),
    )


def as_dict(conn: Connection, period: Period, as_of: dt.date) -> dict:
    """compute(...) as a plain dict."""
    return dataclasses.asdict(compute(conn, period, as_of))


def _figures(conn: Connection, records: dict[str, Counted], keys: tuple[str, ...]) -> dict:
    # One scan per table: the figures share a scope and differ only in their extra condition.
    counts = [func.count() if records[k].extra is None
              else func.coalesce(func.sum(case((records[k].extra, 1), else_=0)), 0) for k in keys]
    row = conn.execute(select(*counts).select_from(records[keys[0]].model).where(records[keys[0]].scope)).one()
    return {key: int(value) for key, value in zip(keys, row)}


def _median_days_to_close(conn: Connection, condition, count: int) -> float | None:
    # Portable median: read only the one or two middle values, in database order.
    if count == 0:
        return None
    days = days_between(Hazard.closed_on, Hazard.found_on)
    middle = conn.execute(
        select(days).where(condition).order_by(days).offset((count - 1) // 2).limit(2 - count % 2)
    ).scalars().all()
    return round(sum(float(d) for d in middle) / len(middle), 2)


def patrol_compliance(conn: Connection, period: Period, as_of: dt.date) -> float | None:
    """Share of eligible (project, ISO week) pairs with at least 3 live visits that week, counted from site_visits."""
    weeks = eligible_weeks(period, as_of)
    if not weeks:
        return None
    week = values(column("monday", Date), column("sunday", Date), name="weeks").data(weeks).cte("weeks")
    active_in_week = and_(Project.deleted_at.is_(None), week.c.monday >= Project.start_date,
                          or_(Project.completion_date.is_(None), week.c.sunday <= Project.completion_date))
    eligible = conn.execute(select(func.count()).select_from(week).join(Project, active_in_week)).scalar_one()
    if eligible == 0:
        return None
    monday = week_monday(SiteVisit.visited_on)
    visits = (select(SiteVisit.project_id, monday.label("monday"), func.count().label("visits"))
              .where(SiteVisit.deleted_at.is_(None), SiteVisit.visited_on.between(weeks[0][0], weeks[-1][1]))
              .group_by(SiteVisit.project_id, monday).subquery())
    compliant = conn.execute(
        select(func.count()).select_from(visits)
        .join(week, week.c.monday == visits.c.monday)
        .join(Project, and_(Project.id == visits.c.project_id, active_in_week))
        .where(visits.c.visits >= PATROL_VISITS_PER_WEEK)
    ).scalar_one()
    return round(compliant / eligible, 4)


def enterprises_trained(conn: Connection, period: Period) -> int:
    """Distinct enterprises attending live sessions of the period."""
    return conn.execute(
        select(func.count(distinct(training_enterprises.c.enterprise_id))).select_from(training_enterprises)
        .join(Training, Training.id == training_enterprises.c.training_id)
        .where(Training.deleted_at.is_(None), Training.held_on.between(period.start, period.end))
    ).scalar_one()


def approval_means(conn: Connection, period: Period) -> tuple[float | None, float | None]:
    """(parallel, serial) mean cycle days of live approvals approved in the period."""
    rows = conn.execute(
        select(Approval.mode, func.avg(days_between(Approval.approved_on, Approval.submitted_on)))
        .where(Approval.deleted_at.is_(None), Approval.approved_on.between(period.start, period.end))
        .group_by(Approval.mode)
    ).all()
    means = {mode: float(mean) for mode, mean in rows if mean is not None}
    return means.get("parallel"), means.get("serial")
