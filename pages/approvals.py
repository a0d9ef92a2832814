"""Approvals: parallel vs serial cycle times — distribution, means, reduction and a per-project timeline."""
import streamlit as st

from db.enums import APPROVAL_MODE
from db.kpis import compute
from db.queries import approvals
from render import charts
from ui import cache, widgets
from ui.frame import frame

ctx = frame("approvals")
t, period = ctx.t, ctx.period
TIMELINE_PROJECTS = 25
BIN_CHOICES = (5, 10, 30)

st.title(t("approvals.title"))
st.caption(t("approvals.caption", start=period.start, end=period.end))
rev = cache.revision()

figures = cache.read(compute, period, ctx.as_of, rev=rev).as_dict()
widgets.metrics(t, figures, ("approval_days_parallel", "approval_days_serial", "approval_cycle_reduction"))

means = cache.read(approvals.cycle_means, period=period, rev=rev)
if means.empty:
    st.info(t("approvals.none"))
    st.stop()

st.subheader(t("approvals.distribution"))
bin_days = st.segmented_control(t("approvals.bin_width"), BIN_CHOICES, default=10, key="approvals_bin",
                                format_func=lambda days: t("approvals.bin_days", days=days)) or 10
widgets.chart(charts.cycle_histogram, cache.read(approvals.cycle_bins, period=period, bin_days=bin_days, rev=rev), t)
widgets.table(means, t, {"mode": "approvals.col_mode", "approvals": "approvals.col_count",
                         "mean_days": "approvals.col_mean", "min_days": "approvals.col_min",
                         "max_days": "approvals.col_max"}, {"mode": APPROVAL_MODE},
              column_config={t("approvals.col_mean"): st.column_config.NumberColumn(format="%.1f")})

st.subheader(t("approvals.timeline"))
rows, _ = widgets.paged(t, "approvals_page", lambda limit, offset: cache.read(
    approvals.timeline, period=period, limit=limit, offset=offset, rev=rev), page_size=TIMELINE_PROJECTS)
widgets.chart(charts.approval_timeline, rows, t)
