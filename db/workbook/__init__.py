"""Excel in and out in the bureau's ledger format (DESIGN.md, "The records"): import, export, template."""
from db.workbook.importer import ImportResult, import_workbook
from db.workbook.report import RowError, WorkbookRefused, WorkbookUnreadable

__all__ = ["ImportResult", "RowError", "WorkbookRefused", "WorkbookUnreadable", "import_workbook"]
