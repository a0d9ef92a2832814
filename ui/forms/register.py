"""Forms for the registers: enterprises, projects with their three parties, and a project's ledger."""
from __future__ import annotations

import streamlit as st

from db import enums
from db.commands.records import add_ledger_item, create_enterprise, create_project, update_ledger_item
from ui import cache
from ui.forms.feedback import field_error, run_command, saved
from ui.forms.fields import DONE, ERRORS, choice, project_picker, save_button
from ui.frame import PageContext


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
    firms = dict(cache.enterprise_choices(cache.revision()))
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
    items = cache.ledger_for_edit(project, ctx.as_of, cache.revision()) if project else None
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
