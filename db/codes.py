"""Readable record codes: a prefix, the year and a yearly number (XC2026-0123, YH2026-0386).

The number comes from a counter row per (prefix, year), incremented inside the writing transaction: PostgreSQL
locks the row until commit and SQLite's BEGIN IMMEDIATE serialises writers, so concurrent saves never get the same
code. Loads that write codes of their own (the demo, a workbook import) move the counters past them (`sync`).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Integer, cast, exists, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.models import CodeSequence, Enforcement, Hazard, RiskPoint, SiteVisit, Training

PREFIXES = {SiteVisit: "XC", Hazard: "YH", RiskPoint: "FX", Enforcement: "ZF", Training: "PX"}


def next_code(session: Session, model, day: dt.date) -> str:
    """A new code for a `model` record dated `day`, never one in use."""
    prefix, year = PREFIXES[model], day.year
    dialect = sqlite if session.bind.dialect.name == "sqlite" else postgresql
    session.execute(dialect.insert(CodeSequence).values(prefix=prefix, year=year, last=0).on_conflict_do_nothing())
    while True:
        number = session.execute(update(CodeSequence).where(CodeSequence.prefix == prefix, CodeSequence.year == year)
                                 .values(last=CodeSequence.last + 1).returning(CodeSequence.last)).scalar_one()
        code = f"{prefix}{year}-{number:04d}"
        # A code written by hand (or by a load that was not synced) is skipped, never reused.
        if not session.execute(select(exists().where(model.code == code))).scalar():
            return code


def sync(conn: Connection) -> None:
    """Move every counter past the highest number already used in codes of its prefix and year."""
    for model, prefix in PREFIXES.items():
        year, number = func.substr(model.code, 3, 4), cast(func.substr(model.code, 8), Integer)
        highest = conn.execute(select(year, func.max(number)).where(model.code.like(f"{prefix}____-%"))
                               .group_by(year)).all()
        for year_text, last in highest:
            if not (year_text or "").isdigit() or last is None:
                continue
            row = conn.execute(select(CodeSequence.last).where(CodeSequence.prefix == prefix,
                                                               CodeSequence.year == int(year_text))).scalar()
            if row is None:
                conn.execute(insert(CodeSequence).values(prefix=prefix, year=int(year_text), last=last))
            elif row < last:
                conn.execute(update(CodeSequence).where(CodeSequence.prefix == prefix,
                                                        CodeSequence.year == int(year_text)).values(last=last))
