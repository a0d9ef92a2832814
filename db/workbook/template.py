"""An empty workbook to fill in: every sheet's headers, drop-down lists for closed columns, a notes sheet (说明)."""
from __future__ import annotations

from pathlib import Path
from typing import IO

import annotated_types
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from db.schemas import _not_future
from db.workbook.cells import Date, Enum, Flag, Number, Ref, RefList
from db.workbook.sheets import SHEETS, Column, Sheet
from db.workbook.writer import add_header

NOTES_TITLE = "说明"
LISTS_TITLE = "选项"
LAST_ROW = 1_048_576
KEY_NOTES = {
    "enterprises": "按统一社会信用代码匹配", "projects": "按项目编号匹配", "ledger": "按项目编号+类型+名称匹配",
    "visits": "按记录编号匹配", "hazards": "按隐患编号匹配", "risk_points": "按编号匹配", "enforcement": "按编号匹配",
    "trainings": "按编号匹配", "approvals": "按项目编号+办理模式匹配", "accidents": "按编号匹配",
    "awards": "按项目编号+奖项名称+年度匹配",
}
SPECIAL = {
    ("enterprises", "credit_code"): "18 位，GB 32100-2015 校验位",
    ("hazards", "domain"): "可留空：由类别推出；填写时须与类别一致",
    ("hazards", "closed_on"): "须在整改完成日期之后；销号前须先有整改完成日期",
    ("hazards", "rectified_on"): "不早于发现日期",
    ("hazards", "due_on"): "不早于发现日期，可晚于今天",
    ("ledger", "danger_category"): "仅危大工程填写；填了危大类型可留空",
    ("ledger", "beyond_scale"): "填了危大类型时可留空，由参数判定；填写时须与参数一致",
    ("ledger", "danger_kind"): "按参数判定危大/超规模（建办质〔2018〕31号）；须填该类型所需的全部参数",
    ("ledger", "expert_review_on"): "超过一定规模的危大工程须在开始前完成专家论证；未论证即施工会提示（不拒绝）",
    ("projects", "completion_date"): "可留空；不早于开工日期",
    ("projects", "lon"): "-180–180，可留空", ("projects", "lat"): "-90–90，可留空",
}
GENERAL = (
    "导入规则：表名用中文（如“隐患”）或英文（如 hazards）；列名用中文标签或英文字段名；表与列的顺序不限，可只含部分表。",
    "全部或全不：任何一行有误，整个文件都不写入，并逐一列出出错的表、行号、列和原因。",
    "按编号匹配：已有记录被更新，新编号新增；重复导入同一文件不会产生任何修改。",
    "日期：Excel 日期或 2024-05-01 文本；事件日期不得晚于今天。列表用“；”或“;”分隔。",
)


def write_template(target: str | Path | IO[bytes]) -> None:
    """Write the empty import workbook to `target`."""
    book = Workbook()
    book.remove(book.active)
    lists = book.create_sheet(LISTS_TITLE)
    lists.sheet_state = "hidden"
    ranges = _fill_lists(lists)
    for sheet in SHEETS:
        ws = book.create_sheet(sheet.title)
        add_header(ws, sheet)
        for index, column in enumerate(sheet.columns, start=1):
            letter = get_column_letter(index)
            if isinstance(column.cell, Date):
                ws.column_dimensions[letter].number_format = column.cell.number_format
            if column.cell.choices:
                rule = DataValidation(type="list", formula1=ranges[column.cell.choices], allow_blank=True,
                                      showErrorMessage=True, errorTitle=column.label,
                                      error="请从下拉列表中选择 / choose from the list")
                rule.add(f"{letter}2:{letter}{LAST_ROW}")
                ws.add_data_validation(rule)
    _notes(book.create_sheet(NOTES_TITLE, 0))
    book.move_sheet(LISTS_TITLE, len(book.sheetnames))
    book.save(target)


def _fill_lists(ws) -> dict[tuple[str, ...], str]:
    # One column per distinct list of choices; data validations refer to these ranges.
    ranges: dict[tuple[str, ...], str] = {}
    for sheet in SHEETS:
        for column in sheet.columns:
            choices = column.cell.choices
            if not choices or choices in ranges:
                continue
            letter = get_column_letter(len(ranges) + 1)
            ws.cell(row=1, column=len(ranges) + 1, value=column.label)
            for row, label in enumerate(choices, start=2):
                ws[f"{letter}{row}"] = label
            ranges[choices] = f"{quote_sheetname(ws.title)}!${letter}$2:${letter}${len(choices) + 1}"
    return ranges


def _notes(ws) -> None:
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 12, 18
    ws.column_dimensions["C"].width, ws.column_dimensions["D"].width = 18, 8
    ws.column_dimensions["E"].width = 90
    for line in GENERAL:
        ws.append([line])
    ws.append([])
    ws.append(["表 sheet", "列 column", "字段 field", "必填", "说明 notes"])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for sheet in SHEETS:
        ws.append([sheet.title, "", sheet.name, "", KEY_NOTES[sheet.name]])
        ws[ws.max_row][0].font = Font(bold=True)
        for column in sheet.columns:
            ws.append(["", column.label, column.field, "是" if column.required else "", describe(sheet, column)])
            ws[ws.max_row][4].alignment = Alignment(wrap_text=True)


def describe(sheet: Sheet, column: Column) -> str:
    """What a column takes, in Chinese, derived from its converter and the schema's constraints."""
    info = sheet.schema.model_fields[column.field]
    cell = column.cell
    if isinstance(cell, Enum):
        text = "可选值：" + "、".join(cell.choices)
    elif isinstance(cell, Flag):
        text = "是 或 否（留空为否）"
    elif isinstance(cell, Date):
        text = "日期" + ("，不得晚于今天" if _has(info, _not_future) else "")
    elif isinstance(cell, RefList):
        text = "统一社会信用代码或企业名称，多个用“；”分隔"
    elif isinstance(cell, Ref):
        text = {"projects": "项目编号（本文件或系统中已有的项目）", "visits": "巡查记录编号，可留空",
                "enterprises": "统一社会信用代码或企业名称"}[cell.target]
    elif isinstance(cell, Number):
        text = "数字" + _range(info)
    else:
        text = "文字" + (f"，最长 {_max_length(info)} 字" if _max_length(info) else "")
    special = SPECIAL.get((sheet.name, column.field))
    return f"{text}；{special}" if special else text


def _has(info, function) -> bool:
    return any(getattr(m, "func", None) is function for m in _metadata(info))


def _range(info) -> str:
    low = next((m.ge for m in _metadata(info) if isinstance(m, annotated_types.Ge)), None)
    high = next((m.le for m in _metadata(info) if isinstance(m, annotated_types.Le)), None)
    return f"，{low}–{high}" if low is not None and high is not None else f"，≥ {low}" if low is not None else ""


def _max_length(info) -> int | None:
    return next((m.max_length for m in _metadata(info) if isinstance(m, annotated_types.MaxLen)), None)


def _metadata(info) -> list:
    # Constraints may sit on the field or inside an Optional's inner Annotated type.
    found = list(info.metadata)
    for arg in getattr(info.annotation, "__args__", ()) or ():
        found += list(getattr(arg, "__metadata__", ()))
    return found
