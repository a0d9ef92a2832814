"""Admin: the append-only audit log, filtered and paged in SQL, with a CSV export of the filter.

Read fresh, not cached: sign-ins and lockouts are audited without bumping the data revision.
"""
import datetime as dt

import streamlit as st

from db.config import settings
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


def named(kind: str, code: str | None) -> str:
    """An action's or a table's name in the chosen language (the stored code when the catalog has none)."""
    return t.named(f"audit_log.{kind}_", code) if code else t("audit_log.any")


left, middle, right = st.columns(3)
actor = left.text_input(t("audit_log.actor"), key="audit_log_actor").strip()
action = middle.selectbox(t("audit_log.action"), [ANY, *actions], key="audit_log_action",
                          format_func=lambda a: named("action", a))
table = right.selectbox(t("audit_log.table"), [ANY, *tables], key="audit_log_table",
                        format_func=lambda a: named("table", a))
left, right = st.columns(2)
code = left.text_input(t("audit_log.code"), key="audit_log_code", placeholder=t("audit_log.code_hint")).strip()
today = admin.office_today()
dates = right.date_input(t("audit_log.dates"), value=(today - dt.timedelta(days=30), today),
                         key="audit_log_dates")
start, end = (dates if isinstance(dates, (tuple, list)) and len(dates) == 2 else (None, None))
where = AuditFilter(actor=actor or None, action=action or None, table_name=table or None, code=code or None,
                    start=start, end=end)
st.caption(t("audit_log.zone", zone=settings().timezone))

rows, total = widgets.paged(t, "audit_log_page", lambda limit, offset: cache.read_fresh(
    admin.audit_page, where, limit=limit, offset=offset))
if rows.empty:
    st.info(t("audit_log.empty"))
else:
    rows = rows.assign(action=rows["action"].map(lambda a: named("action", a)),
                       table_name=rows["table_name"].map(lambda a: named("table", a)))
    widgets.table(rows, t, {"at": "audit_log.col_at", "actor": "audit_log.col_actor",
                            "action": "audit_log.col_action", "table_name": "audit_log.col_table",
                            "record": "audit_log.col_record", "changes": "audit_log.col_changes"})
    widgets.download(ctx.user, t("audit_log.export"),
                     lambda: csv_bytes(cache.read_fresh(admin.audit_export, where, limit=EXPORT_LIMIT)),
                     file_name=f"audit_log_{today.isoformat()}.csv", mime="text/csv", key="audit_log_export")
    if total > EXPORT_LIMIT:
        st.caption(t("audit_log.export_capped", limit=EXPORT_LIMIT))
