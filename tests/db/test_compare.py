"""The comparison rule on the demo, through `python -m db kpis --compare` (the rule the cards and report share)."""
import datetime as dt
import json

import pytest

from cli import main
from db.kpis import compute
from db.period import Period

D = dt.date


@pytest.fixture
def demo_cli(demo_engine, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", demo_engine.url.render_as_string(hide_password=False))

    def run(*argv: str) -> dict:
        assert main(["kpis", *argv, "--compare", "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    return run


def test_a_year_to_date_compares_with_the_previous_year_as_of_the_same_day(demo_cli, demo_engine):
    both = demo_cli("--start", "2026-01-01", "--end", "2026-12-31", "--as-of", "2026-11-25")
    assert both["previous_period"] == {"start": "2025-01-01", "end": "2025-12-31", "as_of": "2025-11-25"}
    with demo_engine.connect() as conn:
        same_dates = compute(conn, Period(D(2025, 1, 1), D(2025, 11, 25)), D(2025, 11, 25)).as_dict()
        whole_year = compute(conn, Period.year(2025), D(2025, 12, 31)).as_dict()
    assert both["previous"] == same_dates
    # The point of the rule: December 2025's visits are not set against a November 2026.
    assert both["previous"]["site_visits"] < whole_year["site_visits"]


def test_a_complete_year_compares_with_the_previous_year_seen_a_year_earlier(demo_cli, demo_engine):
    both = demo_cli("--start", "2024-01-01", "--end", "2024-12-31", "--as-of", "2026-11-24")
    assert both["previous_period"] == {"start": "2023-01-01", "end": "2023-12-31", "as_of": "2025-11-24"}
    with demo_engine.connect() as conn:
        assert both["previous"] == compute(conn, Period.year(2023), D(2025, 11, 24)).as_dict()
        at_its_end = compute(conn, Period.year(2023), D(2023, 12, 31))
    # Late closures count for both years alike: 2023 is not held to its state on its last day.
    assert both["previous"]["hazards_overdue"] < at_its_end.hazards_overdue
    assert both["current"]["hazards_found"] == 447


def test_the_first_year_has_nothing_to_compare_with(demo_cli):
    both = demo_cli("--start", "2023-01-01", "--end", "2023-12-31", "--as-of", "2026-11-25")
    assert both["previous"] is None and both["previous_period"] is None
    assert both["current"]["site_visits"] > 0


def test_the_text_table_says_there_is_no_earlier_record(demo_engine, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", demo_engine.url.render_as_string(hide_password=False))
    assert main(["kpis", "--start", "2023-01-01", "--end", "2023-12-31", "--compare"]) == 0
    assert "no earlier records" in capsys.readouterr().out
