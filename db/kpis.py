"""The KPI definitions of DESIGN.md: one implementation for every page, the CLI and exports.

Every figure is aggregated by the database; nothing loads a table into Python.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import Connection, Date, and_, case, column, distinct, func, or_, select, values

from db.models import (
    Accident, Approval, Award, Enforcement, Hazard, PatrolWeek, Project, RiskPoint, SiteVisit, Training,
    training_enterprises,
)
from db.hazard_status import closed_by, overdue_on
from db.risk_weeks import compliance_counts
from db.period import Period
from db.sqlfuncs import days_between

PATROL_VISITS_PER_WEEK = 3


@dataclasses.dataclass(frozen=True)
class Kpis:
    """The KPI table of DESIGN.md, in its order; None where the definition says null."""

    projects_supervised: int
    key_projects: int
    hazards_found: int
    hazards_major: int
    hazards_closed: int
    rectification_rate: float | None
    hazards_overdue: int
    median_days_to_close: float | None
    risk_points: int
    risk_points_major: int
    stop_work_orders: int
    warning_interviews: int
    site_visits: int
    patrol_compliance: float | None
    patrol_compliance_risk_based: float | None
    trainings: int
    attendees: int
    enterprises_trained: int
    accidents: int
    deaths: int
    approval_days_parallel: float | None
    approval_days_serial: float | None
    approval_cycle_reduction: float | None
    awards: int

    def as_dict(self) -> dict:
        """The KPIs as a plain dict, keys in DESIGN.md order."""
        return dataclasses.asdict(self)


KPI_KEYS = tuple(f.name for f in dataclasses.fields(Kpis))


def compute(conn: Connection, period: Period, as_of: dt.date | None = None) -> Kpis:
    """All KPIs for `period` as of `as_of` (default today)."""
    as_of = as_of or dt.date.today()
    hazards = _hazard_figures(conn, period, as_of)
    parallel, serial = _approval_means(conn, period)
    trainings, attendees = conn.execute(
        select(func.count(), func.coalesce(func.sum(Training.attendees), 0))
        .where(_live(Training), Training.held_on.between(period.start, period.end))
    ).one()
    accidents, deaths = conn.execute(
        select(func.count(), func.coalesce(func.sum(Accident.deaths), 0))
        .where(_live(Accident), Accident.occurred_on.between(period.start, period.end))
    ).one()
    return Kpis(
        **_project_figures(conn, period),
        **hazards,
        **_risk_figures(conn, period),
        **_enforcement_figures(conn, period),
        **_figures(conn, counted_records(period, as_of), ("site_visits",)),
        patrol_compliance=patrol_compliance(conn, period, as_of),
        patrol_compliance_risk_based=patrol_compliance_risk_based(conn, period, as_of),
        trainings=trainings,
        attendees=int(attendees),
        enterprises_trained=_enterprises_trained(conn, period),
        accidents=accidents,
        deaths=int(deaths),
        approval_days_parallel=_rounded(parallel),
        approval_days_serial=_rounded(serial),
        approval_cycle_reduction=_ratio_reduction(parallel, serial),
        awards=_count(conn, Award, Award.year.between(period.start.year, period.end.year)),
    )


def active_projects_filter(period: Period):
    """Projects under supervision at some time in the period."""
    return and_(
        _live(Project),
        Project.start_date <= period.end,
        or_(Project.completion_date.is_(None), Project.completion_date >= period.start),
    )


def patrol_compliance(conn: Connection, period: Period, as_of: dt.date) -> float | None:
    """Share of eligible (project, ISO week) pairs with at least 3 visits that week."""
    weeks = eligible_weeks(period, as_of)
    if not weeks:
        return None
    week = values(column("monday", Date), column("sunday", Date), name="weeks").data(weeks).cte("weeks")
    active_in_week = project_active_in_week(week)
    eligible = conn.execute(select(func.count()).select_from(week).join(Project, active_in_week)).scalar_one()
    if eligible == 0:
        return None
    # patrol_weeks holds live visits per project and week, kept exact by triggers.
    compliant = conn.execute(
        select(func.count()).select_from(PatrolWeek)
        .join(week, week.c.monday == PatrolWeek.monday)
        .join(Project, and_(Project.id == PatrolWeek.project_id, active_in_week))
        .where(PatrolWeek.visits >= PATROL_VISITS_PER_WEEK)
    ).scalar_one()
    return round(compliant / eligible, 4)


def project_active_in_week(week):
    """SQL: the project was under supervision the whole week (`week` has monday and sunday columns)."""
    return and_(
        _live(Project),
        week.c.monday >= Project.start_date,
        or_(Project.completion_date.is_(None), week.c.sunday <= Project.completion_date),
    )


def patrol_compliance_risk_based(conn: Connection, period: Period, as_of: dt.date) -> float | None:
    """Share of the same (project, ISO week) pairs with at least that week's risk-based target of visits (db/risk.py)."""
    weeks = eligible_weeks(period, as_of)
    if not weeks:
        return None
    eligible, compliant = compliance_counts(conn, weeks, project_active_in_week)
    return round(compliant / eligible, 4) if eligible else None


def eligible_weeks(period: Period, as_of: dt.date) -> list[tuple[dt.date, dt.date]]:
    """(Monday, Sunday) of every ISO week lying wholly inside [start, min(end, as_of)]."""
    last = min(period.end, as_of)
    monday = period.start + dt.timedelta(days=(7 - period.start.weekday()) % 7)
    weeks = []
    while monday + dt.timedelta(days=6) <= last:
        weeks.append((monday, monday + dt.timedelta(days=6)))
        monday += dt.timedelta(days=7)
    return weeks


def _live(model):
    return model.deleted_at.is_(None)


