"""Reading a workbook: find the known sheets, match headers (Chinese label or field name), collect rows."""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from xml.parsers.expat import ExpatError

from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from db.workbook.cells import blank
from db.workbook.progress import Progress
from db.workbook.report import RowError, WorkbookUnreadable
from db.workbook.sheets import Column, Sheet, find_sheet
from db.workbook.xlsx import SheetSource, XlsxBook


@dataclass
class SheetRows:
    """The data rows of one known sheet: for each, its Excel row number and {field: raw cell value}."""

    sheet: Sheet
    title: str
    letters: dict[str, str] = field(default_factory=dict)
    rows: list[tuple[int, dict]] = field(default_factory=list)

    @property
    def present(self) -> frozenset[str]:
        """The fields that have a column in this file."""
        return frozenset(self.letters)

    def error(self, row: int, column: Column, key: str, **params) -> RowError:
        """A RowError located on `column` of `row` in this sheet."""
        return RowError(self.title, row, column.label, key, params, self.letters.get(column.field, ""))


def read_workbook(source: str | Path | IO[bytes], progress: Progress | None = None,
                  ) -> tuple[list[SheetRows], list[RowError]]:
    """The known sheets of `source` and header problems; unknown sheets (such as 说明) are ignored.

    Reading is the first third of `progress`, counted in bytes of sheet XML.
    """
    progress = progress or Progress(None)
    try:
        book = XlsxBook(source)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, ExpatError) as exc:
        raise WorkbookUnreadable(f"cannot read {_name(source)} as an .xlsx workbook: {_why(exc)}") from None
    try:
        found = [(ws, find_sheet(ws.title)) for ws in book.sheets]
        found = [(ws, sheet) for ws, sheet in found if sheet is not None]
        if not found:
            raise WorkbookUnreadable(f"{_name(source)}: no sheet named 企业, 项目, 清单, 巡查记录, 隐患, 风险点, "
                                     "执法, 培训, 审批, 事故 or 奖项")
        progress.total = 3 * max(sum(ws.size for ws, _ in found), 1)
        result, errors, seen = [], [], {}
        for ws, sheet in found:
            if sheet.name in seen:
                errors.append(RowError(ws.title, 1, "", "errors.duplicate_sheet", {"first": seen[sheet.name]}))
                continue
            seen[sheet.name] = ws.title
            try:
                rows = _read_sheet(book, ws, sheet, errors, progress)
            except (ExpatError, KeyError, ValueError, IndexError) as exc:
                raise WorkbookUnreadable(f"{_name(source)}: sheet {ws.title} is damaged: {_why(exc)}") from None
            if rows is not None:
                result.append(rows)
        return result, errors
    finally:
        book.close()


def _read_sheet(book: XlsxBook, ws: SheetSource, sheet: Sheet, errors: list[RowError],
                progress: Progress) -> SheetRows | None:
    lines = book.rows(ws, progress.advance)
    first = next(lines, None)
    if first is None:
        return None  # an empty sheet contributes nothing
    header_row, header = first
    out = SheetRows(sheet, ws.title)
    positions = {}
    for index in sorted(header):
        column = _match(sheet, header[index])
        if column is None:
            continue  # extra columns (remarks, formulas) are allowed and ignored
        letter = get_column_letter(index + 1)
        if column.field in positions:
            errors.append(RowError(ws.title, header_row, column.label, "errors.duplicate_column", {}, letter))
            continue
        positions[column.field] = index
        out.letters[column.field] = letter
    for column in sheet.columns:
        if column.required and column.field not in positions:
            errors.append(RowError(ws.title, header_row, column.label, "errors.missing_column"))
    wanted = tuple(positions.items())
    for number, cells in lines:
        record = {name: cells.get(i) for name, i in wanted}
        if not all(blank(v) for v in record.values()):
            out.rows.append((number, record))
    return out


def _match(sheet: Sheet, text) -> Column | None:
    if blank(text):
        return None
    text = str(text).strip()
    return next((c for c in sheet.columns if text == c.label or text.lower() == c.field.lower()), None)


def _name(source) -> str:
    return str(source) if isinstance(source, (str, Path)) else getattr(source, "name", "the upload")


def _why(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    text = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    return text[:200]
