"""User text that looks like a spreadsheet formula is exported as text, never as a live formula, and comes back
from an export → import round trip exactly as typed (OWASP: CSV injection)."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from db.models import Hazard
from db.permissions import Actor
from db.workbook import import_workbook
from db.workbook.writer import export_workbook
from render.formatting import csv_bytes
from tests import builders as b

PAYLOADS = ['=HYPERLINK("http://evil.test","x")', "+1+2", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1"]
ADMIN = Actor("admin1", "admin")


def formula_cells(book) -> list[str]:
    return [f"{ws.title}!{cell.coordinate}" for ws in book.worksheets for row in ws.iter_rows() for cell in row
            if cell.data_type == "f"]


@pytest.fixture
def hazards_with_payloads(engine):
    project = b.project(engine, code="P-F")
    for index, text in enumerate(PAYLOADS):
        b.hazard(engine, project, dt.date(2024, 3, 1), code=f"F{index}", description=text)
    return engine


def test_the_workbook_export_holds_no_formula_and_round_trips_the_text(hazards_with_payloads, tmp_path, sqlite_template):
    out = tmp_path / "export.xlsx"
    export_workbook(hazards_with_payloads, out)
    book = load_workbook(out)
    assert formula_cells(book) == []
    shown = [cell.value for row in book["隐患"].iter_rows(min_row=2) for cell in row]
    assert all(text.replace("\r", "") in [str(v).replace("\r", "") for v in shown] for text in PAYLOADS[:4])

    from tests.databases import sqlite_copy
    fresh = sqlite_copy(sqlite_template, tmp_path / "fresh.db")
    import_workbook(fresh, out, actor=ADMIN, today=dt.date(2026, 1, 1))
    with fresh.connect() as conn:
        back = dict(conn.execute(select(Hazard.code, Hazard.description)).all())
    assert [back[f"F{i}"] for i in range(4)] == PAYLOADS[:4]


def test_csv_cells_that_would_start_a_formula_start_with_an_apostrophe():
    text = csv_bytes(pd.DataFrame({"description": PAYLOADS, "count": [1, 2, 3, 4, 5, 6]})).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["description", "count"]
    assert [row[0] for row in rows[1:]] == [f"'{payload}" for payload in PAYLOADS]
    assert [row[1] for row in rows[1:]] == ["1", "2", "3", "4", "5", "6"]


def test_the_excel_report_holds_no_formula(hazards_with_payloads):
    from render.i18n import Translator
    from render.report import content, xlsx
    from db.period import Period

    report = content.gather(hazards_with_payloads, Period.year(2024), dt.date(2024, 12, 31))
    book = load_workbook(io.BytesIO(xlsx.render_xlsx(report, Translator("zh"))))
    assert formula_cells(book) == []
    texts = [cell.value for ws in book.worksheets for row in ws.iter_rows() for cell in row]
    assert PAYLOADS[0] in texts
