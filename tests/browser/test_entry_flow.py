"""An inspector's day in the browser: enter a visit with a hazard, watch the Overview, rectify, close."""
import datetime as dt
import re

from playwright.sync_api import Page, expect

from seed.demo import DEMO_ACCOUNTS
from harness.browser import TIMEOUT, login, metric_value, open_page, wait_for_metric, wait_until_idle

ACCOUNTS = {a.username: a for a in DEMO_ACCOUNTS}


def sign_in(browser, base_url, username, **context):
    page = open_page(browser, **context)
    login(page, base_url, username, ACCOUNTS[username].password)
    return page


def enter_visit_with_hazard(page: Page, base_url: str, description: str) -> None:
    page.goto(f"{base_url}/entry")
    wait_until_idle(page)
    page.get_by_role("spinbutton", name="本次发现隐患数").fill("1")
    page.get_by_role("spinbutton", name="本次发现隐患数").press("Enter")
    page.get_by_role("textbox", name="隐患描述").fill(description)
    page.get_by_role("button", name="保存巡查记录").click()
    expect(page.get_by_text("已保存 2 条记录").first).to_be_visible(timeout=TIMEOUT)


def choose_todays_hazard(page: Page) -> None:
    # The option list is virtualised: type to filter it down to the hazard entered today.
    page.get_by_role("combobox", name="选择隐患").click()
    page.keyboard.type(f"YH{dt.date.today():%Y%m%d}")
    page.get_by_role("option").filter(has_text=f"YH{dt.date.today():%Y%m%d}").first.click()
    wait_until_idle(page)


def test_visit_raises_the_count_then_two_inspectors_close_the_hazard(browser, demo_server):
    staff = sign_in(browser, demo_server, "demo_staff")
    staff.goto(demo_server)
    wait_until_idle(staff)
    before = int(metric_value(staff, "发现隐患").replace(",", ""))

    enter_visit_with_hazard(staff, demo_server, "脚手架连墙件缺失")
    staff.goto(demo_server)
    wait_for_metric(staff, "发现隐患", f"{before + 1:,}")

    staff.goto(f"{demo_server}/rectification")
    wait_until_idle(staff)
    choose_todays_hazard(staff)
    expect(staff.get_by_role("combobox", name="选择隐患")).to_have_value(re.compile(f"^YH{dt.date.today():%Y%m%d}"))
    staff.get_by_role("textbox", name="整改情况说明").fill("已补设连墙件")
    staff.get_by_role("button", name="登记整改完成").click()
    expect(staff.get_by_text("已保存 1 条记录").first).to_be_visible(timeout=TIMEOUT)

    reinspector = sign_in(browser, demo_server, "demo_staff2")
    reinspector.goto(f"{demo_server}/rectification")
    wait_until_idle(reinspector)
    reinspector.get_by_text("待复查").click()
    wait_until_idle(reinspector)
    choose_todays_hazard(reinspector)
    expect(reinspector.get_by_role("combobox", name="选择隐患")).to_have_value(re.compile(f"^YH{dt.date.today():%Y%m%d}"))
    reinspector.get_by_text("合格,销号").click()
    reinspector.get_by_role("button", name="提交复查结论").click()
    expect(reinspector.get_by_text("已保存 1 条记录").first).to_be_visible(timeout=TIMEOUT)


def test_phone_sized_visit_entry(browser, demo_server):
    phone = sign_in(browser, demo_server, "demo_staff", viewport={"width": 390, "height": 844},
                    is_mobile=True, has_touch=True)
    enter_visit_with_hazard(phone, demo_server, "临时用电未设漏电保护")
    button = phone.get_by_role("button", name="保存巡查记录").bounding_box()
    assert button["width"] >= 300          # a full-width target on a 390 px screen


def test_visitor_has_no_entry_pages(browser, demo_server):
    visitor = sign_in(browser, demo_server, "demo_visitor")
    assert visitor.get_by_role("link", name="巡查录入").count() == 0
    visitor.goto(f"{demo_server}/entry")
    wait_until_idle(visitor)
    expect(visitor.get_by_text("无权查看此页面").first).to_be_visible(timeout=TIMEOUT)
    assert visitor.get_by_role("button", name="保存巡查记录").count() == 0
