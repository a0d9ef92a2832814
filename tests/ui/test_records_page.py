"""The Records page: each form saves through its command; bad input is shown beside the field."""
import datetime as dt

from sqlalchemy import func, select

from db.credit_code import make_credit_code
from db.models import AuditEntry, Enforcement, Enterprise, Hazard, LedgerItem, Project, RiskPoint, Training
from tests import builders as b

PAGE = "pages/records.py"


def count(engine, model):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def save(app, label="保存"):
    next(x for x in app.button if x.label == label).click().run()
    assert not app.exception


def active_project(engine, **values):
    return b.project(engine, start=dt.date.today() - dt.timedelta(days=30), **values)


def test_risk_point_saved_and_audited(engine, run_page):
    active_project(engine)
    app = run_page(engine, PAGE, role="staff")
    app.radio(key="records_risk_level").set_value("major")
    app.text_area(key="records_risk_description").input("<script>alert(1)</script>")
    save(app)
    assert any("已保存" in s.value for s in app.success)
    assert count(engine, RiskPoint) == 1 and count(engine, AuditEntry) == 1
    with engine.connect() as conn:
        assert conn.execute(select(RiskPoint.description)).scalar_one() == "<script>alert(1)</script>"


def test_future_date_is_shown_beside_the_field_and_nothing_saved(engine, run_page):
    active_project(engine)
    app = run_page(engine, PAGE, role="staff")
    app.date_input(key="records_risk_date").set_value(dt.date.today() + dt.timedelta(days=3))
    app.text_area(key="records_risk_description").input("x")
    save(app)
    assert any("未保存" in e.value for e in app.error)
    assert any("不能晚于今天" in m.value for m in app.markdown)
    assert count(engine, RiskPoint) == 0


def test_stop_work_order_issued_then_lifted(engine, run_page):
    active_project(engine)
    app = run_page(engine, PAGE, role="staff")
    app.segmented_control(key="records_kind").set_value("enforcement").run()
    app.radio(key="records_enforcement_kind").set_value("stop_work")
    app.text_area(key="records_enforcement_reason").input("高支模未经论证")
    save(app)
    assert count(engine, Enforcement) == 1
    save(app, "解除停工")
    with engine.connect() as conn:
        assert conn.execute(select(Enforcement.lifted_on)).scalar_one() == dt.date.today()


def test_training_with_enterprises_chosen_from_the_register(engine, run_page):
    firm = b.enterprise(engine, name="九江示范建设有限公司")
    with engine.connect() as conn:
        code = conn.execute(select(Enterprise.credit_code).where(Enterprise.id == firm)).scalar_one()
    app = run_page(engine, PAGE, role="staff")
    app.segmented_control(key="records_kind").set_value("training").run()
    app.text_input(key="records_training_title").input("危大工程专项培训")
    app.number_input(key="records_training_attendees").set_value(35)
    app.multiselect(key="records_training_enterprises").select(code)
    save(app)
    assert count(engine, Training) == 1


def test_bad_credit_code_check_digit_is_refused_beside_the_field(engine, run_page):
    good = make_credit_code("91360400MA35L6T7X")
    app = run_page(engine, PAGE, role="admin", lang="en")
    app.segmented_control(key="records_kind").set_value("enterprise").run()
    app.text_input(key="records_enterprise_code").input(good[:-1] + ("0" if good[-1] != "0" else "1"))
    app.text_input(key="records_enterprise_name").input("九江新企业")
    save(app, "Save")
    assert any("check digit" in m.value for m in app.markdown)
    assert count(engine, Enterprise) == 0


def test_project_and_its_ledger_item(engine, run_page):
    firm = b.enterprise(engine, name="九江建工集团有限公司")
    with engine.connect() as conn:
        code = conn.execute(select(Enterprise.credit_code).where(Enterprise.id == firm)).scalar_one()
    app = run_page(engine, PAGE, role="staff")
    app.segmented_control(key="records_kind").set_value("project").run()
    app.text_input(key="records_project_code").input("JK2026-NEW")
    app.text_input(key="records_project_name").input("新建标准厂房")
    app.selectbox(key="records_project_developer").select(code)
    app.selectbox(key="records_project_contractor").select(code)
    save(app)
    assert count(engine, Project) == 1
    app.segmented_control(key="records_kind").set_value("ledger").run()
    app.selectbox(key="records_ledger_project").select("JK2026-NEW").run()
    app.text_input(key="records_ledger_name").input("深基坑开挖")
    save(app)
    assert count(engine, LedgerItem) == 1
    app.radio(key="records_ledger_status").set_value("accepted")
    save(app, "更新状态")
    with engine.connect() as conn:
        assert conn.execute(select(LedgerItem.status)).scalar_one() == "accepted"


