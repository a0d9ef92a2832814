"""Fast bulk loading for millions of rows: COPY on PostgreSQL, executemany on SQLite."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection


def bulk_insert(conn: Connection, table: str, columns: Sequence[str], rows: Iterable[tuple]) -> int:
    """Insert `rows` (tuples in `columns` order) inside the connection's transaction; returns the count."""
    if conn.dialect.name == "postgresql":
        return _copy(conn, table, columns, rows)
    return _executemany(conn, table, columns, rows)


def _copy(conn: Connection, table: str, columns: Sequence[str], rows: Iterable[tuple]) -> int:
    count = 0
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def _executemany(conn: Connection, table: str, columns: Sequence[str], rows: Iterable[tuple]) -> int:
    statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    cursor = conn.connection.driver_connection.cursor()
    count, batch = 0, []
    for row in rows:
        # sqlite3's implicit date adapter is deprecated; SQLAlchemy stores ISO text anyway.
        batch.append(tuple(v.isoformat() if isinstance(v, dt.date) else v for v in row))
        if len(batch) == 20_000:
            cursor.executemany(statement, batch)
            count += len(batch)
            batch.clear()
    if batch:
        cursor.executemany(statement, batch)
        count += len(batch)
    return count
