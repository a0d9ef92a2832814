"""Debian's Chromium under Playwright, and what a person does in it, as reusable steps."""
from __future__ import annotations

import time

from playwright.sync_api import Browser, Page, expect

from db.config import COOKIE_NAME

# How long a state may take to arrive: generous, so that a loaded machine makes a run slow, not red.
TIMEOUT = 120_000
# Playwright cannot download its own browser here; without the background-networking flags Chromium
# keeps trying hosts this machine cannot reach.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def open_page(browser: Browser, **context) -> Page:
    """A page in a fresh browser context (no cookies), every wait bounded by TIMEOUT."""
    opened = browser.new_context(**context)
    opened.set_default_timeout(TIMEOUT)
    return opened.new_page()


def wait_until_idle(page: Page) -> None:
    """Wait until Streamlit has finished running the script and drawn every element."""
    page.wait_for_timeout(400)  # a rerun triggered by the last interaction starts within this
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=TIMEOUT)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"], [data-testid=\"stStatusWidget\"]')",
        timeout=TIMEOUT)
    page.wait_for_timeout(300)


def login(page: Page, base_url: str, username: str, password: str, path: str = "", lang: str = "zh") -> None:
    """Open `path` and sign in through the login form."""
    labels = {"zh": ("用户名", "密码", "登录"), "en": ("Username", "Password", "Sign in")}[lang]
    page.goto(f"{base_url}/{path}?lang={lang}")
    # Typing while the first run is still drawing can be wiped by its last delta.
    expect(page.get_by_role("textbox", name=labels[0])).to_be_visible(timeout=TIMEOUT)
    wait_until_idle(page)
    for label, value in ((labels[0], username), (labels[1], password)):
        field = page.get_by_role("textbox", name=label)
        field.fill(value)
        expect(field).to_have_value(value)
    page.get_by_role("button", name=labels[2]).click()
    expect(page.get_by_role("textbox", name=labels[0])).to_have_count(0, timeout=TIMEOUT)
    wait_until_idle(page)
    # The session cookie is written by the page's script a moment after the rerun.
    deadline = time.monotonic() + TIMEOUT / 1000
    while time.monotonic() < deadline:
        if any(c["name"] == COOKIE_NAME for c in page.context.cookies()):
            return
        page.wait_for_timeout(100)
    raise AssertionError("signing in set no session cookie")


def metric_value(page: Page, label: str) -> str:
    """The value shown on the KPI card labelled `label`."""
    card = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return card.locator('[data-testid="stMetricValue"]').inner_text().strip()


def wait_for_metric(page: Page, label: str, value: str, timeout_ms: int = TIMEOUT) -> None:
    """Wait until a KPI card labelled `label` shows `value` (a refresh may briefly show old and new cards)."""
    cards = page.locator('[data-testid="stMetric"]').filter(has_text=label)
    expect(cards.locator('[data-testid="stMetricValue"]').filter(has_text=value)).not_to_have_count(
        0, timeout=timeout_ms)
