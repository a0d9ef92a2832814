"""Every write lands once, on the record the user saw, on SQLite and PostgreSQL, in a real browser:
a double click on every save stores one record; two inspectors racing one hazard get a conflict, not an
overwrite and not another hazard; a typed bad date is named beside its field and writes nothing."""
from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import func, select

from db.credit_code import make_credit_code
from db.models import (
    AuditEntry, Enforcement, Enterprise, Hazard, LedgerItem, Project, RiskPoint, SiteVisit, Training,
)
from harness.browser import login, open_page, wait_until_idle
from seed.demo import DEMO_ACCOUNTS
from tests.browser.conftest import demo_site

ACCOUNTS = {a.username: a for a in DEMO_ACCOUNTS}


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def served(request, tmp_path_factory):
    """The app on a fresh demo database of each backend; yields its URL and an engine on the same database."""
    with demo_site(tmp_path_factory.mktemp("writes"), request.param) as site:
        yield site


def signed_in(browser, served, username: str, path: str = "") -> Page:
    """A fresh browser signed in as `username`, then on `path` with its first run finished (typing during the
    sign-in's own reruns could be wiped)."""
    page = open_page(browser, viewport={"width": 1366, "height": 900}, locale="zh-CN")
    login(page, served.base, username, ACCOUNTS[username].password)
    page.goto(f"{served.base}/{path}")
    wait_until_idle(page)
    return page


def fill(page: Page, label: str, text: str) -> None:
    # A form drawn a moment ago can still be redrawn by its run's last delta, wiping what was typed:
    # type, let the page settle, and check the text is still there before going on.
    box = page.get_by_role("textbox", name=label)
    box.fill(text)
    wait_until_idle(page)
    if box.input_value() != text:
        box.fill(text)
    expect(box).to_have_value(text)


def count(served, query) -> int:
    with served.engine.connect() as conn:
        return conn.execute(query).scalar_one()


def where(model, **equal) -> select:
    return select(func.count()).select_from(model).where(*(getattr(model, k) == v for k, v in equal.items()))


def double_click(page: Page, button: str) -> None:
    """A double click (a double tap on a weak signal does the same), then the redraw it causes."""
    page.get_by_role("button", name=button, exact=True).dblclick()
    wait_until_idle(page)
    expect(page.get_by_text(re.compile("已保存 \\d+ 条记录")).first).to_be_visible()


def choose_form(page: Page, label: str, button: str | None = "保存") -> None:
    page.get_by_role("radio", name=label, exact=True).click()
    wait_until_idle(page)
    if button:
        # The previous form may linger a moment while the new one is drawn: wait until one save button is left.
        expect(page.get_by_role("button", name=button, exact=True)).to_have_count(1)


def test_a_double_click_on_the_visit_form_stores_one_visit_and_one_hazard(browser, served):
    page = signed_in(browser, served, "demo_staff", "entry")
    notes, description = f"双击测试 {uuid.uuid4().hex[:8]}", f"临边防护缺失 {uuid.uuid4().hex[:8]}"
    page.get_by_role("spinbutton", name="本次发现隐患数").fill("1")
    page.get_by_role("spinbutton", name="本次发现隐患数").press("Enter")
    wait_until_idle(page)
    page.get_by_test_id("stRadio").first.get_by_text("一般", exact=True).click()   # level and category: no default
    page.get_by_role("combobox", name="类别").first.click()
    page.keyboard.type("脚手架")                      # the option list is virtualised: narrow it first
    page.get_by_role("option", name="脚手架工程", exact=True).click()
    fill(page, "情况说明", notes)
    fill(page, "隐患描述", description)
    double_click(page, "保存巡查记录")
    assert count(served, where(SiteVisit, notes=notes)) == 1
    assert count(served, where(Hazard, description=description)) == 1
    expect(page.get_by_role("textbox", name="情况说明")).to_have_value("")   # the form starts afresh


