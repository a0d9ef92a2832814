"""Deleted records (admin): nothing is ever removed; what was deleted can be brought back."""
import streamlit as st

from db.commands.deletion import DELETABLE, restore_record
from db.queries import deleted
from ui import cache, widgets
from ui.forms import feedback, save
from ui.frame import frame

ctx = frame("trash")
t = ctx.t
FORM = "trash"

st.title(t("deletion.trash_title"))
st.caption(t("deletion.trash_intro"))
feedback(FORM, t, {})
table = st.selectbox(t("deletion.table"), tuple(DELETABLE), key="trash_table",
                     format_func=lambda name: t(f"deletion.table_{name}"))
rev = cache.revision()
rows, total = widgets.paged(t, "trash_page", lambda limit, offset: cache.read(
    deleted.deleted_records, table=table, limit=limit, offset=offset, rev=rev))
if rows.empty:
    st.info(t("deletion.none_deleted"))
    st.stop()
widgets.table(rows, t, {"code": "deletion.code", "deleted_at": "deletion.deleted_at",
                        "updated_by": "deletion.deleted_by", "reason": "deletion.reason"})
labels = dict(zip(rows["id"], rows["code"]))
row_id = st.selectbox(t("deletion.pick"), list(labels), format_func=labels.get, key="trash_pick")
if st.button(t("deletion.restore"), type="primary", key="trash_restore", width="stretch"):
    save(FORM, lambda submission: restore_record(cache.engine(), actor=ctx.user, table=table, row_id=int(row_id),
                                                 submission=submission), {"table": table, "row": int(row_id)})
