"""The rectification workflow: open → rectified → closed by a re-inspection (or sent back)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from db.commands.common import change, for_update
from db.errors import FieldError, ValidationFailed
from db.models import Hazard, HazardPhoto
from db.photos import CheckedPhoto, check_photos
from db.permissions import ENTRY_ROLES, Actor, require
from db.schemas import ClosureIn, RectificationIn, SendBackIn, problems_of
from db.unit_of_work import audit, now, writing

# After this many failed re-inspections the project page suggests a warning interview or stop-work order.
ESCALATE_AFTER_SEND_BACKS = 2


def mark_rectified(engine: Engine, *, actor: Actor, hazard_id: int, version: int, rectified_on: dt.date,
                   note: str, photos: list[bytes] = (), today: dt.date | None = None,
                   submission: str | None = None) -> None:
    """Record the contractor's rectification (date, note, photos of the fixed state) of an open hazard."""
    require(actor, ENTRY_ROLES, "mark_rectified")
    checked, problems = check_photos(list(photos))
    with writing(engine, actor, submission=submission) as session:
        hazard = for_update(session, Hazard, hazard_id, version)
        data, step_problems = problems_of(RectificationIn, {"rectified_on": rectified_on, "note": note,
                                                             "found_on": hazard.found_on}, today)
        problems += step_problems
        if hazard.closed_on is not None:
            problems.append(FieldError("rectified_on", "errors.already_closed"))
        if problems:
            raise ValidationFailed(problems)
        change(session, hazard, actor.username, rectified_on=data.rectified_on, rectification_note=data.note,
               rectified_by=actor.username)
        store_photos(session, hazard.id, checked, "fixed", actor.username)


def store_photos(session: Session, hazard_id: int, photos: list[CheckedPhoto], stage: str, username: str) -> None:
    """Keep a hazard's checked photos (as found or as fixed) in the same transaction, each audited."""
    for photo in photos:
        row = HazardPhoto(hazard_id=hazard_id, stage=stage, created_by=username, created_at=now(), **vars(photo))
        session.add(row)
        session.flush()
        audit(session, "create", table="hazard_photos", row_id=row.id,
              after={"hazard_id": hazard_id, "stage": stage, "content_type": photo.content_type,
                     "size_bytes": photo.size_bytes, "sha256": photo.sha256})


def close_hazard(engine: Engine, *, actor: Actor, hazard_id: int, version: int, closed_on: dt.date,
                 today: dt.date | None = None, submission: str | None = None) -> None:
    """Close a rectified hazard after re-inspection, by someone other than who reported the fix."""
    require(actor, ENTRY_ROLES, "close_hazard")
    with writing(engine, actor, submission=submission) as session:
        hazard = for_update(session, Hazard, hazard_id, version)
        _, problems = problems_of(ClosureIn, {"closed_on": closed_on, "rectified_on": hazard.rectified_on}, today)
        if hazard.rectified_by == actor.username:
            problems.append(FieldError("closed_on", "errors.same_person_closing"))
        if problems:
            raise ValidationFailed(problems)
        change(session, hazard, actor.username, closed_on=closed_on, closed_by=actor.username)


def send_back(engine: Engine, *, actor: Actor, hazard_id: int, version: int, reason: str,
              submission: str | None = None) -> None:
    """The re-inspection failed: the hazard is open again, with the reason and one more send-back."""
    require(actor, ENTRY_ROLES, "send_back_hazard")
    with writing(engine, actor, submission=submission) as session:
        hazard = for_update(session, Hazard, hazard_id, version)
        data, problems = problems_of(SendBackIn, {"reason": reason}, None)
        if hazard.rectified_on is None or hazard.closed_on is not None:
            problems.append(FieldError("reason", "errors.not_awaiting_reinspection"))
        if problems:
            raise ValidationFailed(problems)
        change(session, hazard, actor.username, rectified_on=None, rectified_by=None, rectification_note=None,
                sent_back_count=hazard.sent_back_count + 1, last_sent_back_reason=data.reason)

