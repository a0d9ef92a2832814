"""`python -m db import|export|template`: exit 0 done, 1 workbook refused (one line per error), 2 bad args or file."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook

from tests.accounts import add_user
from tests.db.workbook_files import set_cell, valid_sheets, write_book


@pytest.fixture
def cli(db_cli):
    return db_cli


def test_valid_workbook_imports_with_exit_0(cli, tmp_path):
    code, out, _ = cli("import", str(write_book(tmp_path / "ok.xlsx", valid_sheets())))
    assert code == 0 and "hazards: +2" in out


def test_invalid_workbook_prints_one_line_per_error_and_exits_1(cli, tmp_path):
    sheets = valid_sheets()
    set_cell(sheets, "隐患", 2, "等级", "严重")
    set_cell(sheets, "项目", 2, "主体进度", -5)
    code, out, err = cli("import", str(write_book(tmp_path / "bad.xlsx", sheets)))
    lines = out.strip().splitlines()
    assert code == 1 and len(lines) == 2
    assert "项目!K2" in lines[0] and "errors.out_of_range" in lines[0]
    assert "隐患!G2" in lines[1] and "errors.not_in_list" in lines[1]
    assert "nothing was written" in err


@pytest.mark.parametrize("content", [None, b"not a spreadsheet"], ids=["missing", "not-xlsx"])
def test_unreadable_file_is_one_line_and_exit_2(cli, tmp_path, content):
    path = tmp_path / "x.xlsx"
    if content is not None:
        path.write_bytes(content)
    code, _, err = cli("import", str(path))
    assert code == 2 and err.strip().count("\n") == 0 and "x.xlsx" in err


def test_import_as_a_user_who_is_not_admin_is_refused_with_exit_2(cli, engine, tmp_path):
    add_user(engine, "li.ming", "staff")
    code, _, err = cli("import", str(write_book(tmp_path / "ok.xlsx", valid_sheets())), "--as", "li.ming")
    assert code == 2 and "--as" in err


def test_import_as_an_unknown_user_is_exit_2(cli, tmp_path):
    code, _, err = cli("import", str(write_book(tmp_path / "ok.xlsx", valid_sheets())), "--as", "nobody")
    assert code == 2 and "nobody" in err


def test_export_and_template_write_workbooks(cli, tmp_path):
    cli("import", str(write_book(tmp_path / "ok.xlsx", valid_sheets())))
    assert cli("export", str(tmp_path / "out.xlsx"))[0] == 0
    assert cli("template", str(tmp_path / "t.xlsx"))[0] == 0
    assert load_workbook(tmp_path / "out.xlsx")["隐患"].max_row == 3


def test_export_to_an_unwritable_place_is_exit_2(cli, tmp_path):
    code, _, err = cli("export", str(tmp_path / "no" / "such" / "dir.xlsx"))
    assert code == 2 and err.strip().count("\n") == 0
