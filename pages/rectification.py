"""Rectification: hazards awaiting a fix or a re-inspection, and the forms that move them on."""
import streamlit as st

from db import enums
from db.commands.hazards import close_hazard, mark_rectified, send_back
from db.errors import Conflict, ValidationFailed
from db.queries import workflow
from ui import cache, widgets
from ui.forms import conflict_message, field_error, remember_errors
from ui.frame import PageContext, frame

ctx = frame("rectification")

ERRORS = "rectification_errors"
CLOSE, SEND_BACK = "close", "send_back"


def rectify_form(ctx: PageContext, hazard) -> None:
    """Record that the contractor fixed the hazard."""
    t = ctx.t
    with st.form(f"rectification_rectify_{hazard.id}"):
        day = st.date_input(t("rectification.rectified_on"), ctx.as_of, key="rectification_day")
        field_error(ERRORS, "rectified_on", t)
        note = st.text_area(t("rectification.note"), key="rectification_note")
        field_error(ERRORS, "note", t)
        # The type list only steers the file picker; db.photos judges each file by its content.
        uploads = st.file_uploader(t("rectification.photos"), type=["jpg", "jpeg", "png"],
                                   accept_multiple_files=True, key="rectification_photos")
        for index in range(len(uploads or [])):
            field_error(ERRORS, f"photos.{index}", t)
        field_error(ERRORS, "photos", t)
        if st.form_submit_button(t("rectification.mark"), type="primary", width="stretch"):
            _run(ctx, hazard, mark_rectified, rectified_on=day, note=note,
                 photos=[upload.getvalue() for upload in uploads or []])


def reinspect_form(ctx: PageContext, hazard) -> None:
    """Close the hazard after re-inspection, or send it back with a reason."""
    t = ctx.t
    who, note = (value if isinstance(value, str) else "—" for value in (hazard.rectified_by, hazard.rectification_note))
    st.caption(f"{t('rectification.rectified_by')}: {who} · {note}")
    thumbnails = cache.read(workflow.photo_thumbnails, int(hazard.id), rev=cache.revision())
    if thumbnails:
        st.image(thumbnails, width=160, caption=[t("rectification.photo", n=i + 1) for i in range(len(thumbnails))])
    with st.form(f"rectification_reinspect_{hazard.id}"):
        outcome = st.radio(t("rectification.outcome"), (CLOSE, SEND_BACK), key="rectification_outcome",
                           format_func=lambda o: t(f"rectification.{o}"))
        day = st.date_input(t("rectification.closed_on"), ctx.as_of, key="rectification_closed_on")
        field_error(ERRORS, "closed_on", t)
        reason = st.text_input(t("rectification.reason"), key="rectification_reason")
        field_error(ERRORS, "reason", t)
        if st.form_submit_button(t("rectification.submit"), type="primary", width="stretch"):
            if outcome == CLOSE:
                _run(ctx, hazard, close_hazard, closed_on=day)
            else:
                _run(ctx, hazard, send_back, reason=reason)


def _run(ctx: PageContext, hazard, command, **values) -> None:
    try:
        command(cache.engine(), actor=ctx.user, hazard_id=int(hazard.id), version=int(hazard.version), **values)
    except ValidationFailed as exc:
        remember_errors(ERRORS, exc)
        st.rerun()
    except Conflict as exc:
        conflict_message(exc, ctx.t)
        return
    st.session_state.pop(ERRORS, None)
    st.session_state["rectification_done"] = ctx.t("rectification.done", code=hazard.code)
    st.rerun()


t = ctx.t
st.title(t("rectification.title"))
st.caption(t("rectification.intro"))
if st.session_state.get("rectification_done"):
    st.success(st.session_state.pop("rectification_done"))

rev = cache.revision()
escalations = cache.read(workflow.hazards_needing_escalation, rev=rev)
if not escalations.empty:
    st.warning(t("rectification.escalate"))
    widgets.table(escalations, t, {"project_code": "rectification.col_project_code",
                                   "project": "rectification.col_project", "code": "rectification.col_code",
                                   "sent_back_count": "rectification.col_sent_back",
                                   "last_sent_back_reason": "rectification.col_reason"})

state = st.segmented_control(t("rectification.state"), ("open", "rectified"), default="open",
                             key="rectification_state",
                             format_func=lambda s: t(f"rectification.{s}_tab")) or "open"
hazards, total = widgets.paged(t, f"rectification_{state}_page", lambda limit, offset: cache.read(
    workflow.workflow_hazards, state=state, as_of=ctx.as_of, limit=limit, offset=offset, rev=rev))
if hazards.empty:
    st.info(t("rectification.none"))
    st.stop()
widgets.table(hazards, t, {
    "code": "rectification.col_code", "project": "rectification.col_project", "found_on": "rectification.col_found",
    "due_on": "rectification.col_due", "overdue": "rectification.col_overdue", "level": "rectification.col_level",
    "category": "rectification.col_category", "description": "rectification.col_description",
    "sent_back_count": "rectification.col_sent_back"}, {"level": enums.HAZARD_LEVEL, "category": enums.CATEGORY})

code = st.selectbox(t("rectification.pick"), hazards["code"], key="rectification_code")
hazard = hazards[hazards["code"] == code].iloc[0]
if hazard.sent_back_count:
    st.warning(t("rectification.sent_back", n=int(hazard.sent_back_count), reason=hazard.last_sent_back_reason))
if state == "open":
    rectify_form(ctx, hazard)
else:
    reinspect_form(ctx, hazard)
