"""What each rule of the project risk score counts, as SQL: one row (project_id, day, item) per counted unit.

Rules are evaluated for many days at once (a `Days` table: every Monday of a period, or just one as-of date),
so a score for each project and week is one statement. Hazard states come from db.hazard_status and the class
of dangerous works from db.dangerous_works: the rules reuse those rules, never restate them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Date, Select, String, and_, cast, column, func, literal, or_, select, union, union_all, values
from sqlalchemy.orm import aliased

from db.commands.hazards import ESCALATE_AFTER_SEND_BACKS
from db.dangerous_works import danger_class_sql, under_way_on, unreviewed_on
from db.hazard_status import closed_by, fix_reported_by, overdue_on
from db.models import Accident, Enforcement, Enterprise, Hazard, LedgerItem, PatrolWeek, Project, RiskPoint

LEDGER_COLUMNS = ("id", "project_id", "name", "status", "planned_start", "planned_end", "expert_review_on", "deleted_at")
HAZARD_COLUMNS = ("id", "project_id", "code", "level", "found_on", "due_on", "rectified_on", "closed_on",
                  "sent_back_count")
RECENT_RISK_DAYS = 90          # a risk point has no closing date: it counts for 90 days after it is identified
VISIT_WEEKS = 4                # "few visits": fewer than the base target in the 4 whole weeks before the day's week
BASE_VISITS_PER_WEEK = 3


@dataclass(frozen=True)
class Days:
    """The days rules are evaluated on, as a table with each day's look-back bounds."""

    table: object
    first: dt.date
    last: dt.date

    @property
    def projects(self):
        """SQL: ids of live projects under construction on some of the days (the only ones a score is asked for)."""
        return select(Project.id).where(Project.deleted_at.is_(None), Project.start_date <= self.last,
                                        _not_completed(self.first))


WEEK_COLUMNS = tuple(f"week_{n}" for n in range(1, VISIT_WEEKS + 1))


def days_table(days: list[dt.date]) -> Days:
    """A VALUES table of `days` with their look-back bounds (since_12m, since_90d) and the Mondays of the 4 whole
    weeks before each day's week (week_1 … week_4, oldest first) for the rules to join."""
    rows = [(day, year_before(day), day - dt.timedelta(days=RECENT_RISK_DAYS),
             *(_monday(day) - dt.timedelta(weeks=VISIT_WEEKS + 1 - n) for n in range(1, VISIT_WEEKS + 1)))
            for day in days]
    names = ("day", "since_12m", "since_90d", *WEEK_COLUMNS)
    table = values(*(column(name, Date) for name in names), name="risk_days").data(rows).cte("risk_days")
    return Days(table, min(days), max(days))


def _ledger(d: Days, name: str, danger_class: str, *extra) -> Select:
    # Classified once per item (materialised), then matched to the days it is under way on.
    classified = (select(*(getattr(LedgerItem, name) for name in LEDGER_COLUMNS))
                  .where(danger_class_sql(LedgerItem) == danger_class, LedgerItem.deleted_at.is_(None),
                         LedgerItem.project_id.in_(d.projects),
                         LedgerItem.status != "not_started", or_(LedgerItem.planned_start.is_(None),
                                                                  LedgerItem.planned_start <= d.last))
                  .cte(name).prefix_with("MATERIALIZED"))
    item = aliased(LedgerItem, classified)
    return (select(item.project_id, d.table.c.day, item.name.label("item"))
            .join(d.table, and_(under_way_on(item, d.table.c.day), *(condition(item, d.table.c.day)
                                                                      for condition in extra))))


def beyond_scale_works(d: Days) -> Select:
    """Beyond-scale dangerous works under way on the day (by name)."""
    return _ledger(d, "ledger_beyond_scale", "beyond_scale")


def unreviewed_beyond_scale(d: Days) -> Select:
    """Of those, the ones with no expert review before their start."""
    return _ledger(d, "ledger_unreviewed", "beyond_scale", unreviewed_on)


def dangerous_works(d: Days) -> Select:
    """Dangerous works (not beyond scale) under way on the day."""
    return _ledger(d, "ledger_dangerous", "dangerous")


