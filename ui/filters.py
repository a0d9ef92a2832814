"""Page filters mirrored in the URL (validated, never trusted) and a page-number picker for long lists.

A filter's choice lives in its widget key; a changed URL parameter (comma-separated codes) overrides it,
unknown codes are dropped with a warning naming the parameter, and the choice is written back to the URL.
"""
from __future__ import annotations

import functools

import streamlit as st

from db.enums import Vocabulary
from ui.i18n import Translator

SEPARATOR = ","


def url_choice(t: Translator, vocabulary: Vocabulary, *, key: str, param: str, label: str,
               many_options: bool = False) -> tuple[str, ...]:
    """Chosen codes of `vocabulary` (empty = all), from the widget or a changed `param` in the URL."""
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


def page_number(t: Translator, *, key: str, total: int, page_size: int) -> int:
    """A 1-based page-number input for a list of `total` rows; returns the 0-based page to read."""
    pages = max(1, -(-total // page_size))
    state = st.session_state
    if not isinstance(state.get(key), int) or not 1 <= state[key] <= pages:
        state[key] = 1   # the list shrank (other filter or period): back to its first page
    if pages > 1:
        st.number_input(t("filters.page_number"), min_value=1, max_value=pages, step=1, key=key)
    st.caption(t("filters.page_of", page=state[key], pages=pages, total=total))
    return state[key] - 1


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
        st.warning(t("filters.bad_param", field=param, value=SEPARATOR.join(bad)))
    state[key] = [code for code in vocabulary.codes if code in parsed.values()]


def _write_url(key: str, param: str, codes: tuple[str, ...]) -> None:
    value = SEPARATOR.join(codes) or None
    if value is None:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != value:
        st.query_params[param] = value
    st.session_state[f"_url_{key}"] = value
