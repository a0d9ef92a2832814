"""AppTest helpers: run a page against a given test database with fresh Streamlit caches."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.accounts import user_for_role

ROOT = Path(__file__).resolve().parents[2]


def url_of(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def app_for(monkeypatch):
    """app_for(engine, script, role=None, **query) -> an AppTest not yet run; signed in as `role` if given."""
    # A script run installs the page as sys.modules["__main__"]; left there, multiprocessing's spawn would
    # re-run the page in every child process a later test starts (tests/db/test_concurrency.py).
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])

    def make(engine, script: str = "dashboard.py", *, role: str | None = None, **query: str) -> AppTest:
        monkeypatch.setenv("DATABASE_URL", url_of(engine))
        st.cache_data.clear()
        st.cache_resource.clear()
        app = AppTest.from_file(str(ROOT / script), default_timeout=60)
        for key, value in query.items():
            app.query_params[key] = value
        if role is not None:
            app.session_state["user"] = user_for_role(engine, role)
        return app

    return make


@pytest.fixture
def run_page(app_for):
    """run_page(engine, script, role="admin", **query) -> the finished AppTest; role=None for no login."""

    def run(engine, script: str = "dashboard.py", *, role: str | None = "admin", **query: str) -> AppTest:
        return app_for(engine, script, role=role, **query).run()

    return run
