"""Soft delete (staff, admin) and restore (admin only): rows are never removed, only hidden and audited."""
from __future__ import annotations

from sqlalchemy import Engine, select

from db.commands.common import for_update, saved
from db.errors import FieldError, ValidationFailed
from db.models import Accident, Enforcement, Enterprise, Hazard, Project, RiskPoint, SiteVisit, Training
from db.permissions import ADMIN_ROLES, ENTRY_ROLES, Actor, require
from db.unit_of_work import audit, now, remember, snapshot, writing

# Records a user can name by their code; the code column of each.
DELETABLE = {
    "hazards": (Hazard, Hazard.code), "site_visits": (SiteVisit, SiteVisit.code),
    "risk_points": (RiskPoint, RiskPoint.code), "enforcements": (Enforcement, Enforcement.code),
    "trainings": (Training, Training.code), "accidents": (Accident, Accident.code),
    "projects": (Project, Project.code), "enterprises": (Enterprise, Enterprise.credit_code),
}


def _model(table: str):
    if table not in DELETABLE:
        raise ValidationFailed([FieldError("table", "errors.not_in_list")])
    return DELETABLE[table][0]


REASON_CHARS = (2, 200)


def delete_record(engine: Engine, *, actor: Actor, table: str, row_id: int, version: int, reason: str,
                  submission: str | None = None) -> None:
    """Hide a record from every page and figure, saying why (kept in the audit log and shown beside the deleted
    record); an admin can restore it."""
    require(actor, ENTRY_ROLES, "delete_record")
    model = _model(table)
    reason = (reason or "").strip()
    if len(reason) < REASON_CHARS[0]:
        raise ValidationFailed([FieldError("reason", "errors.required")])
    if len(reason) > REASON_CHARS[1]:
        raise ValidationFailed([FieldError("reason", "errors.too_long")])
    with writing(engine, actor, submission=submission) as session:
        row = for_update(session, model, row_id, version)
        before = snapshot(row)
        row.deleted_at, row.updated_by, row.updated_at = now(), actor.username, now()
        session.flush()
        audit(session, "delete", table=table, row_id=row.id, before=before, after={**snapshot(row), "reason": reason})
        remember(session, [saved(session, row)])


def restore_record(engine: Engine, *, actor: Actor, table: str, row_id: int, submission: str | None = None) -> None:
    """Bring a soft-deleted record back."""
    require(actor, ADMIN_ROLES, "restore_record")
    model = _model(table)
    with writing(engine, actor, submission=submission) as session:
        row = session.execute(select(model).where(model.id == row_id, model.deleted_at.is_not(None))
                              .with_for_update()).scalar()
        if row is None:
            raise ValidationFailed([FieldError("id", "errors.not_found")])
        before = snapshot(row)
        row.deleted_at, row.updated_by, row.updated_at = None, actor.username, now()
        session.flush()
        audit(session, "restore", table=table, row_id=row.id, before=before, after=snapshot(row))
        remember(session, [saved(session, row)])
