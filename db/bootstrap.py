"""Whole-database helpers: which tables hold the records, whether any holds a row, planner statistics."""
from __future__ import annotations

from sqlalchemy import Engine, Table, exists, select

from db.models import Base

# Bookkeeping tables that hold rows even in a database with no records.
BOOKKEEPING_TABLES = frozenset({"audit_log", "data_revision"})


def data_tables() -> list[Table]:
    """The tables that hold the office's records and accounts, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in BOOKKEEPING_TABLES]


def is_empty(engine: Engine) -> bool:
    """True when no data table holds a row."""
    with engine.connect() as conn:
        return not any(conn.execute(select(exists().select_from(t))).scalar() for t in data_tables())


def analyze(engine: Engine) -> None:
    """Refresh the planner's statistics after a bulk load, which leaves them describing empty tables.

    On PostgreSQL also VACUUM: index-only scans need the visibility map that only VACUUM sets.
    """
    statement = "VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(statement)
