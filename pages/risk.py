"""Risk: four-colour heatmaps of the risk points identified in the period, and the major risk points."""
import streamlit as st

from db.enums import CATEGORY, KPI, RISK_LEVEL
from db.queries import risk
from render import charts
from ui import cache, filters, widgets
from ui.frame import frame

ctx = frame("risk")
t, period = ctx.t, ctx.period
st.title(t("risk.title"))
st.caption(t("risk.caption", start=period.start, end=period.end))

left, right = st.columns([1, 2])
with left:
    levels = filters.url_choice(t, RISK_LEVEL, key="risk_level", param="level", label=t("risk.level"))
with right:
    categories = filters.url_choice(t, CATEGORY, key="risk_category", param="category", label=t("risk.category"),
                                    many_options=True)

rev = cache.revision()
scope = {"period": period, "levels": levels, "categories": categories}
counts = cache.read(risk.risk_counts_by_level, **scope, rev=rev)
if sum(counts.values()) == 0:
    st.info(t("risk.empty"))
    st.stop()

cards = st.columns(1 + len(counts))
cards[0].metric(t.label(KPI, "risk_points"), f"{sum(counts.values()):,}", border=True)
for card, (level, count) in zip(cards[1:], counts.items()):
    label = t.label(KPI, "risk_points_major") if level == "major" else t("risk.level_points",
                                                                            level=t.label(RISK_LEVEL, level))
    card.metric(label, f"{count:,}", border=True)


def category_labels(cells):
    """The cells with category codes replaced by labels."""
    return cells.assign(category=cells["category"].map(lambda code: t.label(CATEGORY, code)))


st.subheader(t("risk.by_project"))
cells, projects = cache.read(risk.project_category_cells, **scope, rev=rev)
project_order = cells.groupby("project")["count"].sum().sort_values(ascending=False, kind="stable").index.tolist()
st.caption(t("risk.by_project_help", shown=len(project_order), projects=projects))
widgets.chart(charts.risk_heatmap, category_labels(cells), t, x="category", y="project", x_title=t("risk.category"),
              y_title=t("risk.project"), y_order=project_order)

st.subheader(t("risk.by_month"))
months = cache.read(risk.category_month_cells, **scope, rev=rev)
widgets.chart(charts.risk_heatmap, category_labels(months), t, x="month", y="category", x_title=t("risk.month"),
              y_title=t("risk.category"), x_order=period.months())

st.subheader(t("risk.major_list"))
st.caption(t("risk.major_list_help"))
rows, major_total = widgets.paged(t, "risk_page", lambda limit, offset: cache.read(
    risk.major_risk_points, period=period, categories=categories, limit=limit, offset=offset, rev=rev))
if major_total == 0:
    st.info(t("risk.no_major"))
else:
    widgets.table(rows, t, labels={"category": CATEGORY}, headers={
        "code": "risk.col_code", "project": "risk.project", "identified_on": "risk.col_identified",
        "category": "risk.category", "description": "risk.col_description", "controls": "risk.col_controls"},
        export="major_risk_points", user=ctx.user)