def test_a_double_click_on_every_record_form_stores_one_record(browser, served):
    page = signed_in(browser, served, "demo_staff", "records")
    tag = uuid.uuid4().hex[:8]

    fill(page, "描述", f"深基坑 {tag}")
    double_click(page, "保存")
    assert count(served, where(RiskPoint, description=f"深基坑 {tag}")) == 1

    choose_form(page, "执法")
    fill(page, "事由", f"未按期整改 {tag}")
    double_click(page, "保存")
    assert count(served, where(Enforcement, reason=f"未按期整改 {tag}")) == 1

    choose_form(page, "培训观摩")
    fill(page, "主题", f"高处作业培训 {tag}")
    double_click(page, "保存")
    assert count(served, where(Training, title=f"高处作业培训 {tag}")) == 1

    choose_form(page, "企业")
    code = make_credit_code(f"91360400{int(tag, 16) % 10**9:09d}")
    fill(page, "统一社会信用代码(18 位)", code)
    fill(page, "企业名称", f"测试建设有限公司 {tag}")
    double_click(page, "保存")
    assert count(served, where(Enterprise, credit_code=code)) == 1

    choose_form(page, "一项目一清单")
    fill(page, "名称", f"模板支撑验收 {tag}")
    double_click(page, "保存")
    assert count(served, where(LedgerItem, name=f"模板支撑验收 {tag}")) == 1

    choose_form(page, "删除记录", button=None)   # its button appears once a record is named
    page.get_by_role("combobox", name="记录类型").click()
    page.get_by_role("option", name="风险点", exact=True).click()
    wait_until_idle(page)
    fill(page, "编号", f"{_risk_code(served, tag)}")
    page.get_by_role("textbox", name="编号").press("Enter")
    wait_until_idle(page)
    fill(page, "删除原因", f"重复录入 {tag}")
    page.get_by_text("确认删除这条记录").click()
    double_click(page, "删除")
    assert count(served, select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "delete")) == 1


def _risk_code(served, tag: str) -> str:
    with served.engine.connect() as conn:
        return conn.execute(select(RiskPoint.code).where(RiskPoint.description == f"深基坑 {tag}")).scalar_one()


def test_two_inspectors_racing_one_hazard_get_a_conflict_and_keep_their_hazard(browser, served):
    with served.engine.connect() as conn:
        code = conn.execute(select(Hazard.code).join(Project, Project.id == Hazard.project_id).where(
            Hazard.deleted_at.is_(None), Hazard.closed_on.is_(None), Hazard.rectified_on.is_(None))
            .order_by(Hazard.due_on, Hazard.id).limit(1)).scalar_one()
    first, second = (signed_in(browser, served, name, "rectification") for name in ("demo_staff", "demo_staff2"))
    for page, note in ((first, "甲已整改"), (second, "乙已整改")):
        pick(page, code)
        fill(page, "整改情况说明", note)
    first.get_by_role("button", name="登记整改完成").click()
    expect(first.get_by_text("已保存 1 条记录").first).to_be_visible()
    second.get_by_role("button", name="登记整改完成").click()
    expect(second.get_by_text(re.compile("已被 demo_staff 于 .* 修改"))).to_be_visible()   # said once
    expect(second.get_by_role("combobox", name="选择隐患")).to_have_value(re.compile(f"^{re.escape(code)}"))
    with served.engine.connect() as conn:
        note, by = conn.execute(select(Hazard.rectification_note, Hazard.rectified_by).where(Hazard.code == code)).one()
    assert (note, by) == ("甲已整改", "demo_staff")

    checkers = [signed_in(browser, served, name, "rectification") for name in ("demo_staff2", "demo_admin")]
    for page in checkers:
        page.get_by_text("待复查").click()
        wait_until_idle(page)
        pick(page, code)
        page.get_by_text("合格,销号").click()
    checkers[0].get_by_role("button", name="提交复查结论").click()
    expect(checkers[0].get_by_text("已保存 1 条记录").first).to_be_visible()
    checkers[1].get_by_role("button", name="提交复查结论").click()
    expect(checkers[1].get_by_text(re.compile("已被 demo_staff2 于 .* 修改"))).to_be_visible()   # said once
    with served.engine.connect() as conn:
        assert conn.execute(select(Hazard.closed_by).where(Hazard.code == code)).scalar_one() == "demo_staff2"
        closes = conn.execute(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.table_name == "hazards", AuditEntry.actor.in_(["demo_staff2", "demo_admin"]))).scalar_one()
    assert closes == 1


def pick(page: Page, code: str) -> None:
    # The option list is virtualised: type to filter it down to the hazard.
    page.get_by_role("combobox", name="选择隐患").click()
    page.keyboard.type(code)
    page.get_by_role("option").filter(has_text=code).first.click()
    wait_until_idle(page)


@pytest.mark.parametrize("year, message", [("1900", "早于 1990-01-01"), (str(dt.date.today().year + 1), "不能晚于今天")])
def test_a_typed_bad_date_is_named_beside_its_field_and_nothing_is_written(browser, served, year, message):
    page = signed_in(browser, served, "demo_staff", "entry")
    notes = f"日期测试 {uuid.uuid4().hex[:8]}"
    fill(page, "情况说明", notes)
    year_box = page.get_by_role("spinbutton", name="year, 巡查日期", exact=True).first
    year_box.focus()
    page.keyboard.type(year)
    page.keyboard.press("Escape")
    expect(year_box).to_have_text(year)
    page.get_by_role("button", name="保存巡查记录").click()
    wait_until_idle(page)
    expect(page.get_by_text("未保存").first).to_be_visible()
    expect(page.locator('[data-testid="stMarkdownContainer"]').filter(has_text=message).first).to_be_visible()
    assert count(served, where(SiteVisit, notes=notes)) == 0
