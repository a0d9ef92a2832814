"""Projects: the filterable list and map, or one project's page when `?project=CODE` is in the URL."""
import streamlit as st

from ui import cache, project_view
from ui.frame import frame

ctx = frame("projects")
t = ctx.t
rev = cache.revision()
code = st.query_params.get("project")

if code:
    record = cache.project_record(code, ctx.as_of, rev)
    if record is None:
        st.warning(t("projects.not_found", code=code[:40]))
        st.link_button(t("projects.back"), "?", icon="⬅️")
        st.stop()
    project_view.project_page(ctx, record)
else:
    st.title(t("projects.title"))
    st.caption(t("projects.intro"))
    where = project_view.list_filters(ctx)
    project_view.project_list(ctx, where, rev)
