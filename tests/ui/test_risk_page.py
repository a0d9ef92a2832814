"""The Risk page: the demo's 2024 figures, two heatmaps, the major list, filters kept in the URL, English labels."""
import datetime as dt

from tests import builders as b
from tests.ui.shown import YEAR_2024, kpis_2024, metrics

PAGE = "pages/risk.py"




def charts(app) -> list:
    return app.get("vega_lite_chart")


def test_shows_the_2024_figures_of_the_kpi_module(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", **YEAR_2024)
    assert not app.exception
    expected = kpis_2024(demo_engine)
    assert metrics(app)["辨识风险点"] == f"{expected.risk_points:,}"
    assert metrics(app)["重大风险点"] == f"{expected.risk_points_major:,}"
    assert len(charts(app)) == 2
    assert len(app.dataframe[0].value) == min(expected.risk_points_major, 50)


def test_level_in_the_url_filters_the_figures(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", level="major", **YEAR_2024)
    assert not app.exception
    assert metrics(app)["辨识风险点"] == f"{kpis_2024(demo_engine).risk_points_major:,}"


def test_bad_filters_in_the_url_warn_and_are_dropped(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", level="purple", category="scaffolding,nope", **YEAR_2024)
    assert not app.exception
    warnings = [w.value for w in app.warning]
    assert any("level" in w and "purple" in w for w in warnings)
    assert any("category" in w and "nope" in w for w in warnings)
    assert app.query_params["category"] == "scaffolding"
    assert app.multiselect(key="risk_category").value == ["scaffolding"]


def test_choosing_a_category_is_written_to_the_url(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", **YEAR_2024)
    app.multiselect(key="risk_category").select("fire_safety").run()
    assert not app.exception
    assert app.query_params["category"] == "fire_safety"


def test_english_labels(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="visitor", lang="en", **YEAR_2024)
    assert not app.exception
    assert app.title[0].value == "Risk"
    assert "Major risk points" in metrics(app)


def test_empty_period_says_so(engine, run_page):
    app = run_page(engine, PAGE, role="leader", **YEAR_2024)
    assert not app.exception
    assert len(app.info) == 1 and not charts(app)


def test_major_list_is_paged(engine, run_page):
    project = b.project(engine)
    for i in range(53):
        b.risk_point(engine, project, dt.date(2024, 1, 1) + dt.timedelta(days=i), level="major")
    app = run_page(engine, PAGE, role="leader", **YEAR_2024)
    assert not app.exception
    assert len(app.dataframe[0].value) == 50
    app.number_input(key="risk_page").set_value(2).run()
    assert len(app.dataframe[0].value) == 3
