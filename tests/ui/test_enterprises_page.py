"""The Enterprises page on the demo: the ranking (filters from the URL, CSV for leaders, contacts masked for
visitors) and one enterprise's record, whose figures are the KPI code restricted to the enterprise."""
import datetime as dt

from sqlalchemy import select

from db.models import Enterprise
from db.period import Period
from db.queries.enterprises import enterprise_figures
from render.formatting import format_kpi
from tests.ui.shown import YEAR_2024, metrics

PAGE = "pages/enterprises.py"


def ranking_table(app):
    return app.dataframe[0].value


def test_ranking_puts_the_highest_score_first_with_links(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader")
    assert not app.exception
    table = ranking_table(app)
    assert table["风险得分"].is_monotonic_decreasing
    assert table["打开"].iloc[0] == "?enterprise=" + table["统一社会信用代码"].iloc[0]
    assert [b.label for b in app.get("download_button")]


def test_visitor_sees_contacts_masked_and_no_csv(demo_engine, run_page):
    first = ranking_table(run_page(demo_engine, PAGE, role="staff")).iloc[0]
    app = run_page(demo_engine, PAGE, role="visitor")
    shown = ranking_table(app).to_csv()
    assert not app.exception and not app.get("download_button")
    assert first["联系电话"] not in shown and first["联系人"] not in shown and "****" in shown


def test_kind_and_grade_filters_come_from_the_url(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", kind="contractor", lang="en")
    assert set(ranking_table(app)["Kind"]) == {"Contractor"}
    bad = run_page(demo_engine, PAGE, role="leader", level="purple")
    assert any("level" in w.value for w in bad.warning) and not bad.exception


def test_record_figures_equal_the_kpi_code_restricted_to_the_enterprise(demo_engine, run_page):
    with demo_engine.connect() as conn:
        firm_id, code = conn.execute(select(Enterprise.id, Enterprise.credit_code)
                                     .where(Enterprise.kind == "contractor").order_by(Enterprise.id)).first()
        expected = enterprise_figures(conn, enterprise_id=firm_id, period=Period.year(2024), as_of=dt.date.today())
    app = run_page(demo_engine, PAGE, role="leader", enterprise=code, lang="en", **YEAR_2024)
    assert not app.exception
    shown = metrics(app)
    assert shown["Hazards found"] == format_kpi("hazards_found", expected["hazards_found"])
    assert shown["Stop-work orders"] == format_kpi("stop_work_orders", expected["stop_work_orders"])
    assert shown["Site visits"] == format_kpi("site_visits", expected["site_visits"])
    assert "Risk score" in shown and [tab.label for tab in app.tabs][0] == "Projects"


def test_unknown_enterprise_says_so(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", enterprise="NOT-A-CODE")
    assert not app.exception and "NOT-A-CODE" in app.warning[0].value
