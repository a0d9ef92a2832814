"""What leaders and visitors see, in Chromium at their sizes: the presentation tells the demo's 2024 story on a
1920×1080 projector in large type with no dash figure; KPI cards show every value and label whole at 1366 and
390 px in both languages; the period picker reaches a quarter, a custom range and "all" by clicks.
(Streamlit draws charts on a canvas; that every heatmap row is labelled is checked on Vega's own SVG of the same
spec in tests/render/test_chart_labels.py.)

With UPDATE_SCREENSHOTS=1 the slides are photographed into docs/screenshots/ (present-N.png).
"""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from db.queries import overview
from harness.browser import login, open_page, wait_until_idle
from seed.demo import DEMO_ACCOUNTS
from tests.browser.conftest import demo_site
from ui.present_view import SLIDES

ACCOUNTS = {a.role: a for a in DEMO_ACCOUNTS}
DOCS_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PROJECTOR = {"viewport": {"width": 1920, "height": 1080}, "locale": "zh-CN"}
LAPTOP = {"viewport": {"width": 1366, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    # The demo's story is of 2024, the article's year.
    with demo_site(tmp_path_factory.mktemp("leaders"), PRESENT_YEAR="2024") as site:
        yield site


def signed_in(browser, served, role: str, lang: str = "zh", **context) -> Page:
    page = open_page(browser, **context)
    login(page, served.base, ACCOUNTS[role].username, ACCOUNTS[role].password, lang=lang)
    return page


def font_px(locator) -> float:
    return float(locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))


def test_the_presentation_tells_2024_on_a_projector(browser, served, tmp_path):
    shots = DOCS_SHOTS if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path
    page = signed_in(browser, served, "visitor", **PROJECTOR)
    expect(page.get_by_role("heading", name="“三式服务”护航项目建设")).to_be_visible()
    assert page.locator('[data-testid="stSidebar"]').is_hidden()
    figures, text = [], []
    for number in range(1, len(SLIDES) + 1):
        wait_until_idle(page)
        body = page.locator(".st-key-present_slide_body")
        expect(body).to_be_visible()
        values = body.locator('[data-testid="stMetricValue"]')
        figures += [v.strip() for v in values.all_inner_texts()]
        text.append(body.inner_text())
        for value in values.all()[:1]:
            assert font_px(value.locator("div").first) >= 64
        for paragraph in body.locator("p").all()[:3]:
            assert font_px(paragraph) >= 24
        page.screenshot(path=str(shots / f"present-{number}.png"))
        page.get_by_role("button", name="下一页 ▶").click()
    told = "\n".join(text)
    assert {"447", "426", "31", "13"} <= set(figures)
    assert "—" not in figures
    assert "九江市鸿泽汽车循环利用有限公司汽车循环利用项目" in told and "九江市优质建设工程奖" in told
    assert "曼玲集团食品新材料产业园" in told and "47,600" in told and "80%" in told
    assert "2023、2024 年未发生安全事故" in told


def cut_off(page: Page) -> list[str]:
    """Card labels and values whose text is wider than their box (drawn cut or with an ellipsis)."""
    return page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stMetricLabel"] *, [data-testid="stMetricValue"], [data-testid="stMetricValue"] *')]
        .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)""")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", ["laptop", "phone"])
def test_no_card_value_or_label_is_cut(browser, served, lang, size):
    page = signed_in(browser, served, "leader", lang=lang, **(LAPTOP if size == "laptop" else PHONE))
    for year in (2024, 2026):
        page.goto(f"{served.base}/?start={year}-01-01&end={year}-12-31&lang={lang}")
        wait_until_idle(page)
        expect(page.locator('[data-testid="stMetric"]').first).to_be_visible()
        assert page.locator('[data-testid="stMetric"]').count() >= 19
        assert cut_off(page) == []


def test_quarter_custom_range_and_all_are_set_by_clicks(browser, served):
    page = signed_in(browser, served, "leader", **LAPTOP)
    page.goto(f"{served.base}/?start=2024-01-01&end=2024-12-31")
    wait_until_idle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')

    sidebar.get_by_role("radio", name="季度", exact=True).click()   # segmented controls are radio groups
    wait_until_idle(page)
    assert re.search(r"start=2024-10-01&end=2024-12-31", page.url)

    sidebar.get_by_role("radio", name="自定义", exact=True).click()
    wait_until_idle(page)
    # The range is typed into its segments (year, month, day of the start, then of the end), as a person does.
    segments = sidebar.get_by_test_id("stDateInput").get_by_role("spinbutton")
    segments.nth(0).click()
    page.keyboard.type("20240305")
    segments.nth(3).click()
    page.keyboard.type("20240506")
    sidebar.get_by_text("统计期间").first.click()   # leaving the field commits the range
    wait_until_idle(page)
    assert "start=2024-03-05&end=2024-05-06" in page.url

    sidebar.get_by_role("radio", name="全部", exact=True).click()
    wait_until_idle(page)
    with served.engine.connect() as conn:
        first = overview.records_start(conn)
    assert f"start={first}&end={dt.date.today()}" in page.url
