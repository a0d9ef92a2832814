"""Risk points, enforcement, training, projects, ledger items and enterprises: validated, audited, all or nothing."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from db.commands.records import (
    add_ledger_item, create_enforcement, create_enterprise, create_project, create_risk_point, create_training,
    lift_stop_work, update_ledger_item,
)
from db.credit_code import make_credit_code
from db.errors import Conflict, PermissionDenied, ValidationFailed
from db.kpis import compute
from db.models import AuditEntry, Enforcement, Enterprise, LedgerItem, Project, RiskPoint, Training
from db.period import Period
from db.permissions import Actor
from db.unit_of_work import data_revision
from tests import builders as b

TODAY = dt.date(2026, 11, 24)
STAFF = Actor("inspector1", "staff", "李明")
VISITOR = Actor("guest", "visitor")


def project_code(engine) -> str:
    pid = b.project(engine)
    with engine.connect() as conn:
        return conn.execute(select(Project.code).where(Project.id == pid)).scalar_one()


def count(engine, model) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def fields(exc: pytest.ExceptionInfo) -> dict[str, str]:
    return {e.field: e.message_key for e in exc.value.errors}


def test_risk_point_is_stored_audited_and_counted(engine):
    code = project_code(engine)
    before = data_revision(engine)
    create_risk_point(engine, actor=STAFF, today=TODAY, values={
        "project": code, "identified_on": TODAY, "category": "scaffolding", "level": "重大",
        "description": "悬挑脚手架", "controls": "专家论证"})
    with engine.connect() as conn:
        figures = compute(conn, Period.year(2026), TODAY)
    assert (figures.risk_points, figures.risk_points_major) == (1, 1)
    assert count(engine, AuditEntry) == 1 and data_revision(engine) == before + 1


@pytest.mark.parametrize(("values", "field", "key"), [
    ({"level": "紫色"}, "level", "errors.not_in_list"),
    ({"identified_on": TODAY + dt.timedelta(days=1)}, "identified_on", "errors.future_date"),
    ({"description": " "}, "description", "errors.required"),
    ({"project": "NOPE"}, "project", "errors.unknown_project"),
])
def test_bad_risk_point_names_the_field_and_writes_nothing(engine, values, field, key):
    code = project_code(engine)
    good = {"project": code, "identified_on": TODAY, "category": "scaffolding", "level": "low", "description": "x"}
    with pytest.raises(ValidationFailed) as exc:
        create_risk_point(engine, actor=STAFF, today=TODAY, values=good | values)
    assert fields(exc)[field] == key
    assert count(engine, RiskPoint) == 0 and count(engine, AuditEntry) == 0


def test_stop_work_order_is_lifted_once_not_before_it_was_issued(engine):
    code = project_code(engine)
    create_enforcement(engine, actor=STAFF, today=TODAY, values={
        "project": code, "date": TODAY - dt.timedelta(days=5), "kind": "责令停工", "reason": "深基坑无支护"})
    with engine.connect() as conn:
        order_id, version = conn.execute(select(Enforcement.id, Enforcement.version)).one()
    with pytest.raises(ValidationFailed) as exc:
        lift_stop_work(engine, actor=STAFF, enforcement_id=order_id, version=version,
                       lifted_on=TODAY - dt.timedelta(days=6), today=TODAY)
    assert fields(exc) == {"lifted_on": "errors.date_order"}
    lift_stop_work(engine, actor=STAFF, enforcement_id=order_id, version=version, lifted_on=TODAY, today=TODAY)
    with pytest.raises(Conflict):
        lift_stop_work(engine, actor=STAFF, enforcement_id=order_id, version=version, lifted_on=TODAY, today=TODAY)
    with engine.connect() as conn:
        assert conn.execute(select(Enforcement.lifted_on)).scalar_one() == TODAY


def test_enforcement_lifted_before_issued_is_refused(engine):
    code = project_code(engine)
    with pytest.raises(ValidationFailed) as exc:
        create_enforcement(engine, actor=STAFF, today=TODAY, values={
            "project": code, "date": TODAY, "kind": "stop_work", "reason": "x", "lifted_on": TODAY - dt.timedelta(1)})
    assert fields(exc) == {"lifted_on": "errors.date_order"}


def test_training_links_enterprises_by_credit_code_or_name(engine):
    first = b.enterprise(engine, name="九江甲建设有限公司")
    second = b.enterprise(engine)
    with engine.connect() as conn:
        second_code = conn.execute(select(Enterprise.credit_code).where(Enterprise.id == second)).scalar_one()
    create_training(engine, actor=STAFF, today=TODAY, values={
        "date": TODAY, "kind": "培训", "title": "危大工程培训", "attendees": 40,
        "enterprises": f"九江甲建设有限公司； {second_code}"})
    with engine.connect() as conn:
        figures = compute(conn, Period.year(2026), TODAY)
    assert (figures.trainings, figures.attendees, figures.enterprises_trained) == (1, 40, 2)
    assert first


def test_training_with_unknown_enterprise_writes_nothing(engine):
    with pytest.raises(ValidationFailed) as exc:
        create_training(engine, actor=STAFF, today=TODAY, values={
            "date": TODAY, "kind": "training", "title": "t", "attendees": 1, "enterprises": ["没有这家"]})
    assert fields(exc) == {"enterprises": "errors.unknown_enterprise"}
    assert count(engine, Training) == 0


@pytest.mark.parametrize(("credit_code", "key"), [
    ("91360400MA35", "errors.credit_code_length"),
    ("91360400MA35IOZSV0", "errors.credit_code_alphabet"),
])
def test_enterprise_credit_code_problems_each_have_their_message(engine, credit_code, key):
    with pytest.raises(ValidationFailed) as exc:
        create_enterprise(engine, actor=STAFF, values={"credit_code": credit_code, "name": "甲", "kind": "contractor"})
    assert fields(exc) == {"credit_code": key}


def test_enterprise_check_digit_and_duplicates(engine):
    good = make_credit_code("91360400MA35L6T7X")
    wrong_digit = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(ValidationFailed) as exc:
        create_enterprise(engine, actor=STAFF, values={"credit_code": wrong_digit, "name": "甲", "kind": "施工单位"})
    assert fields(exc) == {"credit_code": "errors.credit_code_check_digit"}
    create_enterprise(engine, actor=STAFF, values={"credit_code": good, "name": "甲", "kind": "施工单位"})
    with pytest.raises(ValidationFailed) as exc:
        create_enterprise(engine, actor=STAFF, values={"credit_code": good, "name": "乙", "kind": "施工单位"})
    assert fields(exc) == {"credit_code": "errors.duplicate_code"}


def test_project_with_parties_and_ledger_items(engine):
    firm = b.enterprise(engine, name="九江建工集团有限公司")
    create_project(engine, actor=STAFF, values={
        "code": "JK-NEW", "name": "新建厂房", "developer": "九江建工集团有限公司", "contractor": "九江建工集团有限公司",
        "kind": "产业项目", "is_key": "是", "floor_area_m2": 12000, "start_date": TODAY, "progress_pct": 0})
    add_ledger_item(engine, actor=STAFF, values={
        "project": "JK-NEW", "kind": "危大工程", "name": "深基坑", "danger_category": "基坑工程", "beyond_scale": True,
        "planned_start": TODAY, "planned_end": TODAY + dt.timedelta(days=30)})
    with engine.connect() as conn:
        project = conn.execute(select(Project.developer_id, Project.is_key).where(Project.code == "JK-NEW")).one()
        item_id, version = conn.execute(select(LedgerItem.id, LedgerItem.version)).one()
    assert project.developer_id == firm and project.is_key
    update_ledger_item(engine, actor=STAFF, item_id=item_id, version=version, values={"status": "accepted"})
    with engine.connect() as conn:
        assert conn.execute(select(LedgerItem.status)).scalar_one() == "accepted"
    assert count(engine, AuditEntry) == 3


def test_ledger_danger_category_only_on_dangerous_works(engine):
    code = project_code(engine)
    with pytest.raises(ValidationFailed) as exc:
        add_ledger_item(engine, actor=STAFF, values={"project": code, "kind": "key_process", "name": "x",
                                                     "danger_category": "excavation"})
    assert fields(exc) == {"danger_category": "errors.category_only_for_dangerous"}


def test_project_with_unknown_party_writes_nothing(engine):
    with pytest.raises(ValidationFailed) as exc:
        create_project(engine, actor=STAFF, values={
            "code": "X", "name": "x", "developer": "无此单位", "contractor": "无此单位", "kind": "other",
            "start_date": TODAY})
    assert fields(exc) == {"developer": "errors.unknown_enterprise"}
    assert count(engine, Project) == 0


def test_text_is_stored_literally(engine):
    code = project_code(engine)
    hostile = "<script>alert(1)</script>' OR 1=1--"
    create_risk_point(engine, actor=STAFF, today=TODAY, values={
        "project": code, "identified_on": TODAY, "category": "scaffolding", "level": "low", "description": hostile})
    with engine.connect() as conn:
        assert conn.execute(select(RiskPoint.description)).scalar_one() == hostile


@pytest.mark.parametrize("command", [create_risk_point, create_enforcement, create_training, create_project,
                                     add_ledger_item, create_enterprise])
def test_visitor_may_not_create_records(engine, command):
    with pytest.raises(PermissionDenied):
        command(engine, actor=VISITOR, values={})
