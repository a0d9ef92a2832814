"""Checking rows without the database: cells converted, validated by the shared pydantic schemas, keys unique."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from db.errors import ValidationFailed
from db.schemas import validate
from db.workbook.progress import Progress
from db.workbook.reader import SheetRows
from db.workbook.report import RowError
from db.workbook.sheets import Sheet


@dataclass
class Row:
    """A valid row: database column values, references by code (resolved later), and its key."""

    number: int
    values: dict
    refs: dict
    key: tuple


@dataclass
class CheckedSheet:
    """The valid rows of one sheet, with what the reader knew about it."""

    source: SheetRows
    rows: list[Row] = field(default_factory=list)
    # Rows refused here still exist as far as other sheets' references go: report each problem once.
    refused_keys: set[str] = field(default_factory=set)
    refused_names: dict[str, str] = field(default_factory=dict)

    @property
    def sheet(self) -> Sheet:
        """The sheet's format."""
        return self.source.sheet


def check_sheet(source: SheetRows, errors: list[RowError], today: dt.date, progress: Progress) -> CheckedSheet:
    """Every row of `source` validated; problems are appended to `errors`, valid rows returned."""
    sheet, out = source.sheet, CheckedSheet(source)
    cells = [(c, c.cell.read) for c in sheet.columns if c.field in source.present]
    keys_seen: dict[tuple, int] = {}
    for count, (number, raw) in enumerate(source.rows, start=1):
        if count % 1000 == 0:
            progress.advance(1000)
        data = {}
        for column, read in cells:
            value = read(raw[column.field])
            if value is not None:
                data[column.field] = value
        row = _problems(sheet, source, number, data, today, errors)
        if row is None:
            key = data.get(sheet.key[0])
            if key is not None:
                out.refused_keys.add(key.upper() if sheet.name == "enterprises" else key)
                if data.get("name") is not None:
                    out.refused_names[data["name"]] = key.upper()
            continue
        first = keys_seen.setdefault(row.key, number)
        if first != number:
            errors.append(source.error(number, sheet.key_column, "errors.duplicate_in_file", first_row=first))
            continue
        out.rows.append(row)
    progress.advance(len(source.rows) % 1000)
    return out


def _problems(sheet: Sheet, source: SheetRows, number: int, data: dict, today: dt.date,
              errors: list[RowError]) -> Row | None:
    # A valid row as a Row; otherwise its problems go to `errors` and the result is None.
    found = []
    missing_keys = [f for f in sheet.key if f not in data]
    try:
        record = validate(sheet.schema, data, today=today).model_dump()
    except ValidationFailed as exc:
        found = [(e.field, e.message_key) for e in exc.errors]
        record = None
    found += [(f, "errors.required") for f in missing_keys if f not in {name for name, _ in found}]
    if found:
        for name, key in found:
            column = next((c for c in sheet.columns if c.field == name), sheet.key_column)
            if column.field in source.present:  # an absent required column is reported once, on row 1
                errors.append(source.error(number, column, key))
        return None
    values, refs = {}, {}
    for column in sheet.columns:
        if column.field not in record:
            continue
        if column.is_ref:
            refs[column.field] = record[column.field]
        else:
            values[column.db_column] = record[column.field]
    return Row(number, values, refs, tuple(record[f] for f in sheet.key))
