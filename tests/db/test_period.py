"""Periods: parsing, order, and the previous period used for comparisons."""
import datetime as dt

import pytest

from db.period import Comparison, Period, PeriodError, comparison

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


FIRST = D(2023, 1, 3)


def test_a_year_to_date_compares_with_the_same_dates_a_year_before():
    against = comparison(Period.year(2026), D(2026, 11, 25), FIRST)
    assert against == Comparison(Period.year(2025), D(2025, 11, 25))
    assert against.counted == Period(D(2025, 1, 1), D(2025, 11, 25))


def test_a_complete_period_compares_with_the_previous_one_seen_one_period_earlier():
    against = comparison(Period.quarter(2024, 2), D(2026, 11, 25), FIRST)
    assert against == Comparison(Period.quarter(2024, 1), D(2026, 8, 25))
    assert against.counted == Period.quarter(2024, 1)


def test_a_running_month_ending_on_the_29th_maps_to_the_last_day_before():
    assert comparison(Period.month(2024, 3), D(2024, 3, 29), FIRST).as_of == D(2024, 2, 29)
    assert comparison(Period.year(2024), D(2024, 2, 29), FIRST).as_of == D(2023, 2, 28)


def test_a_custom_span_compares_with_the_days_just_before():
    assert comparison(Period(D(2024, 3, 10), D(2024, 3, 19)), D(2024, 3, 12), FIRST) == Comparison(
        Period(D(2024, 2, 29), D(2024, 3, 9)), D(2024, 3, 2))


@pytest.mark.parametrize("period,as_of,first", [
    (Period.year(2023), D(2026, 11, 25), FIRST),      # 2022 lies before the first record
    (Period.year(2024), D(2026, 11, 25), None),       # no records at all
    (Period.year(2027), D(2026, 11, 25), FIRST),      # nothing measured yet
])
def test_no_comparison_without_earlier_records(period, as_of, first):
    assert comparison(period, as_of, first) is None


@pytest.mark.parametrize("period,kind", [
    (Period.year(2024), "year"), (Period.quarter(2024, 4), "quarter"), (Period.month(2024, 2), "month"),
    (Period(FIRST, D(2026, 11, 25)), "all"), (Period(D(2024, 1, 1), D(2024, 6, 30)), "custom"),
    (Period(D(2024, 2, 1), D(2024, 4, 30)), "custom"),
])
def test_the_pickers_name_each_period(period, kind):
    assert period.kind(FIRST) == kind


def test_the_period_containing_a_day():
    day = D(2024, 8, 15)
    assert [Period.containing(k, day) for k in ("year", "quarter", "month")] == [
        Period.year(2024), Period.quarter(2024, 3), Period.month(2024, 8)]
