"""Two app servers on one PostgreSQL database: a simultaneous first start, and a write seen by both."""
import datetime as dt

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from db.engine import make_engine
from db.models import Hazard, Project
from db.unit_of_work import audit, writing
from seed.demo import DEMO_ACCOUNTS, load_demo
from tests.accounts import TEST_COOKIE_KEY
from harness.browser import TIMEOUT, login, metric_value, open_page, wait_for_metric, wait_until_idle
from tests.conftest import DEMO_TODAY, _worker
from tests.databases import fresh_postgres_database, postgres_or_skip
from harness.server import streamlit_server

STAFF = next(a for a in DEMO_ACCOUNTS if a.username == "demo_staff")


@pytest.fixture
def shared_postgres():
    postgres_or_skip()
    return fresh_postgres_database(f"dashboard_two_servers_{_worker()}")


def add_hazard(url: str, found_on: dt.date) -> None:
    """A write made by another process: one hazard, audited, revision bumped."""
    engine = make_engine(url)
    with writing(engine, "demo_staff2") as session:
        project_id = session.execute(select(Project.id).limit(1)).scalar_one()
        hazard = Hazard(code="TWO-SERVERS-1", project_id=project_id, found_on=found_on, due_on=found_on,
                        domain="safety", category="work_at_height", level="general", description="临边防护缺失")
        session.add(hazard)
        session.flush()
        audit(session, "create", table="hazards", row_id=hazard.id)
    engine.dispose()


def test_two_servers_start_together_and_see_each_others_writes(browser, shared_postgres):
    env = {"DATABASE_URL": shared_postgres, "AUTH_COOKIE_KEY": TEST_COOKIE_KEY, "OVERVIEW_REFRESH_SECONDS": "2"}
    with streamlit_server(env) as port_a, streamlit_server(env) as port_b:
        first, second = open_page(browser, ), open_page(browser, )
        # Both first runs migrate the empty database at the same moment.
        first.goto(f"http://127.0.0.1:{port_a}/", wait_until="commit")
        second.goto(f"http://127.0.0.1:{port_b}/", wait_until="commit")
        for page in (first, second):
            expect(page.get_by_role("textbox", name="用户名")).to_be_visible(timeout=TIMEOUT)
            assert page.locator('[data-testid="stException"]').count() == 0

        engine = make_engine(shared_postgres)
        load_demo(engine, today=DEMO_TODAY)
        engine.dispose()
        year = f"start={DEMO_TODAY.year}-01-01&end={DEMO_TODAY.year}-12-31"
        login(second, f"http://127.0.0.1:{port_b}", STAFF.username, STAFF.password)
        second.goto(f"http://127.0.0.1:{port_b}/?{year}")
        wait_until_idle(second)
        before = int(metric_value(second, "发现隐患").replace(",", ""))

        add_hazard(shared_postgres, DEMO_TODAY)
        wait_for_metric(second, "发现隐患", f"{before + 1:,}", timeout_ms=15_000)
