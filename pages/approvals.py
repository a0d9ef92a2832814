"""Approvals: parallel vs serial cycle times (placeholder)."""
import streamlit as st

from ui.frame import frame

ctx = frame("approvals")
st.title(ctx.t("approvals.title"))
