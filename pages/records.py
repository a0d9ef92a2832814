"""Records entry: risk points, enforcement, training, enterprises, projects and their ledgers, and deleting a
record by its code (staff, admin). Each form calls one command; errors show beside their fields."""
import streamlit as st

from db import enums
from db.commands.deletion import DELETABLE, delete_record
from db.commands.records import (
    add_ledger_item, create_enforcement, create_enterprise, create_project, create_risk_point, create_training,
    lift_stop_work, update_ledger_item,
)
from db.queries import choices, deleted
from ui import cache
from ui.forms import DONE, ERRORS, choice, field_error, project_picker, run_command, save_button, saved
from ui.frame import PageContext, frame

ctx = frame("records")


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
    orders = cache.read(choices.open_stop_work_orders, rev=cache.revision())
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
    firms = dict(cache.read(choices.enterprise_choices, rev=cache.revision()))
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


def enterprise_form(ctx: PageContext) -> None:
    """An enterprise with its unified social credit code (GB 32100: length, alphabet, check digit)."""
    t = ctx.t
    with st.form("records_enterprise"):
        values = {"credit_code": st.text_input(t("records.credit_code"), max_chars=18, key="records_enterprise_code")}
        field_error(ERRORS, "credit_code", t)
        values["name"] = st.text_input(t("records.enterprise_name"), key="records_enterprise_name")
        field_error(ERRORS, "name", t)
        values["kind"] = choice(t, "records.enterprise_kind", enums.ENTERPRISE_KIND, "records_enterprise_kind")
        save_button(ctx, create_enterprise, values, shown=lambda _: values["credit_code"].strip().upper())


def project_form(ctx: PageContext) -> None:
    """A project, its parties chosen from the enterprise register, its size, dates and location."""
    t = ctx.t
    firms = dict(cache.read(choices.enterprise_choices, rev=cache.revision()))
    firm = {"options": list(firms), "format_func": lambda c: f"{firms[c]} ({c})", "index": None,
            "placeholder": t("records.type_to_search")}
    with st.form("records_project"):
        values = {"code": st.text_input(t("records.project_code"), key="records_project_code")}
        field_error(ERRORS, "code", t)
        values["name"] = st.text_input(t("records.project_name"), key="records_project_name")
        field_error(ERRORS, "name", t)
        for party in ("developer", "contractor", "supervisor_firm"):
            values[party] = st.selectbox(t(f"records.{party}"), key=f"records_project_{party}", **firm)
            field_error(ERRORS, party, t)
        values["kind"] = choice(t, "records.project_kind", enums.PROJECT_KIND, "records_project_kind")
        values["is_key"] = st.toggle(t("records.is_key"), key="records_project_key")
        values["floor_area_m2"] = st.number_input(t("records.floor_area"), 0.0, 1e8, 0.0, step=100.0,
                                                  key="records_project_area")
        values["start_date"] = st.date_input(t("records.start_date"), ctx.as_of, key="records_project_start")
        values["completion_date"] = st.date_input(t("records.completion_date"), None, key="records_project_end")
        field_error(ERRORS, "completion_date", t)
        values["progress_pct"] = st.slider(t("records.progress"), 0, 100, 0, key="records_project_progress")
        values["lon"] = st.number_input(t("records.lon"), -180.0, 180.0, None, format="%.5f", key="records_project_lon")
        values["lat"] = st.number_input(t("records.lat"), -90.0, 90.0, None, format="%.5f", key="records_project_lat")
        save_button(ctx, create_project, values)


