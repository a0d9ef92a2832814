"""Reads for the risk map and a project's "why this grade": scores from db.risk, open hazards per site."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, func, select

from db.hazard_status import closed_by
from db.models import Hazard, Project
from db.queries.projects import MAP_LIMIT, ProjectFilter, _filtered
from db.risk import ProjectRisk, assess

SITE_COLUMNS = ["code", "name", "lon", "lat", "level", "score", "weekly_target", "open_hazards"]


def risk_sites(conn: Connection, *, as_of: dt.date, where: ProjectFilter | None = None) -> tuple[pd.DataFrame, int]:
    """Located projects under construction on `as_of` (matching `where`), riskiest first, at most MAP_LIMIT; and
    how many there are."""
    located = _filtered(select(Project.id, Project.lon, Project.lat), where or ProjectFilter(), as_of).where(
        Project.lon.is_not(None), Project.lat.is_not(None))
    places = {pid: (lon, lat) for pid, lon, lat in conn.execute(located)}
    risks = [r for r in assess(conn, as_of) if r.project_id in places]
    shown = risks[:MAP_LIMIT]
    hazards = open_hazards(conn, as_of=as_of, project_ids=[r.project_id for r in shown])
    rows = [(r.code, r.name, *places[r.project_id], r.level, r.score, r.weekly_target, hazards.get(r.project_id, 0))
            for r in shown]
    return pd.DataFrame(rows, columns=SITE_COLUMNS), len(risks)


def open_hazards(conn: Connection, *, as_of: dt.date, project_ids: list[int]) -> dict[int, int]:
    """Hazards found by `as_of` and not closed by then, per project."""
    if not project_ids:
        return {}
    return dict(conn.execute(
        select(Hazard.project_id, func.count())
        .where(Hazard.project_id.in_(project_ids), Hazard.deleted_at.is_(None), Hazard.found_on <= as_of,
               ~closed_by(as_of))
        .group_by(Hazard.project_id)).all())


def project_risk(conn: Connection, *, code: str, as_of: dt.date) -> ProjectRisk | None:
    """One project's score, grade, target and reasons on `as_of`; None unless it is under construction then."""
    project_id = conn.execute(select(Project.id).where(Project.code == code, Project.deleted_at.is_(None))).scalar()
    found = assess(conn, as_of, project_ids=[project_id]) if project_id is not None else []
    return found[0] if found else None
