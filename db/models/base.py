"""The declarative base, the naming convention and what every record model shares."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint, DateTime, Index,
    Integer, MetaData, String, func, text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db.enums import Vocabulary

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def live_index(name: str, *columns: str) -> Index:
    """A partial index over live rows only: every KPI query filters `deleted_at IS NULL`,
    so the index alone answers it (no table lookup per row)."""
    live = text("deleted_at IS NULL")
    return Index(name, *columns, sqlite_where=live, postgresql_where=live)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def one_of(column: str, vocabulary: Vocabulary, name: str | None = None) -> CheckConstraint:
    """A CHECK that `column` holds one of the vocabulary's codes (NULL passes, as in SQL)."""
    codes = ", ".join(f"'{code}'" for code in vocabulary.codes)
    return CheckConstraint(f"{column} IN ({codes})", name=name or f"{column}_valid")


class Tracked:
    """Who/when stamps, optimistic concurrency and soft delete for editable records."""

    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    created_by: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str | None] = mapped_column(String(64))
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}
