"""Ledger items classified from their 危大 parameters: the schema, the commands, the workbook import (with its warning
about beyond-scale works started without expert review) and the export round trip, on both backends."""
import datetime as dt

import pytest
from sqlalchemy import select

from db.commands.records import add_ledger_item, update_ledger_item
from db.errors import ValidationFailed
from db.models import LedgerItem
from db.permissions import Actor
from db.schemas import LedgerItemIn, validate
from db.workbook import WorkbookRefused, import_workbook
from db.workbook.writer import export_workbook
from tests import builders as b
from tests.db.workbook_files import TODAY, valid_sheets, write_book

ADMIN, STAFF = Actor("admin1", "admin", "管理员"), Actor("staff1", "staff", "监督员")
ITEM = {"project": "P1", "kind": "dangerous_works", "name": "深基坑", "danger_kind": "excavation", "depth_m": 6}


def problems(values: dict) -> list[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as refused:
        validate(LedgerItemIn, values)
    return [(e.field, e.message_key) for e in refused.value.errors]


def test_parameters_decide_the_flag_and_fill_the_category():
    item = validate(LedgerItemIn, ITEM)
    assert (item.beyond_scale, item.danger_category) == (True, "excavation")
    assert validate(LedgerItemIn, ITEM | {"depth_m": 4.99}).beyond_scale is False


@pytest.mark.parametrize("change, expected", [
    ({"beyond_scale": "否"}, [("beyond_scale", "errors.beyond_scale_mismatch")]),
    ({"depth_m": None}, [("depth_m", "errors.required")]),
    ({"depth_m": -1}, [("depth_m", "errors.out_of_range")]),
    ({"danger_category": "scaffolding"}, [("danger_category", "errors.kind_category_mismatch")]),
    ({"kind": "key_process", "danger_category": None}, [("danger_kind", "errors.category_only_for_dangerous")]),
    ({"danger_kind": None}, [("danger_kind", "errors.parameters_need_kind")]),
])
def test_inconsistent_items_are_refused_naming_the_field(change, expected):
    assert problems(ITEM | change) == expected


def test_a_typed_flag_that_agrees_is_accepted_and_items_without_a_kind_keep_it():
    assert validate(LedgerItemIn, ITEM | {"beyond_scale": "是"}).beyond_scale is True
    demolition = {"project": "P1", "kind": "dangerous_works", "name": "拆除", "danger_category": "demolition",
                  "beyond_scale": "是"}
    assert validate(LedgerItemIn, demolition).beyond_scale is True


def test_changing_a_parameter_reclassifies_the_item(engine):
    b.project(engine, code="P1")
    item_id = add_ledger_item(engine, actor=STAFF, values=ITEM | {"depth_m": 4})
    update_ledger_item(engine, actor=STAFF, item_id=item_id, version=1, values={"depth_m": 5.5, "status": "in_progress"})
    with engine.connect() as conn:
        row = conn.execute(select(LedgerItem.beyond_scale, LedgerItem.depth_m, LedgerItem.status)).one()
    assert tuple(row) == (True, 5.5, "in_progress")


LEDGER_HEADER = ["项目编号", "类型", "名称", "危大类别", "超过一定规模", "计划开始", "计划完成", "状态", "危大类型", "深度(m)",
                 "专家论证日期"]


def _book(tmp_path, *rows):
    sheets = valid_sheets()
    sheets["清单"] = [LEDGER_HEADER, *rows]
    return write_book(tmp_path / "ledger.xlsx", sheets)


def test_import_warns_about_beyond_scale_works_started_without_review(engine, tmp_path):
    path = _book(tmp_path,
                 ["P1", "危大工程", "深基坑", None, None, dt.date(2024, 2, 1), dt.date(2024, 3, 1), "实施中", "基坑工程", 6, None],
                 ["P1", "危大工程", "浅基坑", None, None, dt.date(2024, 2, 1), dt.date(2024, 3, 1), "实施中", "基坑工程", 4, None],
                 ["P1", "危大工程", "论证过", None, None, dt.date(2024, 2, 1), dt.date(2024, 3, 1), "实施中", "基坑工程", 7,
                  dt.date(2024, 1, 20)])
    result = import_workbook(engine, path, actor=ADMIN, today=TODAY)
    assert result.created["ledger"] == 3
    assert [(w.sheet, w.row, w.column, w.message_key) for w in result.warnings] == [
        ("清单", 2, "专家论证日期", "warnings.started_without_review")]
    assert result.warnings[0].cell == "清单!K2"
    with engine.connect() as conn:
        flags = dict(conn.execute(select(LedgerItem.name, LedgerItem.beyond_scale)).all())
    assert flags == {"深基坑": True, "浅基坑": False, "论证过": True}


def test_import_refuses_a_typed_flag_the_parameters_contradict(engine, tmp_path):
    path = _book(tmp_path, ["P1", "危大工程", "深基坑", None, "否", None, None, "未开始", "基坑工程", 6, None])
    with pytest.raises(WorkbookRefused) as refused:
        import_workbook(engine, path, actor=ADMIN, today=TODAY)
    assert [(e.row, e.column, e.message_key) for e in refused.value.errors] == [
        (2, "超过一定规模", "errors.beyond_scale_mismatch")]


def test_export_and_reimport_changes_nothing(engine, tmp_path):
    path = _book(tmp_path, ["P1", "危大工程", "深基坑", None, None, dt.date(2024, 2, 1), None, "实施中", "基坑工程", 6,
                            dt.date(2024, 1, 20)])
    import_workbook(engine, path, actor=ADMIN, today=TODAY)
    exported = tmp_path / "out.xlsx"
    export_workbook(engine, exported)
    again = import_workbook(engine, exported, actor=ADMIN, today=TODAY)
    assert not again.changed and again.unchanged["ledger"] == 1


def test_cli_import_prints_the_warning_and_succeeds(engine, db_cli, tmp_path):
    path = _book(tmp_path, ["P1", "危大工程", "深基坑", None, None, dt.date(2024, 2, 1), None, "实施中", "基坑工程", 6, None])
    code, out, _ = db_cli("import", str(path))
    assert code == 0 and "warning: 清单!K2" in out and "warnings.started_without_review" in out
