"""Records entry: risk points, enforcement, training, enterprises, projects and their ledgers (staff, admin)."""
import streamlit as st

from ui.forms import deletion, outreach, register
from ui.frame import frame

ctx = frame("records")
t = ctx.t
FORMS = {"risk_point": outreach.risk_point_form, "enforcement": outreach.enforcement_form,
         "training": outreach.training_form, "ledger": register.ledger_form, "project": register.project_form,
         "enterprise": register.enterprise_form, "delete": deletion.delete_form}

st.title(t("records.page_title"))
kind = st.segmented_control(t("records.kind"), list(FORMS), default="risk_point", key="records_kind",
                            format_func=lambda k: t(f"records.form_{k}"), on_change=st.session_state.pop,
                            args=("records_errors", None)) or "risk_point"
if st.session_state.get("records_done"):
    st.success(st.session_state.pop("records_done"))
if st.session_state.get("records_errors"):
    st.error(t("records.fix_errors"))
FORMS[kind](ctx)
