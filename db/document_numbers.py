"""Document numbers (文号) and verification codes.

A number is the office's prefix, the type's word, the year and the type's yearly sequence:
九开建质安整〔2024〕12号. The sequence comes from one counter row per (type, year), bumped inside the
issuing transaction: the UPDATE locks the row on PostgreSQL until commit (the same lock SELECT ... FOR
UPDATE would take), and SQLite's BEGIN IMMEDIATE already serialises writers. A transaction that rolls
back gives its number back, so the sequence has no gaps.
"""
from __future__ import annotations

import re
import secrets

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from db.enums import DOCUMENT_WORD
from db.models import DocumentCounter

# Crockford's base32 without 0/O and 1/I/L: a code read aloud or typed from paper is not misread.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_PATTERN = re.compile(r"^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$")
# Written into every PDF's metadata as plain ASCII, so `verify` finds the code even in an altered file.
CODE_MARKER = "SUPERVISION-DOCUMENT-CODE:"
MARKER_PATTERN = re.compile(re.escape(CODE_MARKER).encode() + rb"([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})")


def format_number(prefix: str, kind: str, year: int, seq: int) -> str:
    """The document number as printed, e.g. 九开建质安整〔2024〕12号."""
    return f"{prefix}{DOCUMENT_WORD[kind]}〔{year}〕{seq}号"


def next_seq(session: Session, kind: str, year: int) -> int:
    """The next number of `kind` in `year`, taken inside the caller's transaction."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(DocumentCounter).values(kind=kind, year=year, last_seq=0).on_conflict_do_nothing())
    return session.execute(
        update(DocumentCounter).where(DocumentCounter.kind == kind, DocumentCounter.year == year)
        .values(last_seq=DocumentCounter.last_seq + 1).returning(DocumentCounter.last_seq)
    ).scalar_one()


def new_verification_code() -> str:
    """A random short code such as K7QH-3MZT (about 40 bits): it names the document in the register."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def code_from_seed(seed: bytes) -> str:
    """A verification code derived from `seed`: the demo's history is the same on every load."""
    value = int.from_bytes(seed[:8], "big")
    raw = ""
    for _ in range(8):
        value, digit = divmod(value, len(ALPHABET))
        raw += ALPHABET[digit]
    return f"{raw[:4]}-{raw[4:]}"


def marked_code(pdf: bytes) -> str | None:
    """The verification code a PDF carries in its metadata, or None when it has none."""
    found = MARKER_PATTERN.search(pdf)
    return found.group(1).decode() if found else None


def normalised_code(text: str) -> str | None:
    """A verification code as typed (any case, with or without the dash), or None when it cannot be one."""
    raw = re.sub(r"[\s-]", "", text or "").upper()
    code = f"{raw[:4]}-{raw[4:]}"
    return code if CODE_PATTERN.match(code) else None
