"""What each supervision document says, gathered from the records only (no retyping), and whether a
record fits the type at all. The result is the document's `data`: stored in the register with the
number, and all the renderer reads. Codes stay codes (labels are the renderer's); dates are ISO text.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from db import legal_basis
from db.errors import FieldError, ValidationFailed
from db.models import AuditEntry, Document, Enforcement, Enterprise, Hazard, HazardPhoto, Project, SiteVisit

# One notice fits one A4 page with this many hazards; more continue on the next page.
HAZARDS_PER_PAGE = 8
MAX_PHOTOS = 6
PARTIAL_STOP_WORDS = ("局部",)


@dataclass(frozen=True)
class Gathered:
    """The project a document concerns and the data it is made from."""

    project_id: int
    data: dict


@dataclass(frozen=True)
class DocumentSheet:
    """Everything a renderer needs for one issued document; built from its register row."""

    kind: str
    number: str
    verification_code: str
    issued_on: dt.date
    data: dict
    supersedes: str | None = None


def refuse(message_key: str, **params) -> ValidationFailed:
    """The record does not fit the document type; nothing is issued."""
    return ValidationFailed([FieldError("record", message_key, params)])


def gather(session: Session, kind: str, code: str, today: dt.date) -> Gathered:
    """The data of a `kind` document made from the record `code`, or ValidationFailed when it does not fit."""
    return GATHERERS[kind](session, code, today)


def project_and_parties(session: Session, project_id: int) -> dict:
    """The project's code, name and kind, and its three parties' names."""
    developer, contractor, supervisor = aliased(Enterprise), aliased(Enterprise), aliased(Enterprise)
    row = session.execute(
        select(Project.code, Project.name, Project.kind, developer.name.label("developer"),
               contractor.name.label("contractor"), supervisor.name.label("supervisor_firm"))
        .join(developer, developer.id == Project.developer_id)
        .join(contractor, contractor.id == Project.contractor_id)
        .outerjoin(supervisor, supervisor.id == Project.supervisor_firm_id)
        .where(Project.id == project_id)).one()
    return {"project": {"code": row.code, "name": row.name, "kind": row.kind},
            "parties": {"developer": row.developer, "contractor": row.contractor,
                        "supervisor_firm": row.supervisor_firm}}


def hazard_item(hazard: Hazard) -> dict:
    """A hazard as documents list it, with the clauses cited for its category."""
    return {"code": hazard.code, "category": hazard.category, "level": hazard.level,
            "description": hazard.description, "found_on": hazard.found_on.isoformat(),
            "due_on": hazard.due_on.isoformat(), "basis": legal_basis.hazard_basis(hazard.category)}


def photos_as_found(session: Session, hazard_ids: list[int]) -> list[int]:
    """Ids of the photos taken of the hazards as found on the visit, for the notice's annex."""
    return list(session.execute(select(HazardPhoto.id).where(HazardPhoto.hazard_id.in_(hazard_ids),
                                                              HazardPhoto.stage == "found")
                                .order_by(HazardPhoto.hazard_id, HazardPhoto.id)).scalars())


def current_document(session: Session, kind: str, record_code: str) -> Document | None:
    """The record's document of `kind` that nothing supersedes yet, if any."""
    newer = aliased(Document)
    return session.execute(select(Document).outerjoin(newer, newer.supersedes_id == Document.id).where(
        Document.kind == kind, Document.record_code == record_code, newer.id.is_(None))).scalar()


def _live(session: Session, model, code: str):
    row = session.execute(select(model).where(model.code == code, model.deleted_at.is_(None))).scalar()
    if row is None:
        raise refuse("errors.document_unknown_record", code=code)
    return row


def _visit(session: Session, code: str) -> tuple[SiteVisit, list[Hazard], dict]:
    visit = _live(session, SiteVisit, code)
    hazards = session.execute(select(Hazard).where(Hazard.visit_id == visit.id, Hazard.deleted_at.is_(None))
                              .order_by(Hazard.level.desc(), Hazard.code)).scalars().all()
    data = project_and_parties(session, visit.project_id) | {
        "visit": {"code": visit.code, "date": visit.visited_on.isoformat(), "kind": visit.kind,
                  "inspectors": visit.inspectors, "notes": visit.notes},
        "hazards": [hazard_item(h) for h in hazards]}
    return visit, hazards, data


def visit_record(session: Session, code: str, today: dt.date) -> Gathered:
    """监督检查记录: the visit's facts and every hazard found on it (or none)."""
    visit, _, data = _visit(session, code)
    return Gathered(visit.project_id, data)


def rectification_notice(session: Session, code: str, today: dt.date) -> Gathered:
    """隐患整改通知书: the visit's hazards, each with its clauses and deadline; refused for a visit without any."""
    visit, hazards, data = _visit(session, code)
    if not hazards:
        raise refuse("errors.document_visit_without_hazards", code=code)
    return Gathered(visit.project_id, data | {"photos": photos_as_found(session, [h.id for h in hazards])})