def _hazards(d: Days, name: str, on_day, *candidates) -> Select:
    # The hazards that can count on some day are found first, once (materialised: otherwise a planner may scan
    # the whole table again for every day); the rule is then evaluated on those for each day.
    found = (select(*(getattr(Hazard, name) for name in HAZARD_COLUMNS))
             .where(Hazard.deleted_at.is_(None), Hazard.project_id.in_(d.projects), Hazard.found_on <= d.last,
                    ~closed_by(d.first), *candidates)
             .cte(name).prefix_with("MATERIALIZED"))
    hazard = aliased(Hazard, found)
    return (select(hazard.project_id, d.table.c.day, hazard.code.label("item"))
            .join(d.table, and_(hazard.found_on <= d.table.c.day, on_day(d.table.c.day, hazard))))


def open_major_hazards(d: Days) -> Select:
    """Major hazards found by the day and not closed by it."""
    return _hazards(d, "major_hazards", lambda day, hazard: ~closed_by(day, hazard), Hazard.level == "major")


def overdue_hazards(d: Days) -> Select:
    """Hazards overdue on the day (db.hazard_status)."""
    # Overdue on some day in [first, last] needs: no fix reported by the first day nor by its own deadline
    # (else it was fixed in time), and a deadline before the last day: the rule's own terms, applied early.
    return _hazards(d, "overdue_candidates", overdue_on, ~fix_reported_by(d.first), ~fix_reported_by(Hazard.due_on), Hazard.due_on < d.last)


def sent_back_twice(d: Days) -> Select:
    """Hazards not closed by the day whose re-inspection sent them back at least twice."""
    return _hazards(d, "sent_back_hazards", lambda day, hazard: ~closed_by(day, hazard),
                    Hazard.sent_back_count >= ESCALATE_AFTER_SEND_BACKS)


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
    # (project, firm) for developers and contractors: equality joins both ways, no OR for a planner to loop over.
    parties = union(*(select(Project.id.label("project_id"), firm.label("firm")).where(Project.deleted_at.is_(None))
                      for firm in (Project.developer_id, Project.contractor_id))).cte("risk_parties")
    firms = (select(d.table.c.day, parties.c.firm)
             .select_from(events)
             .join(d.table, and_(events.c.on > d.table.c.since_12m, events.c.on <= d.table.c.day))
             .join(parties, parties.c.project_id == events.c.project_id)
             .distinct().subquery("firms"))
    return (select(parties.c.project_id, firms.c.day, Enterprise.name.label("item"))
            .join(firms, firms.c.firm == parties.c.firm)
            .join(Enterprise, Enterprise.id == firms.c.firm)
            .join(Project, Project.id == parties.c.project_id)
            .where(Project.start_date <= firms.c.day, _not_completed(firms.c.day)).distinct())


def few_visits_4w(d: Days) -> Select:
    """Fewer than 3 visits a week over the 4 whole weeks before the day's week, for projects started before them
    (from the patrol_weeks summary); the item is the number of visits."""
    # One primary-key lookup per week: cheaper than grouping the summary's rows by project and day.
    weeks = [aliased(PatrolWeek, name=f"visits_{name}") for name in WEEK_COLUMNS]
    visits = sum((func.coalesce(week.visits, 0) for week in weeks), literal(0))
    query = (select(Project.id.label("project_id"), d.table.c.day, cast(visits, String).label("item"))
             .join(d.table, and_(Project.start_date <= d.table.c.week_1, _not_completed(d.table.c.day))))
    first, last = _monday(d.first) - dt.timedelta(weeks=VISIT_WEEKS), _monday(d.last) - dt.timedelta(weeks=1)
    for week, name in zip(weeks, WEEK_COLUMNS):
        # The constant range is implied by the join; it lets a hash join read only the weeks in question.
        query = query.outerjoin(week, and_(week.project_id == Project.id, week.monday == d.table.c[name],
                                           week.monday.between(first, last)))
    return query.where(Project.deleted_at.is_(None), visits < literal(BASE_VISITS_PER_WEEK * VISIT_WEEKS))


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
