"""The records behind an Overview card: the rows a counting KPI counted, a page at a time."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, func, select

from db.kpis import counted_records
from db.models import Accident, Enforcement, Hazard, Project, RiskPoint, SiteVisit, Training
from db.period import Period

# The columns shown for each table, newest first; the project's name joins every per-project table.
COLUMNS = {
    Project: ("code", "name", "kind", "is_key", "start_date", "completion_date", "progress_pct"),
    Hazard: ("code", "found_on", "level", "category", "description", "due_on", "rectified_on", "closed_on"),
    RiskPoint: ("code", "identified_on", "level", "category", "description"),
    Enforcement: ("code", "issued_on", "kind", "reason", "lifted_on"),
    SiteVisit: ("code", "visited_on", "kind", "inspectors", "notes"),
    Training: ("code", "held_on", "kind", "title", "attendees"),
    Accident: ("code", "occurred_on", "level", "deaths", "injuries", "description"),
}
NEWEST_FIRST = {Project: Project.start_date, Hazard: Hazard.found_on, RiskPoint: RiskPoint.identified_on,
                Enforcement: Enforcement.issued_on, SiteVisit: SiteVisit.visited_on, Training: Training.held_on,
                Accident: Accident.occurred_on}
DRILLABLE = tuple(counted_records(Period.year(2000), dt.date(2000, 1, 1)))


def records_behind(conn: Connection, *, kpi: str, period: Period, as_of: dt.date, limit: int = 50,
                   offset: int = 0) -> tuple[pd.DataFrame, int]:
    """A page of the records counted by `kpi` (one of DRILLABLE) and how many there are."""
    counted = counted_records(period, as_of)[kpi]
    model, condition = counted.model, counted.condition
    total = conn.execute(select(func.count()).select_from(model).where(condition)).scalar_one()
    columns = [getattr(model, name) for name in COLUMNS[model]]
    query = select(*columns)
    if model not in (Project, Training):
        columns.append(Project.name.label("project"))
        query = select(*columns).join(Project, Project.id == model.project_id)
    rows = conn.execute(query.where(condition).order_by(NEWEST_FIRST[model].desc(), model.code.desc())
                        .limit(limit).offset(offset)).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=[c.key for c in columns]), total