def _count(conn: Connection, model, *conditions) -> int:
    return conn.execute(select(func.count()).select_from(model).where(_live(model), *conditions)).scalar_one()


def _sum_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


@dataclasses.dataclass(frozen=True)
class Counted:
    """The records a counting KPI counts: rows of `model` in `scope` that also meet `extra`."""

    model: type
    scope: object
    extra: object = None

    @property
    def condition(self):
        """The whole condition, for selecting the records themselves."""
        return self.scope if self.extra is None else and_(self.scope, self.extra)


def hazards_found_in(period: Period):
    """Live hazards found in the period: the hazard KPIs' scope, shared with the Hazards page."""
    return and_(_live(Hazard), Hazard.found_on.between(period.start, period.end))


def risk_points_identified_in(period: Period):
    """Live risk points identified in the period: the risk KPIs' scope, shared with the Risk page."""
    return and_(_live(RiskPoint), RiskPoint.identified_on.between(period.start, period.end))


def counted_records(period: Period, as_of: dt.date) -> dict[str, Counted]:
    """For each KPI that counts records: the table and the condition selecting exactly those records.

    The KPI figures and the Overview's "records behind this card" both read this, so a card
    and its list cannot disagree.
    """
    hazards, closed_by_as_of, risks = hazards_found_in(period), closed_by(as_of), risk_points_identified_in(period)
    orders = and_(_live(Enforcement), Enforcement.issued_on.between(period.start, period.end))
    projects = active_projects_filter(period)
    return {
        "projects_supervised": Counted(Project, projects),
        "key_projects": Counted(Project, projects, Project.is_key.is_(True)),
        "hazards_found": Counted(Hazard, hazards),
        "hazards_major": Counted(Hazard, hazards, Hazard.level == "major"),
        "hazards_closed": Counted(Hazard, hazards, closed_by_as_of),
        "hazards_overdue": Counted(Hazard, hazards, overdue_on(as_of)),
        "risk_points": Counted(RiskPoint, risks),
        "risk_points_major": Counted(RiskPoint, risks, RiskPoint.level == "major"),
        "stop_work_orders": Counted(Enforcement, orders, Enforcement.kind == "stop_work"),
        "warning_interviews": Counted(Enforcement, orders, Enforcement.kind == "warning_interview"),
        "site_visits": Counted(SiteVisit, and_(_live(SiteVisit), SiteVisit.visited_on.between(period.start, period.end))),
        "trainings": Counted(Training, and_(_live(Training), Training.held_on.between(period.start, period.end))),
        "accidents": Counted(Accident, and_(_live(Accident), Accident.occurred_on.between(period.start, period.end))),
    }


def _figures(conn: Connection, records: dict[str, Counted], keys: tuple[str, ...]) -> dict:
    # One scan per table: the figures share a scope and differ only in their extra condition.
    scope = records[keys[0]].scope
    counts = [func.count() if records[k].extra is None else _sum_if(records[k].extra) for k in keys]
    row = conn.execute(select(*counts).select_from(records[keys[0]].model).where(scope)).one()
    return {key: int(value) for key, value in zip(keys, row)}


def _project_figures(conn: Connection, period: Period) -> dict:
    return _figures(conn, counted_records(period, dt.date.max), ("projects_supervised", "key_projects"))


def _hazard_figures(conn: Connection, period: Period, as_of: dt.date) -> dict:
    records = counted_records(period, as_of)
    figures = _figures(conn, records, ("hazards_found", "hazards_major", "hazards_closed", "hazards_overdue"))
    found, closed = figures["hazards_found"], figures["hazards_closed"]
    return {
        **figures,
        "rectification_rate": round(closed / found, 4) if found else None,
        "median_days_to_close": _median_days_to_close(conn, records["hazards_closed"].condition, closed),
    }


def _median_days_to_close(conn: Connection, condition, count: int) -> float | None:
    # Portable median: read only the one or two middle values, in database order.
    if count == 0:
        return None
    days = days_between(Hazard.closed_on, Hazard.found_on)
    middle = conn.execute(
        select(days).where(condition).order_by(days).offset((count - 1) // 2).limit(2 - count % 2)
    ).scalars().all()
    return round(sum(float(d) for d in middle) / len(middle), 2)


def _risk_figures(conn: Connection, period: Period) -> dict:
    return _figures(conn, counted_records(period, dt.date.max), ("risk_points", "risk_points_major"))


def _enforcement_figures(conn: Connection, period: Period) -> dict:
    return _figures(conn, counted_records(period, dt.date.max), ("stop_work_orders", "warning_interviews"))


def _enterprises_trained(conn: Connection, period: Period) -> int:
    return conn.execute(
        select(func.count(distinct(training_enterprises.c.enterprise_id)))
        .select_from(training_enterprises)
        .join(Training, Training.id == training_enterprises.c.training_id)
        .where(_live(Training), Training.held_on.between(period.start, period.end))
    ).scalar_one()


def _approval_means(conn: Connection, period: Period) -> tuple[float | None, float | None]:
    rows = conn.execute(
        select(Approval.mode, func.avg(days_between(Approval.approved_on, Approval.submitted_on)))
        .where(_live(Approval), Approval.approved_on.between(period.start, period.end))
        .group_by(Approval.mode)
    ).all()
    means = {mode: float(mean) for mode, mean in rows if mean is not None}
    return means.get("parallel"), means.get("serial")


def _rounded(days: float | None) -> float | None:
    return None if days is None else round(days, 2)


def _ratio_reduction(parallel: float | None, serial: float | None) -> float | None:
    # From the unrounded means, so the reduction carries no rounding error of its own.
    if parallel is None or not serial:
        return None
    return round(1 - parallel / serial, 4)
