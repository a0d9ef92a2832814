"""Issuing supervision documents: numbered, stored with their PDF and its SHA-256, never edited.

The renderer is handed in by the caller (the command line, the pages), so the data layer stays free of
PDF code: `render(sheet, photos)` turns a DocumentSheet and the photo bytes it names into PDF bytes.
Number, register row and file are made in one transaction: a refused or failed issue leaves nothing,
not even a used number.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.config import settings
from db.document_content import DocumentSheet, current_document, gather, refuse
from db.document_numbers import format_number, new_verification_code, next_seq
from db.models import Document, HazardPhoto
from db.permissions import ENTRY_ROLES, EXPORT_ROLES, Actor, require
from db.schemas import DocumentRequestIn, validate
from db.unit_of_work import audit, now, writing

Renderer = Callable[[DocumentSheet, dict[int, bytes]], bytes]


@dataclass(frozen=True)
class IssuedDocument:
    """A document just issued: what the caller prints or saves."""

    id: int
    kind: str
    number: str
    verification_code: str
    sha256: str
    pdf: bytes
    supersedes: str | None


def issue_document(engine: Engine, *, actor: Actor, kind: str, record: str, render: Renderer,
                   correct: bool = False, today: dt.date | None = None) -> IssuedDocument:
    """Issue one document of `kind` made from the record coded `record`; see issue_documents."""
    return issue_documents(engine, actor=actor, requests=[(kind, record)], render=render, correct=correct,
                           today=today)[0]


def issue_documents(engine: Engine, *, actor: Actor, requests: Sequence[tuple[str, str]], render: Renderer,
                    correct: bool = False, today: dt.date | None = None) -> list[IssuedDocument]:
    """Issue several documents in one step, all or nothing (e.g. a visit's record and its notice).

    A record that already has a document of the type is refused unless `correct`: then the new document
    supersedes the current one, and both stay in the register.
    """
    require(actor, ENTRY_ROLES, "issue_document")
    wanted = [validate(DocumentRequestIn, {"kind": kind, "record": code}) for kind, code in requests]
    today = today or dt.date.today()
    try:
        with writing(engine, actor.username) as session:
            issued = []
            for request in wanted:
                row = register(session, kind=request.kind, record_code=request.record, issued_on=today,
                               issued_by=actor.username, issuer_name=actor.display_name or actor.username,
                               correct=correct)
                print_into(session, row, render)
                issued.append(_issued(session, row))
                audit(session, "issue_document", table="documents", row_id=row.id,
                      after={"number": row.number, "kind": row.kind, "record": row.record_code,
                             "sha256": row.sha256, "supersedes": issued[-1].supersedes})
            return issued
    except IntegrityError:
        # Two people correcting the same document at once: the second finds it superseded already.
        raise refuse("errors.document_already_superseded") from None


def register(session: Session, *, kind: str, record_code: str, issued_on: dt.date, issued_by: str,
             issuer_name: str, correct: bool = False, verification_code: str | None = None,
             issued_at: dt.datetime | None = None) -> Document:
    """Number and register a document in the caller's transaction; the file is printed separately.

    `verification_code` and `issued_at` are for the demo's history, which must come out the same on every load.
    """
    # The counter is taken first: on PostgreSQL its row lock serialises issuers of this type, so the
    # check for an earlier document below sees every committed one.
    seq = next_seq(session, kind, issued_on.year)
    current = current_document(session, kind, record_code)
    if current is not None and not correct:
        raise refuse("errors.document_already_issued", number=current.number)
    made = gather(session, kind, record_code, issued_on)
    config = settings()
    code = verification_code or new_verification_code()
    number = format_number(config.document_prefix, kind, issued_on.year, seq)
    qr = f"{config.document_verify_url}?code={code}" if config.document_verify_url else f"{number} {code}"
    row = Document(kind=kind, year=issued_on.year, seq=seq, number=number, verification_code=code,
                   record_code=record_code, project_id=made.project_id, issued_on=issued_on, issued_at=issued_at or now(),
                   issued_by=issued_by, supersedes_id=current.id if current is not None else None,
                   data=made.data | {"office": config.document_office, "issuer": issuer_name, "qr": qr})
    session.add(row)
    session.flush()
    return row


def sheet_of(session: Session, row: Document) -> DocumentSheet:
    """The renderer's input for a registered document."""
    older = session.get(Document, row.supersedes_id) if row.supersedes_id else None
    return DocumentSheet(kind=row.kind, number=row.number, verification_code=row.verification_code,
                         issued_on=row.issued_on, data=row.data, supersedes=older.number if older else None)


def print_into(session: Session, row: Document, render: Renderer) -> None:
    """Render a registered document once and store the file with its SHA-256."""
    ids = row.data.get("photos") or []
    photos = dict(session.execute(select(HazardPhoto.id, HazardPhoto.image).where(HazardPhoto.id.in_(ids))).all()) \
        if ids else {}
    pdf = render(sheet_of(session, row), photos)
    row.pdf, row.sha256, row.printed_at = pdf, hashlib.sha256(pdf).hexdigest(), now()
    session.flush()


def document_pdf(engine: Engine, *, actor: Actor, document_id: int, render: Renderer) -> tuple[str, bytes]:
    """(number, PDF) of a registered document; one the demo registered unprinted is printed now, once.

    A download, so for the roles that may export: visitors read the register, not the files (names unmasked).
    """
    require(actor, EXPORT_ROLES, "download_document")
    with engine.connect() as conn:
        found = conn.execute(select(Document.number, Document.pdf).where(Document.id == document_id)).first()
    if found is None:
        raise refuse("errors.document_unknown", code=str(document_id))
    if found.pdf is not None:
        return found.number, found.pdf
    with writing(engine, actor.username) as session:
        row = session.execute(select(Document).where(Document.id == document_id).with_for_update()).scalar_one()
        if row.pdf is None:  # another server may have printed it meanwhile
            print_into(session, row, render)
            audit(session, "print_document", table="documents", row_id=row.id,
                  after={"number": row.number, "sha256": row.sha256})
        return row.number, row.pdf


def _issued(session: Session, row: Document) -> IssuedDocument:
    older = session.get(Document, row.supersedes_id) if row.supersedes_id else None
    return IssuedDocument(id=row.id, kind=row.kind, number=row.number, verification_code=row.verification_code,
                          sha256=row.sha256, pdf=row.pdf, supersedes=older.number if older else None)

