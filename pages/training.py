"""Training: sessions by month and kind, attendees, enterprises reached, and the firms not yet reached."""
import math

import streamlit as st

from db.enums import ENTERPRISE_KIND, KPI
from ui import activity_charts, cache, tables, widgets
from ui.frame import frame
from ui.masking import people
from ui.formatting import format_kpi

ctx = frame("training")
t, period = ctx.t, ctx.period

st.title(t("training.title"))
st.caption(t("training.caption", start=period.start, end=period.end))
rev = cache.revision()

figures = cache.kpis(period, ctx.as_of, rev).as_dict()
firms, reached = cache.training_reach(period, rev)
columns = st.columns(4)
for column, key in zip(columns, ("trainings", "attendees", "enterprises_trained")):
    column.metric(t.label(KPI, key), format_kpi(key, figures[key]), border=True)
columns[3].metric(t("training.reach_share"), f"{reached / firms:.1%}" if firms else "—", border=True,
                  help=t("training.reach_help", reached=reached, firms=firms))

st.subheader(t("training.by_month"))
monthly = cache.training_by_month(period, rev)
if monthly.empty:
    st.info(t("training.no_sessions"))
else:
    widgets.chart(activity_charts.sessions_by_month, monthly, t, period.months())

st.subheader(t("training.not_reached"))
_, total = cache.enterprises_not_reached(period, 0, rev)
if total == 0:
    st.info(t("training.all_reached") if firms else t("training.no_firms"))
    st.stop()
pages = max(1, math.ceil(total / cache.PAGE_SIZE))
if st.session_state.get("training_page", 1) > pages:
    st.session_state["training_page"] = pages  # the period changed: stay on a page that exists
left, right = st.columns([1, 3])
page = left.number_input(t("training.page"), min_value=1, max_value=pages, step=1, key="training_page")
right.caption(t("training.count", count=total) + " · " + t("training.page_of", page=page, pages=pages))

missing, _ = cache.enterprises_not_reached(period, int(page) - 1, rev)
missing = people(missing, ctx.user.role, names=("contact_person",), phones=("contact_phone",))
missing["kind"] = missing["kind"].map(lambda code: t.label(ENTERPRISE_KIND, code))
missing = missing.rename(columns={
    "credit_code": t("training.col_credit_code"), "name": t("training.col_name"), "kind": t("training.col_kind"),
    "contact_person": t("training.col_contact"), "contact_phone": t("training.col_phone"),
})
st.dataframe(missing, hide_index=True, width="stretch")
tables.offer_csv(missing, t, export=f"not_reached_page{page}", role=ctx.user.role)
