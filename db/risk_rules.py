"""What each rule of the project risk score counts, as SQL: one row (project_id, day, item) per counted unit.

Rules are evaluated for many days at once (a `Days` table: every Monday of a period, or just one as-of date),
so a score for each project and week is one statement. Hazard states come from db.hazard_status and the class
of dangerous works from db.dangerous_works: the rules reuse those rules, never restate them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Date, Select, String, and_, cast, column, func, literal, or_, select, union_all, values
from sqlalchemy.orm import aliased

from db.commands.hazards import ESCALATE_AFTER_SEND_BACKS
from db.dangerous_works import danger_class_sql, under_way_on, unreviewed_on
from db.hazard_status import closed_by, fix_reported_by, overdue_on
from db.models import Accident, Enforcement, Enterprise, Hazard, LedgerItem, PatrolWeek, Project, RiskPoint

RECENT_RISK_DAYS = 90          # a risk point has no closing date: it counts for 90 days after it is identified
VISIT_WEEKS = 4                # "few visits": fewer than the base target in the 4 whole weeks before the day's week
BASE_VISITS_PER_WEEK = 3


@dataclass(frozen=True)
class Days:
    """The days rules are evaluated on, as a table with each day's look-back bounds."""

    table: object
    first: dt.date
    last: dt.date


def days_table(days: list[dt.date]) -> Days:
    """A VALUES table of `days` (day, since_12m, since_90d, weeks_from, weeks_to) for the rules to join."""
    rows = [(day, year_before(day), day - dt.timedelta(days=RECENT_RISK_DAYS),
             _monday(day) - dt.timedelta(weeks=VISIT_WEEKS), _monday(day) - dt.timedelta(weeks=1)) for day in days]
    names = ("day", "since_12m", "since_90d", "weeks_from", "weeks_to")
    table = values(*(column(name, Date) for name in names), name="risk_days").data(rows).cte("risk_days")
    return Days(table, min(days), max(days))


def _ledger(d: Days, danger_class: str, *extra) -> Select:
    return (select(LedgerItem.project_id, d.table.c.day, LedgerItem.name.label("item"))
            .join(d.table, under_way_on(LedgerItem, d.table.c.day))
            .where(danger_class_sql(LedgerItem) == danger_class, *extra))


def beyond_scale_works(d: Days) -> Select:
    """Beyond-scale dangerous works under way on the day (by name)."""
    return _ledger(d, "beyond_scale")


def unreviewed_beyond_scale(d: Days) -> Select:
    """Of those, the ones with no expert review before their start."""
    return _ledger(d, "beyond_scale", unreviewed_on(LedgerItem, d.table.c.day))


def dangerous_works(d: Days) -> Select:
    """Dangerous works (not beyond scale) under way on the day."""
    return _ledger(d, "dangerous")


def _hazards(d: Days, on_day, *where) -> Select:
    return (select(Hazard.project_id, d.table.c.day, Hazard.code.label("item"))
            .join(d.table, and_(Hazard.found_on <= d.table.c.day, on_day(d.table.c.day)))
            .where(Hazard.deleted_at.is_(None), *where))


def open_major_hazards(d: Days) -> Select:
    """Major hazards found by the day and not closed by it."""
    return _hazards(d, lambda day: ~closed_by(day), Hazard.level == "major")


def overdue_hazards(d: Days) -> Select:
    """Hazards overdue on the day (db.hazard_status)."""
    # Overdue on any of the days implies: not fixed nor closed by the first, due before the last.
    return _hazards(d, overdue_on, ~fix_reported_by(d.first), ~closed_by(d.first), Hazard.due_on < d.last)


def sent_back_twice(d: Days) -> Select:
    """Hazards not closed by the day whose re-inspection sent them back at least twice."""
    return _hazards(d, lambda day: ~closed_by(day), Hazard.sent_back_count >= ESCALATE_AFTER_SEND_BACKS)


def stop_work_12m(d: Days) -> Select:
    """Stop-work orders on the project in the 12 months up to the day."""
    return (select(Enforcement.project_id, d.table.c.day, Enforcement.code.label("item"))
            .join(d.table, and_(Enforcement.issued_on > d.table.c.since_12m, Enforcement.issued_on <= d.table.c.day))
            .where(Enforcement.deleted_at.is_(None), Enforcement.kind == "stop_work"))


def _risk_points(d: Days, level: str) -> Select:
    return (select(RiskPoint.project_id, d.table.c.day, RiskPoint.code.label("item"))
            .join(d.table, and_(RiskPoint.identified_on > d.table.c.since_90d, RiskPoint.identified_on <= d.table.c.day))
            .where(RiskPoint.deleted_at.is_(None), RiskPoint.level == level))


def red_risk_points(d: Days) -> Select:
    """Major (red) risk points identified in the 90 days up to the day."""
    return _risk_points(d, "major")


def orange_risk_points(d: Days) -> Select:
    """High (orange) risk points identified in the 90 days up to the day."""
    return _risk_points(d, "high")


def party_record_12m(d: Days) -> Select:
    """The project's contractor or developer, when it had an accident or a stop-work order on any of its projects
    in the 12 months up to the day (by enterprise name)."""
    events = union_all(
        select(Accident.project_id.label("project_id"), Accident.occurred_on.label("on"))
        .where(Accident.deleted_at.is_(None)),
        select(Enforcement.project_id, Enforcement.issued_on)
        .where(Enforcement.deleted_at.is_(None), Enforcement.kind == "stop_work"),
    ).subquery("events")
    where = aliased(Project)
    firms = (select(d.table.c.day, Enterprise.id.label("firm"), Enterprise.name)
             .select_from(events)
             .join(d.table, and_(events.c.on > d.table.c.since_12m, events.c.on <= d.table.c.day))
             .join(where, where.id == events.c.project_id)
             .join(Enterprise, or_(Enterprise.id == where.developer_id, Enterprise.id == where.contractor_id))
             .distinct().subquery("firms"))
    return (select(Project.id.label("project_id"), firms.c.day, firms.c.name.label("item"))
            .join(firms, and_(or_(Project.developer_id == firms.c.firm, Project.contractor_id == firms.c.firm),
                              Project.start_date <= firms.c.day, _not_completed(firms.c.day)))
            .where(Project.deleted_at.is_(None)).distinct())


def few_visits_4w(d: Days) -> Select:
    """Fewer than 3 visits a week over the 4 whole weeks before the day's week, for projects started before them
    (from the patrol_weeks summary); the item is the number of visits."""
    visits = func.coalesce(func.sum(PatrolWeek.visits), 0)
    return (select(Project.id.label("project_id"), d.table.c.day, cast(visits, String).label("item"))
            .join(d.table, and_(Project.start_date <= d.table.c.weeks_from, _not_completed(d.table.c.day)))
            .outerjoin(PatrolWeek, and_(PatrolWeek.project_id == Project.id,
                                        PatrolWeek.monday.between(d.table.c.weeks_from, d.table.c.weeks_to)))
            .where(Project.deleted_at.is_(None))
            .group_by(Project.id, d.table.c.day)
            .having(visits < literal(BASE_VISITS_PER_WEEK * VISIT_WEEKS)))


def _not_completed(day):
    return or_(Project.completion_date.is_(None), Project.completion_date >= day)


def year_before(day: dt.date) -> dt.date:
    """The same day a year earlier (28 February for 29 February): the start of a "last 12 months" window."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())
