"""Each Overview card's records: exactly the rows its KPI counted."""
import datetime as dt

import pytest

from db.kpis import compute
from db.period import Period
from db.queries.drilldown import DRILLABLE, records_behind

AS_OF = dt.date(2024, 12, 31)


@pytest.mark.parametrize("kpi", DRILLABLE)
def test_records_behind_a_card_number_as_many_as_the_card_shows(demo_engine, kpi):
    period = Period.year(2024)
    with demo_engine.connect() as conn:
        expected = getattr(compute(conn, period, AS_OF), kpi)
        rows, total = records_behind(conn, kpi=kpi, period=period, as_of=AS_OF, limit=5)
    assert total == expected
    assert len(rows) == min(5, expected)


def test_overdue_records_are_open_and_past_their_deadline(demo_engine):
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 11, 24))
    with demo_engine.connect() as conn:
        rows, total = records_behind(conn, kpi="hazards_overdue", period=period, as_of=dt.date(2026, 11, 24))
    assert total > 0
    assert all(due < dt.date(2026, 11, 24) for due in rows["due_on"])
    assert rows["closed_on"].isna().all()
    assert "project" in rows.columns
