"""Forms for what inspectors record besides visits: risk points, enforcement (and lifting it), training."""
from __future__ import annotations

import streamlit as st

from db import enums
from db.commands.records import create_enforcement, create_risk_point, create_training, lift_stop_work
from ui import cache
from ui.forms.feedback import field_error, run_command, saved
from ui.forms.fields import DONE, ERRORS, choice, project_picker, save_button
from ui.frame import PageContext



def risk_point_form(ctx: PageContext) -> None:
    """A risk point identified on a project, graded in four colours."""
    t = ctx.t
    project = project_picker(ctx, "records_risk_project")
    with st.form("records_risk", clear_on_submit=False):
        values = {"project": project,
                  "identified_on": st.date_input(t("records.identified_on"), ctx.as_of, key="records_risk_date")}
        field_error(ERRORS, "identified_on", t)
        values["category"] = choice(t, "records.category", enums.CATEGORY, "records_risk_category")
        # The least alarming grade that still needs controls: a major grade must be chosen on purpose.
        values["level"] = choice(t, "records.risk_level", enums.RISK_LEVEL, "records_risk_level", radio=True,
                                 default="moderate")
        values["description"] = st.text_area(t("records.description"), key="records_risk_description")
        field_error(ERRORS, "description", t)
        values["controls"] = st.text_area(t("records.controls"), key="records_risk_controls")
        save_button(ctx, create_risk_point, values)


def enforcement_form(ctx: PageContext) -> None:
    """A stop-work order, warning interview or rectification notice; and lifting orders still in force."""
    t = ctx.t
    project = project_picker(ctx, "records_enforcement_project")
    with st.form("records_enforcement"):
        values = {"project": project,
                  "date": st.date_input(t("records.issued_on"), ctx.as_of, key="records_enforcement_date")}
        field_error(ERRORS, "date", t)
        values["kind"] = choice(t, "records.enforcement_kind", enums.ENFORCEMENT_KIND, "records_enforcement_kind",
                                radio=True, default="rectification_notice")
        values["reason"] = st.text_area(t("records.reason"), key="records_enforcement_reason")
        field_error(ERRORS, "reason", t)
        save_button(ctx, create_enforcement, values)
    _lift_form(ctx)


def _lift_form(ctx: PageContext) -> None:
    t = ctx.t
    orders = cache.open_stop_work_orders(cache.revision())
    st.subheader(t("records.lift_title"))
    if orders.empty:
        st.caption(t("records.no_open_orders"))
        return
    labels = {row.code: f"{row.project} · {row.issued_on} · {row.code}" for row in orders.itertuples()}
    code = st.selectbox(t("records.order"), list(labels), format_func=labels.get, key="records_lift_order")
    order = orders[orders["code"] == code].iloc[0]
    with st.form("records_lift"):
        day = st.date_input(t("records.lifted_on"), ctx.as_of, key="records_lift_date")
        field_error(ERRORS, "lifted_on", t)
        if st.form_submit_button(t("records.lift"), width="stretch"):
            done = run_command(ERRORS, t, lambda: lift_stop_work(
                cache.engine(), actor=ctx.user, enforcement_id=int(order.id), version=int(order.version),
                lifted_on=day) or True)
            if done:
                saved(DONE, t("records.saved", code=code))


def training_form(ctx: PageContext) -> None:
    """A training, observation or online Q&A session and the enterprises that attended."""
    t = ctx.t
    firms = dict(cache.enterprise_choices(cache.revision()))
    with st.form("records_training"):
        values = {"date": st.date_input(t("records.held_on"), ctx.as_of, key="records_training_date")}
        field_error(ERRORS, "date", t)
        values["kind"] = choice(t, "records.training_kind", enums.TRAINING_KIND, "records_training_kind", radio=True)
        values["title"] = st.text_input(t("records.title"), key="records_training_title")
        field_error(ERRORS, "title", t)
        values["attendees"] = st.number_input(t("records.attendees"), 0, 100_000, 0, key="records_training_attendees")
        field_error(ERRORS, "attendees", t)
        values["enterprises"] = st.multiselect(
            t("records.enterprises"), list(firms), format_func=lambda c: f"{firms[c]} ({c})",
            placeholder=t("records.type_to_search"), key="records_training_enterprises")
        field_error(ERRORS, "enterprises", t)
        save_button(ctx, create_training, values)
