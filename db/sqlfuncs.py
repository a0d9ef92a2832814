"""Date arithmetic that SQLite and PostgreSQL spell differently, as SQL expressions."""
from __future__ import annotations

from sqlalchemy import Date, Float, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import GenericFunction


class days_between(GenericFunction):  # noqa: N801 - SQL function naming
    """days_between(later, earlier): whole days from `earlier` to `later`."""

    type = Float()
    inherit_cache = True


@compiles(days_between, "sqlite")
def _days_between_sqlite(element, compiler, **kw):
    later, earlier = list(element.clauses)
    return f"(julianday({compiler.process(later, **kw)}) - julianday({compiler.process(earlier, **kw)}))"


@compiles(days_between, "postgresql")
def _days_between_pg(element, compiler, **kw):
    later, earlier = list(element.clauses)
    return f"({compiler.process(later, **kw)} - {compiler.process(earlier, **kw)})"


class month_of(GenericFunction):  # noqa: N801
    """month_of(date): the 'YYYY-MM' text of a date column."""

    type = String()
    inherit_cache = True


@compiles(month_of, "sqlite")
def _month_of_sqlite(element, compiler, **kw):
    return f"strftime('%Y-%m', {compiler.process(list(element.clauses)[0], **kw)})"


@compiles(month_of, "postgresql")
def _month_of_pg(element, compiler, **kw):
    return f"to_char({compiler.process(list(element.clauses)[0], **kw)}, 'YYYY-MM')"


class week_monday(GenericFunction):  # noqa: N801
    """week_monday(date): the Monday of the date's ISO week, comparable with bound dates."""

    type = Date()
    inherit_cache = True


@compiles(week_monday, "sqlite")
def _week_monday_sqlite(element, compiler, **kw):
    day = compiler.process(list(element.clauses)[0], **kw)
    # strftime('%w') is 0 for Sunday; step back (weekday + 6) % 7 days to Monday.
    return f"date({day}, '-' || ((CAST(strftime('%w', {day}) AS INTEGER) + 6) % 7) || ' days')"


@compiles(week_monday, "postgresql")
def _week_monday_pg(element, compiler, **kw):
    # Through a plain timestamp: a timestamptz would make the week depend on the session's time zone.
    return f"CAST(date_trunc('week', CAST({compiler.process(list(element.clauses)[0], **kw)} AS TIMESTAMP)) AS DATE)"
