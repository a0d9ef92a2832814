"""Cell converters: what a workbook cell holds ↔ what the schemas and the database hold.

Each column of the workbook format has one converter. `read` turns a cell value into the
input the pydantic schema expects (blank cells become None); `write` turns a stored value
into the cell the export writes; `choices` are the allowed labels for a drop-down list.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from openpyxl.utils.datetime import from_excel

from db.enums import Vocabulary

LIST_SEPARATOR = "；"
DATE_FORMAT = "yyyy-mm-dd"
_DATE_TEXT = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]00:00(?::00)?)?$")


def blank(value) -> bool:
    """True for an empty cell or one holding only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def as_text(value) -> str:
    """A cell as trimmed text; whole numbers lose Excel's ".0" (a code typed as 2024001 stays 2024001)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    return str(value).strip()


@dataclass(frozen=True)
class Text:
    """Free text or a code."""

    width: int = 16
    number_format: str | None = None

    @property
    def choices(self) -> tuple[str, ...]:
        """The allowed cell values, when the column is a closed list."""
        return ()

    def read(self, value):
        return None if blank(value) else as_text(value)

    def write(self, value):
        return value


@dataclass(frozen=True)
class Date(Text):
    """A day: an Excel date, an Excel serial number, or text such as 2024-05-01 or 2024/5/1."""

    width: int = 12
    number_format: str | None = DATE_FORMAT

    def read(self, value):
        if blank(value):
            return None
        if isinstance(value, dt.datetime):
            return value.date() if value.time() == dt.time() else value
        if isinstance(value, dt.date):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            day = from_excel(value)
            return day.date() if isinstance(day, dt.datetime) and day.time() == dt.time() else "not a date"
        match = _DATE_TEXT.match(str(value).strip())
        if match is None:
            return str(value).strip()  # the schema reports it as a bad date
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            return str(value).strip()


@dataclass(frozen=True)
class Number(Text):
    """A number; text that is not one is left for the schema to refuse."""

    width: int = 10

    def read(self, value):
        if blank(value):
            return None
        return value.strip() if isinstance(value, str) else value


@dataclass(frozen=True)
class Flag(Text):
    """是/否."""

    width: int = 8

    @property
    def choices(self) -> tuple[str, ...]:
        return ("是", "否")

    def write(self, value):
        return "是" if value else "否"


@dataclass(frozen=True)
class Enum(Text):
    """One value of a vocabulary: its Chinese label, English label or code; exported as the Chinese label."""

    vocabulary: Vocabulary | None = None
    width: int = 12

    @property
    def choices(self) -> tuple[str, ...]:
        return tuple(self.vocabulary.label(code, "zh") for code in self.vocabulary.codes)

    def write(self, value):
        return None if value is None else self.vocabulary.label(value, "zh")


@dataclass(frozen=True)
class Ref(Text):
    """A reference to another record by its code (enterprises: credit code or name)."""

    target: str = "projects"


@dataclass(frozen=True)
class RefList(Ref):
    """Several references separated by ；or ;."""

    width: int = 40

    def write(self, value):
        return LIST_SEPARATOR.join(value) if value else None
