"""Inputs shared by the record forms; all forms of the Records page keep their errors under one key."""
from __future__ import annotations

import streamlit as st

from db import enums
from ui import cache
from ui.forms.feedback import field_error, run_command, saved
from ui.frame import PageContext

ERRORS, DONE = "records_errors", "records_done"


def project_picker(ctx: PageContext, key: str) -> str | None:
    """Active projects, the user's recent ones first; its error drawn beneath."""
    projects = dict(cache.project_choices(ctx.user.username, ctx.as_of, cache.revision()))
    code = st.selectbox(ctx.t("records.project"), list(projects), key=key,
                        format_func=lambda c: f"{projects[c]} ({c})")
    field_error(ERRORS, "project", ctx.t)
    return code


def choice(t, label: str, vocabulary: enums.Vocabulary, key: str, radio: bool = False,
           default: str | None = None) -> str:
    """One code of `vocabulary`, shown by its label (radio buttons for short lists), `default` preselected."""
    widget = st.radio if radio else st.selectbox
    options = {"horizontal": True} if radio else {}
    index = vocabulary.codes.index(default) if default else 0
    return widget(t(label), vocabulary.codes, index=index, key=key, format_func=lambda c: t.label(vocabulary, c),
                  **options)


def save_button(ctx: PageContext, command, values: dict, *, shown=None) -> None:
    """The form's save: one command with the form's values; on success a confirmation naming the record.

    `shown(result)` gives the name to confirm with (default: the command's result, a code).
    """
    t = ctx.t
    if st.form_submit_button(t("records.save"), type="primary", width="stretch"):
        result = run_command(ERRORS, t, lambda: command(cache.engine(), actor=ctx.user, values=values))
        if result:
            saved(DONE, t("records.saved", code=shown(result) if shown else result))
