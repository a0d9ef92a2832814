"""Deleted records (admin): nothing is ever removed; what was deleted can be brought back."""
import streamlit as st

from ui.forms.deletion import restore_form
from ui.frame import frame

ctx = frame("trash")
st.title(ctx.t("deletion.trash_title"))
st.caption(ctx.t("deletion.trash_intro"))
if st.session_state.get("trash_done"):
    st.success(st.session_state.pop("trash_done"))
restore_form(ctx)
