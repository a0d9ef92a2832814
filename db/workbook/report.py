"""What an import reports: every bad cell as (sheet, row, column, reason), or why the file cannot be read."""
from __future__ import annotations

from dataclasses import dataclass, field


def message(key: str, params: dict | None = None, lang: str = "zh") -> str:
    """The reason for `key` in `lang`, from the app's catalogs (plain TOML; no streamlit is imported)."""
    from ui.i18n import catalog

    text = catalog(lang).get(key, key)
    try:
        return text.format(**params) if params else text
    except (KeyError, IndexError):
        return text


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
    def reason(self) -> str:
        """The reason in Chinese."""
        return message(self.message_key, self.params, "zh")

    def line(self) -> str:
        """One line for the command line: where, what, and the message key."""
        where = f"{self.sheet}!{self.letter}{self.row}" if self.letter else f"{self.sheet}!{self.row}"
        return f"{where} 第{self.row}行 {self.column}: {self.reason} ({self.message_key})"


class WorkbookRefused(Exception):
    """The workbook has invalid rows; nothing was written. `errors` lists every one."""

    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} invalid cells; nothing was written")
        self.errors = errors


class WorkbookUnreadable(Exception):
    """The file is not a workbook we can read (missing, not .xlsx, damaged, no known sheet)."""
