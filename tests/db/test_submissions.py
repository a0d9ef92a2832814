"""A form submission is saved once: a repeated save of the same token writes nothing and returns the first result."""
import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from db.commands.records import create_risk_point
from db.commands.visits import create_visit
from db.errors import AlreadySubmitted, ValidationFailed
from db.models import AuditEntry, FormSubmission, Hazard, SiteVisit
from db.permissions import Actor
from db.schemas import HazardIn, validate
from tests import builders as b

STAFF = Actor("inspector", "staff", "检查员", client_ip="10.0.0.7", user_agent="Mobile Safari")
TODAY = dt.date(2026, 6, 15)


def visit(project_code: str) -> dict:
    return {"project": project_code, "date": TODAY, "kind": "patrol", "inspectors": "张三"}


HAZARD = {"category": "work_at_height", "level": "general", "description": "临边防护缺失", "due_on": TODAY}


def count(engine, model) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def test_the_same_submission_twice_stores_one_visit_and_returns_its_codes(engine):
    b.project(engine, code="P-1")
    create_visit(engine, actor=STAFF, visit=visit("P-1"), hazards=[HAZARD, HAZARD], today=TODAY, submission="t1")
    with pytest.raises(AlreadySubmitted) as again:
        create_visit(engine, actor=STAFF, visit=visit("P-1"), hazards=[HAZARD, HAZARD], today=TODAY, submission="t1")
    assert (count(engine, SiteVisit), count(engine, Hazard)) == (1, 2)
    assert [item["table"] for item in again.value.result] == ["site_visits", "hazards", "hazards"]
    assert {item["project"] for item in again.value.result} == {"P-1"}


def test_a_new_token_is_a_new_record(engine):
    b.project(engine, code="P-1")
    for token in ("a", "b"):
        create_visit(engine, actor=STAFF, visit=visit("P-1"), today=TODAY, submission=token)
    assert count(engine, SiteVisit) == 2


def test_a_refused_submission_can_be_corrected_and_saved_with_its_token(engine):
    b.project(engine, code="P-1")
    with pytest.raises(ValidationFailed):
        create_visit(engine, actor=STAFF, visit=visit("P-1") | {"inspectors": ""}, today=TODAY, submission="t")
    assert count(engine, FormSubmission) == 0
    create_visit(engine, actor=STAFF, visit=visit("P-1"), today=TODAY, submission="t")
    assert count(engine, SiteVisit) == 1


def test_racing_saves_of_one_submission_store_one_record(engine):
    pid = b.project(engine, code="P-1")
    assert pid
    outcomes, start = [], threading.Barrier(4)

    def save():
        start.wait()
        try:
            outcomes.append(create_risk_point(engine, actor=STAFF, today=TODAY, submission="race", values={
                "project": "P-1", "identified_on": TODAY, "category": "work_at_height", "level": "low",
                "description": "高处作业"}))
        except AlreadySubmitted as exc:
            outcomes.append(exc.result[0]["code"])

    threads = [threading.Thread(target=save) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(outcomes)) == 1 and len(outcomes) == 4


def test_the_audit_row_names_the_client(engine):
    b.project(engine, code="P-1")
    create_visit(engine, actor=STAFF, visit=visit("P-1"), today=TODAY)
    with engine.connect() as conn:
        row = conn.execute(select(AuditEntry.client_ip, AuditEntry.user_agent)
                           .where(AuditEntry.table_name == "site_visits")).one()
    assert tuple(row) == ("10.0.0.7", "Mobile Safari")


def test_every_problem_of_a_record_is_reported_at_once(engine):
    with pytest.raises(ValidationFailed) as refused:
        validate(HazardIn, {"project": "P", "found_on": TODAY, "category": "work_at_height", "level": "general",
                            "description": "", "due_on": TODAY - dt.timedelta(days=3)}, today=TODAY)
    assert {(e.field, e.message_key) for e in refused.value.errors} == {
        ("description", "errors.required"), ("due_on", "errors.date_order")}


@pytest.mark.parametrize("day", [dt.date(1900, 1, 1), dt.date(1989, 12, 31)])
def test_an_implausibly_early_date_is_refused_beside_its_field(engine, day):
    b.project(engine, code="P-1")
    with pytest.raises(ValidationFailed) as refused:
        create_visit(engine, actor=STAFF, visit=visit("P-1") | {"date": day}, today=TODAY)
    assert [(e.field, e.message_key) for e in refused.value.errors] == [("date", "errors.date_too_early")]
    assert count(engine, SiteVisit) == 0
