"""The Training page on the demo data: KPI figures, reach share, English labels and masked contacts."""
import datetime as dt

from db.kpis import compute
from db.period import Period
from db.queries import training
from render.formatting import format_kpi
from tests.ui.shown import YEAR_2024, metrics

PAGE = "pages/training.py"



def test_training_page_shows_the_kpi_figures_for_2024(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", **YEAR_2024)
    assert not app.exception
    with demo_engine.connect() as conn:
        expected = compute(conn, Period.year(2024), dt.date.today())
        firms, reached = training.reach(conn, period=Period.year(2024))
    shown = metrics(app)
    assert expected.trainings > 0
    assert shown["观摩培训场次"] == format_kpi("trainings", expected.trainings)
    assert shown["参加人次"] == format_kpi("attendees", expected.attendees)
    assert shown["覆盖企业"] == format_kpi("enterprises_trained", expected.enterprises_trained)
    assert shown["在监项目企业覆盖率"] == f"{reached / firms:.1%}"
    assert len(app.get("vega_lite_chart")) == 1


def test_training_page_in_english(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", lang="en", **YEAR_2024)
    assert not app.exception
    assert app.title[0].value == "Training"
    assert {"Training sessions", "Attendees", "Enterprises reached"} <= set(metrics(app))
    assert "Enterprise" in app.dataframe[0].value.columns


def test_visitor_sees_contacts_of_unreached_firms_masked(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="visitor", **YEAR_2024)
    assert not app.exception
    with demo_engine.connect() as conn:
        raw, _ = training.not_reached(conn, period=Period.year(2024))
    assert not raw.empty
    shown = app.dataframe[0].value
    assert not set(raw["contact_person"].dropna()) & set(shown["联系人"])
    assert not set(raw["contact_phone"].dropna()) & set(shown["联系电话"])


def test_empty_period_shows_info_not_a_crash(engine, run_page):
    app = run_page(engine, PAGE, role="leader")
    assert not app.exception
    assert app.info
