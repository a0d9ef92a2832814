"""Excel ledgers (admin): import a workbook all or nothing, export everything, download the template."""
import io

import pandas as pd
import streamlit as st

from db.errors import Conflict
from db.workbook.importer import import_workbook
from db.workbook.report import RowError, WorkbookRefused, WorkbookUnreadable
from db.workbook.template import write_template
from db.workbook.writer import export_workbook
from render.formatting import plain
from ui import cache, widgets
from ui.frame import frame

ctx = frame("workbook")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def refusal(errors: list[RowError], t) -> None:
    """Every refused cell as a table (sheet, row, column, reason) and as a CSV to fix the file from."""
    st.error(t("workbook.refused", n=len(errors)))
    table = pd.DataFrame({"sheet": [e.sheet for e in errors], "row": [e.row for e in errors],
                          "column": [e.column for e in errors],
                          "reason": [t(e.message_key, **e.params) for e in errors]})
    widgets.table(table, t, {name: f"workbook.{name}" for name in table.columns},
                  export="import_errors", user=ctx.user)


def as_bytes(write) -> bytes:
    """What `write(file)` writes, as bytes for a download."""
    out = io.BytesIO()
    write(out)
    return out.getvalue()


t = ctx.t
st.title(t("workbook.title"))
st.caption(t("workbook.intro"))
left, right = st.columns(2)
with left:
    widgets.download(ctx.user, t("workbook.export"), lambda: as_bytes(lambda out: export_workbook(cache.engine(), out)),
                     file_name="supervision_ledger.xlsx", mime=XLSX, key="workbook_export", width="stretch")
with right:
    widgets.download(ctx.user, t("workbook.template"), lambda: as_bytes(write_template),
                     file_name="ledger_template.xlsx", mime=XLSX, key="workbook_template",
                     icon=":material/table_view:", width="stretch")
st.divider()

upload = st.file_uploader(t("workbook.upload"), type=["xlsx"], key="workbook_upload")
if upload is None or not st.button(t("workbook.import"), type="primary", key="workbook_import", width="stretch"):
    st.stop()
bar = st.progress(0.0, text=t("workbook.importing"))
try:
    result = import_workbook(cache.engine(), io.BytesIO(upload.getvalue()), actor=ctx.user,
                             progress=lambda done, total: bar.progress(done / max(total, 1),
                                                                      text=t("workbook.importing")))
except WorkbookUnreadable as exc:
    bar.empty()
    st.error(t("workbook.unreadable", detail=plain(str(exc))))
    st.stop()
except Conflict:
    bar.empty()
    st.error(t("workbook.conflict"))
    st.stop()
except WorkbookRefused as exc:
    bar.empty()
    refusal(exc.errors, t)
    st.stop()
bar.empty()
for warning in result.warnings:
    # Accepted, but worth a look (e.g. beyond-scale works started without an expert review).
    st.warning(f"{plain(warning.cell)} · {plain(warning.column)}: {plain(t(warning.message_key, **warning.params))}")
if not result.changed:
    st.info(t("workbook.unchanged"))
    st.stop()
st.success(t("workbook.imported", created=sum(result.created.values()), updated=sum(result.updated.values())))
counts = pd.DataFrame({"sheet": list(result.unchanged),
                       "created": [result.created.get(s, 0) for s in result.unchanged],
                       "updated": [result.updated.get(s, 0) for s in result.unchanged]})
widgets.table(counts, t, {name: f"workbook.{name}" for name in counts.columns})
