"""Browser tests: a real `streamlit run` on a free port, driven by Playwright in Debian's Chromium."""
from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from playwright.sync_api import expect

from db.engine import make_engine
from db.migrate import upgrade
from harness.browser import CHROMIUM, CHROMIUM_ARGS, TIMEOUT
from harness.server import streamlit_server
from seed.demo import load_demo
from tests.accounts import TEST_COOKIE_KEY
from tests.conftest import DEMO_TODAY, _worker
from tests.databases import fresh_postgres_database, postgres_or_skip


pytestmark = pytest.mark.xdist_group("browser")
# Every wait is for a state, with room for a loaded machine: slow is not a failure.
expect.set_options(timeout=TIMEOUT)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session; missing Chromium fails under CI and skips elsewhere."""
    if not shutil.which(CHROMIUM):
        message = f"{CHROMIUM} not installed (apt-get install -y chromium)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def demo_site(folder: Path, backend: str = "sqlite", prepare=None, **env: str) -> Iterator[SimpleNamespace]:
    """The app serving a fresh demo database — a SQLite file in `folder`, or a PostgreSQL database named after
    it — after `prepare(engine)` has added what a test needs: its base URL and an engine on the same database."""
    if backend == "sqlite":
        url = f"sqlite:///{folder / 'demo.db'}"
    else:
        postgres_or_skip()
        url = fresh_postgres_database(f"dashboard_{folder.name}_{_worker()}")
    engine = make_engine(url)
    upgrade(engine)
    load_demo(engine, today=DEMO_TODAY)
    if prepare:
        prepare(engine)
    try:
        with streamlit_server({"DATABASE_URL": url, "AUTH_COOKIE_KEY": TEST_COOKIE_KEY, **env}) as port:
            yield SimpleNamespace(base=f"http://127.0.0.1:{port}", engine=engine)
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    """The app serving a fresh SQLite demo database; yields its base URL."""
    with demo_site(tmp_path_factory.mktemp("browser"), OVERVIEW_REFRESH_SECONDS="2") as site:
        yield site.base


@pytest.fixture
def page(browser):
    """A fresh browser context (no cookies) at desktop size."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    context.set_default_timeout(TIMEOUT)
    yield context.new_page()
    context.close()
