"""Each page's server-side run (AppTest) cold and warm, and the floor: its own SQL replayed directly."""
from __future__ import annotations

import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from db.permissions import Actor
from harness.plans import StatementRecorder
from db.unit_of_work import audit, writing

ROOT = Path(__file__).resolve().parent.parent
WARM_RUNS = 5


@dataclass(frozen=True)
class PageTiming:
    page: str
    cold_ms: float
    warm_ms: float
    floor_ms: float
    statements: int
    error: str | None = None


def time_page(engine: Engine, script: str, actor: Actor, query: dict[str, str]) -> PageTiming:
    """Run `script` once to load code, then cold (after a revision bump) and warm; replay its SQL for the floor."""
    os.environ["DATABASE_URL"] = engine.url.render_as_string(hide_password=False)
    app = AppTest.from_file(str(ROOT / script), default_timeout=600)
    app.session_state["user"] = actor
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    bump_revision(engine)
    with StatementRecorder(engine) as recorded:
        started = time.perf_counter()
        app.run()
        cold = time.perf_counter() - started
    warm = []
    for _ in range(WARM_RUNS):
        started = time.perf_counter()
        app.run()
        warm.append(time.perf_counter() - started)
    error = app.exception[0].message if app.exception else None
    return PageTiming(Path(script).stem, cold * 1000, statistics.median(warm) * 1000,
                      replay(engine, recorded) * 1000, len(recorded), error)


def bump_revision(engine: Engine) -> None:
    """A minimal audited write, as any form save makes, so every cached read is stale."""
    with writing(engine, "bench") as session:
        audit(session, "bench_revision_bump")


def replay(engine: Engine, statements: list, repeats: int = 3) -> float:
    """Best-of-`repeats` seconds to run the statements straight on one driver connection."""
    best = float("inf")
    with engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()
        for _ in range(repeats):
            started = time.perf_counter()
            for statement, parameters in statements:
                cursor.execute(statement, parameters)
                cursor.fetchall()
            best = min(best, time.perf_counter() - started)
        conn.rollback()
    return best