def reinspection_opinion(session: Session, code: str, today: dt.date) -> Gathered:
    """复查意见书: the outcome of the hazard's latest re-inspection (closed, or sent back with the reason)."""
    hazard = _live(session, Hazard, code)
    if hazard.closed_on is not None:
        outcome, day, reason = "passed", hazard.closed_on, None
    elif hazard.sent_back_count and hazard.rectified_on is None:
        outcome, day, reason = "failed", _sent_back_on(session, hazard) or today, hazard.last_sent_back_reason
    else:
        raise refuse("errors.document_not_reinspected", code=code)
    photos = session.execute(select(HazardPhoto.id).where(HazardPhoto.hazard_id == hazard.id,
                                                          HazardPhoto.stage == "fixed")
                             .order_by(HazardPhoto.id).limit(MAX_PHOTOS)).scalars().all()
    visit = session.get(SiteVisit, hazard.visit_id) if hazard.visit_id else None
    item = hazard_item(hazard) | {"rectified_on": hazard.rectified_on and hazard.rectified_on.isoformat(),
                                  "rectification_note": hazard.rectification_note}
    return Gathered(hazard.project_id, project_and_parties(session, hazard.project_id) | {
        "hazard": item, "visit_code": visit.code if visit else None, "outcome": outcome,
        "reinspected_on": day.isoformat(), "reason": reason, "sent_back_count": hazard.sent_back_count,
        "photos": list(photos)})


def _sent_back_on(session: Session, hazard: Hazard) -> dt.date | None:
    # The hazard keeps no send-back date; its audit trail does (the update that raised the count).
    trail = session.execute(select(AuditEntry.at, AuditEntry.after).where(
        AuditEntry.table_name == "hazards", AuditEntry.row_id == hazard.id, AuditEntry.action == "update")
        .order_by(AuditEntry.id.desc()).limit(50)).all()
    return next((at.date() for at, after in trail
                 if (after or {}).get("sent_back_count") == hazard.sent_back_count), None)


def _order(session: Session, code: str, kind: str, wrong_kind: str) -> tuple[Enforcement, dict]:
    order = _live(session, Enforcement, code)
    if order.kind != kind:
        raise refuse(wrong_kind, code=code)
    data = project_and_parties(session, order.project_id) | {
        "order": {"code": order.code, "date": order.issued_on.isoformat(), "reason": order.reason,
                  "lifted_on": order.lifted_on and order.lifted_on.isoformat()}}
    return order, data


def _hazards_open_on(session: Session, project_id: int, day: dt.date, *, major_only: bool) -> list[dict]:
    where = [Hazard.project_id == project_id, Hazard.deleted_at.is_(None), Hazard.found_on <= day,
             (Hazard.closed_on.is_(None)) | (Hazard.closed_on > day)]
    if major_only:
        where.append(Hazard.level == "major")
    hazards = session.execute(select(Hazard).where(*where).order_by(Hazard.level.desc(), Hazard.due_on, Hazard.code)
                              .limit(HAZARDS_PER_PAGE)).scalars().all()
    return [hazard_item(h) for h in hazards]


def stop_work_notice(session: Session, code: str, today: dt.date) -> Gathered:
    """停工整改通知书 (局部 or 全面): the order's reason, the major hazards open that day, the clauses."""
    order, data = _order(session, code, "stop_work", "errors.document_not_stop_work")
    hazards = _hazards_open_on(session, order.project_id, order.issued_on, major_only=True)
    scope = "partial" if any(word in order.reason for word in PARTIAL_STOP_WORDS) else "full"
    basis = ["safety_regulation_43", "work_safety_law"] + (["major_hazard_standard"] if hazards else [])
    return Gathered(order.project_id, data | {"scope": scope, "hazards": hazards, "basis": basis})


def resumption_notice(session: Session, code: str, today: dt.date) -> Gathered:
    """复工通知书: work may resume from the day the order was lifted; refused while the order stands."""
    order, data = _order(session, code, "stop_work", "errors.document_not_stop_work")
    if order.lifted_on is None:
        raise refuse("errors.document_order_not_lifted", code=code)
    notice = current_document(session, "stop_work_notice", code)
    return Gathered(order.project_id, data | {"stop_notice": notice.number if notice else None})


def _attendees(data: dict) -> list[str]:
    # Who is summoned follows the recorded reason: the contractor always, the others when it names them.
    reason, parties = data["order"]["reason"], data["parties"]
    names = [parties["contractor"]]
    if "监理" in reason and parties["supervisor_firm"]:
        names.append(parties["supervisor_firm"])
    if "建设" in reason:
        names.append(parties["developer"])
    return list(dict.fromkeys(names))


def interview_notice(session: Session, code: str, today: dt.date) -> Gathered:
    """约谈通知书: who is summoned, when and why."""
    order, data = _order(session, code, "warning_interview", "errors.document_not_interview")
    return Gathered(order.project_id, data | {"attendees": _attendees(data), "basis": ["work_safety_law"]})


def interview_record(session: Session, code: str, today: dt.date) -> Gathered:
    """约谈记录: the interview held, the hazards still open that day, the requirements; refused before it."""
    order, data = _order(session, code, "warning_interview", "errors.document_not_interview")
    if order.issued_on > today:
        raise refuse("errors.document_interview_not_held", code=code)
    hazards = _hazards_open_on(session, order.project_id, order.issued_on, major_only=False)
    return Gathered(order.project_id, data | {"attendees": _attendees(data), "hazards": hazards,
                                              "basis": ["work_safety_law"]})


GATHERERS: dict[str, Callable[[Session, str, dt.date], Gathered]] = {
    "visit_record": visit_record, "rectification_notice": rectification_notice,
    "reinspection_opinion": reinspection_opinion, "stop_work_notice": stop_work_notice,
    "resumption_notice": resumption_notice, "interview_notice": interview_notice,
    "interview_record": interview_record,
}
