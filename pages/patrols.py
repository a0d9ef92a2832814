"""Patrols: weekly patrol compliance (heatmap and trend) and the visit log, filtered through the URL."""
import streamlit as st

from db.config import settings
from db.enums import KPI, VISIT_KIND
from db.kpis import patrol_compliance, patrol_compliance_risk_based
from db.queries import patrol_targets, patrols
from db.risk import GRADES
from render import charts
from render.formatting import format_kpi
from render.masking import people
from ui import cache, widgets
from ui.filters import url_select
from ui.frame import frame

ctx = frame("patrols")
t, period = ctx.t, ctx.period
HEATMAP_PROJECTS = 40
HEATMAP_CELLS = 4000  # a long custom period shows fewer projects rather than ship more cells

st.title(t("patrols.title"))
st.caption(t("patrols.caption", start=period.start, end=period.end))
rev = cache.revision()

weekly = cache.read(patrols.weekly_compliance, period=period, as_of=ctx.as_of, rev=rev)
compliance = cache.read(patrol_compliance, period, ctx.as_of, rev=rev)
if weekly.empty or compliance is None:
    st.info(t("patrols.no_weeks"))
else:
    first, second, third, fourth = st.columns(4)
    first.metric(t("patrols.compliance"), format_kpi("patrol_compliance", compliance), border=True)
    second.metric(t.label(KPI, "patrol_compliance_risk_based"), format_kpi(
        "patrol_compliance_risk_based", cache.read(patrol_compliance_risk_based, period, ctx.as_of, rev=rev)),
        border=True)
    third.metric(t("patrols.project_weeks"), f"{int(weekly['active'].sum()):,}", border=True)
    fourth.metric(t("patrols.compliant_weeks"), f"{int(weekly['compliant'].sum()):,}", border=True)

    st.subheader(t("patrols.heatmap_target"))
    st.caption(t("patrols.targets_caption", **dict(zip(GRADES, settings().risk_weekly_targets))))
    limit = max(1, min(HEATMAP_PROJECTS, HEATMAP_CELLS // len(weekly)))
    cells, total = cache.read(patrol_targets.target_grid, period=period, as_of=ctx.as_of, limit=limit, rev=rev)
    widgets.chart(charts.patrol_heatmap, cells, t, against_target=True)
    shown = cells["code"].nunique()
    if total > shown:
        st.caption(t("patrols.hidden", shown=shown, hidden=total - shown))

    st.subheader(t("patrols.trend"))
    widgets.chart(charts.compliance_trend, weekly, t)

st.subheader(t("patrols.log"))
projects = dict(cache.read(patrols.project_choices, period=period, including=st.query_params.get("project", ""),
                           rev=rev))
left, right = st.columns(2)
project = url_select(t, t("patrols.project"), param="project", key="patrols_project", choices=list(projects),
                     format_func=lambda code: f"{code} {projects[code]}", container=left)
kind = url_select(t, t("patrols.kind"), param="kind", key="patrols_kind", choices=VISIT_KIND.codes,
                  format_func=lambda code: t.label(VISIT_KIND, code), container=right)

log, total = widgets.paged(t, "patrols_page", lambda limit, offset: cache.read(
    patrols.visit_log, period=period, project_code=project or None, kind=kind or None, limit=limit, offset=offset,
    rev=rev))
if log.empty:
    st.info(t("patrols.no_visits"))
else:
    widgets.table(people(log, ctx.user.role, names=("inspectors",)), t, {
        "visited_on": "patrols.col_date", "code": "patrols.col_code", "project_code": "patrols.col_project_code",
        "project": "patrols.col_project", "kind": "patrols.col_kind", "inspectors": "patrols.col_inspectors",
        "notes": "patrols.col_notes"}, {"kind": VISIT_KIND}, export="visit_log", user=ctx.user)
