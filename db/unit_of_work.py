"""The one way to write: a transaction that audits what it did and bumps the data revision."""
from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, inspect, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.engine import writer
from db.errors import AlreadySubmitted
from db.models import AuditEntry, DataRevision, FormSubmission
from db.permissions import Actor


@contextlib.contextmanager
def writing(engine: Engine, actor: Actor | str, *, submission: str | None = None) -> Iterator[Session]:
    """A session in one write transaction; on success the data revision is bumped once.

    With a `submission` token (one per form submission) the transaction first claims the token: a second
    save of the same submission raises AlreadySubmitted carrying the first save's result (`remember`),
    and writes nothing.
    """
    if submission is not None:
        _refuse_if_submitted(engine, submission)
    try:
        with Session(writer(engine), expire_on_commit=False) as session, session.begin():
            session.info["actor"] = actor if isinstance(actor, Actor) else Actor(actor, "system")
            if submission is not None:
                session.add(FormSubmission(token=submission, actor=session.info["actor"].username, at=now()))
                session.flush()
            yield session
            if submission is not None:
                session.execute(update(FormSubmission).where(FormSubmission.token == submission)
                                .values(result=session.info.get("result")))
            session.execute(update(DataRevision).where(DataRevision.id == 1)
                            .values(revision=DataRevision.revision + 1))
    except IntegrityError:
        # Two saves of one submission raced past the first check: the loser reports the winner's result.
        if submission is not None:
            _refuse_if_submitted(engine, submission)
        raise


def remember(session: Session, result) -> None:
    """What this write created (JSON-ready), returned again to a repeated submission of the same form."""
    session.info["result"] = result


def _refuse_if_submitted(engine: Engine, token: str) -> None:
    with engine.connect() as conn:
        row = conn.execute(select(FormSubmission.result).where(FormSubmission.token == token)).first()
    if row is not None:
        raise AlreadySubmitted(token, row.result)


def audit(session: Session, action: str, *, table: str | None = None, row_id: int | None = None,
          before: dict | None = None, after: dict | None = None) -> None:
    """Append one audit row stamped with the session's actor and the current time."""
    actor = session.info.get("actor") or Actor("system", "system")
    session.add(AuditEntry(
        at=now(), actor=actor.username, action=action, table_name=table, row_id=row_id, before=before, after=after,
        client_ip=actor.client_ip[:64] or None, user_agent=actor.user_agent[:300] or None,
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
