"""Site visit entry: one visit with the hazards found on it, as an inspection records them, saved together.

Built for a phone at the site: a project opened from "My work" comes preselected, every hazard's level and category
are chosen (never preset; the last choice is offered again), the deadline follows from the level unless one is
typed, and photos of the hazard as found go with it.
"""
import streamlit as st

from db import enums
from db.commands.visits import create_visit
from db.config import settings
from db.queries import workflow
from ui import cache
from ui.documents import issue_buttons
from ui.forms import date_field, feedback, field_error, generation, save, starting
from ui.frame import frame

ctx = frame("entry")
t = ctx.t
FORM = "entry"
MAX_HAZARDS = 10
LABELS = {field: t(f"entry.{field}") for field in
          ("project", "date", "kind", "inspectors", "notes", "category", "level", "description", "due_on",
           "location", "requirement", "responsible", "photos")}
state = st.session_state


def hazard_fields(index: int, parties: dict[str, str]) -> dict:
    """One hazard's inputs, each with its message beneath."""
    prefix, key = f"hazards.{index}.", f"entry_h{index}_"
    st.markdown(f"**{t('entry.hazard', n=index + 1)}**")
    values = {"level": st.radio(t("entry.level"), enums.HAZARD_LEVEL.codes, horizontal=True,
                                key=starting(key + "level", state.get("entry_last_level")),
                                format_func=lambda c: t.label(enums.HAZARD_LEVEL, c))}
    field_error(FORM, prefix + "level", t)
    values["category"] = st.selectbox(t("entry.category"), enums.CATEGORY.codes,
                                      key=starting(key + "category", state.get("entry_last_category")),
                                      placeholder=t("entry.choose"), format_func=lambda c: t.label(enums.CATEGORY, c))
    field_error(FORM, prefix + "category", t)
    values["description"] = st.text_area(t("entry.description"), key=key + "description", height=80)
    field_error(FORM, prefix + "description", t)
    values["location"] = st.text_input(t("entry.location"), key=key + "location") or None
    field_error(FORM, prefix + "location", t)
    values["responsible"] = st.selectbox(t("entry.responsible"), list(parties), key=key + "responsible",
                                         format_func=parties.get) if parties else None
    field_error(FORM, prefix + "responsible", t)
    values["requirement"] = st.text_area(t("entry.requirement"), key=key + "requirement", height=68) or None
    field_error(FORM, prefix + "requirement", t)
    values["due_on"] = date_field(t("entry.due_on"), None, key + "due")
    st.caption(t("entry.due_help", major=settings().deadline_days_major, general=settings().deadline_days_general))
    field_error(FORM, prefix + "due_on", t)
    uploads = st.file_uploader(t("entry.photos"), type=["jpg", "jpeg", "png"], accept_multiple_files=True,
                               key=f"{key}photos_{generation(FORM)}")
    values["photos"] = [upload.getvalue() for upload in uploads or []]
    for photo in range(len(values["photos"])):
        field_error(FORM, f"{prefix}photos.{photo}", t)
    field_error(FORM, prefix + "photos", t)
    return values


st.title(t("entry.title"))
st.caption(t("entry.intro"))
feedback(FORM, t, LABELS)
# Right after a save: the visit record and, with hazards, the rectification notice, issued in one step.
saved_visit = next((r["code"] for r in state.get(f"{FORM}__done") or [] if r["table"] == "site_visits"), None)
if saved_visit:
    issue_buttons(ctx, "visit", saved_visit)
projects = dict(cache.read(workflow.project_choices, ctx.user.username, ctx.as_of, rev=cache.revision()))
if not projects:
    st.info(t("entry.no_projects"))
    st.stop()

# "Start a visit here" (My work) names the project in the URL.
if (wanted := st.query_params.get("project")) in projects and state.get("entry_url_project") != wanted:
    state["entry_project"] = state["entry_url_project"] = wanted
project = st.selectbox(t("entry.project"), list(projects), format_func=lambda c: f"{projects[c]} ({c})",
                       key="entry_project")
field_error(FORM, "project", t)
parties = {code: f"{name} · {t(f'entry.role_{role}')}" for code, name, role in
           cache.read(workflow.project_parties, code=project, rev=cache.revision())}
count = st.number_input(t("entry.hazard_count"), 0, MAX_HAZARDS, key=starting("entry_hazard_count", 0))
with st.form("entry_visit", clear_on_submit=False, enter_to_submit=False):
    visit = {"project": project, "date": date_field(t("entry.date"), ctx.as_of, "entry_date")}
    field_error(FORM, "date", t)
    visit["kind"] = st.selectbox(t("entry.kind"), enums.VISIT_KIND.codes, key="entry_kind",
                                 format_func=lambda c: t.label(enums.VISIT_KIND, c))
    field_error(FORM, "kind", t)
    visit["inspectors"] = st.text_input(t("entry.inspectors"), key=starting("entry_inspectors", ctx.user.display_name))
    field_error(FORM, "inspectors", t)
    visit["notes"] = st.text_area(t("entry.notes"), key="entry_notes", height=68) or None
    field_error(FORM, "notes", t)
    hazards = [hazard_fields(i, parties) for i in range(int(count))]
    submitted = st.form_submit_button(t("entry.save"), type="primary", width="stretch")
if submitted:
    if hazards:
        # The next hazard starts from this visit's last choices; each is still the inspector's own.
        state["entry_last_level"], state["entry_last_category"] = hazards[-1]["level"], hazards[-1]["category"]
    fresh = {"entry_date": ctx.as_of, "entry_notes": "", "entry_hazard_count": 0}
    for i in range(MAX_HAZARDS):
        fresh |= {f"entry_h{i}_description": "", f"entry_h{i}_location": "", f"entry_h{i}_requirement": "",
                  f"entry_h{i}_due": None, f"entry_h{i}_level": state.get("entry_last_level"),
                  f"entry_h{i}_category": state.get("entry_last_category")}
    save(FORM, lambda submission: create_visit(cache.engine(), actor=ctx.user, visit=visit, hazards=hazards,
                                                submission=submission), {"visit": visit, "hazards": hazards},
         clear=fresh)
