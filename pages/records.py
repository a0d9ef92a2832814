"""Records entry: risk points, enforcement, training, enterprises, projects and their ledgers, and deleting a
record by its code (staff, admin). Each form calls one command, saves once per submission, acts on the record
the user saw, and shows every problem beside its field."""
from types import SimpleNamespace

import streamlit as st

from db import enums
from db.commands.deletion import DELETABLE, delete_record
from db.commands.records import (
    add_ledger_item, create_enforcement, create_enterprise, create_project, create_risk_point, create_training,
    lift_stop_work, update_ledger_item,
)
from db.errors import FieldError
from db.queries import choices, deleted
from ui import cache
from ui.forms import (
    bind, choice, date_field, feedback, field_error, project_picker, remember_errors, save, starting,
)
from ui.danger_inputs import danger_inputs
from ui.documents import enforcement_documents
from ui.frame import frame

ctx = frame("records")
t = ctx.t


def submit_button(form: str, command, values: dict, inputs: dict[str, object], label: str = "records.save") -> None:
    """The form's save: `command(engine, actor=..., values=..., submission=...)`; then its `inputs`
    ({widget key: starting value}) start afresh for the next record."""
    if st.form_submit_button(t(label), type="primary", width="stretch"):
        save(form, lambda submission: command(cache.engine(), actor=ctx.user, values=values, submission=submission),
             values, clear=inputs)


def risk_point_form(form: str) -> None:
    """A risk point identified on a project, graded in four colours."""
    project = project_picker(ctx, form, "records_risk_project")
    with st.form("records_risk", enter_to_submit=False):
        values = {"project": project, "identified_on": date_field(t("records.identified_on"), ctx.as_of,
                                                                   "records_risk_date")}
        field_error(form, "identified_on", t)
        values["category"] = choice(t, "records.category", enums.CATEGORY, "records_risk_category")
        field_error(form, "category", t)
        # The least alarming grade that still needs controls: a major grade must be chosen on purpose.
        values["level"] = choice(t, "records.risk_level", enums.RISK_LEVEL, "records_risk_level", radio=True,
                                 default="moderate")
        values["description"] = st.text_area(t("records.description"), key="records_risk_description")
        field_error(form, "description", t)
        values["controls"] = st.text_area(t("records.controls"), key="records_risk_controls")
        field_error(form, "controls", t)
        submit_button(form, create_risk_point, values, {"records_risk_description": "",
                                                        "records_risk_controls": ""})


def enforcement_form(form: str) -> None:
    """A stop-work order, warning interview or rectification notice; and lifting orders still in force."""
    project = project_picker(ctx, form, "records_enforcement_project")
    with st.form("records_enforcement", enter_to_submit=False):
        values = {"project": project, "date": date_field(t("records.issued_on"), ctx.as_of,
                                                          "records_enforcement_date")}
        field_error(form, "date", t)
        values["kind"] = choice(t, "records.enforcement_kind", enums.ENFORCEMENT_KIND, "records_enforcement_kind",
                                radio=True, default="rectification_notice")
        values["reason"] = st.text_area(t("records.reason"), key="records_enforcement_reason")
        field_error(form, "reason", t)
        submit_button(form, create_enforcement, values, {"records_enforcement_reason": ""})
    lift_form(f"{form}_lift")
    st.subheader(t("records.documents_title"))
    enforcement_documents(ctx)


def lift_form(form: str) -> None:
    """Lift a stop-work order still in force: the order picked is the one lifted, even if others change."""
    st.subheader(t("records.lift_title"))
    feedback(form, t, {"lifted_on": t("records.lifted_on")})
    orders = cache.read(choices.open_stop_work_orders, rev=cache.revision())
    if orders.empty:
        st.caption(t("records.no_open_orders"))
        return
    labels = {row.code: f"{row.project} · {row.issued_on} · {row.code}" for row in orders.itertuples()}
    code = st.selectbox(t("records.order"), list(labels), format_func=labels.get, key="records_lift_order")
    target = bind(form, orders[orders["code"] == code].iloc[0])
    with st.form("records_lift", enter_to_submit=False):
        day = date_field(t("records.lifted_on"), ctx.as_of, "records_lift_date")
        field_error(form, "lifted_on", t)
        if st.form_submit_button(t("records.lift"), width="stretch"):
            save(form, lambda submission: lift_stop_work(
                cache.engine(), actor=ctx.user, enforcement_id=target["id"], version=target["version"], lifted_on=day,
                submission=submission), {"order": target, "day": day})


