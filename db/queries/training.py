"""Reads for the Training pages: sessions by month and kind (summaries), which enterprises on active projects
were reached, and the QR sign-ins of a session."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, and_, func, select, union

from db.kpis import active_projects_filter
from db.models import Enterprise, Project, Training, TrainingReach, TrainingSignIn
from db.period import Period
from db.summaries import figures

MONTH_COLUMNS = ["month", "kind", "sessions", "attendees"]
FIRM_COLUMNS = ["credit_code", "name", "kind", "contact_person", "contact_phone"]


def _in_period(period: Period):
    return and_(Training.deleted_at.is_(None), Training.held_on.between(period.start, period.end))


def sessions_by_month(conn: Connection, *, period: Period) -> pd.DataFrame:
    """Sessions and attendees per month and kind of session, for months with any session (training_days)."""
    frame = pd.DataFrame(figures.training_months(conn, period), columns=MONTH_COLUMNS)
    frame["sessions"] = frame["sessions"].astype(int)
    frame["attendees"] = frame["attendees"].astype(int)
    return frame


def totals(conn: Connection, *, period: Period) -> dict[str, int]:
    """Sessions, attendees and distinct enterprises reached in the period (the KPI definitions), from the summaries."""
    return figures.training_totals(conn, period)


def _firms_on_active_projects(period: Period):
    # Developer, contractor and supervising firm of every project supervised in the period.
    active = active_projects_filter(period)
    return union(*(select(role.label("enterprise_id")).where(active, role.is_not(None))
                   for role in (Project.developer_id, Project.contractor_id, Project.supervisor_firm_id))
                 ).subquery("active_firms")


def _trained(period: Period):
    # Distinct enterprises attending a live session of the period (training_reach).
    return (select(TrainingReach.enterprise_id).where(TrainingReach.held_on.between(period.start, period.end))
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


def not_reached(conn: Connection, *, period: Period, limit: int = 50, offset: int = 0) -> tuple[pd.DataFrame, int]:
    """A page of enterprises on active projects that attended no session in the period, by name; and the count."""
    firms, trained = _firms_on_active_projects(period), _trained(period)
    query = (select(Enterprise.credit_code, Enterprise.name, Enterprise.kind, Enterprise.contact_person,
                    Enterprise.contact_phone)
             .join(firms, firms.c.enterprise_id == Enterprise.id)
             .outerjoin(trained, trained.c.enterprise_id == Enterprise.id)
             .where(Enterprise.deleted_at.is_(None), trained.c.enterprise_id.is_(None)))
    total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = conn.execute(query.order_by(Enterprise.name, Enterprise.id).limit(limit).offset(offset)).all()
    return pd.DataFrame(rows, columns=FIRM_COLUMNS), total


def recent_sessions(conn: Connection, *, as_of: dt.date, days: int = 60) -> pd.DataFrame:
    """Sessions held from `days` before `as_of` on (planned ones included), newest first, with their sign-in state."""
    rows = conn.execute(
        select(Training.id, Training.version, Training.code, Training.held_on, Training.title, Training.attendees,
               Training.sign_in_nonce, Training.sign_in_until)
        .where(Training.deleted_at.is_(None), Training.held_on >= as_of - dt.timedelta(days=days))
        .order_by(Training.held_on.desc(), Training.id.desc())
    ).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=["id", "version", "code", "held_on", "title", "attendees",
                                                          "sign_in_nonce", "sign_in_until"])


def sign_ins(conn: Connection, *, training_id: int) -> pd.DataFrame:
    """The session's live sign-ins, newest first: who, from which enterprise, when."""
    rows = conn.execute(
        select(TrainingSignIn.id, TrainingSignIn.at, TrainingSignIn.name, TrainingSignIn.phone,
               Enterprise.name.label("enterprise"))
        .join(Enterprise, Enterprise.id == TrainingSignIn.enterprise_id)
        .where(TrainingSignIn.training_id == training_id, TrainingSignIn.removed_at.is_(None))
        .order_by(TrainingSignIn.at.desc(), TrainingSignIn.id.desc())
    ).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=["id", "at", "name", "phone", "enterprise"])


def enterprise_matches(conn: Connection, *, text: str, limit: int = 8) -> list[tuple[str, str]]:
    """(credit code, name) of live enterprises whose name contains `text` or whose code starts with it."""
    wanted = text.strip()
    if len(wanted) < 2:
        return []
    rows = conn.execute(select(Enterprise.credit_code, Enterprise.name).where(
        Enterprise.deleted_at.is_(None),
        Enterprise.name.contains(wanted, autoescape=True) | Enterprise.credit_code.startswith(wanted.upper(),
                                                                                               autoescape=True))
        .order_by(Enterprise.name).limit(limit)).all()
    return [(code, name) for code, name in rows]
