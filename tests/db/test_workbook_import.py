"""Workbook import: all or nothing, every bad cell located, matched by code, idempotent, audited."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.bootstrap import data_tables
from db.errors import PermissionDenied
from db.models import AuditEntry, Hazard, Project, Training, training_enterprises
from db.permissions import Actor
from db.unit_of_work import data_revision
from db.workbook import WorkbookRefused, import_workbook
from tests.db.workbook_files import FIRM_A, TODAY, set_cell, valid_sheets, write_book

ADMIN = Actor("admin1", "admin", "管理员")


def load(engine, path, **kw):
    return import_workbook(engine, path, actor=ADMIN, today=TODAY, **kw)


def state(engine) -> tuple:
    """Rows per data table, audit rows and the data revision."""
    with engine.connect() as conn:
        counts = tuple(conn.execute(select(func.count()).select_from(t)).scalar_one() for t in data_tables())
        audits = conn.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    return counts, audits, data_revision(engine)


def refused(engine, path) -> list[tuple]:
    with pytest.raises(WorkbookRefused) as caught:
        load(engine, path)
    return [(e.sheet, e.row, e.column, e.message_key) for e in caught.value.errors]


def test_valid_workbook_creates_every_record_with_one_revision(engine, tmp_path):
    before = data_revision(engine)
    result = load(engine, write_book(tmp_path / "ok.xlsx", valid_sheets()))
    assert result.created == {"enterprises": 2, "projects": 1, "ledger": 1, "visits": 1, "hazards": 2,
                              "risk_points": 1, "enforcement": 1, "trainings": 1, "approvals": 1, "accidents": 1,
                              "awards": 1}
    assert data_revision(engine) == before + 1
    with engine.connect() as conn:
        links = conn.execute(select(func.count()).select_from(training_enterprises)).scalar_one()
        domain = conn.execute(select(Hazard.domain).where(Hazard.code == "H2")).scalar_one()
    assert (links, domain) == (2, "quality")


# (sheet, Excel row, column, bad value, message key): each error class, located exactly.
BAD_CELLS = [
    ("隐患", 3, "描述", None, "errors.required"),
    ("隐患", 2, "等级", "严重", "errors.not_in_list"),
    ("隐患", 3, "发现日期", "2024-02-30", "errors.bad_date"),
    ("巡查记录", 2, "日期", TODAY + dt.timedelta(days=1), "errors.future_date"),
    ("隐患", 2, "复查销号日期", dt.date(2024, 5, 9), "errors.date_order"),
    ("执法", 2, "解除日期", dt.date(2024, 6, 30), "errors.date_order"),
    ("审批", 2, "办结日期", dt.date(2023, 10, 1), "errors.date_order"),
    ("项目", 2, "主体进度", 120, "errors.out_of_range"),
    ("奖项", 2, "年度", 1800, "errors.out_of_range"),
    ("企业", 3, "统一社会信用代码", FIRM_A[:17] + ("0" if FIRM_A[17] != "0" else "1"), "errors.credit_code_check_digit"),
    ("隐患", 3, "项目编号", "P404", "errors.unknown_project"),
    ("项目", 2, "施工单位", "不存在的公司", "errors.unknown_enterprise"),
    ("培训", 2, "参加企业", "九江甲建设有限公司;查无此企业", "errors.unknown_enterprise"),
    ("隐患", 3, "巡查记录编号", "V404", "errors.unknown_visit"),
    ("项目", 2, "重点项目", "也许", "errors.not_in_list"),
    ("事故", 2, "死亡人数", "两人", "errors.not_a_number"),
]


@pytest.mark.parametrize(("sheet", "row", "column", "value", "key"), BAD_CELLS,
                         ids=[f"{s}-{c}-{k.split('.')[1]}" for s, _, c, _, k in BAD_CELLS])
def test_bad_cell_is_reported_at_its_sheet_row_and_column(engine, tmp_path, sheet, row, column, value, key):
    sheets = valid_sheets()
    set_cell(sheets, sheet, row, column, value)
    assert refused(engine, write_book(tmp_path / "bad.xlsx", sheets)) == [(sheet, row, column, key)]


def test_duplicate_code_within_the_file_is_reported_on_the_second_row(engine, tmp_path):
    sheets = valid_sheets()
    sheets["隐患"].append(list(sheets["隐患"][1]))
    assert refused(engine, write_book(tmp_path / "dup.xlsx", sheets)) == [
        ("隐患", 4, "隐患编号", "errors.duplicate_in_file")]


def test_row_numbers_are_as_excel_shows_them_across_blank_rows(engine, tmp_path):
    sheets = valid_sheets()
    sheets["风险点"][2:2] = [[None] * 7, [None] * 7]
    sheets["风险点"].append(["R2", "P1", dt.date(2024, 4, 2), "脚手架工程", "特大", "x", None])
    assert refused(engine, write_book(tmp_path / "gap.xlsx", sheets)) == [("风险点", 5, "等级", "errors.not_in_list")]


def test_every_bad_row_of_every_sheet_is_reported_together(engine, tmp_path):
    sheets = valid_sheets()
    set_cell(sheets, "企业", 2, "企业类型", "国企")
    set_cell(sheets, "隐患", 2, "类别", "不存在")
    set_cell(sheets, "隐患", 3, "整改期限", "明天")
    set_cell(sheets, "奖项", 2, "级别", "世界级")
    assert refused(engine, write_book(tmp_path / "many.xlsx", sheets)) == [
        ("企业", 2, "企业类型", "errors.not_in_list"), ("隐患", 2, "类别", "errors.not_in_list"),
        ("隐患", 3, "整改期限", "errors.bad_date"), ("奖项", 2, "级别", "errors.not_in_list")]


def test_missing_required_column_is_reported_once_on_the_header_row(engine, tmp_path):
    sheets = valid_sheets()
    sheets["执法"] = [row[:4] + row[5:] for row in sheets["执法"]]  # drop 事由
    assert refused(engine, write_book(tmp_path / "col.xlsx", sheets)) == [("执法", 1, "事由", "errors.missing_column")]


def test_refused_workbook_leaves_the_database_unchanged(engine, tmp_path):
    load(engine, write_book(tmp_path / "ok.xlsx", valid_sheets()))
    before = state(engine)
    sheets = valid_sheets()
    sheets["项目"].append(["P2", "乙项目", FIRM_A, FIRM_A, None, "市政工程", "否", 100, dt.date(2024, 1, 1),
                         None, 10, None, None])
    set_cell(sheets, "隐患", 2, "描述", "改过的描述")
    set_cell(sheets, "奖项", 2, "年度", "去年")
    refused(engine, write_book(tmp_path / "bad.xlsx", sheets))
    assert state(engine) == before


def test_reimporting_the_same_file_changes_nothing(engine, tmp_path):
    path = write_book(tmp_path / "ok.xlsx", valid_sheets())
    load(engine, path)
    before = state(engine)
    result = load(engine, path)
    assert not result.changed and result.unchanged["hazards"] == 2
    assert state(engine) == before


def test_edited_file_updates_matched_rows_with_audit_and_version(engine, tmp_path):
    sheets = valid_sheets()
    load(engine, write_book(tmp_path / "ok.xlsx", sheets))
    revision = data_revision(engine)
    set_cell(sheets, "隐患", 3, "整改完成日期", dt.date(2024, 6, 10))
    set_cell(sheets, "培训", 2, "参加企业", FIRM_A)
    result = load(engine, write_book(tmp_path / "edited.xlsx", sheets))
    assert (result.updated["hazards"], result.updated["trainings"], result.created["hazards"]) == (1, 1, 0)
    assert data_revision(engine) == revision + 1
    with Session(engine) as session:
        hazard = session.scalars(select(Hazard).where(Hazard.code == "H2")).one()
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "update",
                                                         AuditEntry.table_name == "hazards")).one()
        links = session.execute(select(func.count()).select_from(training_enterprises)).scalar_one()
        training_version = session.execute(select(Training.version)).scalar_one()
    assert (hazard.rectified_on, hazard.version, hazard.updated_by) == (dt.date(2024, 6, 10), 2, "admin1")
    assert (entry.row_id, entry.before, entry.after) == (hazard.id, {"rectified_on": None},
                                                          {"rectified_on": "2024-06-10"})
    assert (links, training_version) == (1, 2)


def test_english_headers_sheet_names_codes_iso_text_and_any_order(engine, tmp_path):
    sheets = {
        "hazards": [["level", "code", "project", "found_on", "category", "description", "due_on"],
                    ["major", "H9", "P1", "2024-05-06", "work_at_height", "x", "2024/5/20"]],
        "projects": [["code", "name", "developer", "contractor", "kind", "is_key", "start_date"],
                     ["P1", "甲", "九江甲建设有限公司", FIRM_A.lower(), "municipal", "否", "2024-01-08"]],
        "企业": valid_sheets()["企业"],
    }
    load(engine, write_book(tmp_path / "en.xlsx", sheets))
    with engine.connect() as conn:
        level, due = conn.execute(select(Hazard.level, Hazard.due_on)).one()
        kind = conn.execute(select(Project.kind)).scalar_one()
    assert (level, due, kind) == ("major", dt.date(2024, 5, 20), "municipal")


def test_project_may_refer_to_an_enterprise_already_in_the_database(engine, tmp_path):
    load(engine, write_book(tmp_path / "firms.xlsx", {"企业": valid_sheets()["企业"]}))
    result = load(engine, write_book(tmp_path / "p.xlsx", {"项目": valid_sheets()["项目"]}))
    assert result.created["projects"] == 1


def test_import_is_admin_only(engine, tmp_path):
    with pytest.raises(PermissionDenied):
        import_workbook(engine, write_book(tmp_path / "ok.xlsx", valid_sheets()), actor=Actor("s", "staff"))


def test_progress_reaches_its_total(engine, tmp_path):
    calls = []
    load(engine, write_book(tmp_path / "ok.xlsx", valid_sheets()), progress=lambda done, total: calls.append((done, total)))
    assert calls[-1][0] == calls[-1][1] and all(done <= total for done, total in calls)
