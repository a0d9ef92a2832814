"""Filters mirrored in the URL (validated, never trusted) so views can be shared.

A filter's choice lives in its widget key; a changed URL parameter (comma-separated codes) overrides it,
unknown codes are dropped with a warning naming the parameter, and the choice is written back to the URL.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import streamlit as st

from db.enums import Vocabulary
from render.formatting import plain
from render.i18n import Translator

SEPARATOR = ","
ANY = ""


def url_choice(t: Translator, vocabulary: Vocabulary, *, key: str, param: str, label: str,
               many_options: bool = False, default: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Chosen codes of `vocabulary` (empty = all), from the widget or a changed `param` in the URL; `default`
    when neither has said anything yet."""
    if default and key not in st.session_state and param not in st.query_params:
        st.session_state[key] = list(default)
    _apply_url(t, vocabulary, key=key, param=param)
    options = vocabulary.codes
    label_of = functools.partial(t.label, vocabulary)
    if many_options:
        chosen = st.multiselect(label, options, key=key, format_func=label_of, placeholder=t("filters.all"))
    else:
        chosen = st.segmented_control(label, options, key=key, format_func=label_of, selection_mode="multi")
    codes = tuple(code for code in options if code in (chosen or ()))
    _write_url(key, param, codes)
    return codes


def _apply_url(t: Translator, vocabulary: Vocabulary, *, key: str, param: str) -> None:
    state = st.session_state
    raw = st.query_params.get(param)
    if raw == state.get(f"_url_{key}"):
        return
    state[f"_url_{key}"] = raw
    wanted = [part.strip() for part in (raw or "").split(SEPARATOR) if part.strip()]
    # Codes or labels in either language are accepted; anything else is reported and dropped.
    parsed = {part: vocabulary.parse(part) for part in wanted}
    bad = [part for part, code in parsed.items() if code is None]
    if bad:
        st.warning(t("filters.bad_param", field=plain(param), value=plain(SEPARATOR.join(bad))))
    state[key] = [code for code in vocabulary.codes if code in parsed.values()]


def _write_url(key: str, param: str, codes: tuple[str, ...]) -> None:
    value = SEPARATOR.join(codes) or None
    write_url(**{param: value})
    st.session_state[f"_url_{key}"] = value


def url_select(t: Translator, label: str, *, param: str, key: str, choices: Sequence[str],
               format_func: Callable[[str], str], container=st) -> str:
    """A select box over ANY + `choices`, initialised from and written back to `?param=`; the chosen code."""
    state, seen_key = st.session_state, f"_{key}_url"
    url_value = st.query_params.get(param, ANY)
    if url_value != state.get(seen_key):
        # The URL changed (a shared link, or first run): it wins over the session's choice.
        state[seen_key] = url_value
        if url_value in choices:
            state[key] = url_value
        else:
            if url_value != ANY:
                st.warning(t("filters.bad_param", field=plain(param), value=plain(url_value[:40])))
            state[key] = ANY
    if state.get(key) not in (ANY, *choices):
        state[key] = ANY
    value = container.selectbox(label, [ANY, *choices], key=key,
                                format_func=lambda c: t("filters.any") if c == ANY else format_func(c))
    write_url(**{param: value})
    state[seen_key] = value
    return value


def url_value(t: Translator, name: str, allowed: Sequence[str]) -> str | None:
    """The URL parameter `name` if it is one of `allowed`; otherwise None (with a warning when present)."""
    value = st.query_params.get(name)
    if value in (None, ""):
        return None
    if value not in allowed:
        st.warning(t("filters.bad_param", field=plain(name), value=plain(value[:40])))
        return None
    return value


def url_text(name: str) -> str:
    """The URL parameter `name` as stripped text ('' when absent)."""
    return (st.query_params.get(name) or "").strip()[:100]


def write_url(**values) -> None:
    """Mirror the given filters into the URL, dropping empty ones."""
    for name, value in values.items():
        if value in (None, "", False):
            st.query_params.pop(name, None)
        elif st.query_params.get(name) != str(value):
            st.query_params[name] = str(value)
