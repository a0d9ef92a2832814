"""Rectification: hazards awaiting a fix or a re-inspection, and the forms that move them on.

Each form acts on the hazard (and version) the user picked and saw; if someone else moved it on meanwhile the
save is refused with who and when, and the form stays on that hazard.
"""
import streamlit as st

from db import enums
from db.commands.hazards import close_hazard, mark_rectified, send_back
from db.queries import workflow
from render.formatting import plain
from ui import cache, hazard_view, widgets
from ui.documents import issue_buttons
from ui.forms import bind, bound_code, date_field, feedback, field_error, generation, save, starting
from ui.frame import frame

ctx = frame("rectification")
t = ctx.t
FORM = "rectification"
CLOSE, SEND_BACK = "close", "send_back"
INPUTS = {"rectification_note": "", "rectification_outcome": None, "rectification_reason": ""}
LABELS = {"rectified_on": t("rectification.rectified_on"), "note": t("rectification.note"),
          "photos": t("rectification.photos"), "closed_on": t("rectification.closed_on"),
          "reason": t("rectification.reason")}


def label(row) -> str:
    """What a picker shows of a hazard: enough to know it before acting on it."""
    return (f"{row.code} · {row.project} · {t.label(enums.HAZARD_LEVEL, row.level)} · "
            f"{str(row.description)[:30]} · {t('rectification.due_short', date=row.due_on)}")


def rectify_form(target: dict) -> None:
    """Record that the contractor fixed the hazard."""
    with st.form(f"rectification_rectify_{target['id']}", enter_to_submit=False):
        day = date_field(t("rectification.rectified_on"), ctx.as_of, "rectification_day")
        field_error(FORM, "rectified_on", t)
        note = st.text_area(t("rectification.note"), key="rectification_note")
        field_error(FORM, "note", t)
        # The type list only steers the file picker; db.photos judges each file by its content.
        uploads = st.file_uploader(t("rectification.photos"), type=["jpg", "jpeg", "png"], accept_multiple_files=True,
                                   key=f"rectification_photos_{generation(FORM)}")
        for index in range(len(uploads or [])):
            field_error(FORM, f"photos.{index}", t)
        field_error(FORM, "photos", t)
        if st.form_submit_button(t("rectification.mark"), type="primary", width="stretch"):
            st.session_state["rectification_last"] = "rectify"
            photos = [upload.getvalue() for upload in uploads or []]
            save(FORM, lambda submission: mark_rectified(
                cache.engine(), actor=ctx.user, hazard_id=target["id"], version=target["version"], rectified_on=day,
                note=note, photos=photos, submission=submission),
                {"hazard": target, "day": day, "note": note, "photos": photos}, clear=INPUTS)


def reinspect_form(target: dict) -> None:
    """Close the hazard after re-inspection, or send it back with a reason; the outcome is chosen, never preset."""
    with st.form(f"rectification_reinspect_{target['id']}", enter_to_submit=False):
        outcome = st.radio(t("rectification.outcome"), (CLOSE, SEND_BACK), key=starting("rectification_outcome", None),
                           format_func=lambda o: t(f"rectification.{o}"))
        field_error(FORM, "outcome", t)
        day = date_field(t("rectification.closed_on"), ctx.as_of, "rectification_closed_on")
        field_error(FORM, "closed_on", t)
        reason = st.text_input(t("rectification.reason"), key="rectification_reason")
        field_error(FORM, "reason", t)
        if st.form_submit_button(t("rectification.submit"), type="primary", width="stretch"):
            st.session_state["rectification_last"] = "reinspect"
            ids = {"hazard_id": target["id"], "version": target["version"]}
            values = {"hazard": target, "outcome": outcome, "day": day, "reason": reason}
            if outcome == CLOSE:
                save(FORM, lambda submission: close_hazard(cache.engine(), actor=ctx.user, closed_on=day,
                                                           submission=submission, **ids), values, clear=INPUTS)
            elif outcome == SEND_BACK:
                save(FORM, lambda submission: send_back(cache.engine(), actor=ctx.user, reason=reason,
                                                        submission=submission, **ids), values, clear=INPUTS)
            else:
                st.session_state[f"{FORM}__errors"] = {"outcome": ("errors.required", {})}
                st.rerun()


st.title(t("rectification.title"))
st.caption(t("rectification.intro"))
feedback(FORM, t, LABELS | {"outcome": t("rectification.outcome")})
# After a re-inspection: its opinion (复查意见), issued from here.
if st.session_state.get(f"{FORM}__done") and st.session_state.get("rectification_last") == "reinspect":
    issue_buttons(ctx, "hazard", st.session_state[f"{FORM}__done"][0]["code"])

rev = cache.revision()
escalations = cache.read(workflow.hazards_needing_escalation, rev=rev)
if not escalations.empty:
    st.warning(t("rectification.escalate"))
    widgets.table(escalations, t, {"project_code": "rectification.col_project_code",
                                   "project": "rectification.col_project", "code": "rectification.col_code",
                                   "sent_back_count": "rectification.col_sent_back",
                                   "last_sent_back_reason": "rectification.col_reason"})

state = st.segmented_control(t("rectification.state"), ("open", "rectified"), default="open",
                             key="rectification_state", format_func=lambda s: t(f"rectification.{s}_tab"),
                             on_change=st.session_state.pop, args=(f"{FORM}__target", None)) or "open"
# A re-inspector is never offered a fix they reported themselves.
hazards, total = widgets.paged(t, f"rectification_{state}_page", lambda limit, offset: cache.read(
    workflow.workflow_hazards, state=state, as_of=ctx.as_of, limit=limit, offset=offset,
    not_rectified_by=ctx.user.username if state == "rectified" else None, rev=rev))
kept = bound_code(FORM)
if hazards.empty and kept is None:
    st.info(t("rectification.none"))
    st.stop()
if not hazards.empty:
    widgets.table(hazards, t, {
        "code": "rectification.col_code", "project": "rectification.col_project", "found_on": "rectification.col_found",
        "due_on": "rectification.col_due", "overdue": "rectification.col_overdue", "level": "rectification.col_level",
        "category": "rectification.col_category", "description": "rectification.col_description",
        "sent_back_count": "rectification.col_sent_back"}, {"level": enums.HAZARD_LEVEL, "category": enums.CATEGORY})

labels = {row.code: label(row) for row in hazards.itertuples()}
if kept and kept not in labels:
    # The hazard this form is bound to left the list (someone acted on it): it stays picked, not replaced.
    labels[kept] = t("rectification.left_list", code=kept)
code = st.selectbox(t("rectification.pick"), list(labels), format_func=labels.get, key="rectification_code")
current = hazards[hazards["code"] == code]
if current.empty:
    if not st.session_state.get(f"{FORM}__conflict"):   # a refused save already says so at the top, once
        now = cache.read_fresh(workflow.hazard_now, code=code)
        st.warning(t("errors.conflict", who=plain(now["changed_by"] if now else "?"),
                     when=now["changed_at"].strftime("%Y-%m-%d %H:%M") if now and now["changed_at"] else "?"))
    target = st.session_state[f"{FORM}__target"]
else:
    hazard = current.iloc[0]
    target = bind(FORM, hazard)
    hazard_view.card(ctx, hazard, rev)
if state == "open":
    rectify_form(target)
else:
    reinspect_form(target)
