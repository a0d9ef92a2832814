"""A visit entered in the browser shows on the Overview; visitors have no entry pages."""
import datetime as dt

from playwright.sync_api import Page, expect

from seed.demo import DEMO_ACCOUNTS
from harness.browser import TIMEOUT, login, metric_value, open_page, wait_for_metric, wait_until_idle

ACCOUNTS = {a.username: a for a in DEMO_ACCOUNTS}


def sign_in(browser, base_url, username, **context):
    page = open_page(browser, **context)
    login(page, base_url, username, ACCOUNTS[username].password)
    return page


def overview_of_this_year(page: Page, base_url: str) -> None:
    year = dt.date.today().year
    page.goto(f"{base_url}/?start={year}-01-01&end={year}-12-31")
    wait_until_idle(page)


def test_a_saved_visit_raises_the_overview_count(browser, demo_server):
    # The re-inspection that follows, and the same visit on a phone, are in test_phone_day.py.
    staff = sign_in(browser, demo_server, "demo_staff")
    expect(staff.get_by_role("heading", name="我的工作")).to_be_visible()
    overview_of_this_year(staff, demo_server)
    before = int(metric_value(staff, "发现隐患").replace(",", ""))

    staff.goto(f"{demo_server}/my_work")
    wait_until_idle(staff)
    staff.get_by_role("link", name="开始巡查").first.click()
    expect(staff.get_by_role("heading", name="巡查录入")).to_be_visible(timeout=TIMEOUT)
    wait_until_idle(staff)
    staff.get_by_test_id("stNumberInputStepUp").first.click()
    wait_until_idle(staff)
    staff.get_by_test_id("stRadio").first.get_by_text("一般", exact=True).click()
    staff.get_by_role("combobox", name="类别").first.click()
    staff.keyboard.type("脚手架")                      # the option list is virtualised: narrow it first
    staff.get_by_role("option", name="脚手架工程", exact=True).click()
    staff.get_by_role("textbox", name="隐患描述").first.fill("脚手架连墙件缺失")
    staff.get_by_role("button", name="保存巡查记录").click()
    expect(staff.get_by_text("已保存 2 条记录").first).to_be_visible(timeout=TIMEOUT)

    overview_of_this_year(staff, demo_server)
    wait_for_metric(staff, "发现隐患", f"{before + 1:,}")


def test_visitor_has_no_entry_pages(browser, demo_server):
    visitor = sign_in(browser, demo_server, "demo_visitor")
    assert visitor.get_by_role("link", name="巡查录入").count() == 0
    visitor.goto(f"{demo_server}/entry")
    wait_until_idle(visitor)
    expect(visitor.get_by_text("无权查看此页面").first).to_be_visible(timeout=TIMEOUT)
    assert visitor.get_by_role("button", name="保存巡查记录").count() == 0
