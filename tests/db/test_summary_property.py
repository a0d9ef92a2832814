"""Property: after any sequence of writes, every KPI and page figure read from the summaries equals the same figure
computed from the base tables (db.reference).

Writes go through the app's own paths — the entry command, the rectification workflow, soft delete and restore,
the workbook import — and through plain SQL edits and hard deletes that no form makes, since the triggers must see
those too. After each write, the KPIs of random periods and as-of dates are compared, and `summaries check` must
find nothing.
"""
from __future__ import annotations

import datetime as dt
import inspect
import random

import pandas as pd

from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from db.errors import Conflict, ValidationFailed
from db.kpis import compute
from db.models import Base, Hazard
from db.period import Period
from db.reference import kpis as reference
from db.reference.twins import TWINS
from db.summaries import maintain
from db.workbook import WorkbookRefused
from tests import builders as b
from tests.databases import truncate_all
from tests.db.summary_writes import BASE, OPERATIONS, TODAY, apply

def _arguments(read, period: Period, as_of: dt.date, levels, domains) -> dict:
    # Each page read with the arguments its signature takes.
    names = inspect.signature(read).parameters
    given = {"period": period, "as_of": as_of, "levels": levels, "domains": domains, "limit": 1000}
    return {name: value for name, value in given.items() if name in names}


def _plain(result):
    # DataFrames compared by content (row order, dtypes and the backends' date types aside).
    if isinstance(result, tuple):
        return tuple(_plain(part) for part in result)
    if isinstance(result, pd.DataFrame):
        rows = [tuple(str(v) if isinstance(v, (dt.date, str)) else float(v) if v is not None and v == v else None
                      for v in row) for row in result.itertuples(index=False)]
        return list(result.columns), sorted(rows, key=repr)
    return str(result) if isinstance(result, dt.date) else result


def _edge_days(conn) -> list[dt.date]:
    # The days on which some hazard's figures change: an as-of date or a period edge there tests the boundary.
    rows = conn.execute(select(Hazard.found_on, Hazard.due_on, Hazard.rectified_on, Hazard.closed_on)).all()
    days = {day + dt.timedelta(days=shift) for row in rows for day in row if day for shift in (-1, 0, 1)}
    return sorted(days) or [BASE]


def assert_summaries_exact(engine, rng: random.Random) -> None:
    """The summary KPIs equal the base-table KPIs for a few random periods and as-of dates; check finds nothing."""
    with engine.connect() as conn:
        assert maintain.check(conn) == []
        edges = _edge_days(conn)
        for _ in range(3):
            start = rng.choice(edges) if rng.random() < 0.5 else BASE + dt.timedelta(days=rng.randrange(-30, 120))
            end = rng.choice([e for e in edges if e >= start] or [start])
            period = Period(start, max(end, start + dt.timedelta(days=rng.randrange(120) * (rng.random() < 0.5))))
            as_of = rng.choice(edges) if rng.random() < 0.7 else start + dt.timedelta(days=rng.randrange(-20, 250))
            assert compute(conn, period, as_of) == reference.compute(conn, period, as_of), (period, as_of)
            levels, domains = rng.choice(((), ("major",))), rng.choice(((), ("safety",), ("safety", "quality")))
            for read, twin in TWINS.items():
                if read is not compute:
                    arguments = _arguments(read, period, as_of, levels, domains)
                    assert _plain(read(conn, **arguments)) == _plain(twin(conn, **arguments)), (read.__name__, arguments)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 2**32)), min_size=1, max_size=10))
def test_summary_kpis_equal_base_table_kpis_after_any_writes(engine, tmp_path, steps):
    _empty(engine)  # each example from an empty database, so a failure replays the same way
    for operation, seed in steps:
        rng = random.Random(seed)
        try:
            apply(engine, operation, rng, tmp_path)
        except (ValidationFailed, Conflict, WorkbookRefused, IntegrityError):
            pass  # refused (as the app or the database refuses it): nothing written, the summaries must still agree
        assert_summaries_exact(engine, rng)


def _empty(engine) -> None:
    if engine.dialect.name == "postgresql":
        truncate_all(engine)
        return
    with engine.begin() as conn:  # the audit log refuses DELETE and may keep its rows
        for table in reversed(Base.metadata.sorted_tables):
            if table.name not in ("audit_log", "data_revision"):
                conn.execute(table.delete())


def test_a_trigger_that_misses_a_write_is_caught(engine):
    # The property can fail: a summary row changed behind the triggers' back shows in both comparisons.
    project = b.project(engine)
    b.hazard(engine, project, dt.date(2024, 2, 1), rectified=dt.date(2024, 2, 3), closed=dt.date(2024, 2, 4))
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE hazard_closings SET hazards = hazards + 1")
    with engine.connect() as conn:
        assert [d.table for d in maintain.check(conn)] == ["hazard_closings"]
        period = Period.year(2024)
        assert compute(conn, period, TODAY).hazards_closed != reference.compute(conn, period, TODAY).hazards_closed
