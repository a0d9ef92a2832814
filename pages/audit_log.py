"""Admin: the append-only audit log, filtered and paged in SQL, with a CSV export of the filter.

Read fresh, not cached: sign-ins and lockouts are audited without bumping the data revision.
"""
import datetime as dt

import streamlit as st

from db.queries import admin
from db.queries.admin import AuditFilter
from render.formatting import csv_bytes
from ui import cache, widgets
from ui.frame import frame

ctx = frame("audit_log")
t = ctx.t
ANY = ""
EXPORT_LIMIT = 50_000

st.title(t("audit_log.title"))
st.caption(t("audit_log.caption"))

actions, tables = cache.read_fresh(admin.audit_actions), cache.read_fresh(admin.audit_tables)
left, middle, right = st.columns(3)
actor = left.text_input(t("audit_log.actor"), key="audit_log_actor").strip()
action = middle.selectbox(t("audit_log.action"), [ANY, *actions], key="audit_log_action",
                          format_func=lambda a: a or t("audit_log.any"))
table = right.selectbox(t("audit_log.table"), [ANY, *tables], key="audit_log_table",
                        format_func=lambda a: a or t("audit_log.any"))
left, right = st.columns(2)
row_id = left.number_input(t("audit_log.row_id"), min_value=0, step=1, value=None, key="audit_log_row_id")
dates = right.date_input(t("audit_log.dates"), value=(ctx.as_of - dt.timedelta(days=30), ctx.as_of),
                         key="audit_log_dates")
start, end = (dates if isinstance(dates, (tuple, list)) and len(dates) == 2 else (None, None))
where = AuditFilter(actor=actor or None, action=action or None, table_name=table or None,
                    row_id=int(row_id) if row_id is not None else None, start=start, end=end)

rows, total = widgets.paged(t, "audit_log_page", lambda limit, offset: cache.read_fresh(
    admin.audit_page, where, limit=limit, offset=offset))
if rows.empty:
    st.info(t("audit_log.empty"))
else:
    widgets.table(rows, t, {"at": "audit_log.col_at", "actor": "audit_log.col_actor",
                            "action": "audit_log.col_action", "table_name": "audit_log.col_table",
                            "row_id": "audit_log.col_row", "before": "audit_log.col_before",
                            "after": "audit_log.col_after"})
    widgets.download(ctx.user, t("audit_log.export"),
                     lambda: csv_bytes(cache.read_fresh(admin.audit_export, where, limit=EXPORT_LIMIT)),
                     file_name=f"audit_log_{ctx.as_of.isoformat()}.csv", mime="text/csv", key="audit_log_export")
    if total > EXPORT_LIMIT:
        st.caption(t("audit_log.export_capped", limit=EXPORT_LIMIT))
