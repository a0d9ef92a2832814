"""Each page's server-side run (AppTest): cold (every cache cleared, the data revision changed) and warm; the floor
(its reads' SQL over the base tables) and the summary floor (its own reads' SQL), replayed straight on the driver.

The reads are recorded at `ui.cache.read`, the one door every page reads through. For the floor each read runs its
base-table twin (db.reference.twins) where it has one — the SQL the page ran before the summaries — else itself.
"""
from __future__ import annotations

import importlib.util
import logging
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from db.permissions import Actor
from db.unit_of_work import audit, writing
from harness.plans import StatementRecorder
from ui import cache

ROOT = Path(__file__).resolve().parent.parent
REPEATS, WARM_RUNS = 3, 5


@dataclass(frozen=True)
class Spread:
    """The median of several timings in ms, with the fastest and slowest."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, seconds: list[float]) -> Spread:
        """From timings in seconds."""
        ms = [s * 1000 for s in seconds]
        return cls(round(statistics.median(ms), 1), round(min(ms), 1), round(max(ms), 1))


@dataclass(frozen=True)
class PageTiming:
    """One page's timings; a floor is None when the page ran no SQL (or, before the summaries, no summary floor)."""

    page: str
    cold: Spread
    warm: Spread
    floor: Spread | None
    summary_floor: Spread | None
    reads: int
    error: str | None = None


def time_page(engine: Engine, script: str, actor: Actor, query: dict[str, str]) -> PageTiming:
    """Run `script` once to load code, then cold and warm runs; replay its reads' SQL for the floors."""
    os.environ["DATABASE_URL"] = engine.url.render_as_string(hide_password=False)
    app = AppTest.from_file(str(ROOT / script), default_timeout=900)
    app.session_state["user"] = actor
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    quiet()
    cold, reads = [], []
    for _ in range(REPEATS):
        make_cold(engine)
        with recording_reads() as recorded:
            started = time.perf_counter()
            app.run()
            cold.append(time.perf_counter() - started)
        reads = recorded
    warm = []
    for _ in range(WARM_RUNS):
        started = time.perf_counter()
        app.run()
        warm.append(time.perf_counter() - started)
    error = app.exception[0].message if app.exception else None
    own = statements_of(engine, reads, twin=False)
    base = statements_of(engine, reads, twin=True)
    has_summaries = importlib.util.find_spec("db.summaries") is not None
    return PageTiming(Path(script).stem, Spread.of(cold), Spread.of(warm),
                      Spread.of(replay(engine, base)) if base else None,
                      Spread.of(replay(engine, own)) if own and has_summaries else None, len(reads), error)


def quiet() -> None:
    """Silence Streamlit's bare-mode warnings (AppTest runs scripts outside a server), for loggers made so far."""
    for name in list(logging.root.manager.loggerDict):
        if name.startswith("streamlit"):
            logging.getLogger(name).setLevel(logging.ERROR)


def make_cold(engine: Engine) -> None:
    """A minimal audited write, as any form save makes, and every Streamlit data cache emptied."""
    with writing(engine, "bench") as session:
        audit(session, "bench_revision_bump")
    st.cache_data.clear()


class recording_reads:  # noqa: N801 - used as a context manager
    """Collects (query, args, kwargs) of every ui.cache.read inside the block."""

    def __enter__(self) -> list:
        self.calls, self.original = [], cache.read

        def read(query, /, *args, rev, **kwargs):
            self.calls.append((query, args, kwargs))
            return self.original(query, *args, rev=rev, **kwargs)

        cache.read = read
        return self.calls

    def __exit__(self, *exc) -> None:
        cache.read = self.original


def statements_of(engine: Engine, reads: list, *, twin: bool) -> list:
    """The SQL statements the reads run (each through its base-table twin when `twin`)."""
    twins = _twins() if twin else {}
    with StatementRecorder(engine) as statements, engine.connect() as conn:
        for query, args, kwargs in reads:
            twins.get(query, query)(conn, *args, **kwargs)
    return statements


def _twins() -> dict:
    try:
        from db.reference.twins import TWINS
    except ImportError:  # before the summaries every read was over the base tables
        return {}
    return TWINS


def replay(engine: Engine, statements: list, repeats: int = REPEATS) -> list[float]:
    """Seconds of each of `repeats` runs of the statements straight on one driver connection."""
    timings = []
    with engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()
        for _ in range(repeats):
            started = time.perf_counter()
            for statement, parameters in statements:
                cursor.execute(statement, parameters)
                cursor.fetchall()
            timings.append(time.perf_counter() - started)
        conn.rollback()
    return timings
