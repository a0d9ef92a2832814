"""Creating and editing the office's other records: risk points, enforcement, training, projects and their
ledgers, enterprises. Each validates with the importer's schema, writes in one audited transaction and
bumps the data revision."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.codes import next_code
from db.commands.common import change, enterprise_id, enterprises_named, for_update, project_id, saved
from db.errors import FieldError, ValidationFailed
from db.models import Enforcement, Enterprise, LedgerItem, Project, RiskPoint, Training
from db.permissions import ENTRY_ROLES, Actor, require
from db.schemas import (
    EnforcementIn, EnterpriseIn, LedgerItemIn, LiftIn, ProjectIn, Record, RiskPointIn, TrainingIn, problems_of,
    validate,
)
from db.unit_of_work import audit, now, remember, snapshot, writing


def _create(engine: Engine, actor: Actor, action: str, schema: type[Record], values: dict,
            build: Callable[[Session, Record], object], duplicate_field: str, today: dt.date | None,
            submission: str | None):
    require(actor, ENTRY_ROLES, action)
    data = validate(schema, values, today=today)
    try:
        with writing(engine, actor, submission=submission) as session:
            row = build(session, data)
            row.created_by, row.created_at = actor.username, now()
            session.add(row)
            session.flush()
            audit(session, "create", table=row.__tablename__, row_id=row.id, after=snapshot(row))
            remember(session, [saved(session, row)])
            return row
    except IntegrityError:
        raise ValidationFailed([FieldError(duplicate_field, "errors.duplicate_code")]) from None


def create_risk_point(engine: Engine, *, actor: Actor, values: dict, today: dt.date | None = None,
                      submission: str | None = None) -> str:
    """Record an identified risk point; returns its code."""
    def build(session, data: RiskPointIn):
        return RiskPoint(code=data.code or next_code(session, RiskPoint, data.identified_on), project_id=project_id(session, data.project),
                         **data.model_dump(include={"identified_on", "category", "level", "description", "controls"}))
    return _create(engine, actor, "create_risk_point", RiskPointIn, values, build, "code", today, submission).code


def create_enforcement(engine: Engine, *, actor: Actor, values: dict, today: dt.date | None = None,
                       submission: str | None = None) -> str:
    """Record a stop-work order, warning interview or rectification notice; returns its code."""
    def build(session, data: EnforcementIn):
        return Enforcement(code=data.code or next_code(session, Enforcement, data.date), project_id=project_id(session, data.project),
                           issued_on=data.date, kind=data.kind, reason=data.reason, lifted_on=data.lifted_on)
    return _create(engine, actor, "create_enforcement", EnforcementIn, values, build, "code", today, submission).code


def lift_stop_work(engine: Engine, *, actor: Actor, enforcement_id: int, version: int, lifted_on: dt.date | None,
                   today: dt.date | None = None, submission: str | None = None) -> None:
    """Lift a stop-work order (work may resume) on a date not before it was issued nor after today."""
    require(actor, ENTRY_ROLES, "lift_stop_work")
    with writing(engine, actor, submission=submission) as session:
        order = for_update(session, Enforcement, enforcement_id, version)
        _, problems = problems_of(LiftIn, {"lifted_on": lifted_on, "issued_on": order.issued_on}, today)
        if order.kind != "stop_work" or order.lifted_on is not None:
            problems.append(FieldError("lifted_on", "errors.not_liftable"))
        if problems:
            raise ValidationFailed(problems)
        change(session, order, actor.username, lifted_on=lifted_on)


def create_training(engine: Engine, *, actor: Actor, values: dict, today: dt.date | None = None,
                    submission: str | None = None) -> str:
    """Record a training, observation or online Q&A session with the enterprises that attended; returns its code."""
    def build(session, data: TrainingIn):
        attending = {e.id: e for e in enterprises_named(session, data.enterprises, "enterprises")}
        return Training(code=data.code or next_code(session, Training, data.date), held_on=data.date, kind=data.kind,
                        title=data.title, attendees=data.attendees, enterprises=list(attending.values()))
    return _create(engine, actor, "create_training", TrainingIn, values, build, "code", today, submission).code


def create_enterprise(engine: Engine, *, actor: Actor, values: dict, submission: str | None = None) -> int:
    """Register an enterprise (credit code checked against GB 32100); returns its id."""
    def build(session, data: EnterpriseIn):
        clash = session.execute(select(Enterprise.credit_code, Enterprise.name).where(
            (Enterprise.credit_code == data.credit_code) | (Enterprise.name == data.name))).first()
        if clash:
            field = "credit_code" if clash.credit_code == data.credit_code else "name"
            raise ValidationFailed([FieldError(field, "errors.duplicate_code")])
        return Enterprise(**data.model_dump())
    return _create(engine, actor, "create_enterprise", EnterpriseIn, values, build, "credit_code", None, submission).id


def create_project(engine: Engine, *, actor: Actor, values: dict, submission: str | None = None) -> str:
    """Register a project with its three parties (each by credit code or name); returns its code."""
    def build(session, data: ProjectIn):
        parties = {field: enterprise_id(session, getattr(data, field), field)
                   for field in ("developer", "contractor", "supervisor_firm")}
        return Project(**data.model_dump(exclude={"developer", "contractor", "supervisor_firm"}),
                       developer_id=parties["developer"], contractor_id=parties["contractor"],
                       supervisor_firm_id=parties["supervisor_firm"])
    return _create(engine, actor, "create_project", ProjectIn, values, build, "code", None, submission).code


def add_ledger_item(engine: Engine, *, actor: Actor, values: dict, submission: str | None = None) -> int:
    """Add an item to a project's "one project, one list" ledger; returns its id."""
    def build(session, data: LedgerItemIn):
        return LedgerItem(project_id=project_id(session, data.project), **data.model_dump(exclude={"project"}))
    return _create(engine, actor, "add_ledger_item", LedgerItemIn, values, build, "name", None, submission).id


def update_ledger_item(engine: Engine, *, actor: Actor, item_id: int, version: int, values: dict,
                       submission: str | None = None) -> None:
    """Change a ledger item's status or plan (same rules as a new item)."""
    require(actor, ENTRY_ROLES, "update_ledger_item")
    with writing(engine, actor, submission=submission) as session:
        item = for_update(session, LedgerItem, item_id, version)
        fields = set(LedgerItemIn.model_fields) - {"project", "kind", "name"}
        current = {"project": "-", "kind": item.kind, "name": item.name} | {f: getattr(item, f) for f in fields}
        if item.danger_kind is not None:
            current["beyond_scale"] = None  # recomputed from the (possibly changed) parameters
        data = validate(LedgerItemIn, current | values)
        change(session, item, actor.username, **data.model_dump(exclude={"project", "kind", "name"}))
