"""Training: sessions, attendees and enterprises reached (placeholder)."""
import streamlit as st

from ui.frame import frame

ctx = frame("training")
st.title(ctx.t("training.title"))
