"""Reads for the pages, one module per area: small results already aggregated by the database."""
from __future__ import annotations

from sqlalchemy import and_


def narrowed(condition, *choices):
    """`condition` further limited by (column, chosen values) pairs; an empty choice means all."""
    return and_(condition, *(column.in_(values) for column, values in choices if values))
