"""Reads for the Projects list and map: filtered, paginated, counts only for the rows shown."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, Select, and_, case, exists, func, or_, select
from sqlalchemy.orm import aliased

from db.hazard_status import closed_by, overdue_on
from db.kpis import active_projects_filter
from db.models import Enterprise, Hazard, Project, TeamMember
from db.period import Period

# The map is a picture of where sites are; beyond this many points it shows the first ones.
MAP_LIMIT = 2000


@dataclass(frozen=True)
class ProjectFilter:
    """What the list is narrowed to; every field optional."""

    status: str | None = None
    kind: str | None = None
    key_only: bool = False
    search: str | None = None
    party: str | None = None
    inspector: str | None = None
    active_in: Period | None = None   # under supervision at some time in the period (the KPI's rule); None: all


def status_of(as_of: dt.date):
    """SQL expression: the project's status on `as_of` (not_started, active, completed)."""
    return case(
        (Project.start_date > as_of, "not_started"),
        (and_(Project.completion_date.is_not(None), Project.completion_date < as_of), "completed"),
        else_="active",
    )


def _filtered(query: Select, where: ProjectFilter, as_of: dt.date) -> Select:
    query = query.where(Project.deleted_at.is_(None))
    if where.active_in:
        query = query.where(active_projects_filter(where.active_in))
    if where.status:
        query = query.where(status_of(as_of) == where.status)
    if where.kind:
        query = query.where(Project.kind == where.kind)
    if where.key_only:
        query = query.where(Project.is_key.is_(True))
    if where.search:
        pattern = f"%{where.search.strip()}%"
        query = query.where(or_(Project.name.like(pattern), Project.code.like(pattern)))
    if where.party:
        pattern = f"%{where.party.strip()}%"
        query = query.where(exists().where(
            Enterprise.id.in_([Project.developer_id, Project.contractor_id, Project.supervisor_firm_id]),
            or_(Enterprise.name.like(pattern), Enterprise.credit_code == where.party.strip())))
    if where.inspector:
        query = query.where(exists().where(
            TeamMember.project_id == Project.id, TeamMember.deleted_at.is_(None),
            TeamMember.name.like(f"%{where.inspector.strip()}%")))
    return query


def project_page(conn: Connection, *, where: ProjectFilter, as_of: dt.date, limit: int = 50,
                 offset: int = 0) -> tuple[pd.DataFrame, int]:
    """A page of projects (key projects first), with parties, progress and open/overdue hazard counts."""
    total = conn.execute(_filtered(select(func.count()).select_from(Project), where, as_of)).scalar_one()
    developer, contractor = aliased(Enterprise), aliased(Enterprise)
    rows = conn.execute(
        _filtered(select(Project.id, Project.code, Project.name, Project.kind, Project.is_key,
                         status_of(as_of).label("status"), Project.progress_pct, Project.start_date,
                         Project.completion_date, developer.name.label("developer"),
                         contractor.name.label("contractor")), where, as_of)
        .join(developer, developer.id == Project.developer_id)
        .join(contractor, contractor.id == Project.contractor_id)
        .order_by(Project.is_key.desc(), Project.start_date.desc(), Project.code)
        .limit(limit).offset(offset)
    ).mappings().all()
    page = pd.DataFrame([dict(r) for r in rows], columns=[
        "id", "code", "name", "kind", "is_key", "status", "progress_pct", "start_date", "completion_date",
        "developer", "contractor"])
    counts = _open_hazard_counts(conn, page["id"].tolist(), as_of)
    page["open_hazards"] = page["id"].map(lambda i: counts.get(i, (0, 0))[0]).astype(int)
    page["overdue_hazards"] = page["id"].map(lambda i: counts.get(i, (0, 0))[1]).astype(int)
    return page.drop(columns="id"), total


def _open_hazard_counts(conn: Connection, project_ids: list[int], as_of: dt.date) -> dict[int, tuple[int, int]]:
    if not project_ids:
        return {}
    rows = conn.execute(
        select(Hazard.project_id, func.count(), func.sum(case((overdue_on(as_of), 1), else_=0)))
        .where(Hazard.project_id.in_(project_ids), Hazard.deleted_at.is_(None), ~closed_by(as_of),
               Hazard.found_on <= as_of)
        .group_by(Hazard.project_id)
    ).all()
    return {project_id: (int(n), int(overdue or 0)) for project_id, n, overdue in rows}


def project_map(conn: Connection, *, where: ProjectFilter, as_of: dt.date) -> tuple[pd.DataFrame, int]:
    """Located projects matching the filter (at most MAP_LIMIT) and how many are located in all."""
    located = _filtered(select(func.count()).select_from(Project), where, as_of).where(
        Project.lon.is_not(None), Project.lat.is_not(None))
    total = conn.execute(located).scalar_one()
    rows = conn.execute(
        _filtered(select(Project.code, Project.name, Project.lon, Project.lat, Project.is_key,
                         status_of(as_of).label("status"), Project.progress_pct), where, as_of)
        .where(Project.lon.is_not(None), Project.lat.is_not(None))
        .order_by(Project.is_key.desc(), Project.code).limit(MAP_LIMIT)
    ).mappings().all()
    columns = ["code", "name", "lon", "lat", "is_key", "status", "progress_pct"]
    return pd.DataFrame([dict(r) for r in rows], columns=columns), total
