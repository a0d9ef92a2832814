"""What an import reports: every bad cell as (sheet, row, column, reason), or why the file cannot be read."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RowError:
    """One refused cell: sheet title as in the file, row as Excel numbers it (header = 1), column label."""

    sheet: str
    row: int
    column: str
    message_key: str
    params: dict = field(default_factory=dict)
    letter: str = ""

    @property
    def cell(self) -> str:
        """Where, as a spreadsheet names it: 项目!C4 (or 项目!4 when the column is unknown)."""
        return f"{self.sheet}!{self.letter}{self.row}" if self.letter else f"{self.sheet}!{self.row}"


class WorkbookRefused(Exception):
    """The workbook has invalid rows; nothing was written. `errors` lists every one."""

    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} invalid cells; nothing was written")
        self.errors = errors


class WorkbookUnreadable(Exception):
    """The file is not a workbook we can read (missing, not .xlsx, damaged, no known sheet)."""