def test_leader_and_visitor_cannot_open_the_records_page(engine, run_page):
    for role in ("leader", "visitor"):
        app = run_page(engine, PAGE, role=role)
        assert app.error and not app.button


def test_staff_deletes_by_code_and_admin_restores_from_the_trash(engine, run_page):
    b.hazard(engine, active_project(engine), dt.date.today(), code="H-TRASH")
    app = run_page(engine, PAGE, role="staff")
    app.segmented_control(key="records_kind").set_value("delete").run()
    app.selectbox(key="records_delete_table").select("hazards").run()
    app.text_input(key="records_delete_code").input("H-TRASH").run()
    app.checkbox(key="records_delete_sure").check()
    save(app, "删除")
    assert any("必填" in e.value for e in app.error)   # no reason given: nothing deleted, said beside the field
    with engine.connect() as conn:
        assert conn.execute(select(Hazard.deleted_at)).scalar_one() is None
    app.text_input(key="records_delete_reason").input("重复录入")
    app.checkbox(key="records_delete_sure").check()
    save(app, "删除")
    with engine.connect() as conn:
        assert conn.execute(select(Hazard.deleted_at)).scalar_one() is not None
    trash = run_page(engine, "pages/trash.py", role="admin")
    trash.selectbox(key="trash_table").select("hazards").run()
    assert trash.dataframe[0].value["删除原因"].tolist() == ["重复录入"]
    next(x for x in trash.button if x.key == "trash_restore").click().run()
    assert any("已保存 1 条记录" in s.value for s in trash.success)
    with engine.connect() as conn:
        assert conn.execute(select(Hazard.deleted_at)).scalar_one() is None


def test_every_problem_of_a_ledger_item_is_beside_its_field_at_once(engine, run_page):
    active_project(engine)
    app = run_page(engine, PAGE, role="staff")
    app.segmented_control(key="records_kind").set_value("ledger").run()
    app.date_input(key="records_ledger_start").set_value(dt.date(2026, 6, 1))
    app.date_input(key="records_ledger_end").set_value(dt.date(2026, 5, 1))
    save(app)
    beside = [m.value for m in app.markdown if m.value.startswith(":red[")]
    assert beside == [":red[必填]", ":red[日期先后顺序不对]"]               # the blank name and the plan's order
    assert count(engine, LedgerItem) == 0


def test_too_long_controls_are_marked_beside_the_field(engine, run_page):
    active_project(engine)
    app = run_page(engine, PAGE, role="staff")
    app.text_area(key="records_risk_description").input("深基坑")
    app.text_area(key="records_risk_controls").input("措" * 10_000)
    save(app)
    assert [m.value for m in app.markdown if m.value.startswith(":red[")] == [":red[内容过长]"]
    assert any("管控措施" in e.value for e in app.error)
    assert count(engine, RiskPoint) == 0


def test_a_save_whose_run_was_stopped_after_the_commit_is_reported_on_the_next_run(engine, run_page):
    # A second tap stops the run that saved after its commit and before its message; the next run must
    # still say the record was saved (and start the form afresh), not leave the user guessing.
    from db.commands.records import create_risk_point
    from db.permissions import Actor

    project = active_project(engine)
    with engine.connect() as conn:
        code = conn.execute(select(Project.code).where(Project.id == project)).scalar_one()
    app = run_page(engine, PAGE, role="staff")
    app.text_area(key="records_risk_description").input("深基坑临边")
    create_risk_point(engine, actor=Actor("admin", "admin", "管理员"), submission="t-stopped", values={
        "project": code, "identified_on": dt.date.today(), "category": "excavation_slope", "level": "major",
        "description": "深基坑临边", "controls": ""})
    app.session_state["records_risk_point__pending"] = ("fingerprint", "t-stopped",
                                                        {"records_risk_description": ""})
    app.run()
    assert any("已保存 1 条记录" in s.value for s in app.success)
    assert app.text_area(key="records_risk_description").value == ""
    assert count(engine, RiskPoint) == 1
    # A submission that never committed is forgotten without a word.
    app.session_state["records_risk_point__pending"] = ("fingerprint", "t-never", {})
    app.run()
    assert "records_risk_point__pending" not in app.session_state and not app.error
