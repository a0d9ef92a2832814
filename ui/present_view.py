"""Presentation mode: the year's story for a projector, one idea per slide, nothing to enter or export.

Visitors always see it; other roles switch it on from the sidebar (`?present=1` in the URL) and leave it from the
slide. It tells the year set as PRESENT_YEAR (the demo: 2024, the article's year), else the period chosen. Full
screen (no sidebar), large type on the bureau's colours; a slide without data is skipped, never shown with a dash.
"""
from __future__ import annotations

import dataclasses
import time

import streamlit as st

from db.config import settings
from db.enums import KPI, PROJECT_KIND
from db.kpis import compute
from db.period import Period
from db.permissions import sees_masked
from db.queries import overview, risk_map, story
from db.summaries.figures import training_totals
from render import charts
from render.formatting import format_kpi, plain
from ui import cache, risk_view, widgets
from ui.auth import still_signed_in
from ui.frame import PageContext
from ui.period_picker import language_switch

SLIDES = ("services", "headline", "risk_map", "hazards", "flagships", "outreach", "safety")
AUTO_ADVANCE_SECONDS = 15
# (service, KPI key): the three-style service story, each with the figure that shows it.
SERVICES = (("one_on_one", "key_projects"), ("on_site", "site_visits"), ("approval", "approval_cycle_reduction"))
HEADLINE = ("hazards_found", "hazards_closed", "rectification_rate", "risk_points", "risk_points_major",
            "stop_work_orders", "warning_interviews", "patrol_compliance")
SINCE_FIRST = ("trainings", "attendees", "enterprises_trained")
PER_ROW = 4
PROJECTOR_CHART_PX = 600   # a chart fills the slide below its title at 1080 px

