"""A visiting official: the presentation as home page, names and phone numbers masked, nothing to export."""
import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from db.engine import make_engine
from db.migrate import upgrade
from db.models import Project, TeamMember
from seed.demo import DEMO_ACCOUNTS, load_demo
from harness.browser import TIMEOUT, login, open_page, wait_until_idle
from tests.conftest import DEMO_TODAY

ACCOUNTS = {a.username: a for a in DEMO_ACCOUNTS}
PHONE = re.compile(r"^\d{3}\*{4}\d{4}$")


def signed_in(browser, base: str, username: str):
    page = open_page(browser, viewport={"width": 1440, "height": 1000})
    login(page, base, username, ACCOUNTS[username].password)
    return page


@pytest.fixture(scope="module")
def team_project(tmp_path_factory) -> str:
    """The code of a project whose team lists phone numbers, in the same deterministic demo the server runs."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('visitor') / 'demo.db'}")
    upgrade(engine)
    load_demo(engine, today=DEMO_TODAY)
    with engine.connect() as conn:
        code = conn.execute(select(Project.code).join(TeamMember).where(TeamMember.phone.is_not(None))
                            .order_by(Project.code).limit(1)).scalar_one()
    engine.dispose()
    return code


def team_cells(page, base: str, project: str) -> list[str]:
    """The service-team grid of `project`, read from the grid's accessible cells."""
    page.goto(f"{base}/projects?project={project}")
    wait_until_idle(page)
    click_once_drawn(page.get_by_role("tab", name="专班"))
    wait_until_idle(page)
    return grid_cells(page, ":visible", containing=re.compile(r"\d{3}"))  # a phone number, masked or not


def shown_once(locator) -> None:
    # While a rerun is drawing, the previous run's element can still be in the page beside the new one.
    expect(locator).to_have_count(1, timeout=TIMEOUT)
    expect(locator).to_be_visible(timeout=TIMEOUT)


def click_once_drawn(locator) -> None:
    shown_once(locator)
    locator.click()


def grid_cells(page, visible: str, containing: re.Pattern) -> list[str]:
    # The data grid draws on a canvas; its accessible twin holds every cell's text, filled in
    # a moment after the grid appears: read until two readings agree.
    cells = page.locator(f'[data-testid="stDataFrame"]{visible} [role="gridcell"]')
    expect(cells.filter(has_text=containing).first).to_be_attached(timeout=TIMEOUT)
    previous, current = None, cells.all_inner_texts()
    while current != previous:
        page.wait_for_timeout(200)
        previous, current = current, cells.all_inner_texts()
    return current


def test_visitor_home_is_the_presentation(browser, demo_server):
    visitor = signed_in(browser, demo_server, "demo_visitor")
    shown_once(visitor.get_by_role("heading", name="“三式服务”护航项目建设"))
    click_once_drawn(visitor.get_by_role("button", name="下一页 ▶"))
    shown_once(visitor.get_by_role("heading", name="质量安全监管成效"))
    assert visitor.get_by_role("textbox").count() == 0


def test_visitor_sees_team_names_and_phones_masked_and_no_export(browser, demo_server, team_project):
    visitor = signed_in(browser, demo_server, "demo_visitor")
    cells = team_cells(visitor, demo_server, team_project)
    names, phones = cells[0::4], cells[3::4]
    assert names and all("*" in name for name in names)
    assert phones and all(PHONE.match(phone) or not phone.strip() for phone in phones)
    assert visitor.get_by_role("button", name="导出 CSV").count() == 0

    staff = signed_in(browser, demo_server, "demo_staff")
    staff_cells = team_cells(staff, demo_server, team_project)
    assert not any("*" in name for name in staff_cells[0::4])
    expect(staff.get_by_role("button", name="导出 CSV").first).to_be_visible(timeout=TIMEOUT)
