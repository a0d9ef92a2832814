"""Site visits, entered with the hazards found on them."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from db.codes import next_code
from db.commands.common import enterprise_id, project_id, saved
from db.commands.hazards import store_photos
from db.photos import check_photos
from db.errors import FieldError, ValidationFailed
from db.models import Hazard, SiteVisit
from db.permissions import ENTRY_ROLES, Actor, require
from db.schemas import HazardIn, VisitIn, validate
from db.unit_of_work import audit, now, remember, snapshot, writing


def create_visit(engine: Engine, *, actor: Actor, visit: dict, hazards: list[dict] = (),
                 today: dt.date | None = None, submission: str | None = None) -> int:
    """Record a site visit and the hazards found on it, all or nothing; returns the visit id."""
    require(actor, ENTRY_ROLES, "create_visit")
    found, errors = [], []
    try:
        data = validate(VisitIn, visit, today=today)
    except ValidationFailed as exc:
        errors += exc.errors
    for index, hazard in enumerate(hazards):
        # A hazard takes its project and date from the visit; problems there are the visit's to report.
        photos, photo_errors = check_photos(list(hazard.get("photos") or []))
        errors += [FieldError(f"hazards.{index}.{e.field}", e.message_key) for e in photo_errors]
        try:
            found.append((validate(HazardIn, {**hazard, "project": visit.get("project") or "?",
                                              "found_on": visit.get("date")}, today=today), photos))
        except ValidationFailed as exc:
            errors += [FieldError(f"hazards.{index}.{e.field}", e.message_key) for e in exc.errors
                       if e.field not in ("project", "found_on")]
    if errors:
        raise ValidationFailed(errors)
    try:
        with writing(engine, actor, submission=submission) as session:
            project = project_id(session, data.project)
            row = SiteVisit(code=data.code or next_code(session, SiteVisit, data.date), project_id=project, visited_on=data.date,
                            kind=data.kind, inspectors=data.inspectors, notes=data.notes,
                            created_by=actor.username, created_at=now())
            session.add(row)
            session.flush()
            audit(session, "create", table="site_visits", row_id=row.id, after=snapshot(row))
            created = [row]
            for index, (item, photos) in enumerate(found):
                responsible = enterprise_id(session, item.responsible, f"hazards.{index}.responsible")
                hazard = Hazard(**item.model_dump(exclude={"project", "visit", "code", "responsible"}),
                                code=item.code or next_code(session, Hazard, data.date), project_id=project,
                                visit_id=row.id, responsible_id=responsible, created_by=actor.username,
                                created_at=now())
                session.add(hazard)
                session.flush()
                audit(session, "create", table="hazards", row_id=hazard.id, after=snapshot(hazard))
                store_photos(session, hazard.id, photos, "found", actor.username)
                created.append(hazard)
            remember(session, [saved(session, record) for record in created])
            return row.id
    except IntegrityError:
        raise ValidationFailed([FieldError("code", "errors.duplicate_code")]) from None

