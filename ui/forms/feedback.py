"""Showing a command's outcome: field errors beside their fields, conflicts, confirmations."""
from __future__ import annotations

import streamlit as st

from db.errors import Conflict, ValidationFailed
from ui.i18n import Translator


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


def saved(done_key: str, message: str) -> None:
    """Keep a confirmation for the next run and redraw (the form's inputs start afresh)."""
    st.session_state[done_key] = message
    st.rerun()
