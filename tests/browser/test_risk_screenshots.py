"""The risk map and an enterprise's record in a real browser, in both languages (docs/screenshots/ with
UPDATE_SCREENSHOTS=1, else a temporary folder): drawn, no exception, the grade legend and the score shown."""
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from harness.browser import TIMEOUT, login, wait_until_idle
from render.i18n import catalog
from seed.demo import DEMO_ACCOUNTS, build_demo
from tests.conftest import DEMO_TODAY

DOCS_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
LEADER = next(a for a in DEMO_ACCOUNTS if a.role == "leader")
FIRM = "江西省恒信建设工程有限公司"   # a contractor of five demo projects, with enforcement on record
YEAR = "start=2024-01-01&end=2024-12-31"


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = DOCS_SHOTS if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path_factory.mktemp("risk_shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def leader_page(browser, demo_server):
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    login(page, demo_server, LEADER.username, LEADER.password)
    yield page
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_risk_map_is_drawn_and_photographed(leader_page, demo_server, shots, lang):
    leader_page.goto(f"{demo_server}/projects?lang={lang}")
    wait_until_idle(leader_page)
    strings = catalog(lang)
    expect(leader_page.get_by_role("heading", name=strings["project_map.title"])).to_be_visible(timeout=TIMEOUT)
    chart = leader_page.locator('[data-testid="stVegaLiteChart"]').last
    chart.scroll_into_view_if_needed()
    expect(chart.locator("canvas, svg").first).to_be_visible(timeout=TIMEOUT)
    assert leader_page.locator('[data-testid="stException"]').count() == 0
    leader_page.wait_for_timeout(800)  # the chart's first paint
    heading = leader_page.get_by_role("heading", name=strings["project_map.title"])
    box, end = heading.bounding_box(), chart.bounding_box()
    leader_page.screenshot(path=str(shots / f"risk_map-{lang}.png"), full_page=True,
                           clip={"x": box["x"] - 20, "y": box["y"] - 20, "width": 1440 - box["x"], "height": end["y"] + end["height"] - box["y"] + 40})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_enterprise_record_is_shown_and_photographed(leader_page, demo_server, shots, lang):
    code = next(e["credit_code"] for e in build_demo(DEMO_TODAY)["enterprises"] if e["name"] == FIRM)
    leader_page.goto(f"{demo_server}/enterprises?enterprise={code}&lang={lang}&{YEAR}")
    wait_until_idle(leader_page)
    strings = catalog(lang)
    expect(leader_page.get_by_role("heading", name=FIRM)).to_be_visible(timeout=TIMEOUT)
    expect(leader_page.get_by_text(strings["enterprises.score_title"])).to_be_visible(timeout=TIMEOUT)
    assert leader_page.locator('[data-testid="stException"]').count() == 0
    leader_page.screenshot(path=str(shots / f"enterprise_record-{lang}.png"))
