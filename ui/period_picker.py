"""The period and language choice: kept in the session, mirrored in the URL so views can be shared.

Durable values live under plain session keys ("period", "lang"); widgets write them
through callbacks, so the same choice carries from one page to the next.
"""
from __future__ import annotations

import datetime as dt

import streamlit as st

from db.period import FIRST_YEAR, Period, PeriodError
from render.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translator


CUSTOM = "custom"
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}


def chosen_language() -> str:
    """The language from a changed URL, else the session, else Chinese."""
    state = st.session_state
    url_lang = st.query_params.get("lang")
    if url_lang != state.get("_url_lang"):
        state["_url_lang"] = url_lang
        if url_lang in LANGUAGES:
            state["lang"] = url_lang
    return state.setdefault("lang", DEFAULT_LANGUAGE)


def language_switch(t: Translator) -> None:
    """A sidebar switch between Chinese and English."""
    st.session_state["frame_lang"] = st.session_state["lang"]
    st.sidebar.segmented_control(
        t("frame.language"), LANGUAGES, key="frame_lang", format_func=LANGUAGE_NAMES.get,
        on_change=_keep_choice, args=("frame_lang", "lang"),
    )
    _write_url(lang=st.session_state["lang"])


def chosen_period(t: Translator, today: dt.date) -> Period:
    """The period from a changed URL, else the session, else this year; with its sidebar widgets."""
    state = st.session_state
    _apply_url_period(t)
    period = state.setdefault("period", Period.year(today.year))
    years = [str(y) for y in range(max(today.year, FIRST_YEAR), FIRST_YEAR - 1, -1)]
    state["frame_period"] = str(period.start.year) if period == Period.year(period.start.year) else CUSTOM
    choice = st.sidebar.segmented_control(
        t("frame.period"), [*years, CUSTOM], key="frame_period",
        format_func=lambda o: t("frame.custom") if o == CUSTOM else o, on_change=_on_preset,
    )
    if choice == CUSTOM:
        state["frame_dates"] = (period.start, period.end)
        st.sidebar.date_input(t("frame.custom_range"), key="frame_dates", on_change=_on_dates)
    period = state["period"]
    _write_url(start=period.start.isoformat(), end=period.end.isoformat())
    return period


def _apply_url_period(t: Translator) -> None:
    state, params = st.session_state, st.query_params
    url = (params.get("start"), params.get("end"))
    if url == state.get("_url_period") or url == (None, None):
        return
    state["_url_period"] = url
    try:
        state["period"] = Period.parse(url[0] or "", url[1] or "")
    except PeriodError as exc:
        st.sidebar.warning(t("frame.bad_url_param", field=exc.field, reason=t(exc.message_key)))


def _keep_choice(widget_key: str, durable_key: str) -> None:
    if st.session_state[widget_key] is not None:
        st.session_state[durable_key] = st.session_state[widget_key]


def _on_preset() -> None:
    choice = st.session_state["frame_period"]
    if choice not in (None, CUSTOM):
        st.session_state["period"] = Period.year(int(choice))
    elif choice == CUSTOM:
        st.session_state["frame_dates"] = (st.session_state["period"].start, st.session_state["period"].end)


def _on_dates() -> None:
    dates = st.session_state["frame_dates"]
    if isinstance(dates, (tuple, list)) and len(dates) == 2:
        st.session_state["period"] = Period(min(dates), max(dates))


def _write_url(**params: str) -> None:
    state = st.session_state
    for key, value in params.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value
    if "lang" in params:
        state["_url_lang"] = params["lang"]
    if "start" in params:
        state["_url_period"] = (params["start"], params["end"])
