"""Reads of the document register: the searchable list, one document with its chain, a record's or a
project's documents, counts per type, and checking a file against the register."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, func, or_, select
from sqlalchemy.orm import Session, aliased

from db.document_content import gather
from db.document_numbers import marked_code, normalised_code
from db.errors import ValidationFailed
from db.models import Document, Enforcement, Project
from db.period import Period

COLUMNS = ["id", "number", "kind", "project_code", "project", "record_code", "issued_on", "issued_by",
           "verification_code", "supersedes", "superseded_by", "printed"]


@dataclass(frozen=True)
class DocumentFilter:
    """What the register list is narrowed to; None or empty means all."""

    kind: str | None = None
    search: str | None = None          # part of a number, a project's name or code, a record code, a verification code
    project_code: str | None = None
    record_code: str | None = None
    period: Period | None = None


@dataclass(frozen=True)
class Verdict:
    """What the register says about a file: genuine (byte for byte), an altered copy, or unknown."""

    genuine: bool
    number: str | None = None
    document_id: int | None = None
    superseded_by: str | None = None


def _listing():
    older, newer = aliased(Document), aliased(Document)
    return (select(Document.id, Document.number, Document.kind, Project.code.label("project_code"),
                   Project.name.label("project"), Document.record_code, Document.issued_on, Document.issued_by,
                   Document.verification_code, older.number.label("supersedes"),
                   newer.number.label("superseded_by"), Document.sha256.is_not(None).label("printed"))
            .join(Project, Project.id == Document.project_id)
            .outerjoin(older, older.id == Document.supersedes_id)
            .outerjoin(newer, newer.supersedes_id == Document.id))


def _conditions(where: DocumentFilter) -> list:
    conditions = []
    if where.kind:
        conditions.append(Document.kind == where.kind)
    if where.project_code:
        conditions.append(Project.code == where.project_code)
    if where.record_code:
        conditions.append(Document.record_code == where.record_code)
    if where.period:
        conditions.append(Document.issued_on.between(where.period.start, where.period.end))
    if where.search:
        text = where.search.strip()
        like = f"%{text}%"
        conditions.append(or_(Document.number.like(like), Project.name.like(like), Project.code == text,
                              Document.record_code == text,
                              Document.verification_code == (normalised_code(text) or text)))
    return conditions


def _frame(rows) -> pd.DataFrame:
    return pd.DataFrame([dict(r) for r in rows], columns=COLUMNS)


def document_page(conn: Connection, *, where: DocumentFilter, limit: int = 50,
                  offset: int = 0) -> tuple[pd.DataFrame, int]:
    """A page of the register, newest first, and how many documents match."""
    conditions = _conditions(where)
    total = conn.execute(select(func.count()).select_from(Document)
                         .join(Project, Project.id == Document.project_id).where(*conditions)).scalar_one()
    rows = conn.execute(_listing().where(*conditions)
                        .order_by(Document.issued_on.desc(), Document.id.desc()).limit(limit).offset(offset))
    return _frame(rows.mappings().all()), total


def register_rows(conn: Connection, *, kind: str | None = None) -> pd.DataFrame:
    """The whole register (or one type), oldest first, with each document's hash: for the command line."""
    query = _listing().add_columns(Document.sha256, Document.issued_at)
    if kind:
        query = query.where(Document.kind == kind)
    rows = conn.execute(query.order_by(Document.kind, Document.year, Document.seq)).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=[*COLUMNS, "sha256", "issued_at"])


def record_documents(conn: Connection, *, record_code: str) -> pd.DataFrame:
    """Every document made from one record, newest first (superseded ones included)."""
    return document_page(conn, where=DocumentFilter(record_code=record_code), limit=100)[0]


def project_documents(conn: Connection, *, project_code: str) -> pd.DataFrame:
    """Every document about one project, newest first (at most 500)."""
    return document_page(conn, where=DocumentFilter(project_code=project_code), limit=500)[0]


def document_detail(conn: Connection, *, document_id: int) -> dict | None:
    """One document's register entry with its data and its whole chain of corrections, oldest first."""
    row = conn.execute(_listing().add_columns(Document.data, Document.sha256, Document.issued_at,
                                              Document.supersedes_id)
                       .where(Document.id == document_id)).mappings().first()
    if row is None:
        return None
    chain, first = [], dict(row)
    while first["supersedes_id"] is not None:
        first = dict(conn.execute(select(Document.id, Document.supersedes_id)
                                  .where(Document.id == first["supersedes_id"])).mappings().one())
    current = first["id"]
    while current is not None:
        link = conn.execute(select(Document.id, Document.number, Document.issued_on)
                            .where(Document.id == current)).mappings().one()
        chain.append(dict(link))
        current = conn.execute(select(Document.id).where(Document.supersedes_id == current)).scalar()
    return dict(row) | {"chain": chain}


def issued_per_kind(conn: Connection, *, period: Period) -> dict[str, int]:
    """How many documents of each type were issued in the period (corrections counted as issued)."""
    rows = conn.execute(select(Document.kind, func.count()).where(
        Document.issued_on.between(period.start, period.end)).group_by(Document.kind)).all()
    return {kind: count for kind, count in rows}


def verify_file(conn: Connection, content: bytes) -> Verdict:
    """Whether `content` is byte for byte a document the register holds; else the number it claims, if any."""
    digest = hashlib.sha256(content).hexdigest()
    newer = aliased(Document)
    found = conn.execute(select(Document.id, Document.number, newer.number.label("superseded_by"))
                         .outerjoin(newer, newer.supersedes_id == Document.id)
                         .where(Document.sha256 == digest)).first()
    if found:
        return Verdict(True, found.number, found.id, found.superseded_by)
    code = marked_code(content)
    claimed = conn.execute(select(Document.id, Document.number).where(Document.verification_code == code)).first() \
        if code else None
    return Verdict(False, claimed.number if claimed else None, claimed.id if claimed else None)


def by_verification_code(conn: Connection, *, code: str) -> dict | None:
    """The register entry a typed or scanned verification code names, or None."""
    wanted = normalised_code(code)
    if wanted is None:
        return None
    row = conn.execute(_listing().where(Document.verification_code == wanted)).mappings().first()
    return dict(row) if row else None


def refusals(conn: Connection, *, kinds: tuple[str, ...], code: str, today: dt.date) -> dict[str, str | None]:
    """For each document type, why the record `code` cannot make one (a message key), or None when it can.

    The same rules as issuing (db.document_content), run read-only, so buttons offer only what would work.
    """
    answers = {}
    with Session(bind=conn) as session:
        for kind in kinds:
            try:
                gather(session, kind, code, today)
                answers[kind] = None
            except ValidationFailed as exc:
                answers[kind] = exc.errors[0].message_key
    return answers


def enforcement_choices(conn: Connection, *, limit: int = 300) -> pd.DataFrame:
    """Stop-work orders and warning interviews, newest first, for picking one to issue its documents."""
    rows = conn.execute(select(Enforcement.code, Enforcement.kind, Enforcement.issued_on, Project.name.label("project"))
                        .join(Project, Project.id == Enforcement.project_id)
                        .where(Enforcement.deleted_at.is_(None),
                               Enforcement.kind.in_(("stop_work", "warning_interview")))
                        .order_by(Enforcement.issued_on.desc(), Enforcement.code.desc()).limit(limit)).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=["code", "kind", "issued_on", "project"])
