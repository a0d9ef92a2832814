"""Shared widgets drawn the same way on every page."""
from __future__ import annotations

import streamlit as st

from db import enums
from db.kpis import Kpis
from ui import cache
from ui.formatting import format_kpi, kpi_delta
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


def chart(builder, data, t: Translator, *args, **kwargs) -> None:
    """Draw `builder(data, t, *args, **kwargs)` (a ui.*charts builder) full width; its spec is reused
    while the data, the language and the options stay the same."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    st.vega_lite_chart(cache.chart_spec(builder, name, data, t, t.lang, args, kwargs), width="stretch")
