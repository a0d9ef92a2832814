"""Export every live record in the import format: Chinese headers, column widths, date formats."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import aliased

from db.models import Enterprise, Project, SiteVisit, training_enterprises
from db.workbook.cells import RefList
from db.workbook.sheets import SHEETS, Sheet

# What a reference is written as: the referenced record's code.
REF_KEYS = {"projects": (Project, "code"), "enterprises": (Enterprise, "credit_code"), "visits": (SiteVisit, "code")}
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
# Characters Excel files may not contain (openpyxl refuses them).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def export_workbook(engine: Engine, target: str | Path | IO[bytes]) -> dict[str, int]:
    """Write all live records to `target` (.xlsx); returns the row count per sheet."""
    book = Workbook(write_only=True)
    counts = {}
    with engine.connect() as conn:
        for sheet in SHEETS:
            ws = book.create_sheet(sheet.title)
            add_header(ws, sheet)
            counts[sheet.name] = 0
            for values in sheet_rows(conn, sheet):
                ws.append([_cell(ws, column.cell, value) for column, value in zip(sheet.columns, values)])
                counts[sheet.name] += 1
    book.save(target)
    return counts


def add_header(ws, sheet: Sheet) -> None:
    """Column widths, a frozen bold header row of Chinese labels (write-only or normal worksheets)."""
    for index, column in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = max(column.cell.width, 2 * len(column.label) + 2)
    ws.freeze_panes = "A2"
    header = []
    for column in sheet.columns:
        cell = WriteOnlyCell(ws, value=column.label)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, Alignment(horizontal="center")
        header.append(cell)
    ws.append(header)


def sheet_rows(conn: Connection, sheet: Sheet) -> Iterator[tuple]:
    """The sheet's live records as tuples of stored values in column order, references as codes."""
    model = sheet.model
    selected, joins = [], []
    for column in sheet.columns:
        if isinstance(column.cell, RefList):
            selected.append(model.id)
        elif column.is_ref:
            target, key = REF_KEYS[column.cell.target]
            alias = aliased(target)
            selected.append(getattr(alias, key))
            joins.append((alias, getattr(model, column.db_column) == alias.id))
        else:
            selected.append(getattr(model, column.db_column))
    query = select(*selected).where(model.deleted_at.is_(None)).order_by(model.id)
    for alias, on in joins:
        query = query.outerjoin(alias, on)
    links = _training_links(conn) if sheet.name == "trainings" else {}
    lists = [i for i, c in enumerate(sheet.columns) if isinstance(c.cell, RefList)]
    for row in conn.execution_options(stream_results=True, yield_per=5_000).execute(query):
        row = list(row)
        for i in lists:
            row[i] = links.get(row[i], [])
        yield tuple(row)


def _training_links(conn: Connection) -> dict[int, list[str]]:
    t = training_enterprises.c
    links: dict[int, list[str]] = {}
    query = (select(t.training_id, Enterprise.credit_code).join(Enterprise, Enterprise.id == t.enterprise_id)
             .order_by(t.training_id, Enterprise.credit_code))
    for training, code in conn.execute(query):
        links.setdefault(training, []).append(code)
    return links


def text_cell(ws, value: str) -> WriteOnlyCell:
    """A cell holding `value` as text: openpyxl would store "=…" as a live formula; this round-trips as typed."""
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"
    return cell


def _cell(ws, converter, value):
    value = converter.write(value)
    if isinstance(value, str):
        return text_cell(ws, _ILLEGAL.sub("", value))
    if converter.number_format and value is not None:
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = converter.number_format
        return cell
    return value
