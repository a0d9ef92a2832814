"""What every entry form shares: errors beside their fields, conflicts, confirmations, common inputs."""
from __future__ import annotations

import streamlit as st

from db import enums
from db.errors import Conflict, ValidationFailed
from db.queries import workflow
from render.i18n import Translator
from ui import cache
from ui.frame import PageContext

ERRORS, DONE = "records_errors", "records_done"


def remember_errors(key: str, exc: ValidationFailed) -> None:
    """Keep the failed submission's field errors for the next run, which draws them under the fields."""
    st.session_state[key] = {error.field: error.message_key for error in exc.errors}


def field_error(key: str, field: str, t: Translator) -> None:
    """The remembered error of `field`, if any, in red under the widget just drawn."""
    message_key = st.session_state.get(key, {}).get(field)
    if message_key:
        st.markdown(f":red[{t(message_key)}]")


def conflict_message(exc: Conflict, t: Translator) -> None:
    """Someone else saved the record first: say who and when; nothing was written."""
    when = exc.changed_at.strftime("%Y-%m-%d %H:%M") if exc.changed_at else "?"
    st.error(t("errors.conflict", who=exc.changed_by or "?", when=when))


def run_command(errors_key: str, t: Translator, command):
    """Run a write; refused fields are remembered and the page redrawn with them, a conflict is shown.

    Returns the command's result, or None after a conflict (nothing was written either way).
    """
    try:
        result = command()
    except ValidationFailed as exc:
        remember_errors(errors_key, exc)
        st.rerun()
    except Conflict as exc:
        conflict_message(exc, t)
        return None
    st.session_state.pop(errors_key, None)
    return result


def show_errors(exc: ValidationFailed, t: Translator, labels: dict[str, str]) -> None:
    """One error line per refused field, named in the page's language."""
    for error in exc.errors:
        st.error(f"{labels.get(error.field, error.field)}: {t(error.message_key, **error.params)}")


def saved(done_key: str, message: str) -> None:
    """Keep a confirmation for the next run and redraw (the form's inputs start afresh)."""
    st.session_state[done_key] = message
    st.rerun()


def project_picker(ctx: PageContext, key: str) -> str | None:
    """Active projects, the user's recent ones first; its error drawn beneath."""
    projects = dict(cache.read(workflow.project_choices, ctx.user.username, ctx.as_of, rev=cache.revision()))
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
