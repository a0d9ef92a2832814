"""The pattern most Streamlit dashboards use: read whole tables into pandas, aggregate there.

It computes the Overview's figures (both periods' cards and the monthly chart) so its
time compares with the Overview's real, SQL-aggregated run.
"""
from __future__ import annotations

import datetime as dt
import time

import pandas as pd
from sqlalchemy import Engine

from db.period import Period

TABLES = ("projects", "site_visits", "hazards", "risk_points", "enforcements", "trainings",
          "training_enterprises", "accidents", "approvals", "awards")


def naive_overview_seconds(engine: Engine, period: Period, as_of: dt.date) -> float:
    """Seconds to load every table and compute the Overview's figures for the period and the previous one."""
    started = time.perf_counter()
    with engine.connect() as conn:
        frames = {name: pd.read_sql_table(name, conn) for name in TABLES}
    for table in frames.values():
        for column in table.columns:
            if column.endswith(("_on", "_date")):
                table[column] = pd.to_datetime(table[column]).dt.date
    for p in (period, period.previous()):
        _figures(frames, p, as_of)
    _monthly(frames["hazards"], period)
    return time.perf_counter() - started


def _between(series: pd.Series, period: Period) -> pd.Series:
    return series.notna() & (series >= period.start) & (series <= period.end)


def _figures(f: dict[str, pd.DataFrame], period: Period, as_of: dt.date) -> dict:
    projects = f["projects"]
    active = projects[(projects.start_date <= period.end)
                      & (projects.completion_date.isna() | (projects.completion_date >= period.start))]
    hazards = f["hazards"][_between(f["hazards"].found_on, period)]
    closed = hazards.closed_on.notna() & (hazards.closed_on <= as_of)
    visits = f["site_visits"][_between(f["site_visits"].visited_on, period)].copy()
    visits["monday"] = [d - dt.timedelta(days=d.weekday()) for d in visits.visited_on]
    weekly = visits.groupby(["project_id", "monday"]).size()
    trainings = f["trainings"][_between(f["trainings"].held_on, period)]
    attended = f["training_enterprises"][f["training_enterprises"].training_id.isin(trainings.id)]
    return {
        "projects_supervised": len(active), "key_projects": int(active.is_key.sum()),
        "hazards_found": len(hazards), "hazards_major": int((hazards.level == "major").sum()),
        "hazards_closed": int(closed.sum()),
        "hazards_overdue": int((~closed & (hazards.due_on < as_of)).sum()),
        "median_days_to_close": (pd.to_datetime(hazards.closed_on[closed])
                                 - pd.to_datetime(hazards.found_on[closed])).dt.days.median(),
        "risk_points": int(_between(f["risk_points"].identified_on, period).sum()),
        "enforcement": f["enforcements"][_between(f["enforcements"].issued_on, period)].kind.value_counts(),
        "site_visits": len(visits), "compliant_weeks": int((weekly >= 3).sum()),
        "trainings": len(trainings), "enterprises_trained": attended.enterprise_id.nunique(),
        "accidents": int(_between(f["accidents"].occurred_on, period).sum()),
    }


def _monthly(hazards: pd.DataFrame, period: Period) -> pd.DataFrame:
    found = hazards[_between(hazards.found_on, period)]
    closed = hazards[_between(hazards.closed_on, period)]
    return pd.DataFrame({
        "found": found.groupby(found.found_on.map(lambda d: d.strftime("%Y-%m"))).size(),
        "closed": closed.groupby(closed.closed_on.map(lambda d: d.strftime("%Y-%m"))).size(),
    }).fillna(0)
