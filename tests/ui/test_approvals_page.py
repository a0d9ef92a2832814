"""The Approvals page on the demo data: KPI means and reduction, English labels, empty periods."""
import datetime as dt

from db.kpis import compute
from db.period import Period
from render.formatting import format_kpi
from tests.ui.shown import YEAR_2024, metrics

PAGE = "pages/approvals.py"



def test_approvals_page_shows_the_kpi_figures_for_2024(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", **YEAR_2024)
    assert not app.exception
    with demo_engine.connect() as conn:
        expected = compute(conn, Period.year(2024), dt.date.today())
    assert expected.approval_cycle_reduction is not None
    shown = metrics(app)
    for key, label in (("approval_days_parallel", "并联审批平均天数"), ("approval_days_serial", "串联审批平均天数"),
                       ("approval_cycle_reduction", "审批周期缩短")):
        assert shown[label] == format_kpi(key, getattr(expected, key))
    means = app.dataframe[0].value.set_index("办理模式")["平均天数"]
    assert round(means["并联"], 2) == expected.approval_days_parallel
    assert len(app.get("vega_lite_chart")) == 2


def test_approvals_page_in_english_with_another_bin_width(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", lang="en", **YEAR_2024)
    app.segmented_control(key="approvals_bin").set_value(30).run()
    assert not app.exception
    assert app.title[0].value == "Approvals"
    assert "Approval cycle reduction" in metrics(app)
    assert "Mean days" in app.dataframe[0].value.columns


def test_period_without_approvals_shows_info(engine, run_page):
    app = run_page(engine, PAGE, role="leader", **YEAR_2024)
    assert not app.exception
    assert app.info
    assert metrics(app)["审批周期缩短"] == "—"
