"""The other KPI and page figures read from the summaries: risk points, visits, enforcement, training,
accidents, approvals, awards. One row per day and bucket of the period is read, never one per record."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, and_, distinct, func, select

from db.models import (
    AccidentDay, ApprovalDay, AwardYear, CompliantWeek, ProjectWeek, RiskDay, TrainingDay,
    TrainingReach, VisitDay,
)
from db.period import Period
from db.sqlfuncs import month_of


def _sum(column):
    return func.coalesce(func.sum(column), 0)


def risk_by_level(conn: Connection, period: Period, levels=(), categories=()) -> dict[str, int]:
    """{level: risk points identified in the period} for the levels that have any."""
    conditions = [RiskDay.identified_on.between(period.start, period.end)]
    if levels:
        conditions.append(RiskDay.level.in_(levels))
    if categories:
        conditions.append(RiskDay.category.in_(categories))
    rows = conn.execute(select(RiskDay.level, func.sum(RiskDay.risk_points)).where(and_(*conditions))
                        .group_by(RiskDay.level)).all()
    return {level: int(n) for level, n in rows}


def risk_category_months(conn: Connection, period: Period, rank, levels=(), categories=()) -> list[tuple]:
    """(category, month, risk points, highest rank) for the period; `rank` maps RiskDay.level to a number."""
    conditions = [RiskDay.identified_on.between(period.start, period.end)]
    if levels:
        conditions.append(RiskDay.level.in_(levels))
    if categories:
        conditions.append(RiskDay.category.in_(categories))
    month = month_of(RiskDay.identified_on)
    return conn.execute(select(RiskDay.category, month, func.sum(RiskDay.risk_points), func.max(rank))
                        .where(and_(*conditions)).group_by(RiskDay.category, month)
                        .order_by(RiskDay.category, month)).all()


def counts_by_kind(conn: Connection, model, period: Period) -> dict[str, int]:
    """{kind: records in the period} from visit_days or enforcement_days (`model`)."""
    day = model.visited_on if model is VisitDay else model.issued_on
    value = model.visits if model is VisitDay else model.orders
    rows = conn.execute(select(model.kind, func.sum(value)).where(day.between(period.start, period.end))
                        .group_by(model.kind)).all()
    return {kind: int(n) for kind, n in rows}


def visits(conn: Connection, period: Period, kind: str | None = None) -> int:
    """Site visits dated in the period (of one kind, if given)."""
    where = [VisitDay.visited_on.between(period.start, period.end)]
    if kind:
        where.append(VisitDay.kind == kind)
    return int(conn.execute(select(_sum(VisitDay.visits)).where(*where)).scalar_one())


def first_visit(conn: Connection) -> dt.date | None:
    """The day of the earliest live site visit."""
    return conn.execute(select(func.min(VisitDay.visited_on))).scalar_one()


def training_totals(conn: Connection, period: Period) -> dict[str, int]:
    """Sessions, attendees and distinct enterprises trained in the period."""
    sessions, attendees = conn.execute(select(_sum(TrainingDay.sessions), _sum(TrainingDay.attendees))
                                       .where(TrainingDay.held_on.between(period.start, period.end))).one()
    reached = conn.execute(select(func.count(distinct(TrainingReach.enterprise_id)))
                           .where(TrainingReach.held_on.between(period.start, period.end))).scalar_one()
    return {"trainings": int(sessions), "attendees": int(attendees), "enterprises_trained": int(reached)}


def training_months(conn: Connection, period: Period) -> list[tuple]:
    """(month, kind, sessions, attendees) for months of the period with any session."""
    month = month_of(TrainingDay.held_on)
    return conn.execute(select(month, TrainingDay.kind, func.sum(TrainingDay.sessions), func.sum(TrainingDay.attendees))
                        .where(TrainingDay.held_on.between(period.start, period.end))
                        .group_by(month, TrainingDay.kind).order_by(month, TrainingDay.kind)).all()


def accidents(conn: Connection, period: Period) -> tuple[int, int]:
    """(accidents in the period, their deaths)."""
    count, deaths = conn.execute(select(_sum(AccidentDay.accidents), _sum(AccidentDay.deaths))
                                 .where(AccidentDay.occurred_on.between(period.start, period.end))).one()
    return int(count), int(deaths)


def last_accident(conn: Connection, as_of: dt.date) -> dt.date | None:
    """The day of the most recent live accident on or before `as_of`."""
    return conn.execute(select(func.max(AccidentDay.occurred_on)).where(AccidentDay.occurred_on <= as_of)).scalar_one()


def approval_cycles(conn: Connection, period: Period) -> list[tuple[str, int, int]]:
    """(mode, cycle days, approvals) for approvals approved in the period."""
    rows = conn.execute(select(ApprovalDay.mode, ApprovalDay.days, func.sum(ApprovalDay.approvals))
                        .where(ApprovalDay.approved_on.between(period.start, period.end))
                        .group_by(ApprovalDay.mode, ApprovalDay.days).order_by(ApprovalDay.mode, ApprovalDay.days)).all()
    return [(mode, int(days), int(n)) for mode, days, n in rows]


def approval_means(conn: Connection, period: Period) -> dict[str, float]:
    """{mode: mean cycle days} for approvals approved in the period."""
    totals: dict[str, list[int]] = {}
    for mode, days, n in approval_cycles(conn, period):
        total = totals.setdefault(mode, [0, 0])
        total[0] += days * n
        total[1] += n
    return {mode: days / n for mode, (days, n) in totals.items() if n}


def awards(conn: Connection, period: Period) -> int:
    """Awards of the period's years."""
    return int(conn.execute(select(_sum(AwardYear.awards))
                            .where(AwardYear.year.between(period.start.year, period.end.year))).scalar_one())



def weekly_compliance(conn: Connection, weeks: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, int, int]]:
    """(Monday, projects under supervision that whole week, of them with ≥ 3 visits) for each (Monday, Sunday)."""
    if not weeks:
        return []
    first, last = weeks[0][0], weeks[-1][0]
    edges = conn.execute(select(ProjectWeek.monday, ProjectWeek.starts - ProjectWeek.ends)
                         .where(ProjectWeek.monday <= last).order_by(ProjectWeek.monday)).all()
    compliant = dict(conn.execute(select(CompliantWeek.monday, CompliantWeek.projects)
                                  .where(CompliantWeek.monday.between(first, last))).all())
    rows, active, index = [], 0, 0
    for monday, _ in weeks:
        while index < len(edges) and edges[index][0] <= monday:  # a running sum of starts and ends
            active += int(edges[index][1])
            index += 1
        rows.append((monday, active, int(compliant.get(monday, 0))))
    return rows
