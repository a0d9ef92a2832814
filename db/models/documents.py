"""The register of issued supervision documents (文书) and the counters that number them.

A document is never edited: a correction is a new document that supersedes the old one, and
both stay in the register. The PDF is stored with its SHA-256, so a file can be checked
against the register byte for byte.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db import enums
from db.models.base import Base, one_of


class Document(Base):
    """One issued document: its number, the record it was made from, the data it says, the file."""

    __tablename__ = "documents"
    __table_args__ = (
        one_of("kind", enums.DOCUMENT_KIND),
        CheckConstraint("seq >= 1", name="seq_positive"),
        # The seed registers the demo's history without a renderer; such a document is printed once, on
        # first use, from its stored data. Hash and file come together or not at all.
        CheckConstraint("(sha256 IS NULL) = (pdf IS NULL)", name="hash_with_file"),
        UniqueConstraint("kind", "year", "seq"),
        Index("ix_documents_issued_on_kind", "issued_on", "kind"),
        Index("ix_documents_record_code_kind", "record_code", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    verification_code: Mapped[str] = mapped_column(String(12), unique=True)
    record_code: Mapped[str] = mapped_column(String(40))
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    issued_by: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), unique=True)
    sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    printed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class DocumentCounter(Base):
    """The last number given per document type and year; bumped inside the issuing transaction,
    so numbers are unique and gap-free (a rolled-back issue gives its number back)."""

    __tablename__ = "document_counters"
    __table_args__ = (one_of("kind", enums.DOCUMENT_KIND), CheckConstraint("last_seq >= 0", name="last_seq_valid"))

    kind: Mapped[str] = mapped_column(String(30), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
