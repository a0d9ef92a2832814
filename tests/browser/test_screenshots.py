"""Every page renders in a real browser in both languages.

With UPDATE_SCREENSHOTS=1 the screenshots replace those in docs/screenshots/ (used by the
README); otherwise they go to a temporary folder so a test run leaves the tree clean.
"""
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from seed.demo import DEMO_ACCOUNTS
from harness.browser import TIMEOUT, login, wait_until_idle
from render.i18n import catalog
from ui.registry import PAGES

DOCS_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
ADMIN = next(a for a in DEMO_ACCOUNTS if a.role == "admin")


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    return DOCS_SHOTS if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def admin_page(browser, demo_server):
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    login(page, demo_server, ADMIN.username, ADMIN.password)
    yield page
    context.close()


# The public sign-in page needs a live session's signed link: it is driven, from the desk's QR code, in
# test_phone_day.py.
SIGNED_IN_PAGES = [p for p in PAGES if not p.public]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("spec", SIGNED_IN_PAGES, ids=[p.key for p in SIGNED_IN_PAGES])
def test_page_renders_and_is_photographed(admin_page, demo_server, shots, spec, lang):
    path = "" if spec.script == "dashboard.py" else Path(spec.script).stem
    admin_page.goto(f"{demo_server}/{path}?lang={lang}&start=2024-01-01&end=2024-12-31")
    wait_until_idle(admin_page)
    title = catalog(lang)[f"pages.{spec.key}"]
    expect(admin_page.get_by_role("heading", name=title).first).to_be_visible(timeout=TIMEOUT)
    assert admin_page.locator('[data-testid="stException"]').count() == 0
    shots.mkdir(parents=True, exist_ok=True)
    admin_page.screenshot(path=str(shots / f"{spec.key}-{lang}.png"))
