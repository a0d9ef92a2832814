"""Small workbooks for the import tests, built in code: a valid one touching every sheet, edited per test."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from db.credit_code import make_credit_code

TODAY = dt.date(2026, 11, 24)
D = dt.date
FIRM_A = make_credit_code("91360400MA0000001")
FIRM_B = make_credit_code("91360400MA0000002")


def valid_sheets() -> dict[str, list[list]]:
    """Every sheet of the format with one or two valid rows; references by code and by name."""
    return {
        "企业": [["统一社会信用代码", "企业名称", "企业类型"],
               [FIRM_A, "九江甲建设有限公司", "建设单位"],
               [FIRM_B, "江西乙建工有限公司", "施工单位"]],
        "项目": [["项目编号", "项目名称", "建设单位", "施工单位", "监理单位", "项目类型", "重点项目", "建筑面积",
                "开工日期", "竣工日期", "主体进度", "经度", "纬度"],
               ["P1", "甲项目", FIRM_A, "江西乙建工有限公司", None, "产业项目", "是", 47600, D(2024, 1, 8), None, 80,
                116.0, 29.7]],
        "清单": [["项目编号", "类型", "名称", "危大类别", "超过一定规模", "计划开始", "计划完成", "状态"],
               ["P1", "危大工程", "深基坑开挖", "基坑工程", "是", D(2024, 2, 1), D(2024, 3, 1), "实施中"]],
        "巡查记录": [["记录编号", "项目编号", "日期", "类型", "检查人员", "情况说明"],
                 ["V1", "P1", D(2024, 5, 6), "日常巡查", "张三、李四", "现场巡查"]],
        "隐患": [["隐患编号", "项目编号", "巡查记录编号", "发现日期", "专业", "类别", "等级", "描述", "整改期限",
                "整改完成日期", "复查销号日期"],
               ["H1", "P1", "V1", D(2024, 5, 6), "安全", "高处作业", "一般", "临边防护缺失", D(2024, 5, 13),
                D(2024, 5, 10), D(2024, 5, 12)],
               ["H2", "P1", None, D(2024, 6, 3), None, "主体结构", "重大", "梁板裂缝", D(2024, 6, 20), None, None]],
        "风险点": [["编号", "项目编号", "辨识日期", "类别", "等级", "描述", "管控措施"],
                ["R1", "P1", D(2024, 4, 1), "脚手架工程", "较大", "落地式脚手架", "专项方案"]],
        "执法": [["编号", "项目编号", "日期", "类型", "事由", "解除日期"],
               ["E1", "P1", D(2024, 7, 1), "责令停工", "隐患整改不力", D(2024, 7, 9)]],
        "培训": [["编号", "日期", "类型", "主题", "参加人数", "参加企业"],
               ["T1", D(2024, 3, 5), "培训", "危大工程管理培训", 40, f"{FIRM_A}； 江西乙建工有限公司"]],
        "审批": [["项目编号", "办理模式", "申报日期", "办结日期"], ["P1", "并联", D(2023, 11, 1), D(2023, 12, 1)]],
        "事故": [["编号", "项目编号", "日期", "等级", "死亡人数", "受伤人数", "描述"],
               ["A1", "P1", D(2024, 8, 2), "一般", 0, 1, "手部划伤"]],
        "奖项": [["项目编号", "奖项名称", "年度", "级别"], ["P1", "九江市优质建设工程奖", 2024, "市级"]],
    }


def write_book(path: Path, sheets: dict[str, list[list]]) -> Path:
    """Save `sheets` ({title: rows, header first}) as an .xlsx file at `path`."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def set_cell(sheets: dict[str, list[list]], sheet: str, row: int, label: str, value) -> None:
    """Set the cell of column `label` on Excel row `row` (header = row 1)."""
    rows = sheets[sheet]
    rows[row - 1][rows[0].index(label)] = value
