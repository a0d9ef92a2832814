"""Bring a database to the newest schema; safe when several servers start at once."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from db.engine import make_engine, writer

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Any fixed 64-bit number; all app processes sharing a PostgreSQL database agree on it.
PG_MIGRATION_LOCK = 7_151_202_402


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at our migrations, optionally bound to a connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision in the migrations folder."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None when it has never been migrated)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> bool:
    """Upgrade to head if needed; returns True when a migration ran.

    On PostgreSQL an advisory lock serialises concurrent starters; on SQLite the
    migration's BEGIN IMMEDIATE does. The loser of the race then finds nothing to do.
    """
    head = head_revision()
    if current_revision(engine) == head:
        return False
    with writer(engine).connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": PG_MIGRATION_LOCK})
            conn.commit()
        try:
            if MigrationContext.configure(conn).get_current_revision() == head:
                return False
            conn.rollback()
            command.upgrade(alembic_config(conn), "head")
            conn.commit()
            return True
        finally:
            if conn.dialect.name == "postgresql":
                conn.rollback()
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": PG_MIGRATION_LOCK})
                conn.commit()


def migrated_engine(url: str | None = None) -> Engine:
    """An engine on `url` (default: the configured database), upgraded to the newest schema."""
    engine = make_engine(url)
    upgrade(engine)
    return engine
