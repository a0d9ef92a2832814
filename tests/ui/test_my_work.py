"""My work: an inspector's projects (their service teams) with this week's visits against the target, the fixes
awaiting their re-inspection (never their own), hazards due soon or overdue, and stop-work orders to check."""
import datetime as dt

from sqlalchemy import insert

from db.models import TeamMember
from db.risk import assess
from tests import builders as b
from tests.accounts import user_for_role

TODAY = dt.date.today()


def on_team(engine, project_id, username):
    with engine.begin() as conn:
        conn.execute(insert(TeamMember).values(project_id=project_id, name=username, role="inspector",
                                               username=username))


def test_staff_land_on_my_work_and_see_their_day(engine, run_page):
    staff = user_for_role(engine, "staff")
    mine = b.project(engine, code="MINE", name="我的项目", start=TODAY - dt.timedelta(days=60))
    other = b.project(engine, code="OTHER", start=TODAY - dt.timedelta(days=60))
    on_team(engine, mine, staff.username)
    b.hazard(engine, mine, TODAY - dt.timedelta(days=9), due=TODAY - dt.timedelta(days=2), code="LATE")
    b.hazard(engine, mine, TODAY - dt.timedelta(days=1), due=TODAY + dt.timedelta(days=2), code="SOON")
    b.hazard(engine, mine, TODAY - dt.timedelta(days=5), rectified=TODAY, rectified_by="someone", code="CHECK")
    b.hazard(engine, mine, TODAY - dt.timedelta(days=5), rectified=TODAY, rectified_by=staff.username, code="OWN")
    b.hazard(engine, other, TODAY - dt.timedelta(days=9), due=TODAY - dt.timedelta(days=2), code="NOT-MINE")
    b.enforcement(engine, mine, TODAY - dt.timedelta(days=3), "stop_work")
    app = run_page(engine, "dashboard.py", role="staff")
    assert not app.exception
    assert app.title[0].value == "我的工作"
    tables = [frame.value for frame in app.dataframe]
    assert list(tables[0]["编号"]) == ["CHECK"]                                    # not their own fix
    assert list(tables[1]["编号"]) == ["LATE", "SOON"]                             # overdue first, not other teams'
    assert len(tables[2]) == 1                                                     # the stop-work order
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    with engine.connect() as conn:
        target = assess(conn, monday, project_ids=[mine])[0].weekly_target      # the week's target by risk grade
    assert any(f"本周已巡查 0 次 / 目标 {target} 次" in m.value for m in app.markdown)


def test_leaders_keep_the_overview_and_staff_can_open_it_afterwards(engine, run_page, app_for):
    assert run_page(engine, "dashboard.py", role="leader").title[0].value == "总览"
    app = app_for(engine, "dashboard.py", role="staff")
    app.session_state["landed"] = True
    assert app.run().title[0].value == "总览"


def test_someone_on_no_team_is_told_how_to_get_one(engine, run_page):
    app = run_page(engine, "pages/my_work.py", role="staff")
    assert "专班" in app.info[0].value
