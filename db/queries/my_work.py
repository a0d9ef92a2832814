"""What an inspector has to do today, on the projects of their service teams: the visits still short this week,
fixes awaiting their re-inspection, hazards due soon or overdue, stop-work orders awaiting a lifting check."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, and_, case, func, or_, select

from db.hazard_status import closed_by, fix_reported_by, overdue_on
from db.kpis import PATROL_VISITS_PER_WEEK
from db.models import Enforcement, Hazard, Project, SiteVisit, TeamMember
from db.risk import assess

DUE_SOON_DAYS = 3


def my_projects(conn: Connection, *, username: str, as_of: dt.date) -> pd.DataFrame:
    """The active projects whose service team the user is on, with this week's visits against the week's target
    (by risk grade), the ones still short first."""
    monday = as_of - dt.timedelta(days=as_of.weekday())
    visits = (select(SiteVisit.project_id, func.count().label("visits"))
              .where(SiteVisit.deleted_at.is_(None), SiteVisit.visited_on.between(monday, as_of))
              .group_by(SiteVisit.project_id).subquery())
    rows = conn.execute(
        select(Project.id, Project.code, Project.name, func.coalesce(visits.c.visits, 0).label("visits"))
        .join(TeamMember, and_(TeamMember.project_id == Project.id, TeamMember.deleted_at.is_(None),
                               TeamMember.username == username))
        .outerjoin(visits, visits.c.project_id == Project.id)
        .where(Project.deleted_at.is_(None), Project.start_date <= as_of,
               or_(Project.completion_date.is_(None), Project.completion_date >= as_of))
        .distinct()
    ).mappings().all()
    frame = pd.DataFrame([dict(r) for r in rows], columns=["id", "code", "name", "visits"])
    # This week's target is the one the project's risk grade set on Monday (db.risk), as compliance counts it.
    targets = {r.project_id: r.weekly_target for r in assess(conn, monday, project_ids=frame["id"].tolist())}
    frame["target"] = [targets.get(pid, PATROL_VISITS_PER_WEEK) for pid in frame["id"]]
    frame["short"] = (frame["target"] - frame["visits"]).clip(lower=0)
    return frame.sort_values(["short", "code"], ascending=[False, True], ignore_index=True)


def awaiting_my_reinspection(conn: Connection, *, username: str, project_ids: list[int],
                             as_of: dt.date) -> pd.DataFrame:
    """Fixes reported on these projects and not yet closed, except those the user reported (another inspector
    must close them)."""
    return _hazards(conn, and_(Hazard.project_id.in_(project_ids), fix_reported_by(as_of), ~closed_by(as_of),
                               or_(Hazard.rectified_by.is_(None), Hazard.rectified_by != username)), as_of)


def due_soon_or_overdue(conn: Connection, *, project_ids: list[int], as_of: dt.date) -> pd.DataFrame:
    """Hazards on these projects with no fix reported, overdue or due within DUE_SOON_DAYS; overdue first."""
    return _hazards(conn, and_(Hazard.project_id.in_(project_ids), ~fix_reported_by(as_of), ~closed_by(as_of),
                               Hazard.due_on <= as_of + dt.timedelta(days=DUE_SOON_DAYS)), as_of)


def orders_to_check(conn: Connection, *, project_ids: list[int]) -> pd.DataFrame:
    """Stop-work orders in force on these projects: each waits for a check before work may resume."""
    rows = conn.execute(
        select(Enforcement.code, Project.code.label("project_code"), Project.name.label("project"),
               Enforcement.issued_on, Enforcement.reason)
        .join(Project, Project.id == Enforcement.project_id)
        .where(Enforcement.project_id.in_(project_ids), Enforcement.deleted_at.is_(None),
               Enforcement.kind == "stop_work", Enforcement.lifted_on.is_(None))
        .order_by(Enforcement.issued_on)
    ).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=["code", "project_code", "project", "issued_on", "reason"])


def _hazards(conn: Connection, where, as_of: dt.date) -> pd.DataFrame:
    rows = conn.execute(
        select(Hazard.code, Project.code.label("project_code"), Project.name.label("project"), Hazard.level,
               Hazard.description, Hazard.due_on, Hazard.rectified_by,
               case((overdue_on(as_of), True), else_=False).label("overdue"))
        .join(Project, Project.id == Hazard.project_id)
        .where(Hazard.deleted_at.is_(None), where)
        .order_by(Hazard.due_on, Hazard.code).limit(200)
    ).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=["code", "project_code", "project", "level", "description",
                                                          "due_on", "rectified_by", "overdue"])
