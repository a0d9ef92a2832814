"""A select box whose choice is mirrored in a URL query parameter, so a filtered view can be shared.

A value in the URL that is not one of the choices is named in a warning and dropped; the
page goes on with "any".
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from ui.i18n import Translator

ANY = ""


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
                st.warning(t("filters.bad_param", field=param, value=url_value))
            state[key] = ANY
    if state.get(key) not in (ANY, *choices):
        state[key] = ANY
    value = container.selectbox(label, [ANY, *choices], key=key,
                                format_func=lambda c: t("filters.any") if c == ANY else format_func(c))
    if value == ANY:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != value:
        st.query_params[param] = value
    state[seen_key] = value
    return value
