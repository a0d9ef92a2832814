"""The inspector's day on a phone (390×844, touch): from My work to a saved visit with two hazards and photos in
few taps; a second inspector re-inspects from My work; the sidebar closes after each navigation; an attendee signs
in to a training by QR code with no account, and a forged, closed or replayed sign-in writes nothing."""
from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from PIL import Image
from playwright.sync_api import Page, expect
from sqlalchemy import func, select

from db.commands.hazards import mark_rectified
from db.commands.records import create_training
from db.commands.visits import create_visit
from db.models import Hazard, HazardPhoto, Project, TeamMember, Training, TrainingSignIn
from db.permissions import Actor
from harness.browser import login, open_page, wait_until_idle
from seed.demo import DEMO_ACCOUNTS
from tests.browser.conftest import demo_site
from ui.registry import PAGES

ACCOUNTS = {a.username: a for a in DEMO_ACCOUNTS}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "zh-CN"}
# Taps the same visit took before this page was rebuilt for phones (issue 13's measurement).
TAPS_BEFORE = 21


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with demo_site(tmp_path_factory.mktemp("phone")) as site:
        yield site


class Taps:
    """Counts what a person's finger does: taps and picks, not typing."""

    def __init__(self, page: Page):
        self.page, self.count = page, 0

    def __call__(self, locator) -> None:
        self.count += 1
        locator.tap()
        wait_until_idle(self.page)


def photo_file(name: str) -> dict:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 80, 40)).save(out, "JPEG")
    return {"name": name, "mimeType": "image/jpeg", "buffer": out.getvalue()}


def sidebar_closed(page: Page) -> None:
    expect(page.locator('[data-testid="stSidebar"]')).to_have_attribute("data-collapsed", "true")


def test_a_visit_with_two_hazards_and_photos_from_my_work_takes_fewer_taps(browser, served):
    page = open_page(browser, **PHONE)
    login(page, served.base, "demo_staff", ACCOUNTS["demo_staff"].password)
    expect(page.get_by_role("heading", name="我的工作")).to_be_visible()
    tap = Taps(page)
    tap(page.get_by_role("link", name="开始巡查").first)
    expect(page.get_by_role("heading", name="巡查录入")).to_be_visible()
    sidebar_closed(page)
    for _ in range(2):
        tap(page.get_by_test_id("stNumberInputStepUp").first)
    for index, (level, category) in enumerate((("重大", "脚手架工程"), ("一般", "施工临时用电"))):
        tap(page.get_by_test_id("stRadio").nth(index).get_by_text(level, exact=True))
        tap(page.get_by_role("combobox", name="类别").nth(index))
        tap(page.get_by_role("option", name=category, exact=True))
        page.get_by_role("textbox", name="隐患描述").nth(index).fill(f"手机录入隐患 {index + 1}")
        page.locator('input[type="file"]').nth(index).set_input_files([photo_file(f"h{index}.jpg")])
        tap.count += 1   # choosing a photo is one tap on the phone's picker
        wait_until_idle(page)
    tap(page.get_by_role("button", name="保存巡查记录"))
    expect(page.get_by_text("已保存 3 条记录").first).to_be_visible()
    print(f"taps for a visit with two hazards and photos from My work: {tap.count} (before: {TAPS_BEFORE})")
    assert tap.count < TAPS_BEFORE
    with served.engine.connect() as conn:
        found = conn.execute(select(Hazard.level, Hazard.due_on - Hazard.found_on, func.count(HazardPhoto.id))
                             .join(HazardPhoto, HazardPhoto.hazard_id == Hazard.id)
                             .where(Hazard.description.like("手机录入隐患%"), HazardPhoto.stage == "found")
                             .group_by(Hazard.level, Hazard.due_on, Hazard.found_on)).all()
    assert sorted((level, photos) for level, _, photos in found) == [("general", 1), ("major", 1)]


def test_a_second_inspector_re_inspects_from_my_work(browser, served):
    with served.engine.connect() as conn:
        project = conn.execute(select(Project.code).join(TeamMember, TeamMember.project_id == Project.id)
                               .where(TeamMember.username == "demo_staff2", Project.completion_date.is_(None))
                               .limit(1)).scalar_one()
    first = Actor("demo_staff", "staff", "演示监督员（甲）")
    today = dt.date.today()
    create_visit(served.engine, actor=first, visit={"project": project, "date": today, "kind": "patrol",
                                                    "inspectors": "甲"},
                 hazards=[{"level": "general", "category": "work_at_height", "description": "复查测试隐患"}])
    with served.engine.connect() as conn:
        hazard = conn.execute(select(Hazard.id, Hazard.version, Hazard.code)
                              .where(Hazard.description == "复查测试隐患")).one()
    mark_rectified(served.engine, actor=first, hazard_id=hazard.id, version=hazard.version, rectified_on=today,
                   note="已整改")
    page = open_page(browser, **PHONE)
    login(page, served.base, "demo_staff2", ACCOUNTS["demo_staff2"].password)
    expect(page.get_by_role("heading", name=re.compile("待我复查"))).to_be_visible()
    page.get_by_role("link", name="去隐患整改页复查").tap()
    wait_until_idle(page)
    sidebar_closed(page)
    page.get_by_role("radio", name="待复查").tap()
    wait_until_idle(page)
    page.get_by_role("combobox", name="选择隐患").tap()
    page.keyboard.type(hazard.code)
    page.get_by_role("option").filter(has_text=hazard.code).first.tap()
    wait_until_idle(page)
    page.get_by_text("合格,销号").tap()
    page.get_by_role("button", name="提交复查结论").tap()
    expect(page.get_by_text("已保存 1 条记录").first).to_be_visible()
    with served.engine.connect() as conn:
        assert conn.execute(select(Hazard.closed_by).where(Hazard.id == hazard.id)).scalar_one() == "demo_staff2"