def training_form(form: str) -> None:
    """A training, observation or online Q&A session and the enterprises that attended."""
    firms = dict(cache.read(choices.enterprise_choices, rev=cache.revision()))
    with st.form("records_training", enter_to_submit=False):
        values = {"date": date_field(t("records.held_on"), ctx.as_of, "records_training_date")}
        field_error(form, "date", t)
        values["kind"] = choice(t, "records.training_kind", enums.TRAINING_KIND, "records_training_kind", radio=True)
        values["title"] = st.text_input(t("records.title"), key="records_training_title")
        field_error(form, "title", t)
        values["attendees"] = st.number_input(t("records.attendees"), 0, 100_000,
                                              key=starting("records_training_attendees", 0))
        field_error(form, "attendees", t)
        values["enterprises"] = st.multiselect(
            t("records.enterprises"), list(firms), format_func=lambda c: f"{firms[c]} ({c})",
            placeholder=t("records.type_to_search"), key="records_training_enterprises")
        field_error(form, "enterprises", t)
        submit_button(form, create_training, values, {"records_training_title": "", "records_training_attendees": 0,
                                                      "records_training_enterprises": []})


def enterprise_form(form: str) -> None:
    """An enterprise with its unified social credit code (GB 32100: length, alphabet, check digit)."""
    with st.form("records_enterprise", enter_to_submit=False):
        values = {"credit_code": st.text_input(t("records.credit_code"), max_chars=18, key="records_enterprise_code")}
        field_error(form, "credit_code", t)
        values["name"] = st.text_input(t("records.enterprise_name"), key="records_enterprise_name")
        field_error(form, "name", t)
        values["kind"] = choice(t, "records.enterprise_kind", enums.ENTERPRISE_KIND, "records_enterprise_kind")
        submit_button(form, create_enterprise, values, {"records_enterprise_code": "",
                                                        "records_enterprise_name": ""})


def project_form(form: str) -> None:
    """A project, its parties chosen from the enterprise register, its size, dates and location."""
    firms = dict(cache.read(choices.enterprise_choices, rev=cache.revision()))
    firm = {"options": list(firms), "format_func": lambda c: f"{firms[c]} ({c})", "index": None,
            "placeholder": t("records.type_to_search")}
    with st.form("records_project", enter_to_submit=False):
        values = {"code": st.text_input(t("records.project_code"), key="records_project_code")}
        field_error(form, "code", t)
        values["name"] = st.text_input(t("records.project_name"), key="records_project_name")
        field_error(form, "name", t)
        for party in ("developer", "contractor", "supervisor_firm"):
            values[party] = st.selectbox(t(f"records.{party}"), key=f"records_project_{party}", **firm)
            field_error(form, party, t)
        values["kind"] = choice(t, "records.project_kind", enums.PROJECT_KIND, "records_project_kind")
        values["is_key"] = st.toggle(t("records.is_key"), key="records_project_key")
        values["floor_area_m2"] = st.number_input(t("records.floor_area"), 0.0, 1e8, 0.0, step=100.0,
                                                  key="records_project_area")
        field_error(form, "floor_area_m2", t)
        values["start_date"] = date_field(t("records.start_date"), ctx.as_of, "records_project_start")
        field_error(form, "start_date", t)
        values["completion_date"] = date_field(t("records.completion_date"), None, "records_project_end")
        field_error(form, "completion_date", t)
        values["progress_pct"] = st.slider(t("records.progress"), 0, 100, 0, key="records_project_progress")
        values["lon"] = st.number_input(t("records.lon"), -180.0, 180.0, None, format="%.5f", key="records_project_lon")
        field_error(form, "lon", t)
        values["lat"] = st.number_input(t("records.lat"), -90.0, 90.0, None, format="%.5f", key="records_project_lat")
        field_error(form, "lat", t)
        submit_button(form, create_project, values, {"records_project_code": "", "records_project_name": ""})


