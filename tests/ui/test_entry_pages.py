"""The entry and rectification pages, driven as an inspector would."""
import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Hazard, SiteVisit
from tests import builders as b
from tests.accounts import add_user


def count(engine, model):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def button(app, label):
    return next(x for x in app.button if x.label == label)


def choose(app, index, level="general", category="work_at_height"):
    app.radio(key=f"entry_h{index}_level").set_value(level)
    app.selectbox(key=f"entry_h{index}_category").set_value(category)


def active_project(engine):
    return b.project(engine, start=dt.date.today() - dt.timedelta(days=30))


def test_staff_saves_a_visit_with_a_hazard(engine, run_page):
    active_project(engine)
    app = run_page(engine, "pages/entry.py", role="staff")
    app.number_input(key="entry_hazard_count").set_value(1).run()
    choose(app, 0)
    app.text_area(key="entry_h0_description").input("塔吊基础积水")
    button(app, "保存巡查记录").click().run()
    assert not app.exception
    assert any("已保存 2 条记录" in s.value for s in app.success)
    assert (count(engine, SiteVisit), count(engine, Hazard)) == (1, 1)
    assert app.number_input(key="entry_hazard_count").value == 0       # the form starts afresh


def test_missing_description_is_shown_beside_the_field_and_nothing_is_saved(engine, run_page):
    active_project(engine)
    app = run_page(engine, "pages/entry.py", role="staff")
    app.number_input(key="entry_hazard_count").set_value(1).run()
    choose(app, 0)
    app.text_input(key="entry_inspectors").input("")
    button(app, "保存巡查记录").click().run()
    assert any("未保存" in e.value for e in app.error)
    assert sum("必填" in m.value for m in app.markdown) == 2        # inspectors and the hazard description
    assert (count(engine, SiteVisit), count(engine, Hazard)) == (0, 0)


def test_english_form_messages(engine, run_page):
    active_project(engine)
    app = run_page(engine, "pages/entry.py", role="staff", lang="en")
    app.text_input(key="entry_inspectors").input("")
    button(app, "Save the visit").click().run()
    assert any("Required" in m.value for m in app.markdown)


def test_rectified_then_closed_by_a_second_inspector(engine, run_page):
    project = active_project(engine)
    hazard_id = b.hazard(engine, project, dt.date.today() - dt.timedelta(days=3))
    app = run_page(engine, "pages/rectification.py", role="staff")
    app.text_area(key="rectification_note").input("已整改")
    button(app, "登记整改完成").click().run()
    assert any("已保存 1 条记录" in s.value for s in app.success)

    second = add_user(engine, "inspector_two", "staff")
    app = run_page(engine, "pages/rectification.py", role="staff")
    app.session_state["user"] = second
    app.segmented_control(key="rectification_state").set_value("rectified").run()
    app.radio(key="rectification_outcome").set_value("close")
    button(app, "提交复查结论").click().run()
    with Session(engine) as session:
        hazard = session.get(Hazard, hazard_id)
    assert hazard.closed_by == "inspector_two" and hazard.closed_on == dt.date.today()


def test_the_rectifier_is_not_offered_their_own_fix_to_close(engine, run_page):
    project = active_project(engine)
    b.hazard(engine, project, dt.date.today() - dt.timedelta(days=3))
    app = run_page(engine, "pages/rectification.py", role="staff")
    app.text_area(key="rectification_note").input("已整改")
    button(app, "登记整改完成").click().run()
    app.segmented_control(key="rectification_state").set_value("rectified").run()
    assert not [b for b in app.button if b.label == "提交复查结论"]
    assert any("暂无" in i.value for i in app.info)


def test_re_inspection_without_an_outcome_is_refused_beside_the_choice(engine, run_page):
    project = active_project(engine)
    b.hazard(engine, project, dt.date.today() - dt.timedelta(days=3), rectified=dt.date.today(),
             rectified_by="someone_else")
    app = run_page(engine, "pages/rectification.py", role="staff")
    app.segmented_control(key="rectification_state").set_value("rectified").run()
    button(app, "提交复查结论").click().run()
    assert sum("必填" in m.value for m in app.markdown) == 1
    with Session(engine) as session:
        assert session.scalars(select(Hazard.closed_on)).one() is None


def test_level_and_category_are_chosen_never_preset_then_remembered(engine, run_page):
    active_project(engine)
    app = run_page(engine, "pages/entry.py", role="staff")
    app.number_input(key="entry_hazard_count").set_value(1).run()
    assert app.radio(key="entry_h0_level").value is None and app.selectbox(key="entry_h0_category").value is None
    app.text_area(key="entry_h0_description").input("临边防护缺失")
    button(app, "保存巡查记录").click().run()
    assert sum("必填" in m.value for m in app.markdown) == 2        # the level and the category
    choose(app, 0, level="major", category="scaffolding")
    button(app, "保存巡查记录").click().run()
    assert count(engine, Hazard) == 1
    app.number_input(key="entry_hazard_count").set_value(1).run()
    assert (app.radio(key="entry_h0_level").value, app.selectbox(key="entry_h0_category").value) == (
        "major", "scaffolding")


def test_the_deadline_follows_the_level_when_left_blank(engine, run_page):
    active_project(engine)
    app = run_page(engine, "pages/entry.py", role="staff")
    app.number_input(key="entry_hazard_count").set_value(2).run()
    choose(app, 0, level="major")
    choose(app, 1, level="general")
    app.text_area(key="entry_h0_description").input("重大")
    app.text_area(key="entry_h1_description").input("一般")
    button(app, "保存巡查记录").click().run()
    with Session(engine) as session:
        days = {h.description: (h.due_on - h.found_on).days for h in session.scalars(select(Hazard))}
    assert days == {"重大": 7, "一般": 3}
