"""My work (我的工作): the inspector's day on the projects of their service teams — where a visit is still due
this week (one tap starts it), fixes awaiting their re-inspection, hazards due soon or overdue, stop-work orders
awaiting a lifting check. Staff land here; leaders keep the Overview."""
import streamlit as st

from db import enums
from db.queries import my_work
from render.formatting import plain
from ui import cache, widgets
from ui.frame import frame

ctx = frame("my_work")
t = ctx.t
rev = cache.revision()
HAZARD_COLUMNS = {"code": "my_work.col_code", "project": "my_work.col_project", "level": "my_work.col_level",
                  "description": "my_work.col_description", "due_on": "my_work.col_due",
                  "overdue": "my_work.col_overdue"}

st.title(t("my_work.title"))
projects = cache.read(my_work.my_projects, username=ctx.user.username, as_of=ctx.as_of, rev=rev)
if projects.empty:
    st.info(t("my_work.no_team"))
    st.stop()
ids = projects["id"].tolist()
st.caption(t("my_work.caption", n=len(projects), date=ctx.as_of))

st.subheader(t("my_work.visits", short=int((projects["short"] > 0).sum())))
for row in projects.itertuples():
    left, right = st.columns([3, 2], vertical_alignment="center")
    left.markdown(f"**{plain(row.name)}**  \n{t('my_work.this_week', visits=row.visits, target=row.target)}")
    with right:
        if row.short:
            widgets.link("pages/entry.py", t("my_work.start_visit"), icon=":material/add_location_alt:",
                         query_params={"project": row.code}, width="stretch")
        else:
            st.caption(t("my_work.week_done"))

checks = cache.read(my_work.awaiting_my_reinspection, username=ctx.user.username, project_ids=ids,
                    as_of=ctx.as_of, rev=rev)
st.subheader(t("my_work.reinspect", n=len(checks)))
if checks.empty:
    st.caption(t("my_work.nothing"))
else:
    widgets.table(checks, t, HAZARD_COLUMNS, {"level": enums.HAZARD_LEVEL})
    widgets.link("pages/rectification.py", t("my_work.open_rectification"), icon=":material/build:")

due = cache.read(my_work.due_soon_or_overdue, project_ids=ids, as_of=ctx.as_of, rev=rev)
st.subheader(t("my_work.due", n=len(due), overdue=int(due["overdue"].sum()) if not due.empty else 0))
if due.empty:
    st.caption(t("my_work.nothing"))
else:
    widgets.table(due, t, HAZARD_COLUMNS, {"level": enums.HAZARD_LEVEL})

orders = cache.read(my_work.orders_to_check, project_ids=ids, rev=rev)
st.subheader(t("my_work.orders", n=len(orders)))
if orders.empty:
    st.caption(t("my_work.nothing"))
else:
    widgets.table(orders, t, {"code": "my_work.col_code", "project": "my_work.col_project",
                              "issued_on": "my_work.col_issued", "reason": "my_work.col_reason"})
