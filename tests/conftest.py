"""Shared fixtures: every database test runs on SQLite and on PostgreSQL."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest

from db.engine import make_engine
from db.migrate import upgrade
from tests import databases
from tests.accounts import TEST_COOKIE_KEY

# The demo is generated up to this day so that tests do not depend on the calendar.
DEMO_TODAY = dt.date(2026, 11, 24)
BACKENDS = ["sqlite", "postgres"]


def _worker() -> str:
    # Checkouts of this repo and xdist workers share one server: keep their databases apart.
    checkout = hashlib.sha1(str(Path(__file__).resolve()).encode()).hexdigest()[:6]
    return f"{checkout}_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"


@pytest.fixture(autouse=True)
def cookie_key(monkeypatch, tmp_path):
    """A valid sign-in cookie key for every test, so no key file is generated into the checkout."""
    monkeypatch.setenv("AUTH_COOKIE_KEY", TEST_COOKIE_KEY)
    monkeypatch.setenv("AUTH_COOKIE_KEY_FILE", str(tmp_path / "cookie_key"))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    return databases.migrated_sqlite_template(tmp_path_factory.mktemp("template"))


@pytest.fixture(scope="session")
def postgres_test_engine():
    databases.postgres_or_skip()
    engine = make_engine(databases.fresh_postgres_database(f"dashboard_test_{_worker()}"))
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def engine(request, tmp_path, sqlite_template):
    """A fresh, migrated, empty database for one test."""
    with databases.fresh_engine(request.param, request, tmp_path / "test.db", sqlite_template) as eng:
        yield eng


@pytest.fixture(scope="session", params=BACKENDS)
def demo_engine(request, tmp_path_factory):
    """A database filled once per session with the demo as of DEMO_TODAY; tests must only read it."""
    from seed.demo import load_demo

    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}")
    else:
        databases.postgres_or_skip()
        eng = make_engine(databases.fresh_postgres_database(f"dashboard_demo_{_worker()}"))
    upgrade(eng)
    load_demo(eng, today=DEMO_TODAY)
    yield eng
    eng.dispose()
