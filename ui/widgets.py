"""Shared widgets drawn the same way on every page."""
from __future__ import annotations

import streamlit as st

from db import enums
from db.kpis import Kpis
from ui.i18n import Translator

# Cards on the Overview, in reading order; (key, delta colour) where "inverse" means fewer is better.
OVERVIEW_CARDS = (
    ("projects_supervised", "off"), ("key_projects", "off"), ("site_visits", "normal"),
    ("patrol_compliance", "normal"), ("hazards_found", "off"), ("hazards_major", "inverse"),
    ("rectification_rate", "normal"), ("hazards_overdue", "inverse"), ("median_days_to_close", "inverse"),
    ("risk_points", "off"), ("risk_points_major", "inverse"), ("stop_work_orders", "inverse"),
    ("warning_interviews", "inverse"), ("trainings", "normal"), ("enterprises_trained", "normal"),
    ("accidents", "inverse"), ("approval_cycle_reduction", "normal"), ("awards", "normal"),
)
CARDS_PER_ROW = 6


def format_kpi(key: str, value) -> str:
    """A KPI value for display: percentages for rates, a dash for null."""
    if value is None:
        return "—"
    if key in enums.KPI_RATES:
        return f"{value:.1%}"
    if isinstance(value, float):
        return f"{value:.1f}"
    return f"{value:,}"


def kpi_delta(key: str, current, previous) -> str | None:
    """The change against the previous period as text (percentage points for rates)."""
    if current is None or previous is None:
        return None
    change = current - previous
    if key in enums.KPI_RATES:
        return f"{change * 100:+.1f} pp"
    return f"{change:+.1f}" if isinstance(change, float) else f"{change:+,}"


def kpi_cards(current: Kpis, previous: Kpis, t: Translator) -> None:
    """The Overview's KPI cards, each with its change against the previous period."""
    now, before = current.as_dict(), previous.as_dict()
    for row_start in range(0, len(OVERVIEW_CARDS), CARDS_PER_ROW):
        columns = st.columns(CARDS_PER_ROW)
        for column, (key, colour) in zip(columns, OVERVIEW_CARDS[row_start:row_start + CARDS_PER_ROW]):
            unchanged = now[key] == before[key]
            column.metric(t.label(enums.KPI, key), format_kpi(key, now[key]),
                          delta=kpi_delta(key, now[key], before[key]),
                          delta_color="off" if unchanged else colour,
                          delta_arrow="off" if unchanged else "auto", border=True)
