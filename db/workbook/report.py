"""What an import reports: every bad cell as (sheet, row, column, reason), or why the file cannot be read."""
from __future__ import annotations

from dataclasses import dataclass, field

# Reasons for the keys only the importer raises. The app's catalogs (ui/locales) take precedence
# when they define the key; these keep the CLI and the db layer readable without them.
IMPORT_MESSAGES = {
    "zh": {
        "errors.missing_column": "缺少必需的列",
        "errors.duplicate_column": "该列重复出现",
        "errors.duplicate_sheet": "同一张表出现了两次",
        "errors.duplicate_in_file": "与本文件第 {first_row} 行重复",
        "errors.duplicate_name": "企业名称已被另一个统一社会信用代码使用",
        "errors.unknown_project": "没有这个项目",
        "errors.unknown_enterprise": "没有这个企业(按统一社会信用代码或企业名称查找)",
        "errors.unknown_visit": "没有这条巡查记录",
        "errors.visit_other_project": "巡查记录属于另一个项目",
        "errors.deleted_record": "该编号属于已删除的记录,请先在系统中恢复或改用新编号",
        "errors.category_only_for_dangerous": "危大类别只适用于危大工程",
        "errors.database": "数据库拒绝写入",
    },
    "en": {
        "errors.missing_column": "required column is missing",
        "errors.duplicate_column": "column appears twice",
        "errors.duplicate_sheet": "the same sheet appears twice",
        "errors.duplicate_in_file": "duplicates row {first_row} of this file",
        "errors.duplicate_name": "name already used by another credit code",
        "errors.unknown_project": "no such project",
        "errors.unknown_enterprise": "no such enterprise (by credit code or name)",
        "errors.unknown_visit": "no such site visit",
        "errors.visit_other_project": "the site visit belongs to another project",
        "errors.deleted_record": "the code belongs to a deleted record",
        "errors.category_only_for_dangerous": "danger category only for works of greater danger",
        "errors.database": "the database refused the write",
    },
}


def message(key: str, params: dict | None = None, lang: str = "zh") -> str:
    """The reason for `key` in `lang`: the app's catalog first, then the importer's own wording."""
    text = None
    try:  # the catalogs are plain TOML data; reading them pulls in no streamlit
        from ui.i18n import catalog

        text = catalog(lang).get(key)
    except ImportError:
        pass
    text = text or IMPORT_MESSAGES[lang].get(key, key)
    try:
        return text.format(**params) if params else text
    except (KeyError, IndexError):
        return text


@dataclass(frozen=True)
class RowError:
    """One refused cell: sheet title as in the file, row as Excel numbers it (header = 1), column label."""

    sheet: str
    row: int
    column: str
    message_key: str
    params: dict = field(default_factory=dict)
    letter: str = ""

    @property
    def reason(self) -> str:
        """The reason in Chinese."""
        return message(self.message_key, self.params, "zh")

    def line(self) -> str:
        """One line for the command line: where, what, and the message key."""
        where = f"{self.sheet}!{self.letter}{self.row}" if self.letter else f"{self.sheet}!{self.row}"
        return f"{where} 第{self.row}行 {self.column}: {self.reason} ({self.message_key})"


class WorkbookRefused(Exception):
    """The workbook has invalid rows; nothing was written. `errors` lists every one."""

    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} invalid cells; nothing was written")
        self.errors = errors


class WorkbookUnreadable(Exception):
    """The file is not a workbook we can read (missing, not .xlsx, damaged, no known sheet)."""
