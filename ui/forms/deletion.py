"""Soft delete by code (staff, admin) and the admin's restore of deleted records."""
from __future__ import annotations

import streamlit as st

from db.commands.deletion import DELETABLE, delete_record, restore_record
from ui import cache, tables
from ui.forms.feedback import field_error, run_command, saved
from ui.forms.fields import DONE, ERRORS
from ui.frame import PageContext

TABLES = tuple(DELETABLE)


def delete_form(ctx: PageContext) -> None:
    """Name a record by its code, see it found, confirm: it disappears from every page and figure."""
    t = ctx.t
    table = st.selectbox(t("deletion.table"), TABLES, key="records_delete_table",
                         format_func=lambda name: t(f"deletion.table_{name}"))
    code = st.text_input(t("deletion.code"), key="records_delete_code").strip()
    if not code:
        return
    record = cache.live_record(table, code, cache.revision())
    if record is None:
        st.warning(t("deletion.not_found", code=code))
        return
    st.caption(t("deletion.found", code=record["code"]))
    with st.form("records_delete"):
        sure = st.checkbox(t("deletion.confirm"), key="records_delete_sure")
        field_error(ERRORS, "confirm", t)
        if st.form_submit_button(t("deletion.delete"), width="stretch"):
            if not sure:
                st.warning(t("deletion.confirm_first"))
            elif run_command(ERRORS, t, lambda: delete_record(cache.engine(), actor=ctx.user, table=table,
                                                             row_id=record["id"], version=record["version"]) or True):
                saved(DONE, t("deletion.deleted", code=record["code"]))


def restore_form(ctx: PageContext) -> None:
    """The deleted records of one table, newest first, and a restore button."""
    t = ctx.t
    table = st.selectbox(t("deletion.table"), TABLES, key="trash_table",
                         format_func=lambda name: t(f"deletion.table_{name}"))
    rows, total = cache.deleted_records(table, cache.revision())
    if rows.empty:
        st.info(t("deletion.none_deleted"))
        return
    st.caption(t("deletion.deleted_count", total=total, shown=len(rows)))
    tables.show(rows, t, {"code": "deletion.code", "deleted_at": "deletion.deleted_at",
                          "updated_by": "deletion.deleted_by"})
    labels = dict(zip(rows["id"], rows["code"]))
    row_id = st.selectbox(t("deletion.pick"), list(labels), format_func=labels.get, key="trash_pick")
    if st.button(t("deletion.restore"), type="primary", key="trash_restore", width="stretch"):
        if run_command("trash_errors", t, lambda: restore_record(cache.engine(), actor=ctx.user, table=table,
                                                                 row_id=int(row_id)) or True):
            saved("trash_done", t("deletion.restored", code=labels[row_id]))
