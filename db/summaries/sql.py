"""The SQL of a summary, from its declaration: triggers for both databases, the rebuild's GROUP BY.

Triggers were chosen over the unit of work because they see every write — forms, imports, deletes and restores,
bulk loads and hand-run SQL alike — in the writer's own transaction; the unit of work sees only ORM writes.
Each trigger takes away what the old row contributed and adds what the new row contributes, and deletes a
summary row whose values all fell to zero, so a summary holds exactly the rows its rebuild would.
"""
from __future__ import annotations

from db.summaries.spec import Dialect, Part, Summary


def _live(row: str, part: Part, dialect: Dialect) -> str:
    condition = f"{row}.deleted_at IS NULL"
    return condition if part.when is None else f"{condition} AND {part.when(row, dialect)}"


def _add(summary: Summary, part: Part, row: str, dialect: Dialect) -> str:
    columns = ", ".join((*summary.keys, *summary.values))
    exprs = ", ".join(e(row, dialect) for e in (*part.keys, *part.values))
    sums = ", ".join(f"{v} = {summary.table}.{v} + excluded.{v}" for v in summary.values)
    return (f"INSERT INTO {summary.table} ({columns}) SELECT {exprs} WHERE {_live(row, part, dialect)} "
            f"ON CONFLICT ({', '.join(summary.keys)}) DO UPDATE SET {sums};")


def _remove(summary: Summary, part: Part, row: str, dialect: Dialect) -> str:
    match = " AND ".join(f"{k} = {e(row, dialect)}" for k, e in zip(summary.keys, part.keys, strict=True))
    less = ", ".join(f"{v} = {v} - {e(row, dialect)}" for v, e in zip(summary.values, part.values, strict=True))
    empty = " AND ".join(f"{v} = 0" for v in summary.values)
    return (f"UPDATE {summary.table} SET {less} WHERE {match} AND {_live(row, part, dialect)}; "
            f"DELETE FROM {summary.table} WHERE {match} AND {empty};")


def trigger_names(summary: Summary, dialect: Dialect) -> list[str]:
    """The triggers that keep `summary`, by name."""
    if dialect.name == "postgresql":
        return [f"{summary.table}_sync"]
    return [f"{summary.table}_on_{event}" for event in ("insert", "delete", "update")]


def create_triggers(summary: Summary, dialect: Dialect) -> list[str]:
    """CREATE statements of the triggers (and on PostgreSQL their function) that keep `summary` exact."""
    removes = " ".join(_remove(summary, part, "OLD", dialect) for part in summary.parts)
    adds = " ".join(_add(summary, part, "NEW", dialect) for part in summary.parts)
    watched = ", ".join((*summary.watched, "deleted_at"))
    name = summary.table
    if dialect.name == "postgresql":
        return [
            f"CREATE FUNCTION {name}_sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {removes} END IF; "
            f"IF TG_OP IN ('UPDATE', 'INSERT') THEN {adds} END IF; RETURN NULL; END $$",
            f"CREATE TRIGGER {name}_sync AFTER INSERT OR DELETE OR UPDATE OF {watched} ON {summary.source} "
            f"FOR EACH ROW EXECUTE FUNCTION {name}_sync()",
        ]
    return [
        f"CREATE TRIGGER {name}_on_insert AFTER INSERT ON {summary.source} BEGIN {adds} END",
        f"CREATE TRIGGER {name}_on_delete AFTER DELETE ON {summary.source} BEGIN {removes} END",
        f"CREATE TRIGGER {name}_on_update AFTER UPDATE OF {watched} ON {summary.source} BEGIN {removes} {adds} END",
    ]


def drop_triggers(summary: Summary, dialect: Dialect) -> list[str]:
    """DROP statements for what create_triggers made."""
    if dialect.name == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {summary.table}_sync ON {summary.source}",
                f"DROP FUNCTION IF EXISTS {summary.table}_sync()"]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in trigger_names(summary, dialect)]


def expected_rows(summary: Summary, dialect: Dialect) -> str:
    """SELECT of the rows the summary must hold, computed from the base table (keys, then values)."""
    parts = " UNION ALL ".join(
        "SELECT " + ", ".join([*(f"{e('s', dialect)} AS {k}" for k, e in zip(summary.keys, part.keys)),
                               *(f"{e('s', dialect)} AS {v}" for v, e in zip(summary.values, part.values))])
        + f" FROM {summary.source} s WHERE {_live('s', part, dialect)}"
        for part in summary.parts)
    keys = ", ".join(summary.keys)
    sums = ", ".join(f"SUM({v}) AS {v}" for v in summary.values)
    nonzero = " OR ".join(f"SUM({v}) <> 0" for v in summary.values)
    return f"SELECT {keys}, {sums} FROM ({parts}) contributions GROUP BY {keys} HAVING {nonzero}"


def stored_rows(summary: Summary) -> str:
    """SELECT of the rows the summary holds, in expected_rows' column order.

    Rows whose values are all zero count as absent: patrol_weeks' older triggers leave them behind.
    """
    nonzero = " OR ".join(f"{v} <> 0" for v in summary.values)
    return f"SELECT {', '.join((*summary.keys, *summary.values))} FROM {summary.table} WHERE {nonzero}"
