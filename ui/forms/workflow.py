"""The rectification workflow forms: record a rectification; re-inspect and close or send back."""
from __future__ import annotations

import streamlit as st

from db import enums
from db.commands.hazards import close_hazard, mark_rectified, send_back
from db.errors import Conflict, ValidationFailed
from ui import cache
from ui.forms.feedback import conflict_message, field_error, remember_errors
from ui.frame import PageContext

ERRORS = "rectification_errors"
CLOSE, SEND_BACK = "close", "send_back"


def hazard_table(ctx: PageContext, hazards) -> None:
    """The page of hazards as a table with translated headers and labels."""
    t = ctx.t
    shown = hazards.assign(
        level=hazards["level"].map(lambda c: t.label(enums.HAZARD_LEVEL, c)),
        category=hazards["category"].map(lambda c: t.label(enums.CATEGORY, c)),
    )[["code", "project", "found_on", "due_on", "overdue", "level", "category", "description", "sent_back_count"]]
    st.dataframe(shown.rename(columns={
        "code": t("rectification.col_code"), "project": t("rectification.col_project"),
        "found_on": t("rectification.col_found"), "due_on": t("rectification.col_due"),
        "overdue": t("rectification.col_overdue"), "level": t("rectification.col_level"),
        "category": t("rectification.col_category"), "description": t("rectification.col_description"),
        "sent_back_count": t("rectification.col_sent_back"),
    }), hide_index=True, width="stretch")


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
    thumbnails = cache.photo_thumbnails(int(hazard.id), cache.revision())
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
