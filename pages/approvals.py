"""Approvals: parallel vs serial cycle times — distribution, means, reduction and a per-project timeline."""
import math

import streamlit as st

from db.enums import APPROVAL_MODE, KPI
from ui import activity_charts, cache, widgets
from ui.frame import frame
from ui.formatting import format_kpi

ctx = frame("approvals")
t, period = ctx.t, ctx.period
TIMELINE_PROJECTS = 25
BIN_CHOICES = (5, 10, 30)

st.title(t("approvals.title"))
st.caption(t("approvals.caption", start=period.start, end=period.end))
rev = cache.revision()

figures = cache.kpis(period, ctx.as_of, rev).as_dict()
columns = st.columns(3)
for column, key in zip(columns, ("approval_days_parallel", "approval_days_serial", "approval_cycle_reduction")):
    column.metric(t.label(KPI, key), format_kpi(key, figures[key]), border=True)

means = cache.approval_means(period, rev)
if means.empty:
    st.info(t("approvals.none"))
    st.stop()

st.subheader(t("approvals.distribution"))
bin_days = st.segmented_control(t("approvals.bin_width"), BIN_CHOICES, default=10, key="approvals_bin",
                                format_func=lambda days: t("approvals.bin_days", days=days)) or 10
widgets.chart(activity_charts.cycle_histogram, cache.approval_bins(period, bin_days, rev), t)
means["mode"] = means["mode"].map(lambda code: t.label(APPROVAL_MODE, code))
st.dataframe(means.rename(columns={
    "mode": t("approvals.col_mode"), "approvals": t("approvals.col_count"), "mean_days": t("approvals.col_mean"),
    "min_days": t("approvals.col_min"), "max_days": t("approvals.col_max"),
}), hide_index=True, width="stretch", column_config={t("approvals.col_mean"): st.column_config.NumberColumn(
    format="%.1f")})

st.subheader(t("approvals.timeline"))
_, total = cache.approval_timeline(period, 0, TIMELINE_PROJECTS, rev)
pages = max(1, math.ceil(total / TIMELINE_PROJECTS))
if st.session_state.get("approvals_page", 1) > pages:
    st.session_state["approvals_page"] = pages  # the period changed: stay on a page that exists
left, right = st.columns([1, 3])
page = left.number_input(t("approvals.page"), min_value=1, max_value=pages, step=1, key="approvals_page")
right.caption(t("approvals.count", count=total) + " · " + t("approvals.page_of", page=page, pages=pages))
rows, _ = cache.approval_timeline(period, int(page) - 1, TIMELINE_PROJECTS, rev)
widgets.chart(activity_charts.approval_timeline, rows, t)
