"""Home page: the Overview. Run with `streamlit run dashboard.py`."""

import streamlit as st

from db.enums import AWARD_LEVEL
from ui import cache, charts, drilldown_view, present_view, report_view, widgets
from ui.auth import still_signed_in
from ui.frame import frame

ctx = frame("overview")
if present_view.wanted(ctx):
    present_view.show(ctx)
    st.stop()
t, period = ctx.t, ctx.period
previous = period.previous()
previous_as_of = min(ctx.as_of, previous.end)

st.title(t("overview.title"))
st.caption(t("overview.caption", start=period.start, end=period.end, as_of=ctx.as_of,
             prev_start=previous.start, prev_end=previous.end))


@st.fragment(run_every=cache.refresh_interval())
def live_figures():
    """KPI cards and the monthly chart; recomputed only when the data revision changed."""
    still_signed_in(cache.engine())
    rev = cache.revision()
    current = cache.kpis(period, ctx.as_of, rev)
    widgets.kpi_cards(current, cache.kpis(previous, previous_as_of, rev), t)

    st.subheader(t("overview.hazards_by_month"))
    monthly = cache.hazards_by_month(period, rev)
    if monthly[["found", "closed"]].to_numpy().sum() == 0:
        st.info(t("overview.empty"))
    else:
        widgets.chart(charts.found_vs_closed, monthly, t)

    left, right = st.columns([1, 2])
    last_accident, records_start = cache.accident_facts(ctx.as_of, rev)
    with left:
        if last_accident:
            st.metric(t("overview.days_since_accident"),
                      t("overview.days_value", days=(ctx.as_of - last_accident).days))
        elif records_start:
            st.success(t("overview.no_accident_since", date=records_start))
    with right:
        st.subheader(t("overview.awards"))
        awards = cache.awards(period, rev)
        if awards.empty:
            st.caption(t("overview.no_awards"))
        else:
            awards["level"] = awards["level"].map(lambda code: t.label(AWARD_LEVEL, code))
            st.dataframe(awards.rename(columns={
                "year": t("overview.award_year"), "name": t("overview.award_name"),
                "level": t("overview.award_level"), "project": t("overview.award_project"),
            }), hide_index=True, width="stretch")


live_figures()


st.divider()
drilldown_view.records_behind_cards(ctx, cache.revision())
report_view.report_export(ctx)
