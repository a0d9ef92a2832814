"""Export → import into an empty database gives the same KPIs; the template is a usable, empty workbook."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from db.kpis import compute
from db.period import Period
from db.permissions import Actor
from db.workbook import import_workbook
from db.workbook.sheets import SHEETS
from db.workbook.template import LISTS_TITLE, NOTES_TITLE, write_template
from db.workbook.writer import export_workbook
from tests.conftest import DEMO_TODAY

ADMIN = Actor("admin1", "admin")
PERIODS = [Period.year(2024), Period(dt.date(2023, 1, 1), DEMO_TODAY)]


@pytest.fixture(scope="module")
def demo_export(demo_engine, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "demo.xlsx"
    export_workbook(demo_engine, path)
    return path


@pytest.mark.parametrize("period", PERIODS, ids=["2024", "all"])
def test_export_then_import_into_an_empty_database_keeps_every_kpi(demo_engine, demo_export, engine, period):
    import_workbook(engine, demo_export, actor=ADMIN, today=DEMO_TODAY)
    with demo_engine.connect() as original, engine.connect() as copy:
        assert compute(copy, period, DEMO_TODAY) == compute(original, period, DEMO_TODAY)


def test_export_has_chinese_headers_widths_and_date_formats(demo_export):
    book = load_workbook(demo_export)
    ws = book["隐患"]
    assert [c.value for c in ws[1]] == [c.label for c in SHEETS[4].columns]
    assert ws.column_dimensions["H"].width >= 20
    assert isinstance(ws["D2"].value, dt.datetime) and ws["D2"].number_format == "yyyy-mm-dd"


def test_template_has_headers_drop_downs_for_every_closed_column_and_notes(tmp_path):
    write_template(tmp_path / "t.xlsx")
    book = load_workbook(tmp_path / "t.xlsx")
    lists = book[LISTS_TITLE]
    assert NOTES_TITLE in book.sheetnames
    for sheet in SHEETS:
        ws = book[sheet.title]
        assert [c.value for c in ws[1]] == [c.label for c in sheet.columns]
        rules = {str(rule.sqref).split(":")[0][:-1]: rule for rule in ws.data_validations.dataValidation}
        for index, column in enumerate(sheet.columns):
            letter = chr(ord("A") + index)
            if not column.cell.choices:
                assert letter not in rules
                continue
            rule = rules[letter]
            ref = rule.formula1.split("!")[1].replace("$", "")
            allowed = [c.value for row in lists[ref] for c in row]
            assert (rule.type, allowed) == ("list", list(column.cell.choices))


def test_the_empty_template_imports_as_no_change(engine, tmp_path):
    write_template(tmp_path / "t.xlsx")
    assert not import_workbook(engine, tmp_path / "t.xlsx", actor=ADMIN).changed
