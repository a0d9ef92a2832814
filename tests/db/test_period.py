"""Periods: parsing, order, and the previous period used for comparisons."""
import datetime as dt

import pytest

from db.period import Period, PeriodError

D = dt.date


def test_previous_of_a_year_is_the_previous_year():
    assert Period.year(2024).previous() == Period.year(2023)


def test_previous_of_a_quarter_is_the_previous_quarter():
    assert Period(D(2024, 4, 1), D(2024, 6, 30)).previous() == Period(D(2024, 1, 1), D(2024, 3, 31))


def test_previous_of_arbitrary_days_has_the_same_length():
    assert Period(D(2024, 3, 10), D(2024, 3, 19)).previous() == Period(D(2024, 2, 29), D(2024, 3, 9))


@pytest.mark.parametrize("start,end,field", [("2024-02-30", "2024-03-01", "start"),
                                             ("2024-01-01", "soon", "end")])
def test_parse_names_the_bad_field(start, end, field):
    with pytest.raises(PeriodError) as err:
        Period.parse(start, end)
    assert err.value.field == field


def test_end_before_start_is_refused():
    with pytest.raises(PeriodError) as err:
        Period(D(2024, 2, 1), D(2024, 1, 31))
    assert err.value.message_key == "errors.end_before_start"


def test_months_lists_every_month_touched():
    assert Period(D(2024, 11, 15), D(2025, 1, 2)).months() == ["2024-11", "2024-12", "2025-01"]
