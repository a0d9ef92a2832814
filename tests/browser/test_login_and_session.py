"""Signing in, the login gate on every URL, sign-out revoking the cookie, languages, phone size."""
import pytest
from playwright.sync_api import expect

from seed.demo import DEMO_ACCOUNTS
from harness.browser import TIMEOUT, login, metric_value, wait_until_idle
from ui.registry import PAGES

STAFF = next(a for a in DEMO_ACCOUNTS if a.username == "demo_staff")


def url_path(script: str) -> str:
    return "" if script == "dashboard.py" else script.removeprefix("pages/").removesuffix(".py")


@pytest.mark.parametrize("script", [p.script for p in PAGES if not p.public])
def test_every_page_by_url_shows_only_the_login_form(page, demo_server, script):
    page.goto(f"{demo_server}/{url_path(script)}")
    expect(page.get_by_label("用户名")).to_be_visible(timeout=TIMEOUT)
    wait_until_idle(page)
    for element in ("stMetric", "stDataFrame", "stVegaLiteChart", "stTable"):
        assert page.locator(f'[data-testid="{element}"]').count() == 0, element


def test_staff_signs_in_and_sees_the_2024_figures(page, demo_server):
    login(page, demo_server, STAFF.username, STAFF.password)
    page.goto(f"{demo_server}/?start=2024-01-01&end=2024-12-31")
    wait_until_idle(page)
    assert metric_value(page, "发现隐患") == "447"


def test_cookie_captured_before_sign_out_no_longer_signs_in(browser, demo_server):
    first = browser.new_context()
    first.set_default_timeout(TIMEOUT)
    page = first.new_page()
    login(page, demo_server, STAFF.username, STAFF.password)
    captured = first.cookies()
    assert captured, "signing in set no cookie"
    page.get_by_role("button", name="退出登录").click()
    expect(page.get_by_label("用户名")).to_be_visible(timeout=TIMEOUT)
    first.close()

    replay = browser.new_context()
    replay.set_default_timeout(TIMEOUT)
    replay.add_cookies(captured)
    stolen = replay.new_page()
    stolen.goto(demo_server)
    expect(stolen.get_by_label("用户名")).to_be_visible(timeout=TIMEOUT)
    assert stolen.locator('[data-testid="stMetric"]').count() == 0
    replay.close()


def test_english_login_lands_staff_on_my_work_and_the_menu_opens_the_overview(page, demo_server):
    login(page, demo_server, STAFF.username, STAFF.password, lang="en")
    expect(page.get_by_role("heading", name="My work").first).to_be_visible(timeout=TIMEOUT)
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Overview").click()
    expect(page.get_by_role("heading", name="Overview").first).to_be_visible(timeout=TIMEOUT)


def test_phone_viewport_signs_in_and_reads_the_overview(browser, demo_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    login(page, demo_server, STAFF.username, STAFF.password)
    page.goto(f"{demo_server}/?start=2024-01-01&end=2024-12-31")
    wait_until_idle(page)
    assert metric_value(page, "发现隐患") == "447"
    context.close()
