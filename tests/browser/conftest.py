"""Browser tests: a real `streamlit run` on a free port, driven by Playwright in Debian's Chromium."""
from __future__ import annotations

import os
import shutil

import pytest

from playwright.sync_api import expect

from harness.browser import CHROMIUM, CHROMIUM_ARGS, TIMEOUT
from harness.server import streamlit_server
from seed.demo import load_demo
from tests.accounts import TEST_COOKIE_KEY
from tests.conftest import DEMO_TODAY


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


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    """The app serving a fresh SQLite demo database; yields its base URL."""
    from db.engine import make_engine
    from db.migrate import upgrade

    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'demo.db'}"
    engine = make_engine(url)
    upgrade(engine)
    load_demo(engine, today=DEMO_TODAY)
    engine.dispose()
    env = {"DATABASE_URL": url, "AUTH_COOKIE_KEY": TEST_COOKIE_KEY, "OVERVIEW_REFRESH_SECONDS": "2"}
    with streamlit_server(env) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def page(browser):
    """A fresh browser context (no cookies) at desktop size."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    context.set_default_timeout(TIMEOUT)
    yield context.new_page()
    context.close()
