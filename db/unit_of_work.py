"""The one way to write: a transaction that audits what it did and bumps the data revision."""
from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, inspect, select, update
from sqlalchemy.orm import Session

from db.engine import writer
from db.models import AuditEntry, DataRevision


@contextlib.contextmanager
def writing(engine: Engine, actor: str) -> Iterator[Session]:
    """A session in one write transaction; on success the data revision is bumped once."""
    with Session(writer(engine), expire_on_commit=False) as session, session.begin():
        session.info["actor"] = actor
        yield session
        session.execute(update(DataRevision).where(DataRevision.id == 1)
                        .values(revision=DataRevision.revision + 1))


def audit(session: Session, action: str, *, table: str | None = None, row_id: int | None = None,
          before: dict | None = None, after: dict | None = None) -> None:
    """Append one audit row stamped with the session's actor and the current time."""
    session.add(AuditEntry(
        at=now(), actor=session.info.get("actor", "system"), action=action,
        table_name=table, row_id=row_id, before=before, after=after,
    ))


def snapshot(record: Any) -> dict:
    """The record's column values as JSON-ready data, for the audit log."""
    mapper = inspect(record).mapper
    return {attr.key: _jsonable(getattr(record, attr.key)) for attr in mapper.column_attrs}


def data_revision(engine: Engine) -> int:
    """The current data revision; changes whenever any process writes."""
    with engine.connect() as conn:
        return conn.execute(select(DataRevision.revision).where(DataRevision.id == 1)).scalar_one()


def now() -> dt.datetime:
    """The current time, timezone-aware (UTC)."""
    return dt.datetime.now(dt.timezone.utc)


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
