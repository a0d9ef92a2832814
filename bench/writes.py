"""A form write with its audit row: the entry form's own command, and a bare save for the concurrency bench."""
from __future__ import annotations

import datetime as dt
import time

from sqlalchemy import Engine, select

from bench.pages import Spread
from db.commands.visits import create_visit
from db.models import Project, SiteVisit
from db.permissions import Actor
from db.unit_of_work import audit, snapshot, writing

WRITES = 20


def form_write_timings(engine: Engine, actor: Actor) -> Spread:
    """Milliseconds to save one site visit with one hazard through the entry form's command (validated,
    audited, revision bumped, summaries kept by their triggers), over WRITES saves."""
    with engine.connect() as conn:
        project = conn.execute(select(Project.code).where(Project.deleted_at.is_(None)).order_by(Project.id)
                               .limit(1)).scalar_one()
    today = dt.date.today()
    timings = []
    for _ in range(WRITES):
        started = time.perf_counter()
        create_visit(engine, actor=actor, visit={"project": project, "date": today, "kind": "patrol",
                                                 "inspectors": "bench"},
                     hazards=[{"category": "scaffolding", "level": "general", "description": "bench",
                               "due_on": today}])
        timings.append(time.perf_counter() - started)
    return Spread.of(timings)


def save_visit(engine: Engine, actor: Actor, project_id: int, *, code: str) -> None:
    """Save one site visit and its audit row in one write transaction."""
    visit = SiteVisit(code=code, project_id=project_id, visited_on=dt.date.today(),
                      kind="patrol", inspectors=actor.display_name, created_by=actor.username)
    with writing(engine, actor.username) as session:
        session.add(visit)
        session.flush()
        audit(session, "create", table="site_visits", row_id=visit.id, after=snapshot(visit))
