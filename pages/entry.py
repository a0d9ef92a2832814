"""Site visit entry: one visit with the hazards found on it (staff and admin)."""
import streamlit as st

from ui.forms.visit import visit_form
from ui.frame import frame

ctx = frame("entry")
st.title(ctx.t("entry.title"))
st.caption(ctx.t("entry.intro"))
visit_form(ctx)
