"""A form write with its audit row: a site visit saved the way the entry form saves it."""
from __future__ import annotations

import datetime as dt
import statistics
import time
import uuid

from sqlalchemy import Engine, select

from db.models import Project, SiteVisit
from db.permissions import Actor
from db.unit_of_work import audit, snapshot, writing

WRITES = 20


def visit_write_ms(engine: Engine, actor: Actor) -> float:
    """Median milliseconds to save one site visit (validated command when available) with its audit row."""
    with engine.connect() as conn:
        project_id = conn.execute(select(Project.id).order_by(Project.id).limit(1)).scalar_one()
    timings = []
    for _ in range(WRITES):
        started = time.perf_counter()
        save_visit(engine, actor, project_id, code=f"B{uuid.uuid4().hex[:12]}")
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def save_visit(engine: Engine, actor: Actor, project_id: int, *, code: str) -> None:
    """Save one site visit and its audit row in one write transaction."""
    visit = SiteVisit(code=code, project_id=project_id, visited_on=dt.date.today(),
                      kind="patrol", inspectors=actor.display_name, created_by=actor.username)
    with writing(engine, actor.username) as session:
        session.add(visit)
        session.flush()
        audit(session, "create", table="site_visits", row_id=visit.id, after=snapshot(visit))
