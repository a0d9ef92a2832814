"""Training: sessions by month and kind, attendees, enterprises reached, and the firms not yet reached."""
import streamlit as st

from db.enums import ENTERPRISE_KIND
from db.kpis import compute
from db.queries import training
from render import charts
from render.masking import people
from ui import cache, widgets
from ui.frame import frame

ctx = frame("training")
t, period = ctx.t, ctx.period

st.title(t("training.title"))
st.caption(t("training.caption", start=period.start, end=period.end))
rev = cache.revision()

figures = cache.read(compute, period, ctx.as_of, rev=rev).as_dict()
firms, reached = cache.read(training.reach, period=period, rev=rev)
columns = st.columns(4)
widgets.metrics(t, figures, ("trainings", "attendees", "enterprises_trained"), columns[:3])
columns[3].metric(t("training.reach_share"), f"{reached / firms:.1%}" if firms else "—", border=True,
                  help=t("training.reach_help", reached=reached, firms=firms))

st.subheader(t("training.by_month"))
monthly = cache.read(training.sessions_by_month, period=period, rev=rev)
if monthly.empty:
    st.info(t("training.no_sessions"))
else:
    widgets.chart(charts.sessions_by_month, monthly, t, period.months())

st.subheader(t("training.not_reached"))
missing, total = widgets.paged(t, "training_page", lambda limit, offset: cache.read(
    training.not_reached, period=period, limit=limit, offset=offset, rev=rev))
if total == 0:
    st.info(t("training.all_reached") if firms else t("training.no_firms"))
else:
    widgets.table(people(missing, ctx.user.role, names=("contact_person",), phones=("contact_phone",)), t, {
        "credit_code": "training.col_credit_code", "name": "training.col_name", "kind": "training.col_kind",
        "contact_person": "training.col_contact", "contact_phone": "training.col_phone"},
        {"kind": ENTERPRISE_KIND}, export="not_reached", user=ctx.user)
