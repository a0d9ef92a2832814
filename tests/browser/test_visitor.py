"""A visiting official: the presentation as home page, names and phone numbers masked, nothing to export."""
import re

from playwright.sync_api import expect

from seed.demo import DEMO_ACCOUNTS
from tests.browser.flows import TIMEOUT, login, wait_until_idle

ACCOUNTS = {a.username: a for a in DEMO_ACCOUNTS}
PHONE = re.compile(r"^\d{3}\*{4}\d{4}$")


def signed_in(browser, base: str, username: str):
    page = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()
    login(page, base, username, ACCOUNTS[username].password)
    return page


def team_cells(page, base: str) -> list[str]:
    """The service-team grid of the first key project, read from the grid's accessible cells."""
    page.goto(f"{base}/projects?key=1")
    wait_until_idle(page)
    links = [c for c in grid_cells(page, "", containing="?project=") if c.startswith("?project=")]
    page.goto(f"{base}/projects{links[0]}")
    wait_until_idle(page)
    click_once_drawn(page.get_by_role("tab", name="专班"))
    wait_until_idle(page)
    return grid_cells(page, ":visible", containing=re.compile(r"\d{3}"))  # a phone number, masked or not


def click_once_drawn(locator) -> None:
    # While a rerun is drawing, the previous run's element can still be in the page beside the new one.
    expect(locator).to_have_count(1, timeout=TIMEOUT)
    locator.click()


def grid_cells(page, visible: str, containing: str | re.Pattern = "") -> list[str]:
    # The data grid draws on a canvas; its accessible twin holds every cell's text, filled in
    # a moment after the grid appears.
    cells = page.locator(f'[data-testid="stDataFrame"]{visible} [role="gridcell"]')
    expect(cells.filter(has_text=containing).first).to_be_attached(timeout=TIMEOUT)
    return cells.all_inner_texts()


def test_visitor_home_is_the_presentation(browser, demo_server):
    visitor = signed_in(browser, demo_server, "demo_visitor")
    expect(visitor.get_by_role("heading", name="“三式服务”护航项目建设")).to_be_visible(timeout=TIMEOUT)
    click_once_drawn(visitor.get_by_role("button", name="下一节 ▶"))
    expect(visitor.get_by_role("heading", name="质量安全监管成效")).to_be_visible(timeout=TIMEOUT)
    assert visitor.get_by_role("textbox").count() == 0


def test_visitor_sees_team_names_and_phones_masked_and_no_export(browser, demo_server):
    visitor = signed_in(browser, demo_server, "demo_visitor")
    cells = team_cells(visitor, demo_server)
    names, phones = cells[0::4], cells[3::4]
    assert names and all("*" in name for name in names)
    assert phones and all(PHONE.match(phone) or not phone.strip() for phone in phones)
    assert visitor.get_by_role("button", name="导出 CSV").count() == 0

    staff = signed_in(browser, demo_server, "demo_staff")
    staff_cells = team_cells(staff, demo_server)
    assert not any("*" in name for name in staff_cells[0::4])
    expect(staff.get_by_role("button", name="导出 CSV").first).to_be_visible(timeout=TIMEOUT)
