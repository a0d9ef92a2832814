"""A hazard's status on a date: the one rule behind every KPI, list, page, queue and report.

On an as-of date a hazard is
- closed 已销号 when it was closed (re-inspected and signed off) on or before that date;
- rectified 待复查 (awaiting re-inspection) when a fix was reported by then but it is not closed;
- overdue 逾期未整改 when neither, and its deadline lies before that date;
- open 待整改 otherwise.
A reported fix waiting for re-inspection is the office's own queue, never "overdue" (DESIGN.md).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, and_, case, select

from db.models import Hazard

STATUSES = ("overdue", "open", "rectified", "closed")   # the order lists show them in


def closed_by(as_of: dt.date, hazard=Hazard):
    """SQL: closed on or before `as_of` (`hazard`: the Hazard entity or an alias of it, e.g. over a subquery)."""
    return and_(hazard.closed_on.is_not(None), hazard.closed_on <= as_of)


def fix_reported_by(as_of: dt.date, hazard=Hazard):
    """SQL: a rectification reported on or before `as_of`."""
    return and_(hazard.rectified_on.is_not(None), hazard.rectified_on <= as_of)


def overdue_on(as_of: dt.date, hazard=Hazard):
    """SQL: past its deadline on `as_of`, not closed and no fix reported by then."""
    return and_(hazard.due_on < as_of, ~closed_by(as_of, hazard), ~fix_reported_by(as_of, hazard))


def status_on(as_of: dt.date):
    """SQL: the status code (overdue, open, rectified, closed) on `as_of`."""
    return case((closed_by(as_of), "closed"), (fix_reported_by(as_of), "rectified"),
                (Hazard.due_on < as_of, "overdue"), else_="open")


def status_rank(as_of: dt.date):
    """SQL: the status's place in STATUSES, for ordering lists overdue first."""
    return case((closed_by(as_of), 3), (fix_reported_by(as_of), 2), (Hazard.due_on < as_of, 0), else_=1)


def not_closed_parts(conn: Connection, as_of: dt.date) -> list:
    """SQL conditions whose union is "not closed by `as_of`", each answerable by an index: never closed, and closed
    after `as_of` — left out when no live hazard was (as-of today), which one probe of the closing index tells."""
    later = conn.execute(select(Hazard.id).where(Hazard.deleted_at.is_(None), Hazard.closed_on > as_of).limit(1)).first()
    return [Hazard.closed_on.is_(None)] + ([Hazard.closed_on > as_of] if later else [])