def ledger_form(form: str) -> None:
    """Add to a project's "one project, one list" ledger, or move an item's status on (the item the user saw)."""
    project = project_picker(ctx, form, "records_ledger_project")
    items = cache.read(choices.ledger_for_edit, project_code=project, as_of=ctx.as_of, rev=cache.revision()) \
        if project else None
    if items is not None and not items.empty:
        st.subheader(t("records.ledger_update"))
        labels = {row.id: f"{t.label(enums.LEDGER_KIND, row.kind)} · {row.name} · "
                          f"{t.label(enums.LEDGER_STATUS, row.status)}" for row in items.itertuples()}
        picked = st.selectbox(t("records.ledger_item"), list(labels), format_func=labels.get,
                              key="records_ledger_item")
        item = items[items["id"] == picked].iloc[0]
        target = bind(f"{form}_status", item)
        feedback(f"{form}_status", t, {"status": t("records.ledger_status")})
        with st.form("records_ledger_status", enter_to_submit=False):
            status = st.radio(t("records.ledger_status"), enums.LEDGER_STATUS.codes, horizontal=True,
                              index=enums.LEDGER_STATUS.codes.index(item.status), key="records_ledger_status",
                              format_func=lambda c: t.label(enums.LEDGER_STATUS, c))
            if st.form_submit_button(t("records.update"), width="stretch"):
                save(f"{form}_status", lambda submission: update_ledger_item(
                    cache.engine(), actor=ctx.user, item_id=target["id"], version=target["version"],
                    values={"status": status}, submission=submission), {"item": target, "status": status})
    st.subheader(t("records.ledger_add"))
    with st.form("records_ledger_add", enter_to_submit=False):
        values = {"project": project,
                  "kind": choice(t, "records.ledger_kind", enums.LEDGER_KIND, "records_ledger_kind", radio=True),
                  "name": st.text_input(t("records.ledger_name"), key="records_ledger_name")}
        field_error(form, "name", t)
        values["danger_category"] = st.selectbox(
            t("records.danger_category"), enums.DANGER_CATEGORY.codes, index=None, key="records_ledger_danger",
            format_func=lambda c: t.label(enums.DANGER_CATEGORY, c))
        field_error(form, "danger_category", t)
        values["beyond_scale"] = st.toggle(t("records.beyond_scale"), key="records_ledger_beyond")
        values |= danger_inputs(t, form)
        values["planned_start"] = date_field(t("records.planned_start"), None, "records_ledger_start")
        field_error(form, "planned_start", t)
        values["planned_end"] = date_field(t("records.planned_end"), None, "records_ledger_end")
        field_error(form, "planned_end", t)
        submit_button(form, add_ledger_item, values, {"records_ledger_name": "", "records_ledger_danger": None,
                                                      "records_ledger_beyond": False, "records_ledger_start": None,
                                                      "records_ledger_end": None})


def delete_form(form: str) -> None:
    """Name a record by its code, see it found, confirm: it disappears from every page and figure."""
    table = st.selectbox(t("deletion.table"), tuple(DELETABLE), key="records_delete_table",
                         format_func=lambda name: t(f"deletion.table_{name}"))
    code = st.text_input(t("deletion.code"), key="records_delete_code").strip()
    if not code:
        return
    record = cache.read(deleted.live_record, table=table, code=code, rev=cache.revision())
    if record is None:
        st.warning(t("deletion.not_found"))
        st.text(code)
        return
    target = bind(form, SimpleNamespace(**record))
    st.caption(t("deletion.found"))
    st.text(record["code"])
    with st.form("records_delete", enter_to_submit=False):
        reason = st.text_input(t("deletion.reason"), key="records_delete_reason", max_chars=200,
                               placeholder=t("deletion.reason_hint"))
        field_error(form, "reason", t)
        sure = st.checkbox(t("deletion.confirm"), key="records_delete_sure")
        field_error(form, "confirm", t)
        if st.form_submit_button(t("deletion.delete"), width="stretch"):
            if not sure:
                remember_errors(form, [FieldError("confirm", "deletion.confirm_first")])
                st.rerun()
            save(form, lambda submission: delete_record(cache.engine(), actor=ctx.user, table=table, row_id=target["id"],
                                                        version=target["version"], reason=reason,
                                                        submission=submission),
                 {"table": table, "record": target, "reason": reason},
                 clear={"records_delete_code": "", "records_delete_sure": False, "records_delete_reason": ""})


FORMS = {"risk_point": risk_point_form, "enforcement": enforcement_form, "training": training_form,
         "ledger": ledger_form, "project": project_form, "enterprise": enterprise_form, "delete": delete_form}
LABELS = {"project": t("records.project"), "identified_on": t("records.identified_on"),
          "category": t("records.category"), "description": t("records.description"),
          "controls": t("records.controls"), "date": t("records.issued_on"), "reason": t("records.reason"),
          "title": t("records.title"), "attendees": t("records.attendees"), "enterprises": t("records.enterprises"),
          "credit_code": t("records.credit_code"), "name": t("records.ledger_name"), "code": t("records.project_code"),
          "developer": t("records.developer"), "contractor": t("records.contractor"),
          "supervisor_firm": t("records.supervisor_firm"), "start_date": t("records.start_date"),
          "completion_date": t("records.completion_date"), "floor_area_m2": t("records.floor_area"),
          "lon": t("records.lon"), "lat": t("records.lat"), "danger_category": t("records.danger_category"),
          "planned_start": t("records.planned_start"), "planned_end": t("records.planned_end"),
          "confirm": t("deletion.confirm"), "status": t("records.ledger_status")}

st.title(t("records.page_title"))
kind = st.segmented_control(t("records.kind"), list(FORMS), default="risk_point", key="records_kind",
                            format_func=lambda k: t(f"records.form_{k}")) or "risk_point"
feedback(f"records_{kind}", t, LABELS)
FORMS[kind](f"records_{kind}")
