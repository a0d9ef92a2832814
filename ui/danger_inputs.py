"""The 危大 inputs of the ledger form: the kind of dangerous works, the parameters that kind needs, the expert-review
date, inside the ledger form of pages/records.py (its values merge into the command's).

The parameters a kind needs come from db.dangerous_works; the classification itself is made by the schema on save,
and each refused field is shown beside its input (ui.forms.field_error).
"""
from __future__ import annotations

import streamlit as st

from db.dangerous_works import DANGER_KIND, KINDS, PARAMETERS
from render.i18n import Translator
from ui.forms import date_field, field_error

NONE = ""


def danger_inputs(t: Translator, form: str, key: str = "records_ledger") -> dict:
    """Inputs for the kind, its parameters and the expert review; the values to add to the ledger command's."""
    kind = st.selectbox(t("danger_inputs.kind"), [NONE, *DANGER_KIND.codes], key=f"{key}_danger_kind",
                        format_func=lambda code: t("danger_inputs.no_kind") if code == NONE else
                        t.label(DANGER_KIND, code), help=t("danger_inputs.kind_help"))
    field_error(form, "danger_kind", t)
    values: dict = {"danger_kind": kind or None}
    # Every parameter is offered: inside a form the kind's choice reaches the server only on save.
    outer, inner = ("；", "、") if t.lang == "zh" else ("; ", ", ")
    st.caption(t("danger_inputs.needs", needs=outer.join(
        f"{t.label(DANGER_KIND, k)}: {inner.join(t(f'danger_inputs.{p}') for p in rule.parameters)}"
        for k, rule in KINDS.items())))
    for column, name in zip(st.columns(3) * 2, PARAMETERS):
        with column:
            values[name] = st.number_input(t(f"danger_inputs.{name}"), min_value=0.0, value=None, step=0.1,
                                           key=f"{key}_{name}")
            field_error(form, name, t)
    values["expert_review_on"] = date_field(t("danger_inputs.expert_review_on"), None, f"{key}_review")
    st.caption(t("danger_inputs.review_help"))
    field_error(form, "expert_review_on", t)
    if kind:
        values["beyond_scale"] = None  # decided by the parameters, not by the toggle
    return values
