"""Presentation mode: visitors always get it; others toggle it; sections advance; nothing to enter."""
import datetime as dt

from db.kpis import compute
from db.period import Period
from ui.present_view import SLIDES
from tests.ui.shown import metrics
from render.formatting import format_kpi

YEAR = {"start": "2024-01-01", "end": "2024-12-31"}


def markdown_text(app) -> str:
    return "\n".join(m.value for m in app.markdown)


def test_visitor_home_is_the_presentation_without_inputs(demo_engine, run_page):
    app = run_page(demo_engine, role="visitor", **YEAR)
    assert not app.exception
    assert app.title[0].value == "“三式服务”护航项目建设"
    assert not app.text_input and not app.number_input and not app.date_input
    assert not app.get("download_button")


def test_slides_advance_and_show_the_period_figures(demo_engine, run_page):
    app = run_page(demo_engine, role="visitor", **YEAR)
    app.button(key="present_next").click().run()
    assert app.title[0].value == "质量安全监管成效"
    with demo_engine.connect() as conn:
        figures = compute(conn, Period.year(2024), dt.date.today())
    assert metrics(app)["发现隐患"] == format_kpi("hazards_found", figures.hazards_found)
    for _ in range(len(SLIDES) - 1):
        app.button(key="present_next").click().run()
    assert app.title[0].value == "“三式服务”护航项目建设"  # wraps around


def test_the_demo_story_of_2024_across_its_slides(demo_engine, run_page, monkeypatch):
    monkeypatch.setenv("PRESENT_YEAR", "2024")
    app = run_page(demo_engine, role="visitor")   # the sidebar's period is this year; the story tells 2024
    told, shown, figures = [], [], []
    for _ in SLIDES:
        assert not app.exception
        told.append(app.title[0].value)
        figures += [m.value for m in app.metric]
        shown += [m.value for m in app.markdown] + [h.value for h in app.subheader] + [h.value for h in app.header]
        app.button(key="present_next").click().run()
    assert told == ["“三式服务”护航项目建设", "质量安全监管成效", "按风险监管：在建项目风险地图", "隐患排查:发现即整改,整改必销号",
                    "重点项目与工程创优", "培训观摩:自首条记录以来", "安全生产形势平稳"]
    text = "\n".join(shown)
    assert {"447", "426", "31", "13"} <= set(figures)   # found, risk points, of them major, warning interviews
    assert "九江市优质建设工程奖" in text and "曼玲集团食品新材料产业园" in text and "80%" in text
    assert "2023、2024 年未发生安全事故" in text
    assert "—" not in figures


def test_a_slide_without_data_is_skipped(engine, run_page):
    app = run_page(engine, role="visitor")
    assert not app.exception
    assert app.info and not app.metric   # an empty database: nothing to tell, and no dash anywhere


def test_leader_switches_presentation_on_from_the_sidebar(demo_engine, run_page):
    app = run_page(demo_engine, role="leader", **YEAR)
    assert app.title[0].value == "总览"
    app.toggle(key="present").set_value(True).run()
    assert app.title[0].value == "“三式服务”护航项目建设"
    assert app.query_params["present"] == "1"
    app.button(key="present_leave").click().run()
    assert app.title[0].value == "总览" and "present" not in app.query_params


def test_presentation_in_english(demo_engine, run_page):
    app = run_page(demo_engine, role="visitor", lang="en", **YEAR)
    assert app.title[0].value == "Three-style service for every project"
