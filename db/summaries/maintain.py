"""Installing, rebuilding and checking the summaries; suspending their triggers for a bulk load."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, text

from db.summaries import compliance, reach, sql
from db.summaries.spec import SUMMARIES, Dialect

TABLES = (*(s.table for s in SUMMARIES), reach.TABLE, compliance.TABLE)
SOURCES = tuple(dict.fromkeys((*(s.source for s in SUMMARIES), "training_enterprises", "patrol_weeks")))
SHOWN = 5  # differences listed per summary


@dataclass(frozen=True)
class Difference:
    """A summary that does not hold what its base table says: how many rows are missing and extra, some of them."""

    table: str
    missing: int
    extra: int
    examples: list[str]


def install_triggers(conn: Connection) -> None:
    """Create the triggers of every summary (patrol_weeks keeps its own, from migration 0002)."""
    dialect = Dialect(conn.dialect.name)
    for summary in SUMMARIES:
        if summary.triggers:
            for statement in sql.create_triggers(summary, dialect):
                conn.exec_driver_sql(statement)
    for statement in (*reach.create_triggers(dialect.name), *compliance.create_triggers(dialect.name)):
        conn.exec_driver_sql(statement)


def drop_triggers(conn: Connection) -> None:
    """Drop what install_triggers created."""
    dialect = Dialect(conn.dialect.name)
    for summary in SUMMARIES:
        if summary.triggers:
            for statement in sql.drop_triggers(summary, dialect):
                conn.exec_driver_sql(statement)
    for statement in (*reach.drop_triggers(dialect.name), *compliance.drop_triggers(dialect.name)):
        conn.exec_driver_sql(statement)


def _queries(conn: Connection) -> list[tuple[str, tuple[str, ...], str, str]]:
    dialect = Dialect(conn.dialect.name)
    return [(s.table, (*s.keys, *s.values), sql.expected_rows(s, dialect), sql.stored_rows(s)) for s in SUMMARIES] + [
        (reach.TABLE, (*reach.KEYS, *reach.VALUES), reach.EXPECTED, reach.STORED),
        (compliance.TABLE, (*compliance.KEYS, *compliance.VALUES), compliance.expected(dialect.name), compliance.STORED)]


def rebuild(conn: Connection) -> dict[str, int]:
    """Recompute every summary from its base table inside the caller's transaction; rows per summary."""
    counts = {}
    # patrol_weeks feeds compliant_weeks through triggers; rewriting it row by row through them would take
    # minutes, and compliant_weeks is recomputed after it anyway.
    with _without_triggers(conn, ("patrol_weeks",)):
        for table, columns, expected, _ in _queries(conn):
            conn.exec_driver_sql(f"DELETE FROM {table}")
            counts[table] = conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(columns)}) {expected}").rowcount
    return counts


def check(conn: Connection) -> list[Difference]:
    """Every summary compared with its recomputation from the base tables; empty when all are exact."""
    differences = []
    for table, _, expected, stored in _queries(conn):
        missing = conn.exec_driver_sql(f"{expected} EXCEPT {stored}").all()
        extra = conn.exec_driver_sql(f"{stored} EXCEPT {expected}").all()
        if missing or extra:
            examples = [f"missing {tuple(r)}" for r in missing[:SHOWN]] + [f"extra {tuple(r)}" for r in extra[:SHOWN]]
            differences.append(Difference(table, len(missing), len(extra), examples))
    return differences


@contextlib.contextmanager
def suspended(conn: Connection) -> Iterator[None]:
    """Within the caller's transaction: no summary trigger fires inside the block; every summary is rebuilt after.

    For bulk loads of millions of rows, where one GROUP BY per summary is far cheaper than a trigger per row.
    """
    with _without_triggers(conn, SOURCES):
        yield
    rebuild(conn)


@contextlib.contextmanager
def _without_triggers(conn: Connection, tables: tuple[str, ...]) -> Iterator[None]:
    # Inside the caller's transaction: a rollback puts everything back as it was.
    if conn.dialect.name == "postgresql":
        for table in tables:
            conn.exec_driver_sql(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        yield
        for table in tables:
            conn.exec_driver_sql(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        return
    # SQLite cannot disable a trigger: take each one out and put back exactly what was there.
    names = ", ".join(f"'{t}'" for t in tables)
    saved = conn.execute(text(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                              f"AND tbl_name IN ({names})")).all()
    for name, _ in saved:
        conn.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    for _, statement in saved:
        conn.exec_driver_sql(statement)
