"""The Overview page: renders on empty and demo data, in both languages, with the KPI figures."""
import datetime as dt

from db.kpis import compute
from db.period import Period
from db.queries import overview
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


def period_in_url(app) -> tuple[str, str]:
    return app.query_params["start"], app.query_params["end"]


def test_period_choice_is_written_to_the_url(engine, run_page):
    app = run_page(engine)
    app.selectbox(key="frame_period_choice").set_value(Period.year(2024)).run()
    assert period_in_url(app) == ("2024-01-01", "2024-12-31")


def test_every_kind_of_period_is_one_choice_away(demo_engine, run_page):
    app = run_page(demo_engine, start="2024-01-01", end="2024-12-31")
    app.segmented_control(key="frame_period_kind").set_value("quarter").run()
    assert period_in_url(app) == ("2024-10-01", "2024-12-31")
    app.selectbox(key="frame_period_choice").set_value(Period.quarter(2024, 2)).run()
    assert period_in_url(app) == ("2024-04-01", "2024-06-30")
    app.segmented_control(key="frame_period_kind").set_value("month").run()
    assert period_in_url(app) == ("2024-06-01", "2024-06-30")
    app.segmented_control(key="frame_period_kind").set_value("custom").run()
    app.date_input(key="frame_dates").set_value((D(2024, 3, 5), D(2024, 5, 6))).run()
    assert period_in_url(app) == ("2024-03-05", "2024-05-06")
    app.segmented_control(key="frame_period_kind").set_value("all").run()
    with demo_engine.connect() as conn:
        first = overview.records_start(conn)
    assert period_in_url(app) == (first.isoformat(), dt.date.today().isoformat())
    app.segmented_control(key="frame_period_kind").set_value("year").run()
    assert period_in_url(app) == (f"{dt.date.today().year}-01-01", f"{dt.date.today().year}-12-31")
    assert not app.exception


def test_the_alert_strip_names_the_overdue_hazards_of_the_period(demo_engine, run_page):
    year = dt.date.today().year
    app = run_page(demo_engine, role="leader", start=f"{year}-01-01", end=f"{year}-12-31")
    with demo_engine.connect() as conn:
        expected = compute(conn, Period.year(year), dt.date.today()).hazards_overdue
        alerts = overview.alerts(conn, Period.year(year), dt.date.today())
    assert expected > 0
    shown = [e.value for e in app.error if "逾期未整改隐患" in e.value]
    assert len(shown) == 1 and f"逾期未整改隐患 {expected} 项" in shown[0]
    assert f"最久已超期 {alerts[0].oldest_days} 天" in shown[0] and alerts[0].projects[0] in shown[0]


def test_the_first_year_says_there_is_nothing_to_compare_with(demo_engine, run_page):
    app = run_page(demo_engine, start="2023-01-01", end="2023-12-31")
    assert any("不作比较" in c.value for c in app.caption)
    assert all(m.delta in ("无更早记录", None, "") for m in app.metric)


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