def ledger_form(ctx: PageContext) -> None:
    """Add to a project's "one project, one list" ledger, or move an item's status on."""
    t = ctx.t
    project = project_picker(ctx, "records_ledger_project")
    items = cache.read(choices.ledger_for_edit, project_code=project, as_of=ctx.as_of, rev=cache.revision()) if project else None
    if items is not None and not items.empty:
        st.subheader(t("records.ledger_update"))
        labels = {row.id: f"{t.label(enums.LEDGER_KIND, row.kind)} · {row.name} · "
                          f"{t.label(enums.LEDGER_STATUS, row.status)}" for row in items.itertuples()}
        item_id = st.selectbox(t("records.ledger_item"), list(labels), format_func=labels.get,
                               key="records_ledger_item")
        item = items[items["id"] == item_id].iloc[0]
        with st.form("records_ledger_status"):
            status = st.radio(t("records.ledger_status"), enums.LEDGER_STATUS.codes, horizontal=True,
                              index=enums.LEDGER_STATUS.codes.index(item.status), key="records_ledger_status",
                              format_func=lambda c: t.label(enums.LEDGER_STATUS, c))
            if st.form_submit_button(t("records.update"), width="stretch"):
                if run_command(ERRORS, t, lambda: update_ledger_item(
                        cache.engine(), actor=ctx.user, item_id=int(item.id), version=int(item.version),
                        values={"status": status}) or True):
                    saved(DONE, t("records.saved", code=item["name"]))
    st.subheader(t("records.ledger_add"))
    with st.form("records_ledger_add"):
        values = {"project": project,
                  "kind": choice(t, "records.ledger_kind", enums.LEDGER_KIND, "records_ledger_kind", radio=True),
                  "name": st.text_input(t("records.ledger_name"), key="records_ledger_name")}
        field_error(ERRORS, "name", t)
        values["danger_category"] = st.selectbox(
            t("records.danger_category"), enums.DANGER_CATEGORY.codes, index=None, key="records_ledger_danger",
            format_func=lambda c: t.label(enums.DANGER_CATEGORY, c))
        field_error(ERRORS, "danger_category", t)
        values["beyond_scale"] = st.toggle(t("records.beyond_scale"), key="records_ledger_beyond")
        values["planned_start"] = st.date_input(t("records.planned_start"), None, key="records_ledger_start")
        values["planned_end"] = st.date_input(t("records.planned_end"), None, key="records_ledger_end")
        field_error(ERRORS, "planned_end", t)
        save_button(ctx, add_ledger_item, values, shown=lambda _: values["name"])


def delete_form(ctx: PageContext) -> None:
    """Name a record by its code, see it found, confirm: it disappears from every page and figure."""
    t = ctx.t
    table = st.selectbox(t("deletion.table"), tuple(DELETABLE), key="records_delete_table",
                         format_func=lambda name: t(f"deletion.table_{name}"))
    code = st.text_input(t("deletion.code"), key="records_delete_code").strip()
    if not code:
        return
    record = cache.read(deleted.live_record, table=table, code=code, rev=cache.revision())
    if record is None:
        st.warning(t("deletion.not_found", code=code))
        return
    st.caption(t("deletion.found", code=record["code"]))
    with st.form("records_delete"):
        sure = st.checkbox(t("deletion.confirm"), key="records_delete_sure")
        field_error(ERRORS, "confirm", t)
        if st.form_submit_button(t("deletion.delete"), width="stretch"):
            if not sure:
                st.warning(t("deletion.confirm_first"))
            elif run_command(ERRORS, t, lambda: delete_record(cache.engine(), actor=ctx.user, table=table,
                                                             row_id=record["id"], version=record["version"]) or True):
                saved(DONE, t("deletion.deleted", code=record["code"]))


t = ctx.t
FORMS = {"risk_point": risk_point_form, "enforcement": enforcement_form, "training": training_form,
         "ledger": ledger_form, "project": project_form, "enterprise": enterprise_form, "delete": delete_form}

st.title(t("records.page_title"))
kind = st.segmented_control(t("records.kind"), list(FORMS), default="risk_point", key="records_kind",
                            format_func=lambda k: t(f"records.form_{k}"), on_change=st.session_state.pop,
                            args=("records_errors", None)) or "risk_point"
if st.session_state.get("records_done"):
    st.success(st.session_state.pop("records_done"))
if st.session_state.get("records_errors"):
    st.error(t("records.fix_errors"))
FORMS[kind](ctx)
