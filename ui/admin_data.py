"""Reads and helpers for the admin pages.

Not cached on purpose: sign-in bookkeeping (lockouts, failed logins, the audit rows of
logins) does not bump the data revision, and an administrator must see the current state.
The lists are small or paged in SQL.
"""
from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from db.errors import ValidationFailed
from db.queries import admin
from db.queries.admin import AuditFilter
from db.unit_of_work import now
from ui import cache
from ui.i18n import Translator

EXPORT_LIMIT = 50_000
# Cells starting with these are run as formulas by spreadsheet programs (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def users_table() -> pd.DataFrame:
    """Every account with its state."""
    with cache.engine().connect() as conn:
        return admin.users_table(conn, now())


def audit_choices() -> tuple[list[str], list[str]]:
    """(actions, tables) present in the audit log."""
    with cache.engine().connect() as conn:
        return admin.audit_actions(conn), admin.audit_tables(conn)


def audit_count(where: AuditFilter) -> int:
    """How many audit rows match."""
    with cache.engine().connect() as conn:
        return admin.audit_count(conn, where)


def audit_page(where: AuditFilter, page: int, page_size: int) -> pd.DataFrame:
    """One page of matching audit rows, with before/after as JSON text."""
    with cache.engine().connect() as conn:
        return _readable(admin.audit_page(conn, where, page=page, page_size=page_size))


def audit_csv(where: AuditFilter) -> bytes:
    """The newest EXPORT_LIMIT matching rows as UTF-8 CSV (with BOM, so Excel reads Chinese)."""
    with cache.engine().connect() as conn:
        frame = _readable(admin.audit_export(conn, where, limit=EXPORT_LIMIT))
    safe = frame.map(lambda v: f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_START) else v)
    return safe.to_csv(index=False).encode("utf-8-sig")


def show_errors(exc: ValidationFailed, t: Translator, labels: dict[str, str]) -> None:
    """One error line per refused field, named in the page's language."""
    for error in exc.errors:
        st.error(f"{labels.get(error.field, error.field)}: {t(error.message_key, **error.params)}")


def _readable(frame: pd.DataFrame) -> pd.DataFrame:
    for column in ("before", "after"):
        frame[column] = frame[column].map(lambda v: "" if v is None else json.dumps(v, ensure_ascii=False))
    return frame
