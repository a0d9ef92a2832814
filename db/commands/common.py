"""What every command shares: lookups by code, the versioned read for edits, what a save names."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.errors import Conflict, FieldError, ValidationFailed
from db.models import Enterprise, Project
from db.unit_of_work import audit, now, remember, snapshot


def project_id(session: Session, code: str, field: str = "project") -> int:
    """The id of the live project with `code`, or ValidationFailed on `field`."""
    found = session.execute(select(Project.id).where(Project.code == code, Project.deleted_at.is_(None))).scalar()
    if found is None:
        raise ValidationFailed([FieldError(field, "errors.unknown_project")])
    return found


def for_update(session: Session, model, row_id: int, version: int):
    """The live row to edit, locked; Conflict when someone saved it since `version` was read."""
    row = session.execute(select(model).where(model.id == row_id, model.deleted_at.is_(None))
                          .with_for_update()).scalar()
    if row is None:
        raise ValidationFailed([FieldError("id", "errors.not_found")])
    if row.version != version:
        raise Conflict(model.__tablename__, row_id, row.updated_by or row.created_by, row.updated_at)
    return row


def enterprise_id(session: Session, text: str | None, field: str) -> int | None:
    """The id of the live enterprise whose credit code or name is `text` (None for blank), else ValidationFailed."""
    if text is None or not str(text).strip():
        return None
    return enterprises_named(session, [str(text)], field)[0].id


def enterprises_named(session: Session, texts: list[str], field: str) -> list[Enterprise]:
    """The live enterprises named by credit code or name, in one query; ValidationFailed if any is unknown."""
    wanted = [text.strip() for text in texts]
    if not wanted:
        return []
    found = session.execute(select(Enterprise).where(
        Enterprise.deleted_at.is_(None),
        Enterprise.credit_code.in_([w.upper() for w in wanted]) | Enterprise.name.in_(wanted))).scalars().all()
    by_key = {e.credit_code: e for e in found} | {e.name: e for e in found}
    if any(w.upper() not in by_key and w not in by_key for w in wanted):
        raise ValidationFailed([FieldError(field, "errors.unknown_enterprise")])
    return [by_key.get(w.upper()) or by_key[w] for w in wanted]


def change(session: Session, row, username: str, **values) -> None:
    """Set `values` on a row read with for_update, stamp who and when, and audit before/after."""
    before = snapshot(row)
    for key, value in values.items():
        setattr(row, key, value)
    row.updated_by, row.updated_at = username, now()
    session.flush()
    audit(session, "update", table=row.__tablename__, row_id=row.id, before=before, after=snapshot(row))
    remember(session, [saved(session, row)])


def saved(session: Session, row) -> dict:
    """What a confirmation names and links to: the record's table, its code (or name) and its project's code."""
    code = getattr(row, "code", None) or getattr(row, "credit_code", None) or getattr(row, "name", None)
    if isinstance(row, Project):
        project = row.code
    else:
        project_id = getattr(row, "project_id", None)
        project = session.get(Project, project_id).code if project_id else None
    return {"table": row.__tablename__, "code": code, "project": project}
