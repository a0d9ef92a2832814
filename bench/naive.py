"""The pattern a typical Streamlit dashboard uses: read the tables it needs into pandas, aggregate there.

It computes the Overview's figures (both periods' cards and the monthly chart) with vectorised pandas. Timed two
ways: the first load (read_sql of the tables, then the aggregation), and a rerun over DataFrames already cached
(st.cache_data holds them), which is what such a dashboard pays on every later interaction.
"""
from __future__ import annotations

import datetime as dt
import gc
import time

import pandas as pd
from sqlalchemy import Engine

from bench.pages import Spread
from db.period import Period

TABLES = ("projects", "site_visits", "hazards", "risk_points", "enforcements", "trainings",
          "training_enterprises", "accidents", "approvals", "awards")
LOADS, RERUNS = 3, 5


def naive_timings(engine: Engine, period: Period, as_of: dt.date) -> tuple[Spread, Spread]:
    """(first load and aggregation, cached rerun) for the Overview's figures, each over several runs."""
    loads, reruns, frames = [], [], None
    for _ in range(LOADS):
        frames = None
        gc.collect()
        started = time.perf_counter()
        frames = load(engine)
        overview(frames, period, as_of)
        loads.append(time.perf_counter() - started)
    for _ in range(RERUNS):
        started = time.perf_counter()
        overview(frames, period, as_of)
        reruns.append(time.perf_counter() - started)
    return Spread.of(loads), Spread.of(reruns)


def load(engine: Engine) -> dict[str, pd.DataFrame]:
    """Every table the Overview needs, live rows only, dates as datetime64 (what one would cache)."""
    frames = {}
    with engine.connect() as conn:
        for name in TABLES:
            frame = pd.read_sql_table(name, conn)
            if "deleted_at" in frame:
                frame = frame[frame["deleted_at"].isna()]
            for column in frame.columns:
                if column.endswith(("_on", "_date")):
                    frame[column] = pd.to_datetime(frame[column])
            frames[name] = frame
    return frames


def overview(frames: dict[str, pd.DataFrame], period: Period, as_of: dt.date) -> None:
    """The Overview's cards for the period and the previous one, and its monthly chart."""
    for p in (period, period.previous()):
        figures(frames, p, min(as_of, p.end) if p is not period else as_of)
    monthly(frames["hazards"], period)


def _between(series: pd.Series, period: Period) -> pd.Series:
    return series.between(pd.Timestamp(period.start), pd.Timestamp(period.end))


def figures(f: dict[str, pd.DataFrame], period: Period, as_of: dt.date) -> dict:
    """The KPIs of the period, vectorised."""
    as_of_ts = pd.Timestamp(as_of)
    projects = f["projects"]
    active = projects[(projects.start_date <= pd.Timestamp(period.end))
                      & (projects.completion_date.isna() | (projects.completion_date >= pd.Timestamp(period.start)))]
    hazards = f["hazards"][_between(f["hazards"].found_on, period)]
    closed = hazards.closed_on.notna() & (hazards.closed_on <= as_of_ts)
    fixed = hazards.rectified_on.notna() & (hazards.rectified_on <= as_of_ts)
    visits = f["site_visits"][_between(f["site_visits"].visited_on, period)]
    monday = visits.visited_on - pd.to_timedelta(visits.visited_on.dt.weekday, unit="D")
    weekly = visits.groupby([visits.project_id, monday]).size()
    risks = f["risk_points"][_between(f["risk_points"].identified_on, period)]
    orders = f["enforcements"][_between(f["enforcements"].issued_on, period)]
    trainings = f["trainings"][_between(f["trainings"].held_on, period)]
    attended = f["training_enterprises"][f["training_enterprises"].training_id.isin(trainings.id)]
    approvals = f["approvals"][_between(f["approvals"].approved_on, period)]
    return {
        "projects_supervised": len(active), "key_projects": int(active.is_key.sum()),
        "hazards_found": len(hazards), "hazards_major": int((hazards.level == "major").sum()),
        "hazards_closed": int(closed.sum()),
        "hazards_overdue": int((~fixed & (hazards.due_on < as_of_ts)).sum()),
        "median_days_to_close": (hazards.closed_on[closed] - hazards.found_on[closed]).dt.days.median(),
        "risk_points": len(risks), "risk_points_major": int((risks.level == "major").sum()),
        "enforcement": orders.kind.value_counts(), "site_visits": len(visits),
        "compliant_weeks": int((weekly >= 3).sum()),
        "trainings": len(trainings), "attendees": int(trainings.attendees.sum()),
        "enterprises_trained": attended.enterprise_id.nunique(),
        "accidents": int(_between(f["accidents"].occurred_on, period).sum()),
        "approval_days": (approvals.approved_on - approvals.submitted_on).dt.days.groupby(approvals["mode"]).mean(),
    }


def monthly(hazards: pd.DataFrame, period: Period) -> pd.DataFrame:
    """Hazards found and closed per month of the period."""
    found = hazards.found_on[_between(hazards.found_on, period)]
    closed = hazards.closed_on[_between(hazards.closed_on, period)]
    return pd.DataFrame({"found": found.dt.to_period("M").value_counts(),
                         "closed": closed.dt.to_period("M").value_counts()}).fillna(0)
