"""Reporting periods: [start, end], both days included."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

# The first year the pickers offer: the office's records begin in 2023.
FIRST_YEAR = 2023


class PeriodError(ValueError):
    """A period that cannot be used; `field` names the offending input."""

    def __init__(self, field: str, message_key: str):
        super().__init__(f"{field}: {message_key}")
        self.field = field
        self.message_key = message_key


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    def __post_init__(self):
        if self.end < self.start:
            raise PeriodError("end", "errors.end_before_start")

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year `year`."""
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """One calendar month."""
        return cls(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """One calendar quarter (1-4)."""
        first = dt.date(year, 3 * quarter - 2, 1)
        return cls(first, _add_months(first, 3) - dt.timedelta(days=1))

    @classmethod
    def containing(cls, kind: str, day: dt.date) -> Period:
        """The year, quarter or month (`kind`) that `day` falls in."""
        if kind == "year":
            return cls.year(day.year)
        if kind == "quarter":
            return cls.quarter(day.year, (day.month - 1) // 3 + 1)
        return cls.month(day.year, day.month)

    @classmethod
    def parse(cls, start: str, end: str) -> Period:
        """A period from two ISO dates, raising PeriodError naming the bad field."""
        return cls(parse_date(start, "start"), parse_date(end, "end"))

    @classmethod
    def every(cls, kind: str, first_year: int, today: dt.date) -> list[Period]:
        """Every year, quarter or month (`kind`) from `first_year` that has begun by `today`, newest first."""
        years = range(today.year, first_year - 1, -1)
        if kind == "year":
            periods = [cls.year(y) for y in years]
        elif kind == "quarter":
            periods = [cls.quarter(y, q) for y in years for q in (4, 3, 2, 1)]
        else:
            periods = [cls.month(y, m) for y in years for m in range(12, 0, -1)]
        return [p for p in periods if p.start <= today]

    @property
    def days(self) -> int:
        """Number of days in the period."""
        return (self.end - self.start).days + 1

    def kind(self, first_day: dt.date | None = None) -> str:
        """What the pickers call this period: year, quarter, month, all (from `first_day`) or custom."""
        months = self.whole_months()
        if months == 12 and self.start.month == 1:
            return "year"
        if months == 3 and self.start.month % 3 == 1:
            return "quarter"
        if months == 1:
            return "month"
        return "all" if first_day is not None and self.start == first_day else "custom"

    def whole_months(self) -> int:
        """How many calendar months the period spans when it is made of whole months, else 0."""
        if self.start.day != 1 or self.end.day != calendar.monthrange(self.end.year, self.end.month)[1]:
            return 0
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def previous(self) -> Period:
        """The period just before, of the same calendar length when this one is whole months."""
        if months := self.whole_months():
            return Period(_add_months(self.start, -months), self.start - dt.timedelta(days=1))
        return Period(self.start - dt.timedelta(days=self.days), self.start - dt.timedelta(days=1))

    def months(self) -> list[str]:
        """Every 'YYYY-MM' the period touches, in order."""
        out, cursor = [], self.start.replace(day=1)
        while cursor <= self.end:
            out.append(cursor.strftime("%Y-%m"))
            cursor = _add_months(cursor, 1)
        return out


@dataclass(frozen=True)
class Comparison:
    """The period a period is compared with (the same span one period earlier) and the day it is measured as of."""

    period: Period
    as_of: dt.date

    @property
    def counted(self) -> Period:
        """The earlier period up to its as-of date: a year to date is set against the same dates a year before."""
        return Period(self.period.start, min(self.period.end, self.as_of))


def comparison(period: Period, as_of: dt.date, first_record: dt.date | None) -> Comparison | None:
    """The one comparison rule of the cards, the report and `kpis --compare`.

    A period compares with the same span one period earlier, measured as of the same relative date: the as-of
    day moved back by one period (a year to date against the same dates of the previous year; 2024 seen today
    against 2023 seen a year ago, so late closures count alike). None when nothing is measured yet or when the
    previous period lies wholly before the first record (an empty year would make every change look like growth).
    """
    previous = period.previous()
    if as_of < period.start or first_record is None or previous.end < first_record:
        return None
    months = period.whole_months()
    same_day = _shift_months(as_of, -months) if months else as_of - dt.timedelta(days=period.days)
    return Comparison(previous, same_day)


def parse_date(text: str, field: str) -> dt.date:
    """An ISO date (YYYY-MM-DD), or PeriodError naming `field`."""
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise PeriodError(field, "errors.bad_date") from None


def _shift_months(day: dt.date, months: int) -> dt.date:
    # The same day of the month `months` away, or that month's last day (29 February -> 28 February).
    first = _add_months(day, months)
    return first.replace(day=min(day.day, calendar.monthrange(first.year, first.month)[1]))


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
