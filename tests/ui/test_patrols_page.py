"""The Patrols page on the demo data: KPI figure, English labels, URL filters and masked inspectors."""
import datetime as dt

from db.kpis import compute
from db.period import Period
from db.queries import patrols
from render.formatting import format_kpi
from tests.ui.shown import YEAR_2024, metrics

PAGE = "pages/patrols.py"



def visit_log_frame(app):
    return app.dataframe[-1].value


def test_patrols_page_shows_the_kpi_compliance_for_2024(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", **YEAR_2024)
    assert not app.exception
    with demo_engine.connect() as conn:
        expected = compute(conn, Period.year(2024), dt.date.today()).patrol_compliance
    assert expected is not None
    assert metrics(app)["每周三巡达标率"] == format_kpi("patrol_compliance", expected)
    assert len(app.get("vega_lite_chart")) == 2


def test_patrols_page_in_english(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", lang="en", **YEAR_2024)
    assert not app.exception
    assert app.title[0].value == "Patrols"
    assert "Patrol compliance (3 a week)" in metrics(app)
    assert "Inspectors" in visit_log_frame(app).columns


def test_kind_from_the_url_filters_the_log(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", kind="special", lang="en", **YEAR_2024)
    assert not app.exception
    kinds = set(visit_log_frame(app)["Kind"])
    assert kinds == {"Special inspection"}
    assert app.selectbox(key="patrols_kind").value == "special"


def test_bad_query_params_warn_and_show_everything(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", kind="bogus", project="NO-SUCH", **YEAR_2024)
    assert not app.exception
    warnings = " ".join(w.value for w in app.warning)
    assert "kind" in warnings and "project" in warnings
    assert app.selectbox(key="patrols_kind").value == ""
    assert "kind" not in app.query_params


def test_visitor_sees_no_unmasked_inspector_name(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="visitor", **YEAR_2024)
    assert not app.exception
    with demo_engine.connect() as conn:
        raw, _ = patrols.visit_log(conn, period=Period.year(2024), limit=50)
    names = {name for text in raw["inspectors"] for name in text.split("、") if len(name) > 1}
    assert names
    shown = " ".join(visit_log_frame(app).astype(str).to_numpy().ravel())
    assert not [name for name in names if name in shown]
    assert "*" in shown


def test_empty_database_shows_info_not_a_crash(engine, run_page):
    app = run_page(engine, PAGE, role="leader")
    assert not app.exception
    assert app.info


def test_project_from_the_url_filters_the_log(demo_engine, run_page):
    with demo_engine.connect() as conn:
        first, _ = patrols.visit_log(conn, period=Period.year(2024), limit=1)
    code = first.iloc[0]["project_code"]
    app = run_page(demo_engine, PAGE, role="leader", project=code, lang="en", **YEAR_2024)
    assert not app.exception
    assert not app.warning
    assert set(visit_log_frame(app)["Project code"]) == {code}
    assert app.query_params["project"] == code


def test_choosing_a_kind_writes_it_to_the_url_and_any_removes_it(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", **YEAR_2024)
    app.selectbox(key="patrols_kind").set_value("resident").run()
    assert app.query_params["kind"] == "resident"
    assert set(visit_log_frame(app)["类型"]) == {"驻点指导"}
    app.selectbox(key="patrols_kind").set_value("").run()
    assert "kind" not in app.query_params
