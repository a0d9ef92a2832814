"""Site visit entry: one visit with the hazards found on it, saved together (staff and admin)."""
import datetime as dt

import streamlit as st

from db import enums
from db.commands.visits import create_visit
from db.errors import ValidationFailed
from db.queries import workflow
from ui import cache
from ui.forms import field_error, remember_errors
from ui.frame import PageContext, frame

ctx = frame("entry")

ERRORS = "entry_errors"
MAX_HAZARDS = 10


def _hazard_fields(index: int, ctx: PageContext) -> dict:
    t, prefix = ctx.t, f"hazards.{index}."
    st.markdown(f"**{t('entry.hazard', n=index + 1)}**")
    values = {
        "category": st.selectbox(t("entry.category"), enums.CATEGORY.codes, key=f"entry_h{index}_category",
                                 format_func=lambda c: t.label(enums.CATEGORY, c)),
        "level": st.radio(t("entry.level"), enums.HAZARD_LEVEL.codes, horizontal=True, key=f"entry_h{index}_level",
                          format_func=lambda c: t.label(enums.HAZARD_LEVEL, c)),
        "description": st.text_area(t("entry.description"), key=f"entry_h{index}_description"),
    }
    field_error(ERRORS, prefix + "description", t)
    field_error(ERRORS, prefix + "category", t)
    values["due_on"] = st.date_input(t("entry.due_on"), ctx.as_of + dt.timedelta(days=7), key=f"entry_h{index}_due")
    field_error(ERRORS, prefix + "due_on", t)
    return values


def _save(ctx: PageContext, visit: dict, hazards: list[dict]) -> None:
    try:
        visit_id = create_visit(cache.engine(), actor=ctx.user, visit=visit, hazards=hazards)
    except ValidationFailed as exc:
        remember_errors(ERRORS, exc)
        st.session_state.pop("entry_saved", None)
        st.rerun()  # draw each message beside its field
    st.session_state.pop(ERRORS, None)
    code = cache.read(workflow.visit_code, visit_id, rev=cache.revision())
    st.session_state["entry_saved"] = ctx.t("entry.saved", code=code, hazards=len(hazards))


t = ctx.t
st.title(t("entry.title"))
st.caption(t("entry.intro"))
projects = cache.read(workflow.project_choices, ctx.user.username, ctx.as_of, rev=cache.revision())
if not projects:
    st.info(t("entry.no_projects"))
    st.stop()
names = dict(projects)
if st.session_state.get(ERRORS):
    st.error(t("entry.fix_errors"))
    inline = {"inspectors", "date"} | {f for f in st.session_state[ERRORS] if f.startswith("hazards.")}
    for field, key in st.session_state[ERRORS].items():
        if field not in inline:
            st.markdown(f":red[{t('entry.' + field)}: {t(key)}]")
project = st.selectbox(t("entry.project"), list(names), format_func=lambda c: f"{names[c]} ({c})",
                       key="entry_project")
count = st.number_input(t("entry.hazard_count"), 0, MAX_HAZARDS, 0, key="entry_hazard_count")
with st.form("entry_visit", clear_on_submit=False):
    visit = {
        "project": project,
        "date": st.date_input(t("entry.date"), ctx.as_of, key="entry_date"),
        "kind": st.selectbox(t("entry.kind"), enums.VISIT_KIND.codes, key="entry_kind",
                             format_func=lambda c: t.label(enums.VISIT_KIND, c)),
        "inspectors": st.text_input(t("entry.inspectors"), ctx.user.display_name, key="entry_inspectors"),
    }
    field_error(ERRORS, "date", t)
    field_error(ERRORS, "inspectors", t)
    visit["notes"] = st.text_area(t("entry.notes"), key="entry_notes") or None
    hazards = [_hazard_fields(i, ctx) for i in range(int(count))]
    submitted = st.form_submit_button(t("entry.save"), type="primary", width="stretch")
if submitted:
    _save(ctx, visit, hazards)
if st.session_state.get("entry_saved"):
    st.success(st.session_state["entry_saved"])
