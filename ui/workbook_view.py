"""The admin's Excel page: import a ledger workbook (all or nothing), export everything, get the template."""
from __future__ import annotations

import io

import pandas as pd
import streamlit as st

from db.errors import Conflict
from db.workbook.importer import import_workbook
from db.workbook.report import RowError, WorkbookRefused, WorkbookUnreadable, message
from db.workbook.template import write_template
from db.workbook.writer import export_workbook
from ui import cache
from ui.frame import PageContext

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def import_section(ctx: PageContext) -> None:
    """Upload, import with a progress bar, then the outcome: counts, or every refused cell."""
    t = ctx.t
    upload = st.file_uploader(t("workbook.upload"), type=["xlsx"], key="workbook_upload")
    if upload is None or not st.button(t("workbook.import"), type="primary", key="workbook_import", width="stretch"):
        return
    bar = st.progress(0.0, text=t("workbook.importing"))
    try:
        result = import_workbook(cache.engine(), io.BytesIO(upload.getvalue()), actor=ctx.user,
                                 progress=lambda done, total: bar.progress(done / max(total, 1),
                                                                          text=t("workbook.importing")))
    except WorkbookUnreadable as exc:
        bar.empty()
        st.error(t("workbook.unreadable", detail=str(exc)))
        return
    except Conflict:
        bar.empty()
        st.error(t("workbook.conflict"))
        return
    except WorkbookRefused as exc:
        bar.empty()
        _refusal(ctx, exc.errors)
        return
    bar.empty()
    if not result.changed:
        st.info(t("workbook.unchanged"))
        return
    st.success(t("workbook.imported", created=sum(result.created.values()), updated=sum(result.updated.values())))
    st.dataframe(pd.DataFrame({t("workbook.sheet"): list(result.unchanged),
                               t("workbook.created"): [result.created.get(s, 0) for s in result.unchanged],
                               t("workbook.updated"): [result.updated.get(s, 0) for s in result.unchanged]}),
                 hide_index=True)


def _refusal(ctx: PageContext, errors: list[RowError]) -> None:
    t = ctx.t
    st.error(t("workbook.refused", n=len(errors)))
    table = pd.DataFrame({
        t("workbook.sheet"): [e.sheet for e in errors], t("workbook.row"): [e.row for e in errors],
        t("workbook.column"): [e.column for e in errors],
        t("workbook.reason"): [message(e.message_key, e.params, t.lang) for e in errors]})
    st.dataframe(table, hide_index=True, width="stretch")
    st.download_button(t("workbook.download_errors"), table.to_csv(index=False).encode("utf-8-sig"),
                       "import_errors.csv", mime="text/csv", key="workbook_errors_csv", on_click="ignore")


def downloads(ctx: PageContext) -> None:
    """Everything as a workbook in the import format, and the empty template with drop-down lists."""
    t = ctx.t
    left, right = st.columns(2)
    left.download_button(t("workbook.export"), data=lambda: _bytes(lambda out: export_workbook(cache.engine(), out)),
                         file_name="supervision_ledger.xlsx", mime=XLSX, key="workbook_export", icon="⬇️",
                         on_click="ignore", width="stretch")
    right.download_button(t("workbook.template"), data=lambda: _bytes(write_template), file_name="ledger_template.xlsx",
                          mime=XLSX, key="workbook_template", icon="📋", on_click="ignore", width="stretch")


def _bytes(write) -> bytes:
    out = io.BytesIO()
    write(out)
    return out.getvalue()
