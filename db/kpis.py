"""The KPI definitions of DESIGN.md: one implementation for every page, the CLI and exports.

Every figure is read from the summary tables (db.summaries), kept exact by triggers on every write; projects,
the one dimension table, are counted directly. db.reference.kpis computes the same from the base tables, and a
property test holds the two equal after any sequence of writes.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import Connection, and_, case, func, or_, select

from db.models import Accident, Enforcement, EnforcementDay, Hazard, Project, RiskPoint, SiteVisit, Training
from db.hazard_status import closed_by, overdue_on
from db.risk_weeks import compliance_counts
from db.period import Comparison, Period, comparison
from db.summaries import figures, hazard_reads

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


@dataclasses.dataclass(frozen=True)
class Compared:
    """A period's KPIs beside those of the period it compares with (db.period.comparison), if any."""

    current: Kpis
    previous: Kpis | None
    against: Comparison | None

    def as_dict(self) -> dict:
        """The shape `python -m db kpis --compare --json` prints."""
        against = self.against and {"start": self.against.period.start.isoformat(),
                                    "end": self.against.period.end.isoformat(), "as_of": self.against.as_of.isoformat()}
        return {"current": self.current.as_dict(), "previous": self.previous and self.previous.as_dict(),
                "previous_period": against}


def compared(conn: Connection, period: Period, as_of: dt.date | None = None) -> Compared:
    """compute() for `period` and for the period it compares with, counted up to the same relative date."""
    as_of = as_of or dt.date.today()
    against = comparison(period, as_of, figures.first_visit(conn))
    previous = compute(conn, against.counted, against.as_of) if against else None
    return Compared(compute(conn, period, as_of), previous, against)


def compute(conn: Connection, period: Period, as_of: dt.date | None = None) -> Kpis:
    """All KPIs for `period` as of `as_of` (default today)."""
    as_of = as_of or dt.date.today()
    hazards = _hazard_figures(conn, period, as_of)
    parallel, serial = _approval_means(conn, period)
    accidents, deaths = figures.accidents(conn, period)
    return Kpis(
        **_project_figures(conn, period),
        **hazards,
        **_risk_figures(conn, period),
        **_enforcement_figures(conn, period),
        site_visits=figures.visits(conn, period),
        patrol_compliance=patrol_compliance(conn, period, as_of),
        patrol_compliance_risk_based=patrol_compliance_risk_based(conn, period, as_of),
        **figures.training_totals(conn, period),
        accidents=accidents,
        deaths=deaths,
        approval_days_parallel=_rounded(parallel),
        approval_days_serial=_rounded(serial),
        approval_cycle_reduction=_ratio_reduction(parallel, serial),
        awards=figures.awards(conn, period),
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
    # project_weeks gives the projects under supervision each week, compliant_weeks those that met the target.
    weeks = figures.weekly_compliance(conn, eligible_weeks(period, as_of))
    eligible = sum(active for _, active, _ in weeks)
    if eligible == 0:
        return None
    return round(sum(compliant for _, _, compliant in weeks) / eligible, 4)


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

    The Overview's "records behind this card" and the base-table reference KPIs (db.reference.kpis) read this;
    the property test holds the summaries' figures equal to the reference, so a card and its list agree.
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
    # From the summaries: found per day, closings per day closed, overdue spans per start and end day.
    found, major = hazard_reads.found_and_major(conn, period)
    closed, _ = hazard_reads.closed_by(conn, period, as_of)
    median = hazard_reads.median(hazard_reads.days_to_close(conn, period, as_of)) if closed else None
    return {
        "hazards_found": found, "hazards_major": major, "hazards_closed": closed,
        "rectification_rate": round(closed / found, 4) if found else None,
        "hazards_overdue": hazard_reads.overdue_on(conn, period, as_of),
        "median_days_to_close": None if median is None else round(median, 2),
    }


def _risk_figures(conn: Connection, period: Period) -> dict:
    by_level = figures.risk_by_level(conn, period)
    return {"risk_points": sum(by_level.values()), "risk_points_major": by_level.get("major", 0)}


def _enforcement_figures(conn: Connection, period: Period) -> dict:
    by_kind = figures.counts_by_kind(conn, EnforcementDay, period)
    return {"stop_work_orders": by_kind.get("stop_work", 0), "warning_interviews": by_kind.get("warning_interview", 0)}


def _approval_means(conn: Connection, period: Period) -> tuple[float | None, float | None]:
    means = figures.approval_means(conn, period)
    return means.get("parallel"), means.get("serial")


def _rounded(days: float | None) -> float | None:
    return None if days is None else round(days, 2)


def _ratio_reduction(parallel: float | None, serial: float | None) -> float | None:
    # From the unrounded means, so the reduction carries no rounding error of its own.
    if parallel is None or not serial:
        return None
    return round(1 - parallel / serial, 4)
