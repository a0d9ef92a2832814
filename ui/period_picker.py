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
PERIOD_KINDS = ("year", "quarter", "month", CUSTOM, "all")
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


def language_switch(t: Translator, *, key: str = "frame_lang", container=None) -> None:
    """A switch between Chinese and English: in the sidebar, or in `container` (the presentation's controls)."""
    st.session_state[key] = st.session_state["lang"]
    (container or st.sidebar).segmented_control(
        t("frame.language"), LANGUAGES, key=key, format_func=LANGUAGE_NAMES.get,
        on_change=_keep_choice, args=(key, "lang"),
    )
    _write_url(lang=st.session_state["lang"])


def chosen_period(t: Translator, today: dt.date, first_day: dt.date | None) -> Period:
    """The period from a changed URL, else the session, else this year; with its sidebar widgets.

    The kind (year, quarter, month, custom range, all since `first_day`, the first record) is one click from
    any state; each choice sets the period at once and the URL follows.
    """
    state = st.session_state
    first_day = first_day or dt.date(FIRST_YEAR, 1, 1)
    _apply_url_period(t, first_day)
    period = state.setdefault("period", Period.year(today.year))
    kind = state["frame_period_kind"] = state.get("period_kind") or period.kind(first_day)
    st.sidebar.segmented_control(t("frame.period"), PERIOD_KINDS, key="frame_period_kind",
                                 format_func=lambda k: t(f"frame.kind_{k}"), on_change=_on_kind,
                                 args=(today, first_day))
    if kind in ("year", "quarter", "month"):
        choices = Period.every(kind, FIRST_YEAR, today)
        if period not in choices:
            choices.insert(0, period)
        state["frame_period_choice"] = period
        st.sidebar.selectbox(t(f"frame.kind_{kind}"), choices, key="frame_period_choice",
                             format_func=lambda p: period_label(t, p), on_change=_on_choice)
    elif kind == CUSTOM:
        state["frame_dates"] = (period.start, period.end)
        st.sidebar.date_input(t("frame.custom_range"), key="frame_dates", on_change=_on_dates)
    else:
        st.sidebar.caption(t("frame.all_since", start=period.start, end=period.end))
    period = state["period"]
    _write_url(start=period.start.isoformat(), end=period.end.isoformat())
    return period


def period_label(t: Translator, period: Period) -> str:
    """A period as the pickers name it: 2024, 2024年第3季度 / Q3 2024, 2024年8月 / Aug 2024, or its two dates."""
    kind = period.kind()
    if kind == "year":
        return str(period.start.year)
    if kind == "quarter":
        return t("frame.quarter_label", year=period.start.year, quarter=(period.start.month - 1) // 3 + 1)
    if kind == "month":
        return t("frame.month_label", year=period.start.year, month=period.start.month,
                 name=period.start.strftime("%b"))
    return t("report_export.range", start=period.start, end=period.end)


def _apply_url_period(t: Translator, first_day: dt.date) -> None:
    state, params = st.session_state, st.query_params
    url = (params.get("start"), params.get("end"))
    if url == state.get("_url_period") or url == (None, None):
        return
    state["_url_period"] = url
    try:
        state["period"] = Period.parse(url[0] or "", url[1] or "")
        state["period_kind"] = state["period"].kind(first_day)
    except PeriodError as exc:
        st.sidebar.warning(t("frame.bad_url_param", field=exc.field, reason=t(exc.message_key)))


def _keep_choice(widget_key: str, durable_key: str) -> None:
    if st.session_state[widget_key] is not None:
        st.session_state[durable_key] = st.session_state[widget_key]


def _on_kind(today: dt.date, first_day: dt.date) -> None:
    state = st.session_state
    kind = state["frame_period_kind"]
    if kind is None:   # a second click on the chosen kind unselects it: keep the period
        return
    state["period_kind"] = kind
    latest = min(state["period"].end, today)
    if kind == "all":
        state["period"] = Period(first_day, max(first_day, today))
    elif kind != CUSTOM:
        state["period"] = Period.containing(kind, latest)


def _on_choice() -> None:
    st.session_state["period"] = st.session_state["frame_period_choice"]


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