# Fixed text, no data: full screen on the bureau's dark blue, headline numbers 72 px, text 28 px. Scoped to the
# slide's container (st-key-present_slide_body) so nothing else of the app changes.
PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
.stApp, [data-testid="stMain"] { background: #0b2e59 !important; }
[data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 1.5rem 3rem !important; }
.stApp p, .stApp li, .stApp label, .stApp span, .stApp h1, .stApp h2, .stApp h3 { color: #ffffff !important; }
.st-key-present_slide_body p, .st-key-present_slide_body li { font-size: 28px !important; line-height: 1.4 !important; }
.st-key-present_slide_body h1 { font-size: 56px !important; }
.st-key-present_slide_body h2 { font-size: 40px !important; }
.st-key-present_slide_body h3 { font-size: 32px !important; }
.st-key-present_slide_body [data-testid="stMetric"] { background: rgba(255, 255, 255, 0.08); border-color: #c8102e !important; }
.st-key-present_slide_body [data-testid="stMetricValue"], .st-key-present_slide_body [data-testid="stMetricValue"] * {
  font-size: 72px !important; line-height: 1.1 !important; }
.st-key-present_slide_body [data-testid="stMetricLabel"], .st-key-present_slide_body [data-testid="stMetricLabel"] * {
  font-size: 26px !important; }
.st-key-present_slide_body h1 [data-testid="stIconMaterial"] { font-size: 96px !important; color: #f2c94c !important; }
.st-key-present_controls button p, .st-key-present_controls label p { font-size: 22px !important; }
.st-key-present_controls button { background: transparent; border-color: #ffffff88; }
</style>"""


def wanted(ctx: PageContext) -> bool:
    """Whether this run shows the presentation: always for visitors, else when switched on."""
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


def story_period(ctx: PageContext) -> Period:
    """The year the presentation tells (PRESENT_YEAR), else the period chosen in the sidebar."""
    year = settings().present_year
    return Period.year(year) if year else ctx.period


def show(ctx: PageContext) -> None:
    """The controls and the current slide, advancing by itself when asked."""
    t = ctx.t
    st.html(PRESENT_CSS)
    st.session_state.setdefault("present_slide", 0)
    with st.container(key="present_controls"):
        columns = st.columns([1, 1, 3, 2, 1] if not sees_masked(ctx.user.role) else [1, 1, 3, 2])
        columns[0].button(t("present.previous"), on_click=_step, args=(-1,), width="stretch", key="present_previous")
        columns[1].button(t("present.next"), on_click=_step, args=(1,), width="stretch", key="present_next")
        automatic = columns[2].toggle(t("present.auto", seconds=AUTO_ADVANCE_SECONDS), key="present_auto")
        with columns[3]:
            language_switch(t, key="present_lang", container=st)
        if len(columns) > 4:
            columns[4].button(t("present.leave"), key="present_leave", on_click=_leave, width="stretch")
    _stage(ctx, automatic)


def _step(by: int) -> None:
    st.session_state["present_slide"] = st.session_state["present_slide"] + by
    st.session_state["present_shown_at"] = time.monotonic()


def _leave() -> None:
    st.session_state["present"] = False


@st.fragment(run_every=AUTO_ADVANCE_SECONDS)
def _stage(ctx: PageContext, automatic: bool) -> None:
    still_signed_in(cache.engine())
    state = st.session_state
    if automatic and time.monotonic() - state.setdefault("present_shown_at", time.monotonic()) >= AUTO_ADVANCE_SECONDS:
        _step(1)
    period = story_period(ctx)
    told = dataclasses.replace(ctx, period=period, as_of=min(ctx.as_of, max(period.end, period.start)))
    slides = _slides(told, cache.revision())
    if not slides:
        st.info(ctx.t("present.nothing"))
        return
    index = state["present_slide"] % len(slides)
    name, draw = slides[index]
    with st.container(key="present_slide_body"):
        st.caption(ctx.t("present.progress", n=index + 1, total=len(slides), start=period.start, end=period.end))
        st.title(ctx.t(f"present.{name}_title"), anchor=False)
        draw()


def _slides(ctx: PageContext, rev: int) -> list[tuple[str, callable]]:
    """(name, drawer) of every slide that has something to show for the period, in story order."""
    t, period = ctx.t, ctx.period
    figures = cache.read(compute, period, ctx.as_of, rev=rev).as_dict()
    first_day = cache.read(overview.records_start, rev=rev)
    shown = []

    services = [(service, key) for service, key in SERVICES if figures[key]]
    if services:
        shown.append(("services", lambda: _services(t, figures, services)))
    headline = [key for key in HEADLINE if figures[key] is not None]
    if figures["hazards_found"] or figures["site_visits"]:
        shown.append(("headline", lambda: _big_figures(t, figures, headline)))
    if cache.read(risk_map.risk_sites, as_of=ctx.as_of, where=None, rev=rev)[1]:
        shown.append(("risk_map", lambda: risk_view.map_section(ctx, rev, title=False, projector=PROJECTOR_CHART_PX)))
    monthly = cache.read(overview.hazards_found_closed_by_month, period, rev=rev)
    if monthly[["found", "closed"]].to_numpy().sum():
        shown.append(("hazards", lambda: widgets.chart(charts.found_vs_closed, monthly, t, projector=PROJECTOR_CHART_PX)))
    flagships = cache.read(story.flagships, period, rev=rev)
    if flagships:
        shown.append(("flagships", lambda: _flagships(t, flagships)))
    if first_day and first_day <= ctx.as_of:
        since = Period(first_day, ctx.as_of)
        # Training totals only: the whole KPI set since the first record would compute the slow ones too.
        reach = cache.read(training_totals, since, rev=rev)
        if reach["trainings"]:
            shown.append(("outreach", lambda: _outreach(t, reach, since)))
        free, _ = cache.read(story.accident_free_years, first_day, period.end.year, rev=rev)
        if free:
            shown.append(("safety", lambda: _safety(t, free, figures)))
    return shown


def _services(t, figures: dict, services: list[tuple[str, str]]) -> None:
    for column, (service, key) in zip(st.columns(len(services)), services):
        with column:
            st.header(t(f"present.{service}"), anchor=False)
            st.metric(t.label(KPI, key), format_kpi(key, figures[key]), border=True)
            st.write(t(f"present.{service}_story"))


def _big_figures(t, figures: dict, keys: list[str]) -> None:
    for first in range(0, len(keys), PER_ROW):
        for column, key in zip(st.columns(PER_ROW), keys[first:first + PER_ROW]):
            column.metric(t.label(KPI, key), format_kpi(key, figures[key]), border=True)


def _flagships(t, flagships: list[story.Flagship]) -> None:
    per_row = 3
    for first in range(0, len(flagships), per_row):
        for column, project in zip(st.columns(per_row), flagships[first:first + per_row]):
            with column.container(border=True):
                # No photograph of the project is on record: a drawing of its kind stands in.
                st.title(DRAWING.get(project.kind, DRAWING["other"]), anchor=False)
                st.subheader(plain(project.name), anchor=False)
                lines = [t("present.award", year=year, name=plain(name)) for year, name in project.awards]
                if project.floor_area_m2:
                    lines.append(t("present.floor_area", area=f"{project.floor_area_m2:,.0f}"))
                if project.progress_pct is not None:
                    lines.append(t("present.progress_now", pct=f"{project.progress_pct:.0f}"))
                elif project.completed_on:
                    lines.append(t("present.completed", date=project.completed_on))
                lines.append(t.label(PROJECT_KIND, project.kind))
                for line in lines:
                    st.write(line)


DRAWING = {"industrial": ":material/factory:", "municipal": ":material/water_drop:",
           "public": ":material/domain:", "other": ":material/apartment:"}


def _outreach(t, reach: dict, since: Period) -> None:
    st.write(t("present.since_first", start=since.start))
    _big_figures(t, reach, list(SINCE_FIRST))


def _safety(t, free: list[int], figures: dict) -> None:
    st.header(t("present.accident_free", years=t("present.year_separator").join(str(y) for y in free)),
              anchor=False)
    _big_figures(t, figures, ["accidents", "patrol_compliance"] if figures["patrol_compliance"] is not None
                 else ["accidents"])
