"""User text is data, in a real browser on SQLite and PostgreSQL: markdown, HTML and spreadsheet payloads put into
every kind of text field show as plain text on every page that shows them; no request leaves for another host,
and no link or image made from user input reaches the page."""
from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import insert, select

from db.commands.hazards import mark_rectified
from db.commands.records import create_enforcement, create_enterprise, create_project, create_risk_point, create_training
from db.commands.visits import create_visit
from db.credit_code import make_credit_code
from db.models import Hazard, Project, TeamMember
from db.permissions import Actor
from harness.browser import login, open_page, wait_until_idle
from seed.demo import DEMO_ACCOUNTS
from tests.browser.conftest import demo_site

EVIL = "evil.test"
# Markdown image and link, bare URL and address, HTML, script and a spreadsheet formula, in one text.
PAYLOAD = (f"x ![p](http://{EVIL}/pixel.png) [click](http://{EVIL}/phish) http://{EVIL}/a www.{EVIL} "
           f"u@{EVIL} <img src=http://{EVIL}/i.png onerror=alert(1)> <script>alert(1)</script> "
           f'=HYPERLINK("http://{EVIL}","x")')
STAFF = Actor("demo_staff", "staff", "演示监督员（甲）")
ADMIN = next(a for a in DEMO_ACCOUNTS if a.role == "admin")
PROJECT_CODE = "INJ-1"
TODAY = dt.date.today()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def poisoned(request, tmp_path_factory):
    """A demo database with the payload in every kind of text a user enters, served by the app."""
    with demo_site(tmp_path_factory.mktemp("inject"), request.param, prepare=poison) as site:
        yield site


def poison(engine) -> None:
    """The payload in every kind of text a user enters."""
    firm = make_credit_code("91360400MA3PAYL0A")
    create_enterprise(engine, actor=STAFF, values={"credit_code": firm, "name": f"企业 {PAYLOAD}"[:200],
                                                   "kind": "contractor"})
    create_project(engine, actor=STAFF, values={
        "code": PROJECT_CODE, "name": f"项目 {PAYLOAD}"[:200], "developer": firm, "contractor": firm,
        "kind": "industrial", "start_date": TODAY - dt.timedelta(days=30), "is_key": True, "lon": 116.0, "lat": 29.7})
    with engine.begin() as conn:
        project_id = conn.execute(select(Project.id).where(Project.code == PROJECT_CODE)).scalar_one()
        conn.execute(insert(TeamMember).values(project_id=project_id, name=f"组员 {PAYLOAD}"[:50], role="inspector",
                                               organization=PAYLOAD[:100], phone="13800000000"))
    hazard = {"category": "work_at_height", "level": "major", "description": f"隐患 {PAYLOAD}",
              "due_on": TODAY - dt.timedelta(days=1)}
    create_visit(engine, actor=STAFF, visit={"project": PROJECT_CODE, "date": TODAY - dt.timedelta(days=3),
                                             "kind": "patrol", "inspectors": f"人员 {PAYLOAD}"[:200],
                                             "notes": f"说明 {PAYLOAD}"}, hazards=[hazard, hazard])
    create_risk_point(engine, actor=STAFF, values={"project": PROJECT_CODE, "identified_on": TODAY, "level": "major",
                                                   "category": "work_at_height", "description": f"风险 {PAYLOAD}",
                                                   "controls": f"措施 {PAYLOAD}"})
    create_enforcement(engine, actor=STAFF, values={"project": PROJECT_CODE, "date": TODAY, "kind": "stop_work",
                                                    "reason": f"事由 {PAYLOAD}"})
    create_training(engine, actor=STAFF, values={"date": TODAY, "kind": "training", "title": f"主题 {PAYLOAD}"[:200],
                                                 "attendees": 5})
    with engine.connect() as conn:
        first = conn.execute(select(Hazard.id, Hazard.version).where(Hazard.description == f"隐患 {PAYLOAD}")
                             .order_by(Hazard.id).limit(1)).one()
    mark_rectified(engine, actor=STAFF, hazard_id=first.id, version=first.version, rectified_on=TODAY,
                   note=f"整改 {PAYLOAD}")


@pytest.fixture(scope="module")
def admin(browser, poisoned):
    page = open_page(browser, viewport={"width": 1366, "height": 900}, locale="zh-CN")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    login(page, poisoned.base, ADMIN.username, ADMIN.password)
    page.requests = requests
    return page


PAGES = [
    f"projects?project={PROJECT_CODE}", f"projects?q={PROJECT_CODE}", "hazards", "risk", "patrols", "training",
    "rectification", "overview_detail", "audit_log", f"projects?project={quote('[Sign in again](http://' + EVIL + '/x)')}",
    f"hazards?level={quote('![x](http://' + EVIL + '/p.png)')}",
]


@pytest.mark.parametrize("path", PAGES)
def test_user_text_is_plain_text_on_every_page(admin, poisoned, path):
    if path == "overview_detail":
        path = "?detail=hazards_found"
    admin.goto(f"{poisoned.base}/{path}")
    wait_until_idle(admin)
    main = admin.locator('[data-testid="stMain"]')
    expect(main).to_be_visible()
    if path.startswith("projects?project=INJ"):
        for tab in ("隐患", "风险点", "执法", "巡查记录", "专班", "审批"):
            main.get_by_role("tab", name=tab).click()
            wait_until_idle(admin)
    assert_no_user_markup(admin)
    assert [url for url in admin.requests if urlparse(url).hostname not in ("127.0.0.1", None)] == []


def test_the_payload_is_shown_as_typed(admin, poisoned):
    admin.goto(f"{poisoned.base}/projects?project={PROJECT_CODE}")
    wait_until_idle(admin)
    expect(admin.get_by_role("heading", name="项目 x ![p]")).to_be_visible()
    expect(admin.get_by_text("<script>alert(1)</script>").first).to_be_visible()


def assert_no_user_markup(page: Page) -> None:
    """No element the payload could have made: links or images to the other host, script or img from text."""
    main = page.locator('[data-testid="stMain"]')
    hrefs = main.locator("a").evaluate_all("els => els.map(e => e.href)")
    sources = page.locator("img, image, iframe, script[src]").evaluate_all("els => els.map(e => e.src || e.href)")
    assert [h for h in hrefs if EVIL in h] == []
    assert [s for s in sources if EVIL in str(s)] == []
    assert main.locator("script").count() == 0
