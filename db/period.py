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

    def previous(self) -> Period:
        """The period just before, of the same calendar length when this one is whole months."""
        if self.start.day == 1 and self.end.day == calendar.monthrange(self.end.year, self.end.month)[1]:
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            start = _add_months(self.start, -months)
            return Period(start, self.start - dt.timedelta(days=1))
        return Period(self.start - dt.timedelta(days=self.days), self.start - dt.timedelta(days=1))

    def months(self) -> list[str]:
        """Every 'YYYY-MM' the period touches, in order."""
        out, cursor = [], self.start.replace(day=1)
        while cursor <= self.end:
            out.append(cursor.strftime("%Y-%m"))
            cursor = _add_months(cursor, 1)
        return out


def parse_date(text: str, field: str) -> dt.date:
    """An ISO date (YYYY-MM-DD), or PeriodError naming `field`."""
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise PeriodError(field, "errors.bad_date") from None


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
