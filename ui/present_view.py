"""Presentation mode: the period's story in large type, one section at a time, nothing to enter or export.

Visitors always see it; other roles switch it on from the sidebar (`?present=1` in the URL).
"""
from __future__ import annotations

import time

import streamlit as st

from db.enums import KPI
from db.kpis import compute
from db.permissions import sees_masked
from db.queries import overview
from render import charts
from render.formatting import format_kpi
from ui import cache, risk_view
from ui.auth import still_signed_in
from ui.frame import PageContext

SECTIONS = ("services", "headline", "risk_map", "hazards", "outreach")
AUTO_ADVANCE_SECONDS = 15
# (figure, KPI key) per section; the services section tells the three-style service story.
SERVICES = (("one_on_one", "key_projects"), ("on_site", "site_visits"), ("approval", "approval_cycle_reduction"))
HEADLINE = ("hazards_found", "hazards_major", "rectification_rate", "risk_points", "risk_points_major",
            "stop_work_orders", "warning_interviews", "patrol_compliance", "accidents")
OUTREACH = ("trainings", "attendees", "enterprises_trained", "awards")


def wanted(ctx: PageContext) -> bool:
    """Whether this run shows the presentation: always for visitors, else when toggled on."""
    if sees_masked(ctx.user.role):
        return True
    state = st.session_state
    state.setdefault("present", st.query_params.get("present") == "1")
    st.sidebar.toggle(ctx.t("pages.present"), key="present")
    if state["present"]:
        st.query_params["present"] = "1"
    else:
        st.query_params.pop("present", None)
    return state["present"]


def show(ctx: PageContext) -> None:
    """The section controls and the current section, advancing by itself when asked."""
    t = ctx.t
    st.session_state.setdefault("present_section", 0)
    back, ahead, auto = st.columns([1, 1, 3])
    back.button(t("present.previous"), on_click=_step, args=(-1,), width="stretch", key="present_previous")
    ahead.button(t("present.next"), on_click=_step, args=(1,), width="stretch", key="present_next")
    automatic = auto.toggle(t("present.auto", seconds=AUTO_ADVANCE_SECONDS), key="present_auto")
    _stage(ctx, automatic)


def _step(by: int) -> None:
    st.session_state["present_section"] = (st.session_state["present_section"] + by) % len(SECTIONS)
    st.session_state["present_shown_at"] = time.monotonic()


@st.fragment(run_every=AUTO_ADVANCE_SECONDS)
def _stage(ctx: PageContext, automatic: bool) -> None:
    still_signed_in(cache.engine())
    state = st.session_state
    if automatic and time.monotonic() - state.setdefault("present_shown_at", time.monotonic()) >= AUTO_ADVANCE_SECONDS:
        _step(1)
    rev = cache.revision()
    figures = cache.read(compute, ctx.period, ctx.as_of, rev=rev).as_dict()
    section = SECTIONS[state["present_section"]]
    t = ctx.t
    st.caption(t("present.progress", n=state["present_section"] + 1, total=len(SECTIONS),
                 start=ctx.period.start, end=ctx.period.end))
    st.title(t(f"present.{section}_title"))
    if section == "services":
        for column, (service, key) in zip(st.columns(len(SERVICES)), SERVICES):
            with column:
                st.header(t(f"present.{service}"))
                st.markdown(f"# {format_kpi(key, figures[key])}")
                st.markdown(f"**{t.label(KPI, key)}**")
                st.write(t(f"present.{service}_story"))
    elif section == "headline":
        _big_figures(t, figures, HEADLINE, per_row=3)
    elif section == "risk_map":
        risk_view.map_section(ctx, rev, title=False)
    elif section == "hazards":
        monthly = cache.read(overview.hazards_found_closed_by_month, ctx.period, rev=rev)
        st.altair_chart(charts.found_vs_closed(monthly, t).properties(height=460), width="stretch")
    else:
        _big_figures(t, figures, OUTREACH, per_row=4)
        records_start = cache.read(overview.records_start, rev=rev)
        if cache.read(overview.last_accident_date, ctx.as_of, rev=rev) is None and records_start:
            st.success(t("overview.no_accident_since", date=records_start))


def _big_figures(t, figures: dict, keys: tuple[str, ...], per_row: int) -> None:
    for first in range(0, len(keys), per_row):
        for column, key in zip(st.columns(per_row), keys[first:first + per_row]):
            column.markdown(f"# {format_kpi(key, figures[key])}")
            column.markdown(f"### {t.label(KPI, key)}")
