"""What every entry form shares: one save per submission, the record the user saw, every problem beside its
field (all at once, in the chosen language) and a confirmation naming what was saved.

Each form has a name (the page's widget-key prefix, e.g. "entry"); its state lives under `{form}__…` keys:
- a submission token, sent with the save: a double click, a double tap or a retried request finds the token
  already saved and gets the first save's records back instead of writing again (db.unit_of_work.writing);
- the record it acts on (`bind`): id and version as first shown, so a save never lands on another record,
  and a change made meanwhile by someone else is a conflict, not an overwrite;
- the refused fields, drawn under their widgets on the next run, and the saved records, drawn at the top.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable

import streamlit as st

from db import enums
from db.errors import AlreadySubmitted, Conflict, FieldError, ValidationFailed
from db.queries import workflow
from db.queries.admin import submission_landed, submission_result
from render.formatting import plain
from render.i18n import Translator
from ui import cache, widgets
from ui.frame import PageContext

# Wide enough that any typed date reaches the server, which names the problem; a narrower range would
# make the widget quietly keep its previous value.
EARLIEST_TYPED, LATEST_TYPED = dt.date(1, 1, 1), dt.date(9999, 12, 31)
# Where a saved record is shown: its table's page, and the query parameter naming it.
RECORD_PAGES = {
    "projects": ("pages/projects.py", "project"), "site_visits": ("pages/projects.py", "project"),
    "hazards": ("pages/projects.py", "project"), "risk_points": ("pages/projects.py", "project"),
    "enforcements": ("pages/projects.py", "project"), "ledger_items": ("pages/projects.py", "project"),
    "accidents": ("pages/projects.py", "project"), "trainings": ("pages/training.py", None),
    "enterprises": ("pages/projects.py", "party"),
}


def date_field(label: str, value: dt.date | None, key: str, container=st) -> dt.date | None:
    """A date input that sends whatever date is typed (YYYY-MM-DD); the command judges it. `value` is where it
    starts (kept in session state, so that a saved form can start afresh)."""
    st.session_state.setdefault(key, value)
    return container.date_input(label, key=key, min_value=EARLIEST_TYPED, max_value=LATEST_TYPED,
                                format="YYYY-MM-DD")


def starting(key: str, value):
    """Give the widget `key` its starting value once (in session state, not as its `value` argument, so that a
    saved form can reset it without Streamlit's "set twice" warning); returns the key."""
    st.session_state.setdefault(key, value)
    return key


def field_error(form: str, field: str, t: Translator) -> None:
    """The refused `field`'s message, in red under the widget just drawn."""
    problem = st.session_state.get(f"{form}__errors", {}).get(field)
    if problem:
        st.markdown(f":red[{plain(t(problem[0], **problem[1]))}]")


def feedback(form: str, t: Translator, labels: dict[str, str]) -> None:
    """At the top of the page, before the form's widgets: the records just saved (each a link), or a conflict,
    or every refused field. After a save it also empties the form's inputs for the next record."""
    state = st.session_state
    if pending := state.get(f"{form}__pending"):
        # The run that saved was stopped (a second tap) before it could say so: ask the database.
        landed = cache.read_fresh(submission_landed, pending[1])
        if landed is None:
            state.pop(f"{form}__pending")
        else:
            _landed(form, landed)
    # A widget's value can only be set before the widget is drawn in a run: hence here, not in save().
    for key, value in state.pop(f"{form}__reset", {}).items():
        state[key] = value
    if saved := state.get(f"{form}__done"):
        st.success(t("forms.saved", n=len(saved)), icon=":material/check_circle:")
        if not state.get(f"{form}__toasted"):
            # On a phone the top of the page may be scrolled away: the toast shows wherever the user is.
            st.toast(t("forms.saved", n=len(saved)), icon=":material/check_circle:")
            state[f"{form}__toasted"] = True
        for record in saved:
            record_link(t, record)
    if conflict := state.get(f"{form}__conflict"):
        st.error(t("errors.conflict", who=plain(conflict[0]), when=conflict[1]), icon=":material/sync_problem:")
        st.button(t("forms.reload"), key=f"{form}__reload", on_click=_forget_target, args=(form,))
    if errors := state.get(f"{form}__errors"):
        lines = [f"- {plain(labels.get(field.split('.')[-1], field))}: {plain(t(key, **params))}"
                 for field, (key, params) in errors.items()]
        st.error(t("forms.fix_errors") + "\n" + "\n".join(lines), icon=":material/error:")


def record_link(t: Translator, record: dict) -> None:
    """A link to the page showing a saved record (its code as the label)."""
    label = t(f"forms.table_{record['table']}") + " " + plain(record["code"])
    page, param = RECORD_PAGES.get(record["table"], (None, None))
    target = record.get("project") if param == "project" else record.get("code")
    if page is None:
        st.markdown(label)
    else:
        widgets.link(page, label, icon=":material/open_in_new:",
                     query_params={param: target} if param and target else None)


def save(form: str, command: Callable[..., object], values: dict, *, clear: dict[str, object] | None = None) -> None:
    """Run `command(submission=token)` for this submission of `form`, then redraw the page.

    Refused: the fields' messages are kept for the next run and nothing was written. Conflict: who changed
    the record and when. Saved (now or by an earlier identical submission): the records, the inputs in
    `clear` ({widget key: value to start from}) reset by `feedback` and a fresh token for the next record.
    """
    state = st.session_state
    fingerprint = _fingerprint(values)
    last = state.get(f"{form}__last")
    # The same inputs as the last save: a double tap whose first tap already went through.
    token = last[1] if last and last[0] == fingerprint else state.setdefault(f"{form}__token", uuid.uuid4().hex)
    for key in ("errors", "conflict", "done", "toasted"):
        state.pop(f"{form}__{key}", None)
    # Kept until this run has told the user: a second tap can stop this run after the commit and before the
    # message, and the next run's feedback() then finds the submission landed and says so.
    state[f"{form}__pending"] = (fingerprint, token, dict(clear or {}))
    try:
        command(submission=token)
        result = cache.read_fresh(submission_result, token)
    except AlreadySubmitted as exc:
        result = exc.result
    except ValidationFailed as exc:
        state.pop(f"{form}__pending", None)
        remember_errors(form, exc.errors)
        st.rerun()
    except Conflict as exc:
        state.pop(f"{form}__pending", None)
        when = exc.changed_at.strftime("%Y-%m-%d %H:%M") if exc.changed_at else "?"
        state[f"{form}__conflict"] = (exc.changed_by or "?", when)
        st.rerun()
    _landed(form, result)
    st.rerun()


def _landed(form: str, result: list | None) -> None:
    # The pending submission is saved: say what, start the form afresh, give the next record a new token.
    state = st.session_state
    fingerprint, token, clear = state.pop(f"{form}__pending")
    state[f"{form}__last"] = (fingerprint, token)
    state[f"{form}__token"] = uuid.uuid4().hex
    state[f"{form}__done"] = result or []
    state[f"{form}__reset"] = clear
    state[f"{form}__generation"] = generation(form) + 1
    _forget_target(form)


def generation(form: str) -> int:
    """How many records `form` has saved in this session: part of the key of inputs that cannot be reset
    through session state (file uploaders), so each record starts with an empty one."""
    return st.session_state.get(f"{form}__generation", 0)


def remember_errors(form: str, errors: list[FieldError]) -> None:
    """Keep refused fields for the next run, which draws each message beside its field."""
    st.session_state[f"{form}__errors"] = {error.field: (error.message_key, error.params) for error in errors}


def bind(form: str, row) -> dict:
    """The record `form` acts on: id and version as first shown, kept until the user picks another record,
    reloads after a conflict, or saves. `row` is the record as read now (id, version, and a code or name)."""
    state = st.session_state
    target = state.get(f"{form}__target")
    if target is None or target["id"] != int(row.id):
        name = getattr(row, "code", None) or getattr(row, "name", None)
        target = state[f"{form}__target"] = {"id": int(row.id), "version": int(row.version), "code": name}
    return target


def bound_code(form: str) -> str | None:
    """The code of the record `form` is bound to, if any (pickers keep it selectable when it left their list)."""
    target = st.session_state.get(f"{form}__target")
    return target["code"] if target else None


def project_picker(ctx: PageContext, form: str, key: str) -> str | None:
    """Active projects, the user's recent ones first; its error drawn beneath."""
    projects = dict(cache.read(workflow.project_choices, ctx.user.username, ctx.as_of, rev=cache.revision()))
    code = st.selectbox(ctx.t("records.project"), list(projects), key=key,
                        format_func=lambda c: f"{projects[c]} ({c})")
    field_error(form, "project", ctx.t)
    return code


def choice(t: Translator, label: str, vocabulary: enums.Vocabulary, key: str, radio: bool = False,
           default: str | None = None) -> str:
    """One code of `vocabulary`, shown by its label (radio buttons for short lists), `default` preselected."""
    widget = st.radio if radio else st.selectbox
    options = {"horizontal": True} if radio else {}
    index = vocabulary.codes.index(default) if default else 0
    return widget(t(label), vocabulary.codes, index=index, key=key, format_func=lambda c: t.label(vocabulary, c),
                  **options)


def show_errors(exc: ValidationFailed, t: Translator, labels: dict[str, str]) -> None:
    """One error line per refused field, named in the page's language (forms drawn without `feedback`)."""
    for error in exc.errors:
        st.error(f"{plain(labels.get(error.field, error.field))}: {plain(t(error.message_key, **error.params))}")


def _forget_target(form: str) -> None:
    st.session_state.pop(f"{form}__target", None)
    st.session_state.pop(f"{form}__conflict", None)


def _fingerprint(values: dict) -> str:
    def encode(value):
        if isinstance(value, (bytes, bytearray)):
            return hashlib.sha256(value).hexdigest()
        return str(value)
    return hashlib.sha256(json.dumps(values, default=encode, sort_keys=True).encode()).hexdigest()
