"""The leadership report as an Excel workbook: one sheet per section and a native monthly chart."""
from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from render.i18n import Translator
from render.report.content import ReportContent
from render.report.tables import Figure, Section, sections, shown, subtitle, title

MAX_WIDTH = 60
DATE_FORMAT = "yyyy-mm-dd"
# Sheet names: Excel allows 31 characters and none of []:*?/\
SHEET_KEYS = ("report.sheet_kpis", "report.sheet_open_major", "report.sheet_overdue", "report.sheet_enforcement",
              "report.sheet_trainings", "documents.sheet")


def render_xlsx(content: ReportContent, t: Translator) -> bytes:
    """The report as .xlsx bytes."""
    book = Workbook()
    book.remove(book.active)
    for key, section in zip(SHEET_KEYS, sections(content, t)):
        sheet = book.create_sheet(t(key)[:31])
        if key == "report.sheet_kpis":
            sheet.append([title(content, t)])
            sheet.append([subtitle(content, t)])
            sheet["A1"].font = Font(bold=True, size=14)
            sheet.append([])
        _write(sheet, section)
    _trend_sheet(book, content, t)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write(sheet, section: Section) -> None:
    first = sheet.max_row + 1 if sheet.max_row > 1 else 1
    sheet.append(section.headers)
    for cell in sheet[first]:
        cell.font = Font(bold=True)
    for row in section.rows:
        sheet.append([cell.value if isinstance(cell, Figure) else cell for cell in row])
        for stored, cell in zip(sheet[sheet.max_row], row):
            if isinstance(cell, Figure):
                stored.number_format = cell.number_format
            elif isinstance(cell, dt.date):
                stored.number_format = DATE_FORMAT
            elif isinstance(cell, str):
                stored.data_type = "s"   # text as typed: a description "=HYPERLINK(…)" must not become a formula
    if section.note:
        sheet.append([section.note])
    sheet.freeze_panes = sheet.cell(row=first + 1, column=1)
    for index, header in enumerate(section.headers, start=1):
        longest = max([len(header), *(len(shown(r[index - 1])) for r in section.rows)])
        sheet.column_dimensions[get_column_letter(index)].width = min(MAX_WIDTH, longest * 2 + 2)
        for row in sheet.iter_rows(min_row=first + 1, min_col=index, max_col=index):
            row[0].alignment = Alignment(wrap_text=True, vertical="top")


def _trend_sheet(book: Workbook, content: ReportContent, t: Translator) -> None:
    sheet = book.create_sheet(t("report.sheet_trend")[:31])
    sheet.append([t("overview.month"), t("overview.found"), t("overview.closed")])
    for month, found, closed in content.monthly[["month", "found", "closed"]].itertuples(index=False):
        sheet.append([month, int(found), int(closed)])
    chart = BarChart()
    chart.title = t("overview.hazards_by_month")
    chart.y_axis.title = t("overview.count")
    rows = len(content.monthly) + 1
    chart.add_data(Reference(sheet, min_col=2, max_col=3, min_row=1, max_row=rows), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=rows))
    chart.width, chart.height = 24, 10
    sheet.add_chart(chart, "E2")
