"""One rule for "overdue": every figure, list, page query and queue that shows overdue hazards agrees with the KPI.

Hazards in every state around their deadline and the as-of date; a fix reported by then awaits
re-inspection and is never overdue (DESIGN.md, "Decisions added in the second round").
"""
import datetime as dt

import pytest

from db.kpis import compute
from db.period import Period
from db.queries import drilldown, hazards, project_detail, projects, workflow
from db.queries.projects import ProjectFilter
from tests import builders as b

AS_OF = dt.date(2026, 6, 15)
PERIOD = Period.year(2026)
BEFORE, AFTER = AS_OF - dt.timedelta(days=5), AS_OF + dt.timedelta(days=5)
FOUND = dt.date(2026, 5, 1)
# code: (due, rectified, closed, status on AS_OF)
CASES = {
    "no_fix_late": (BEFORE, None, None, "overdue"),
    "fixed_late_waiting": (BEFORE, BEFORE, None, "rectified"),
    "fixed_after_as_of": (BEFORE, AFTER, None, "overdue"),
    "closed_in_time": (BEFORE, BEFORE, BEFORE, "closed"),
    "closed_after_as_of": (BEFORE, BEFORE, AFTER, "rectified"),
    "fixed_and_closed_after": (BEFORE, AFTER, AFTER, "overdue"),
    "due_on_the_day": (AS_OF, None, None, "open"),
    "not_yet_due": (AFTER, None, None, "open"),
    "fixed_early": (AFTER, BEFORE, None, "rectified"),
}
OVERDUE = {code for code, case in CASES.items() if case[3] == "overdue"}


@pytest.fixture
def project(engine):
    pid = b.project(engine, code="PX-1")
    for code, (due, rectified, closed, _) in CASES.items():
        b.hazard(engine, pid, FOUND, due=due, rectified=rectified, closed=closed, code=code)
    return pid


def test_the_kpi_counts_exactly_the_overdue_cases(engine, project):
    with engine.connect() as conn:
        assert compute(conn, PERIOD, AS_OF).hazards_overdue == len(OVERDUE) == 3


def test_the_records_behind_the_card_are_the_overdue_cases(engine, project):
    with engine.connect() as conn:
        rows, total = drilldown.records_behind(conn, kpi="hazards_overdue", period=PERIOD, as_of=AS_OF)
    assert set(rows["code"]) == OVERDUE and total == len(OVERDUE)


def test_the_hazards_page_counts_and_lists_the_same(engine, project):
    with engine.connect() as conn:
        still_open, overdue = hazards.open_counts(conn, period=PERIOD, as_of=AS_OF)
        rows, _ = hazards.open_hazards(conn, period=PERIOD, as_of=AS_OF)
    assert overdue == len(OVERDUE)
    assert still_open == sum(case[3] != "closed" for case in CASES.values())
    assert set(rows.loc[rows["status"] == "overdue", "code"]) == OVERDUE
    assert set(rows.loc[rows["days_overdue"] > 0, "code"]) == OVERDUE


def test_the_project_page_and_the_projects_list_agree(engine, project):
    with engine.connect() as conn:
        listed = project_detail.hazards(conn, project_id=project, as_of=AS_OF)
        page, _ = projects.project_page(conn, where=ProjectFilter(search="PX-1"), as_of=AS_OF)
    assert dict(zip(listed["code"], listed["status"])) == {code: case[3] for code, case in CASES.items()}
    assert page.iloc[0]["overdue_hazards"] == len(OVERDUE)


def test_the_rectification_queue_flags_the_same_and_keeps_fixes_apart(engine, project):
    with engine.connect() as conn:
        waiting_fix, _ = workflow.workflow_hazards(conn, state="open", as_of=AS_OF)
        waiting_check, _ = workflow.workflow_hazards(conn, state="rectified", as_of=AS_OF)
    assert set(waiting_fix.loc[waiting_fix["overdue"], "code"]) == OVERDUE
    assert set(waiting_check["code"]) == {code for code, case in CASES.items() if case[3] == "rectified"}
    assert not waiting_check["overdue"].any()


def test_the_leadership_report_lists_the_same(engine, project):
    from render.report.content import gather

    report = gather(engine, PERIOD, AS_OF)
    assert set(report.overdue["code"]) == OVERDUE and report.current.hazards_overdue == len(OVERDUE)
