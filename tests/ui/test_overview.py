"""The Overview page: renders on empty and demo data, in both languages, with the KPI figures."""
import datetime as dt

from db.kpis import compute
from db.period import Period
from render.formatting import format_kpi
from tests.ui.shown import metrics

D = dt.date



def test_overview_on_empty_database_says_there_is_no_data(engine, run_page):
    app = run_page(engine)
    assert not app.exception
    assert metrics(app)["发现隐患"] == "0"
    assert any("暂无数据" in info.value for info in app.info)


def test_overview_shows_447_hazards_for_2024(demo_engine, run_page):
    app = run_page(demo_engine, start="2024-01-01", end="2024-12-31")
    assert not app.exception
    assert metrics(app)["发现隐患"] == "447"
    assert metrics(app)["重大隐患"] == "3"


def test_overview_figures_equal_the_kpi_module(demo_engine, run_page):
    period = Period.year(2025)
    app = run_page(demo_engine, start="2025-01-01", end="2025-12-31")
    with demo_engine.connect() as conn:
        expected = compute(conn, period, dt.date.today())
    shown = metrics(app)
    assert shown["逾期隐患"] == format_kpi("hazards_overdue", expected.hazards_overdue)
    assert shown["整改率"] == format_kpi("rectification_rate", expected.rectification_rate)
    assert shown["每周三巡达标率"] == format_kpi("patrol_compliance", expected.patrol_compliance)


def test_overview_switches_to_english(engine, run_page):
    app = run_page(engine)
    app.segmented_control(key="frame_lang").set_value("en").run()
    assert app.title[0].value == "Overview"
    assert "Hazards found" in metrics(app)
    assert app.query_params["lang"] == "en"


def test_language_from_url(engine, run_page):
    app = run_page(engine, lang="en")
    assert app.title[0].value == "Overview"


def test_period_choice_is_written_to_the_url(engine, run_page):
    app = run_page(engine)
    app.segmented_control(key="frame_period").set_value("2024").run()
    assert (app.query_params["start"], app.query_params["end"]) == ("2024-01-01", "2024-12-31")


def test_bad_period_in_url_names_the_field_and_keeps_working(engine, run_page):
    app = run_page(engine, start="2024-02-30", end="2024-12-31")
    assert not app.exception
    assert any("start" in w.value for w in app.sidebar.warning)
    assert app.query_params["start"] == f"{dt.date.today().year}-01-01"


def test_end_before_start_in_url_is_refused(engine, run_page):
    app = run_page(engine, start="2024-12-31", end="2024-01-01")
    assert any("end" in w.value for w in app.sidebar.warning)


def test_overview_opens_the_records_behind_a_card(demo_engine, run_page):
    app = run_page(demo_engine, start="2024-01-01", end="2024-12-31", detail="stop_work_orders")
    assert not app.exception
    table = app.dataframe[-1].value
    assert len(table) == 4 and set(table["类型"]) == {"责令停工"}


def test_overview_card_picker_shows_records_when_chosen(demo_engine, run_page):
    app = run_page(demo_engine, start="2024-01-01", end="2024-12-31")
    app.selectbox(key="overview_detail").select("hazards_major").run()
    assert len(app.dataframe[-1].value) == 3
    assert app.query_params["detail"] == "hazards_major"
