"""Site visit entry: one visit with the hazards found on it, saved together (staff and admin)."""
import datetime as dt

import streamlit as st

from db import enums
from db.commands.visits import create_visit
from db.queries import workflow
from ui import cache
from ui.forms import date_field, feedback, field_error, save, starting
from ui.frame import frame

ctx = frame("entry")
t = ctx.t
FORM = "entry"
MAX_HAZARDS = 10
LABELS = {field: t(f"entry.{field}") for field in
          ("project", "date", "kind", "inspectors", "notes", "category", "level", "description", "due_on")}


def hazard_fields(index: int) -> dict:
    """One hazard's inputs, each with its message beneath."""
    prefix = f"hazards.{index}."
    st.markdown(f"**{t('entry.hazard', n=index + 1)}**")
    values = {"category": st.selectbox(t("entry.category"), enums.CATEGORY.codes, key=f"entry_h{index}_category",
                                       format_func=lambda c: t.label(enums.CATEGORY, c))}
    field_error(FORM, prefix + "category", t)
    values["level"] = st.radio(t("entry.level"), enums.HAZARD_LEVEL.codes, horizontal=True,
                               key=f"entry_h{index}_level", format_func=lambda c: t.label(enums.HAZARD_LEVEL, c))
    field_error(FORM, prefix + "level", t)
    values["description"] = st.text_area(t("entry.description"), key=f"entry_h{index}_description")
    field_error(FORM, prefix + "description", t)
    values["due_on"] = date_field(t("entry.due_on"), ctx.as_of + dt.timedelta(days=7), f"entry_h{index}_due")
    field_error(FORM, prefix + "due_on", t)
    return values


st.title(t("entry.title"))
st.caption(t("entry.intro"))
feedback(FORM, t, LABELS)
projects = dict(cache.read(workflow.project_choices, ctx.user.username, ctx.as_of, rev=cache.revision()))
if not projects:
    st.info(t("entry.no_projects"))
    st.stop()

project = st.selectbox(t("entry.project"), list(projects), format_func=lambda c: f"{projects[c]} ({c})",
                       key="entry_project")
field_error(FORM, "project", t)
count = st.number_input(t("entry.hazard_count"), 0, MAX_HAZARDS, key=starting("entry_hazard_count", 0))
with st.form("entry_visit", clear_on_submit=False, enter_to_submit=False):
    visit = {"project": project, "date": date_field(t("entry.date"), ctx.as_of, "entry_date")}
    field_error(FORM, "date", t)
    visit["kind"] = st.selectbox(t("entry.kind"), enums.VISIT_KIND.codes, key="entry_kind",
                                 format_func=lambda c: t.label(enums.VISIT_KIND, c))
    field_error(FORM, "kind", t)
    visit["inspectors"] = st.text_input(t("entry.inspectors"), key=starting("entry_inspectors", ctx.user.display_name))
    field_error(FORM, "inspectors", t)
    visit["notes"] = st.text_area(t("entry.notes"), key="entry_notes") or None
    field_error(FORM, "notes", t)
    hazards = [hazard_fields(i) for i in range(int(count))]
    submitted = st.form_submit_button(t("entry.save"), type="primary", width="stretch")
if submitted:
    # The visit form starts afresh after a save; the project stays chosen for the next visit there.
    inputs = {"entry_date": ctx.as_of, "entry_notes": "", "entry_hazard_count": 0,
              **{f"entry_h{i}_description": "" for i in range(MAX_HAZARDS)},
              **{f"entry_h{i}_due": ctx.as_of + dt.timedelta(days=7) for i in range(MAX_HAZARDS)}}
    save(FORM, lambda submission: create_visit(cache.engine(), actor=ctx.user, visit=visit, hazards=hazards,
                                                submission=submission), {"visit": visit, "hazards": hazards},
         clear=inputs)
