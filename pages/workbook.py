"""Excel ledgers (admin): import a workbook all or nothing, export everything, download the template."""
import streamlit as st

from ui.frame import frame
from ui.workbook_view import downloads, import_section

ctx = frame("workbook")
t = ctx.t
st.title(t("workbook.title"))
st.caption(t("workbook.intro"))
downloads(ctx)
st.divider()
import_section(ctx)
