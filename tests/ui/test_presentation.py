"""Presentation mode: visitors always get it; others toggle it; sections advance; nothing to enter."""
import datetime as dt

from db.kpis import compute
from db.period import Period
from ui.present_view import SECTIONS
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


def test_sections_advance_and_show_the_period_figures(demo_engine, run_page):
    app = run_page(demo_engine, role="visitor", **YEAR)
    app.button(key="present_next").click().run()
    assert app.title[0].value == "质量安全监管成效"
    with demo_engine.connect() as conn:
        figures = compute(conn, Period.year(2024), dt.date.today())
    assert f"# {format_kpi('hazards_found', figures.hazards_found)}" in markdown_text(app)
    for _ in range(len(SECTIONS) - 1):
        app.button(key="present_next").click().run()
    assert app.title[0].value == "“三式服务”护航项目建设"  # wraps around


def test_leader_switches_presentation_on_from_the_sidebar(demo_engine, run_page):
    app = run_page(demo_engine, role="leader", **YEAR)
    assert app.title[0].value == "总览"
    app.toggle(key="present").set_value(True).run()
    assert app.title[0].value == "“三式服务”护航项目建设"
    assert app.query_params["present"] == "1"


def test_presentation_in_english(demo_engine, run_page):
    app = run_page(demo_engine, role="visitor", lang="en", **YEAR)
    assert app.title[0].value == "Three-style service for every project"
