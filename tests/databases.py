"""Fresh, migrated test databases on SQLite and PostgreSQL, built by the app's own code."""
from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from db.engine import make_engine
from db.migrate import head_revision, upgrade
from db.models import Base

PG_ADMIN_URL = os.environ.get("PG_TEST_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def postgres_or_skip() -> None:
    """Skip when no PostgreSQL answers, but fail under CI, where it must be there."""
    try:
        with make_engine(PG_ADMIN_URL).connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server"
        message = f"PostgreSQL not reachable at {PG_ADMIN_URL}: {exc.__class__.__name__}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def fresh_postgres_database(name: str) -> str:
    """(Re)create database `name` on the test server and return its URL."""
    admin = make_engine(PG_ADMIN_URL).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


def migrated_sqlite_template(directory: Path) -> Path:
    """A migrated SQLite file to copy for each test (migrating once is the slow part)."""
    path = directory / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


def sqlite_copy(template: Path, target: Path) -> Engine:
    """An engine on a private copy of the migrated template."""
    shutil.copyfile(template, target)
    return make_engine(f"sqlite:///{target}")


def truncate_all(engine: Engine) -> None:
    """Empty every table of a PostgreSQL test database and reset the revision rows.

    The schema version is put back too: a test may unmigrate the worker's database
    on purpose, and the next test on that worker must still find it migrated.
    """
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        conn.execute(text("INSERT INTO data_revision (id, revision) VALUES (1, 0)"))
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:head)"), {"head": head_revision()})


@contextlib.contextmanager
def fresh_engine(backend: str, request, target: Path, template: Path) -> Iterator[Engine]:
    """An empty, migrated database: a copy of the SQLite template, or the worker's truncated PostgreSQL one."""
    if backend == "sqlite":
        engine = sqlite_copy(template, target)
        try:
            yield engine
        finally:
            engine.dispose()
    else:
        engine = request.getfixturevalue("postgres_test_engine")
        truncate_all(engine)
        yield engine
