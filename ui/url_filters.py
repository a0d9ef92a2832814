"""Filters mirrored in the URL so a filtered view can be bookmarked; bad values warn and fall back."""
from __future__ import annotations

import streamlit as st

from ui.i18n import Translator


def choice(t: Translator, name: str, allowed: tuple[str, ...]) -> str | None:
    """The URL parameter `name` if it is one of `allowed`; otherwise None (with a warning when present)."""
    value = st.query_params.get(name)
    if value in (None, ""):
        return None
    if value not in allowed:
        st.warning(t("frame.bad_filter_param", field=name, reason=t("errors.not_in_list")))
        return None
    return value


def text(name: str) -> str:
    """The URL parameter `name` as stripped text ('' when absent)."""
    return (st.query_params.get(name) or "").strip()[:100]


def page_number(t: Translator, name: str, pages: int) -> int:
    """A 1-based page number from the URL, clamped to [1, pages], warning when it was not a number."""
    value = st.query_params.get(name)
    if value is None:
        return 1
    if not value.isdigit():
        st.warning(t("frame.bad_filter_param", field=name, reason=t("errors.not_a_number")))
        return 1
    return min(max(int(value), 1), max(pages, 1))


def write(**values) -> None:
    """Mirror the given filters into the URL, dropping empty ones."""
    for name, value in values.items():
        if value in (None, "", False):
            st.query_params.pop(name, None)
        elif st.query_params.get(name) != str(value):
            st.query_params[name] = str(value)
