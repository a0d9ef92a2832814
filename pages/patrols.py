"""Patrols: weekly patrol compliance (heatmap and trend) and the visit log, filtered through the URL."""
import math

import streamlit as st

from db.enums import VISIT_KIND
from ui import activity_charts, cache, tables, widgets
from ui.frame import frame
from ui.masking import people
from ui.filters import url_select
from ui.formatting import format_kpi

ctx = frame("patrols")
t, period = ctx.t, ctx.period
HEATMAP_PROJECTS = 40
HEATMAP_CELLS = 4000  # a long custom period shows fewer projects rather than ship more cells

st.title(t("patrols.title"))
st.caption(t("patrols.caption", start=period.start, end=period.end))
rev = cache.revision()

weekly = cache.patrol_weekly(period, ctx.as_of, rev)
compliance = cache.patrol_compliance(period, ctx.as_of, rev)
if weekly.empty or compliance is None:
    st.info(t("patrols.no_weeks"))
else:
    left, middle, right = st.columns(3)
    left.metric(t("patrols.compliance"), format_kpi("patrol_compliance", compliance), border=True)
    middle.metric(t("patrols.project_weeks"), f"{int(weekly['active'].sum()):,}", border=True)
    right.metric(t("patrols.compliant_weeks"), f"{int(weekly['compliant'].sum()):,}", border=True)

    st.subheader(t("patrols.heatmap"))
    limit = max(1, min(HEATMAP_PROJECTS, HEATMAP_CELLS // len(weekly)))
    cells, total = cache.patrol_grid(period, ctx.as_of, limit, rev)
    widgets.chart(activity_charts.patrol_heatmap, cells, t)
    shown = cells["code"].nunique()
    if total > shown:
        st.caption(t("patrols.hidden", shown=shown, hidden=total - shown))

    st.subheader(t("patrols.trend"))
    widgets.chart(activity_charts.compliance_trend, weekly, t)

st.subheader(t("patrols.log"))
projects = dict(cache.patrol_projects(period, st.query_params.get("project", ""), rev))
left, right = st.columns(2)
project = url_select(t, t("patrols.project"), param="project", key="patrols_project", choices=list(projects),
                     format_func=lambda code: f"{code} {projects[code]}", container=left)
kind = url_select(t, t("patrols.kind"), param="kind", key="patrols_kind", choices=VISIT_KIND.codes,
                  format_func=lambda code: t.label(VISIT_KIND, code), container=right)

_, total = cache.visit_log(period, project, kind, 0, rev)
capped = total > cache.LOG_COUNT_CAP
pages = max(1, math.ceil(min(total, cache.LOG_COUNT_CAP) / cache.PAGE_SIZE))
if st.session_state.get("patrols_page", 1) > pages:
    st.session_state["patrols_page"] = pages  # the filter narrowed: stay on a page that exists
left, right = st.columns([1, 3])
page = left.number_input(t("patrols.page"), min_value=1, max_value=pages, step=1, key="patrols_page")
count = t("patrols.count_capped", count=cache.LOG_COUNT_CAP) if capped else t("patrols.count", count=total)
right.caption(count + " · " + t("patrols.page_of", page=page, pages=pages))

log, _ = cache.visit_log(period, project, kind, int(page) - 1, rev)
if log.empty:
    st.info(t("patrols.no_visits"))
else:
    log = people(log, ctx.user.role, names=("inspectors",))
    log["kind"] = log["kind"].map(lambda code: t.label(VISIT_KIND, code))
    log = log.rename(columns={
        "visited_on": t("patrols.col_date"), "code": t("patrols.col_code"),
        "project_code": t("patrols.col_project_code"), "project": t("patrols.col_project"),
        "kind": t("patrols.col_kind"), "inspectors": t("patrols.col_inspectors"), "notes": t("patrols.col_notes"),
    })
    st.dataframe(log, hide_index=True, width="stretch")
    tables.offer_csv(log, t, export=f"visit_log_page{page}", role=ctx.user.role)
