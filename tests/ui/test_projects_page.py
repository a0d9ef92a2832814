"""The Projects page: list, filters from the URL, the map, and one project's page."""
from sqlalchemy import select

from db.models import Project, TeamMember

MANLING = "曼玲"


def first_table(app):
    return app.dataframe[0].value


def test_list_shows_key_projects_first_with_open_links(demo_engine, run_page):
    app = run_page(demo_engine, "pages/projects.py", role="leader")
    assert not app.exception
    table = first_table(app)
    assert table["重点项目"].iloc[0]
    assert table["打开"].iloc[0] == "?project=" + table["编号"].iloc[0]
    assert len(app.get("vega_lite_chart")) == 1  # the map


def test_search_in_the_url_narrows_the_list(demo_engine, run_page):
    app = run_page(demo_engine, "pages/projects.py", role="leader", q=MANLING)
    names = first_table(app)["项目名称"].tolist()
    assert names and all(MANLING in name for name in names)


def test_bad_filter_in_the_url_warns_and_is_ignored(demo_engine, run_page):
    app = run_page(demo_engine, "pages/projects.py", role="leader", status="bogus", page="-3")
    assert not app.exception
    assert [w.value for w in app.warning if "status" in w.value]
    assert len(first_table(app)) > 0


def test_project_page_shows_its_ledger_and_team(demo_engine, run_page):
    with demo_engine.connect() as conn:
        code, name = conn.execute(select(Project.code, Project.name).where(Project.name.contains(MANLING))).first()
    app = run_page(demo_engine, "pages/projects.py", role="staff", project=code)
    assert not app.exception
    assert app.title[0].value == name
    assert [tab.label for tab in app.tabs][0] == "一项目一清单"
    assert len(app.dataframe) >= 5


def test_visitor_sees_team_names_and_phones_masked(demo_engine, run_page):
    with demo_engine.connect() as conn:
        code, member, phone = conn.execute(
            select(Project.code, TeamMember.name, TeamMember.phone).join(TeamMember)
            .where(TeamMember.phone.is_not(None)).limit(1)).one()
    app = run_page(demo_engine, "pages/projects.py", role="visitor", project=code)
    shown = "".join(df.value.to_csv() for df in app.dataframe)
    assert member not in shown and phone not in shown
    staff = run_page(demo_engine, "pages/projects.py", role="staff", project=code)
    assert member in "".join(df.value.to_csv() for df in staff.dataframe)


def test_unknown_project_code_says_so(demo_engine, run_page):
    app = run_page(demo_engine, "pages/projects.py", role="leader", project="NO-SUCH")
    assert not app.exception
    assert "NO\\-SUCH" in app.warning[0].value     # the code as typed, its markdown escaped


def test_project_page_in_english(demo_engine, run_page):
    app = run_page(demo_engine, "pages/projects.py", role="leader", lang="en")
    assert "Code" in first_table(app).columns
    assert app.title[0].value == "Projects"


def test_tables_offer_csv_to_leaders_but_not_to_visitors(demo_engine, run_page):
    leader = run_page(demo_engine, "pages/projects.py", role="leader")
    assert [b.label for b in leader.get("download_button")] and not leader.exception
    visitor = run_page(demo_engine, "pages/projects.py", role="visitor")
    assert not visitor.get("download_button")


def test_visitors_cannot_search_by_a_masked_name(demo_engine, run_page):
    with demo_engine.connect() as conn:
        name = conn.execute(select(TeamMember.name).limit(1)).scalar_one()
    leader = run_page(demo_engine, "pages/projects.py", role="leader", inspector=name)
    visitor = run_page(demo_engine, "pages/projects.py", role="visitor", inspector=name)
    unfiltered = run_page(demo_engine, "pages/projects.py", role="visitor")
    assert "共" in leader.caption[1].value
    assert [c.value for c in visitor.caption] == [c.value for c in unfiltered.caption]   # the name narrowed nothing
    assert len(visitor.warning) == 1 and name not in visitor.warning[0].value
    assert not [i for i in visitor.text_input if i.key == "projects_inspector"]


def test_the_list_holds_the_projects_of_the_period_and_all_on_request(demo_engine, run_page):
    from tests.ui.shown import YEAR_2024, kpis_2024
    app = run_page(demo_engine, "pages/projects.py", role="leader", **YEAR_2024)
    supervised = kpis_2024(demo_engine).projects_supervised
    assert any(f"在监的项目:{supervised} 个" in c.value for c in app.caption)
    app.toggle(key="projects_all").set_value(True).run()
    shown = next(c.value for c in app.caption if "全部期间的项目" in c.value)
    assert int(shown.split(":")[1].split(" ")[0]) > supervised and app.query_params["all"] == "1"
