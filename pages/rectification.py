"""Rectification: hazards awaiting a fix or a re-inspection, and the forms that move them on."""
import streamlit as st

from ui import cache
from ui.forms.workflow import hazard_table, rectify_form, reinspect_form
from ui.frame import frame

ctx = frame("rectification")
t = ctx.t
st.title(t("rectification.title"))
st.caption(t("rectification.intro"))
if st.session_state.get("rectification_done"):
    st.success(st.session_state.pop("rectification_done"))

rev = cache.revision()
escalations = cache.escalations(rev)
if not escalations.empty:
    st.warning(t("rectification.escalate"))
    st.dataframe(escalations, hide_index=True, width="stretch")

state = st.segmented_control(t("rectification.state"), ("open", "rectified"), default="open",
                             key="rectification_state",
                             format_func=lambda s: t(f"rectification.{s}_tab")) or "open"
hazards, total = cache.workflow_hazards(state, ctx.as_of, 0, rev)
if hazards.empty:
    st.info(t("rectification.none"))
    st.stop()
hazard_table(ctx, hazards)
st.caption(t("rectification.page", page=1, pages=max(1, -(-total // cache.PAGE_SIZE)), total=total))

code = st.selectbox(t("rectification.pick"), hazards["code"], key="rectification_code")
hazard = hazards[hazards["code"] == code].iloc[0]
if hazard.sent_back_count:
    st.warning(t("rectification.sent_back", n=int(hazard.sent_back_count), reason=hazard.last_sent_back_reason))
if state == "open":
    rectify_form(ctx, hazard)
else:
    reinspect_form(ctx, hazard)
