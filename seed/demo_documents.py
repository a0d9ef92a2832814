"""The demo's issued documents: the paper trail of its enforcement history, numbered as it was issued.

Every stop-work order has its notice and, once lifted, its resumption notice; an order for a major
hazard also has the visit's record and rectification notice before it and the hazard's re-inspection
opinion after. Every warning interview has its notice (three days ahead) and its record. Each is
registered through the same code as a live issue (db.commands.documents.register), in date order,
so numbers follow the dates within each type and year and live issuing continues the sequences.

The seed may not render PDFs (it sits beside the data layer, below render/): these documents are
registered with their data and printed from it, once, the first time someone opens one.
"""
from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.commands.documents import register
from db.document_numbers import code_from_seed
from db.enums import DOCUMENT_KIND
from db.models import Enforcement, Hazard, SiteVisit

ISSUER, ISSUER_NAME = "demo_staff", "演示监督员（甲）"
NOTICE_AHEAD = dt.timedelta(days=3)
CHINA = dt.timezone(dt.timedelta(hours=8))
ORDER = {kind: rank for rank, kind in enumerate(DOCUMENT_KIND.codes)}


def demo_documents(session: Session, today: dt.date) -> list[tuple[dt.date, str, str]]:
    """(issue date, document type, record code) of every demo document up to `today`, in issue order."""
    events = []
    orders = session.execute(select(Enforcement).where(
        Enforcement.kind.in_(("stop_work", "warning_interview")), Enforcement.deleted_at.is_(None))
        .order_by(Enforcement.issued_on, Enforcement.code)).scalars().all()
    for order in orders:
        if order.kind == "warning_interview":
            events += [(max(order.issued_on - NOTICE_AHEAD, dt.date(order.issued_on.year, 1, 1)), "interview_notice",
                        order.code), (order.issued_on, "interview_record", order.code)]
            continue
        events += _hazard_trail(session, order)
        events.append((order.issued_on, "stop_work_notice", order.code))
        if order.lifted_on:
            events.append((order.lifted_on, "resumption_notice", order.code))
    kept = [event for event in events if event[0] <= today]
    return sorted(kept, key=lambda e: (e[0], ORDER[e[1]], e[2]))


def _hazard_trail(session: Session, order: Enforcement) -> list[tuple[dt.date, str, str]]:
    # An order for a major hazard follows the visit that found it and precedes the hazard's re-inspection.
    found = session.execute(select(Hazard, SiteVisit.code).join(SiteVisit, SiteVisit.id == Hazard.visit_id).where(
        Hazard.project_id == order.project_id, Hazard.found_on == order.issued_on, Hazard.level == "major",
        Hazard.deleted_at.is_(None)).order_by(Hazard.code)).first()
    if found is None:
        return []
    hazard, visit_code = found
    trail = [(order.issued_on, "visit_record", visit_code), (order.issued_on, "rectification_notice", visit_code)]
    if hazard.closed_on:
        trail.append((hazard.closed_on, "reinspection_opinion", hazard.code))
    return trail


def register_demo_documents(session: Session, today: dt.date) -> int:
    """Register the demo's documents in the caller's transaction; returns how many."""
    events = demo_documents(session, today)
    for day, kind, code in events:
        seed = hashlib.sha256(f"demo-document:{kind}:{code}".encode()).digest()
        register(session, kind=kind, record_code=code, issued_on=day, issued_by=ISSUER, issuer_name=ISSUER_NAME,
                 verification_code=code_from_seed(seed),
                 issued_at=dt.datetime.combine(day, dt.time(9, 30), CHINA))
    return len(events)
