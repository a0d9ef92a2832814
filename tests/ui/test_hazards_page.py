"""The Hazards page: the demo's 2024 figures, filters kept in the URL, the paged open list, English labels."""
import datetime as dt

from tests import builders as b
from tests.ui.shown import YEAR_2024, kpis_2024, metrics

PAGE = "pages/hazards.py"




def test_shows_the_2024_figures_of_the_kpi_module(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", **YEAR_2024)
    assert not app.exception
    expected = kpis_2024(demo_engine)
    shown = metrics(app)
    assert shown["发现隐患"] == f"{expected.hazards_found:,}"
    assert shown["重大隐患"] == f"{expected.hazards_major:,}"
    assert shown["已销号隐患"] == f"{expected.hazards_closed:,}"
    assert shown["逾期隐患"] == f"{expected.hazards_overdue:,}"


def test_level_in_the_url_filters_every_figure(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", level="major", **YEAR_2024)
    assert not app.exception
    assert metrics(app)["发现隐患"] == f"{kpis_2024(demo_engine).hazards_major:,}"
    assert app.segmented_control(key="hazards_level").value == ["major"]


def test_bad_filter_in_the_url_warns_and_is_dropped(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", level="major,nonsense", domain="??", **YEAR_2024)
    assert not app.exception
    warnings = [w.value for w in app.warning]
    assert any("level" in w and "nonsense" in w for w in warnings)
    assert any("domain" in w for w in warnings)
    assert app.query_params["level"] == "major"
    assert "domain" not in app.query_params


def test_choosing_a_domain_is_written_to_the_url(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", **YEAR_2024)
    app.segmented_control(key="hazards_domain").set_value(["quality"]).run()
    assert not app.exception
    assert app.query_params["domain"] == "quality"


def test_english_labels(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="visitor", lang="en", **YEAR_2024)
    assert not app.exception
    assert app.title[0].value == "Hazards"
    assert "Hazards found" in metrics(app)
    assert "Time to close" in [s.value for s in app.subheader]


def test_empty_period_says_so(engine, run_page):
    app = run_page(engine, PAGE, role="leader", **YEAR_2024)
    assert not app.exception
    assert len(app.info) == 1 and not app.metric


def test_open_list_is_paged_and_overdue_comes_first(engine, run_page):
    today = dt.date.today()
    project = b.project(engine, start=today - dt.timedelta(days=400))
    for i in range(54):
        b.hazard(engine, project, today - dt.timedelta(days=2), due=today + dt.timedelta(days=5), code=f"N{i:02}")
    b.hazard(engine, project, today - dt.timedelta(days=30), due=today - dt.timedelta(days=3), code="LATE")
    year = {"start": f"{today.year - 1}-01-01", "end": f"{today.year}-12-31"}
    app = run_page(engine, PAGE, role="leader", **year)
    assert not app.exception
    table = app.dataframe[0].value
    assert len(table) == 50
    assert table.iloc[0]["隐患编号"] == "LATE" and table.iloc[0]["逾期天数"] == 3
    app.number_input(key="hazards_page").set_value(2).run()
    assert len(app.dataframe[0].value) == 5


def test_every_status_is_listed_on_request_and_the_list_searches(engine, run_page):
    today = dt.date.today()
    project = b.project(engine, start=today - dt.timedelta(days=400), name="滨江厂房项目")
    b.hazard(engine, project, today - dt.timedelta(days=20), due=today - dt.timedelta(days=3), code="LATE")
    b.hazard(engine, project, today - dt.timedelta(days=20), due=today - dt.timedelta(days=10), code="DONE",
             rectified=today - dt.timedelta(days=12), closed=today - dt.timedelta(days=11))
    other = b.project(engine, start=today - dt.timedelta(days=400), name="港区仓库项目")
    b.hazard(engine, other, today - dt.timedelta(days=5), due=today + dt.timedelta(days=5), code="OPEN")
    year = {"start": f"{today.year - 1}-01-01", "end": f"{today.year}-12-31"}

    def codes(app) -> list[str]:
        return [] if not app.dataframe else app.dataframe[0].value["隐患编号"].tolist()

    app = run_page(engine, PAGE, role="leader", **year)
    assert codes(app) == ["LATE", "OPEN"]            # open statuses by default, overdue first
    app.segmented_control(key="hazards_status").set_value(["closed"]).run()
    assert codes(app) == ["DONE"] and app.query_params["status"] == "closed"
    app.segmented_control(key="hazards_status").set_value([]).run()
    assert codes(app) == ["LATE", "OPEN", "DONE"]     # every status
    app.text_input(key="hazards_search").input("港区").run()
    assert codes(app) == ["OPEN"] and app.query_params["q"] == "港区"
    app.text_input(key="hazards_search").input("100%_").run()
    assert codes(app) == [] and app.info             # LIKE wildcards are searched as typed


def test_a_hazard_has_its_own_page_with_its_history(engine, run_page):
    from db.commands.hazards import mark_rectified
    from db.permissions import Actor

    today = dt.date.today()
    project = b.project(engine, start=today - dt.timedelta(days=100), name="滨江厂房项目")
    hazard_id = b.hazard(engine, project, today - dt.timedelta(days=3), code="YH2026-0042",
                         description="脚手架连墙件缺失")
    mark_rectified(engine, actor=Actor("inspector", "staff", "检查员"), hazard_id=hazard_id, version=1,
                   rectified_on=today, note="已补设连墙件")
    year = {"start": f"{today.year - 1}-01-01", "end": f"{today.year}-12-31"}
    listed = run_page(engine, PAGE, role="leader", **year)
    assert listed.dataframe[0].value["打开"].tolist() == ["?hazard=YH2026-0042"]
    app = run_page(engine, PAGE, role="leader", hazard="YH2026-0042", **year)
    assert not app.exception
    assert app.title[0].value == "隐患 YH2026-0042"
    assert any("待复查" in c.value for c in app.caption)
    assert "脚手架连墙件缺失" in [x.value for x in app.text] and "已补设连墙件" in [x.value for x in app.text]
    history = app.dataframe[0].value
    assert history["操作"].tolist() == ["修改"] and "rectified_on" in history["内容"].iloc[0]
    missing = run_page(engine, PAGE, role="leader", hazard="[x](http://evil.test)", **year)
    assert missing.warning and "[x](http://evil.test)" in [x.value for x in missing.text]
