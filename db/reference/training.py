"""The Training page's reads as they were before the summaries, over sessions and their link table (twins)."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, and_, distinct, func, select, union

from db.kpis import active_projects_filter
from db.models import Enterprise, Project, Training, training_enterprises
from db.period import Period
from db.sqlfuncs import month_of

MONTH_COLUMNS = ["month", "kind", "sessions", "attendees"]
FIRM_COLUMNS = ["credit_code", "name", "kind", "contact_person", "contact_phone"]


def _in_period(period: Period):
    return and_(Training.deleted_at.is_(None), Training.held_on.between(period.start, period.end))


def sessions_by_month(conn: Connection, *, period: Period) -> pd.DataFrame:
    """Sessions and attendees per month and kind of session, for months with any session."""
    month = month_of(Training.held_on)
    rows = conn.execute(
        select(month, Training.kind, func.count(), func.coalesce(func.sum(Training.attendees), 0))
        .where(_in_period(period)).group_by(month, Training.kind).order_by(month, Training.kind)
    ).all()
    frame = pd.DataFrame(rows, columns=MONTH_COLUMNS)
    frame["attendees"] = frame["attendees"].astype(int)
    return frame


def totals(conn: Connection, *, period: Period) -> dict[str, int]:
    """Sessions, attendees and distinct enterprises reached in the period (the KPI definitions)."""
    sessions, attendees = conn.execute(
        select(func.count(), func.coalesce(func.sum(Training.attendees), 0)).where(_in_period(period))
    ).one()
    reached = conn.execute(
        select(func.count(distinct(training_enterprises.c.enterprise_id)))
        .join_from(training_enterprises, Training, Training.id == training_enterprises.c.training_id)
        .where(_in_period(period))
    ).scalar_one()
    return {"trainings": sessions, "attendees": int(attendees), "enterprises_trained": reached}


def _firms_on_active_projects(period: Period):
    # Developer, contractor and supervising firm of every project supervised in the period.
    active = active_projects_filter(period)
    return union(*(select(role.label("enterprise_id")).where(active, role.is_not(None))
                   for role in (Project.developer_id, Project.contractor_id, Project.supervisor_firm_id))
                 ).subquery("active_firms")


def _trained(period: Period):
    # Distinct enterprises attending a live session of the period.
    return (select(training_enterprises.c.enterprise_id)
            .join(Training, Training.id == training_enterprises.c.training_id).where(_in_period(period))
            .distinct().subquery("trained"))


def reach(conn: Connection, *, period: Period) -> tuple[int, int]:
    """(enterprises on active projects, how many of them attended a session in the period)."""
    firms, trained = _firms_on_active_projects(period), _trained(period)
    total, reached = conn.execute(
        select(func.count(), func.count(trained.c.enterprise_id))
        .select_from(firms).join(Enterprise, and_(Enterprise.id == firms.c.enterprise_id,
                                                  Enterprise.deleted_at.is_(None)))
        .outerjoin(trained, trained.c.enterprise_id == firms.c.enterprise_id)
    ).one()
    return total, reached