def test_the_sidebar_closes_after_each_navigation_on_a_phone(browser, served):
    page = open_page(browser, **PHONE)
    login(page, served.base, "demo_staff", ACCOUNTS["demo_staff"].password)
    for name in ("隐患", "巡查录入", "总览"):
        page.get_by_test_id("stExpandSidebarButton").tap()
        expect(page.locator('[data-testid="stSidebar"]')).to_have_attribute("data-collapsed", "false")
        page.get_by_role("link", name=name, exact=True).tap()
        wait_until_idle(page)
        sidebar_closed(page)


def test_an_attendee_signs_in_by_qr_code_and_bad_links_write_nothing(browser, served):
    create_training(served.engine, actor=Actor("demo_staff", "staff"), values={
        "date": dt.date.today(), "kind": "training", "title": "扫码签到测试培训", "attendees": 0})
    desk = open_page(browser, viewport={"width": 1366, "height": 900}, locale="zh-CN")
    login(desk, served.base, "demo_staff", ACCOUNTS["demo_staff"].password)
    desk.goto(f"{served.base}/sign_in_desk")
    wait_until_idle(desk)
    desk.get_by_role("button", name="开放签到").click()
    wait_until_idle(desk)
    link = desk.get_by_test_id("stCode").inner_text().strip()
    assert "/sign_in?token=" in link
    with served.engine.connect() as conn:
        training_id, before = conn.execute(select(Training.id, Training.attendees)
                                           .where(Training.sign_in_nonce.is_not(None))).one()

    attendee = open_page(browser, **PHONE)       # a phone in the room: no account, no cookie
    attendee.goto(link)
    wait_until_idle(attendee)
    assert attendee.get_by_role("textbox", name="用户名").count() == 0
    hrefs = attendee.get_by_role("link").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert [h for h in hrefs if not h.startswith("#")] == []            # nothing of the app to go to
    attendee.get_by_role("textbox", name=re.compile("所在企业")).fill("九江")
    attendee.get_by_role("textbox", name=re.compile("所在企业")).press("Enter")
    wait_until_idle(attendee)
    attendee.get_by_role("combobox", name="选择企业").tap()
    attendee.get_by_role("option").first.tap()
    wait_until_idle(attendee)
    attendee.get_by_role("textbox", name="姓名").fill("扫码签到人")
    attendee.get_by_role("textbox", name="手机号").fill("13812345678")
    attendee.get_by_role("button", name="签到").tap()
    expect(attendee.get_by_text("签到成功")).to_be_visible()
    expect(desk.get_by_text("扫码签到人")).to_have_count(1)             # arrives on the desk by itself

    attendee.get_by_role("button", name="签到").tap()                   # a replay: the same phone again
    expect(attendee.get_by_text("已经签到过")).to_be_visible()
    forged = open_page(browser, **PHONE)
    forged.goto(link[:-3] + "xyz")
    expect(forged.get_by_text("签到链接无效")).to_be_visible()
    desk.get_by_role("button", name="关闭签到").click()
    wait_until_idle(desk)
    closed = open_page(browser, **PHONE)
    closed.goto(link)
    expect(closed.get_by_text("已关闭")).to_be_visible()
    with served.engine.connect() as conn:
        assert conn.execute(select(Training.attendees).where(Training.id == training_id)).scalar_one() == before + 1
        assert conn.execute(select(func.count()).select_from(TrainingSignIn)).scalar_one() == 1

    for spec in PAGES:                                                 # the rest of the app asks for a login
        if spec.public:
            continue
        path = "" if spec.script == "dashboard.py" else spec.script.removeprefix("pages/").removesuffix(".py")
        closed.goto(f"{served.base}/{path}")
        expect(closed.get_by_role("textbox", name="用户名")).to_be_visible()
        assert closed.get_by_test_id("stDataFrame").count() == 0 and closed.get_by_test_id("stMetric").count() == 0
