"""Admin: the append-only audit log, filtered and paged in SQL, with a CSV export of the filter."""
import datetime as dt
import math

import streamlit as st

from db.queries.admin import AuditFilter
from ui import admin_data
from ui.frame import frame

ctx = frame("audit_log")
t = ctx.t
PAGE_SIZE = 50
ANY = ""

st.title(t("audit_log.title"))
st.caption(t("audit_log.caption"))

actions, tables = admin_data.audit_choices()
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

total = admin_data.audit_count(where)
pages = max(1, math.ceil(total / PAGE_SIZE))
if st.session_state.get("audit_log_page", 1) > pages:
    st.session_state["audit_log_page"] = pages  # the filter narrowed: stay on a page that exists
left, right = st.columns([1, 3])
page = left.number_input(t("audit_log.page"), min_value=1, max_value=pages, value=1, step=1, key="audit_log_page")
right.caption(t("audit_log.count", count=total) + " · " + t("audit_log.page_of", page=page, pages=pages))

rows = admin_data.audit_page(where, page=int(page) - 1, page_size=PAGE_SIZE)
if rows.empty:
    st.info(t("audit_log.empty"))
else:
    st.dataframe(rows.drop(columns=["id"]).rename(columns={
        "at": t("audit_log.col_at"), "actor": t("audit_log.col_actor"), "action": t("audit_log.col_action"),
        "table_name": t("audit_log.col_table"), "row_id": t("audit_log.col_row"),
        "before": t("audit_log.col_before"), "after": t("audit_log.col_after"),
    }), hide_index=True, width="stretch")
    # Built only when clicked (a callable), so paging through a large log stays fast.
    st.download_button(t("audit_log.export"), data=lambda: admin_data.audit_csv(where),
                       file_name=f"audit_log_{ctx.as_of.isoformat()}.csv", mime="text/csv",
                       on_click="ignore", key="audit_log_export")
    if total > admin_data.EXPORT_LIMIT:
        st.caption(t("audit_log.export_capped", limit=admin_data.EXPORT_LIMIT))
