"""The SQL a piece of code runs, and how the database executes it (for the query-plan test and bench.explain)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, event

from db.kpis import compute
from db.period import Period


class StatementRecorder:
    """Collects (statement, parameters) of every SELECT the engine runs inside the block."""

    def __init__(self, engine: Engine):
        self.engine, self.statements = engine, []

    def __enter__(self) -> list:
        event.listen(self.engine.__class__, "before_cursor_execute", self._record)
        return self.statements

    def __exit__(self, *exc) -> None:
        event.remove(self.engine.__class__, "before_cursor_execute", self._record)

    def _record(self, conn, cursor, statement, parameters, context, executemany):
        if str(conn.engine.url) == str(self.engine.url) and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            self.statements.append((statement, parameters))



def kpi_plans(engine: Engine, period: Period, as_of: dt.date) -> list[tuple[str, list[str]]]:
    """(statement, plan lines) for every SELECT the KPI computation runs."""
    with StatementRecorder(engine) as statements, engine.connect() as conn:
        compute(conn, period, as_of)
    prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
    plans = []
    with engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()
        for statement, parameters in statements:
            cursor.execute(prefix + statement, parameters)
            plans.append((statement, [" | ".join(str(v) for v in row) for row in cursor.fetchall()]))
        conn.rollback()
    return plans
