"""Risk on the pages (AppTest, demo data): the map, a project's grade and why, dangerous works with their class and
flags, the risk-based KPI on the Overview and Patrols pages, the presentation's map."""
import datetime as dt

from sqlalchemy import select

from db.kpis import compute
from db.models import Project
from db.period import Period
from db.queries.risk_map import project_risk
from render.formatting import format_kpi
from tests.ui.shown import YEAR_2024, metrics
from ui.present_view import SLIDES

KPI_ZH = "按风险巡查达标率"


def risky_project(engine):
    """The code of the riskiest project under construction today and its assessment."""
    from db.risk import assess

    with engine.connect() as conn:
        return assess(conn, dt.date.today())[0]


def test_project_list_shows_the_risk_map(demo_engine, run_page):
    app = run_page(demo_engine, "pages/projects.py", role="leader")
    assert not app.exception
    assert "风险地图" in [s.value for s in app.subheader]
    assert len(app.get("vega_lite_chart")) == 1


def test_project_page_shows_its_grade_score_target_and_why(demo_engine, run_page):
    risk = risky_project(demo_engine)
    app = run_page(demo_engine, "pages/projects.py", role="leader", project=risk.code, lang="en")
    assert not app.exception
    shown = metrics(app)
    assert shown["Risk score"] == str(risk.score) and shown["Weekly patrol target"] == f"{risk.weekly_target} a week"
    reasons = next(df.value for df in app.dataframe if "Because" in df.value.columns)
    assert reasons["Points"].sum() == risk.score and len(reasons) == len(risk.reasons)
    rules = next(df.value for df in app.dataframe if list(df.value.columns) == ["Rule", "Points"])
    assert len(rules) == 11


def test_project_page_flags_beyond_scale_works_started_without_review(demo_engine, run_page):
    with demo_engine.connect() as conn:
        code = conn.execute(select(Project.code).where(Project.name.contains("综合物流园"))).scalar_one()
    app = run_page(demo_engine, "pages/projects.py", role="staff", project=code)
    assert not app.exception
    assert any("未在开始前完成专家论证" in e.value for e in app.error)
    works = next(df.value for df in app.dataframe if "判定依据" in df.value.columns)
    assert {"超过一定规模", "危大工程"} <= set(works["判定"]) and "未论证" in set(works["未论证即施工"])
    assert any("≥ 5 m" in basis for basis in works["判定依据"])


def test_project_not_under_construction_has_no_grade(demo_engine, run_page):
    with demo_engine.connect() as conn:
        code = conn.execute(select(Project.code).where(Project.completion_date.is_not(None))).scalars().first()
        assert project_risk(conn, code=code, as_of=dt.date.today()) is None
    app = run_page(demo_engine, "pages/projects.py", role="leader", project=code)
    assert not app.exception and "风险得分" not in metrics(app)


def test_overview_shows_the_risk_based_kpi_and_the_map(demo_engine, run_page):
    app = run_page(demo_engine, **YEAR_2024)
    assert not app.exception
    with demo_engine.connect() as conn:
        expected = compute(conn, Period.year(2024), dt.date.today()).patrol_compliance_risk_based
    assert expected is not None and expected < 1.0
    assert metrics(app)[KPI_ZH] == format_kpi("patrol_compliance_risk_based", expected)
    assert "风险地图" in [s.value for s in app.subheader]


def test_patrols_page_shows_both_compliance_figures(demo_engine, run_page):
    app = run_page(demo_engine, "pages/patrols.py", role="leader", lang="en", **YEAR_2024)
    assert not app.exception
    with demo_engine.connect() as conn:
        figures = compute(conn, Period.year(2024), dt.date.today())
    shown = metrics(app)
    assert shown["Patrol compliance (risk-based target)"] == format_kpi("patrol_compliance_risk_based",
                                                                         figures.patrol_compliance_risk_based)
    assert shown["Patrol compliance (3 a week)"] == "100.0%"
    assert "against that week's risk-based target" in app.subheader[0].value


def test_presentation_has_a_risk_map_section(demo_engine, run_page):
    app = run_page(demo_engine, role="visitor", **YEAR_2024)
    for _ in range(SLIDES.index("risk_map")):
        app.button(key="present_next").click().run()
    assert not app.exception
    assert app.title[0].value == "按风险监管：在建项目风险地图"
    assert len(app.get("vega_lite_chart")) == 1
