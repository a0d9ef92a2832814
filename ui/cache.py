"""The only st.cache_* wrappers: the engine per process, query results per data revision.

Every cached read takes the current data revision as an argument, so a write made by
any process invalidates it at the next run; the TTL bounds memory, not freshness.
"""
from __future__ import annotations

import datetime as dt
import os

import pandas as pd
import streamlit as st

from db.bootstrap import prepare
from db.config import database_url, is_default_sqlite
from db.engine import make_engine
from db.kpis import Kpis, compute
from db.kpis import patrol_compliance as kpi_patrol_compliance
from db.period import Period
from db.queries import (
    approvals, choices, deleted, drilldown, hazards, overview, patrols, project_detail, projects, risk, training,
    workflow,
)
from db.unit_of_work import data_revision

TTL = dt.timedelta(minutes=10)
PAGE_SIZE = 50
# The visit log counts at most this many matches: beyond it, the user narrows the filter.
LOG_COUNT_CAP = 5000


def refresh_interval() -> dt.timedelta:
    """How often live parts of a page re-check the data (OVERVIEW_REFRESH_SECONDS, default 30 s)."""
    return dt.timedelta(seconds=float(os.environ.get("OVERVIEW_REFRESH_SECONDS", "30")))


@st.cache_resource(show_spinner=False)
def engine():
    """The process-wide engine, migrated; the default SQLite file is demo-filled on first start."""
    url = database_url()
    eng = make_engine(url)
    prepare(eng, fill_demo_if_empty=is_default_sqlite(url))
    return eng


def revision() -> int:
    """The current data revision (one indexed single-row read)."""
    return data_revision(engine())


@st.cache_data(ttl=TTL, show_spinner=False)
def kpis(period: Period, as_of: dt.date, rev: int) -> Kpis:
    """KPIs of the period as of a date."""
    with engine().connect() as conn:
        return compute(conn, period, as_of)


@st.cache_data(ttl=TTL, show_spinner=False)
def hazards_by_month(period: Period, rev: int, levels: tuple[str, ...] = (),
                     domains: tuple[str, ...] = ()) -> pd.DataFrame:
    """Hazards found and closed per month of the period (all levels and domains unless given)."""
    with engine().connect() as conn:
        return overview.hazards_found_closed_by_month(conn, period, levels=levels, domains=domains)


@st.cache_data(ttl=TTL, show_spinner=False)
def accident_facts(as_of: dt.date, rev: int) -> tuple[dt.date | None, dt.date | None]:
    """(last accident on or before as_of, first day of records)."""
    with engine().connect() as conn:
        return overview.last_accident_date(conn, as_of), overview.records_start(conn)


@st.cache_data(ttl=TTL, show_spinner=False)
def awards(period: Period, rev: int) -> pd.DataFrame:
    """Awards of the period's years."""
    with engine().connect() as conn:
        return overview.awards_in_years(conn, period)


@st.cache_data(ttl=TTL, show_spinner=False)
def project_choices(username: str, as_of: dt.date, rev: int) -> list[tuple[str, str]]:
    """Active projects for entry forms, the user's recently visited ones first."""
    with engine().connect() as conn:
        return workflow.project_choices(conn, username, as_of)


@st.cache_data(ttl=TTL, show_spinner=False)
def visit_code(visit_id: int, rev: int) -> str:
    """The code of a saved visit, for the confirmation."""
    with engine().connect() as conn:
        return workflow.visit_code(conn, visit_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def workflow_hazards(state: str, as_of: dt.date, page: int, rev: int) -> tuple[pd.DataFrame, int]:
    """A page of hazards awaiting rectification or re-inspection, and how many there are."""
    with engine().connect() as conn:
        return workflow.workflow_hazards(conn, state=state, as_of=as_of, limit=PAGE_SIZE, offset=page * PAGE_SIZE)


@st.cache_data(ttl=TTL, show_spinner=False)
def escalations(rev: int) -> pd.DataFrame:
    """Open hazards sent back repeatedly."""
    with engine().connect() as conn:
        return workflow.hazards_needing_escalation(conn)


@st.cache_data(ttl=TTL, show_spinner=False)
def project_page(where: projects.ProjectFilter, as_of: dt.date, page: int, rev: int) -> tuple[pd.DataFrame, int]:
    """A page of the filtered project list and the number of matching projects."""
    with engine().connect() as conn:
        return projects.project_page(conn, where=where, as_of=as_of, limit=PAGE_SIZE, offset=page * PAGE_SIZE)


@st.cache_data(ttl=TTL, show_spinner=False)
def project_map(where: projects.ProjectFilter, as_of: dt.date, rev: int) -> tuple[pd.DataFrame, int]:
    """Located projects matching the filter, capped for the map."""
    with engine().connect() as conn:
        return projects.project_map(conn, where=where, as_of=as_of)


@st.cache_data(ttl=TTL, show_spinner=False)
def project_record(code: str, as_of: dt.date, rev: int) -> dict | None:
    """One project's page: facts, ledger, team, visits, hazards, risk points, enforcement, approvals."""
    with engine().connect() as conn:
        facts = project_detail.project_facts(conn, code=code, as_of=as_of)
        if facts is None:
            return None
        pid = facts["id"]
        return {
            "facts": facts,
            "ledger": project_detail.ledger(conn, project_id=pid, as_of=as_of),
            "team": project_detail.team(conn, project_id=pid),
            "visits": project_detail.recent_visits(conn, project_id=pid),
            "hazards": project_detail.hazards(conn, project_id=pid, as_of=as_of, limit=PAGE_SIZE * 4),
            "risk_points": project_detail.risk_points(conn, project_id=pid),
            "enforcement": project_detail.enforcement(conn, project_id=pid),
            "approvals": project_detail.approvals(conn, project_id=pid),
            "escalations": workflow.hazards_needing_escalation(conn, project_id=pid),
        }


@st.cache_data(ttl=TTL, show_spinner=False)
def records_behind(kpi: str, period: Period, as_of: dt.date, page: int, rev: int) -> tuple[pd.DataFrame, int]:
    """A page of the records an Overview card counted, and how many there are."""
    with engine().connect() as conn:
        return drilldown.records_behind(conn, kpi=kpi, period=period, as_of=as_of, limit=PAGE_SIZE,
                                        offset=page * PAGE_SIZE)


@st.cache_data(ttl=TTL, show_spinner=False)
def enterprise_choices(rev: int) -> list[tuple[str, str]]:
    """(credit code, name) of enterprises for the forms' pickers."""
    with engine().connect() as conn:
        return choices.enterprise_choices(conn)


@st.cache_data(ttl=TTL, show_spinner=False)
def open_stop_work_orders(rev: int) -> pd.DataFrame:
    """Stop-work orders still in force."""
    with engine().connect() as conn:
        return choices.open_stop_work_orders(conn)


@st.cache_data(ttl=TTL, show_spinner=False)
def ledger_for_edit(project_code: str, as_of: dt.date, rev: int) -> pd.DataFrame:
    """A project's ledger items with their versions."""
    with engine().connect() as conn:
        return choices.ledger_for_edit(conn, project_code=project_code, as_of=as_of)


@st.cache_data(ttl=TTL, show_spinner=False)
def hazard_breakdown(period: Period, levels: tuple, domains: tuple, rev: int) -> pd.DataFrame:
    """Hazards found in the period per (level, domain, category)."""
    with engine().connect() as conn:
        return hazards.hazard_breakdown(conn, period=period, levels=levels, domains=domains)


def hazard_counts(period: Period, by: str, levels: tuple, domains: tuple, rev: int) -> pd.DataFrame:
    """Hazards found in the period per level, domain or category, from the one cached breakdown."""
    return hazards.totals(hazard_breakdown(period, levels, domains, rev), by)


@st.cache_data(ttl=TTL, show_spinner=False)
def open_counts(period: Period, as_of: dt.date, levels: tuple, domains: tuple, rev: int) -> tuple[int, int]:
    """(open, overdue) among the period's hazards."""
    with engine().connect() as conn:
        return hazards.open_counts(conn, period=period, as_of=as_of, levels=levels, domains=domains)


@st.cache_data(ttl=TTL, show_spinner=False)
def open_hazards(period: Period, as_of: dt.date, levels: tuple, domains: tuple, page: int,
                 rev: int) -> tuple[pd.DataFrame, int]:
    """A page of the period's hazards still open, overdue first, and how many there are."""
    with engine().connect() as conn:
        return hazards.open_hazards(conn, period=period, as_of=as_of, levels=levels, domains=domains,
                                    limit=PAGE_SIZE, offset=page * PAGE_SIZE)


@st.cache_data(ttl=TTL, show_spinner=False)
def days_to_close(period: Period, as_of: dt.date, levels: tuple, domains: tuple, rev: int) -> pd.DataFrame:
    """Binned days from found to closed, over the period's closed hazards."""
    with engine().connect() as conn:
        return hazards.days_to_close_histogram(conn, period=period, as_of=as_of, levels=levels, domains=domains)


@st.cache_data(ttl=TTL, show_spinner=False)
def closed_within_deadline(period: Period, as_of: dt.date, levels: tuple, domains: tuple,
                           rev: int) -> tuple[int, int]:
    """(closed, closed by the deadline) among the period's hazards."""
    with engine().connect() as conn:
        return hazards.closed_within_deadline(conn, period=period, as_of=as_of, levels=levels, domains=domains)


@st.cache_data(ttl=TTL, show_spinner=False)
def risk_counts(period: Period, levels: tuple, categories: tuple, rev: int) -> dict[str, int]:
    """Risk points identified in the period per level."""
    with engine().connect() as conn:
        return risk.risk_counts_by_level(conn, period=period, levels=levels, categories=categories)


@st.cache_data(ttl=TTL, show_spinner=False)
def risk_by_project(period: Period, levels: tuple, categories: tuple, rev: int) -> tuple[pd.DataFrame, int]:
    """Project × category heatmap cells of the top projects, and how many projects have risk points."""
    with engine().connect() as conn:
        return risk.project_category_cells(conn, period=period, levels=levels, categories=categories)


@st.cache_data(ttl=TTL, show_spinner=False)
def risk_by_month(period: Period, levels: tuple, categories: tuple, rev: int) -> pd.DataFrame:
    """Category × month heatmap cells."""
    with engine().connect() as conn:
        return risk.category_month_cells(conn, period=period, levels=levels, categories=categories)


@st.cache_data(ttl=TTL, show_spinner=False)
def major_risk_points(period: Period, categories: tuple, page: int, rev: int) -> tuple[pd.DataFrame, int]:
    """A page of the period's major risk points and how many there are."""
    with engine().connect() as conn:
        return risk.major_risk_points(conn, period=period, categories=categories, limit=PAGE_SIZE,
                                      offset=page * PAGE_SIZE)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=200)
def photo_thumbnails(hazard_id: int, rev: int) -> list[bytes]:
    """Thumbnails of a hazard's rectification photos."""
    with engine().connect() as conn:
        return workflow.photo_thumbnails(conn, hazard_id)


@st.cache_data(ttl=TTL, show_spinner=False)
def live_record(table: str, code: str, rev: int) -> dict | None:
    """The live record of `table` with `code` (id, version, code), for deletion."""
    with engine().connect() as conn:
        return deleted.live_record(conn, table=table, code=code)


@st.cache_data(ttl=TTL, show_spinner=False)
def deleted_records(table: str, rev: int) -> tuple[pd.DataFrame, int]:
    """The most recently deleted records of a table and how many there are."""
    with engine().connect() as conn:
        return deleted.deleted_records(conn, table=table, limit=PAGE_SIZE)


@st.cache_data(ttl=TTL, show_spinner=False)
def patrol_compliance(period: Period, as_of: dt.date, rev: int) -> float | None:
    """The patrol_compliance KPI alone (the Patrols page needs none of the others)."""
    with engine().connect() as conn:
        return kpi_patrol_compliance(conn, period, as_of)


@st.cache_data(ttl=TTL, show_spinner=False)
def patrol_grid(period: Period, as_of: dt.date, limit: int, rev: int) -> tuple[pd.DataFrame, int]:
    """Heatmap cells of the worst-complying projects, and how many projects were eligible."""
    with engine().connect() as conn:
        return patrols.compliance_grid(conn, period=period, as_of=as_of, limit=limit)


@st.cache_data(ttl=TTL, show_spinner=False)
def patrol_weekly(period: Period, as_of: dt.date, rev: int) -> pd.DataFrame:
    """Weekly patrol compliance over the period."""
    with engine().connect() as conn:
        return patrols.weekly_compliance(conn, period=period, as_of=as_of)


@st.cache_data(ttl=TTL, show_spinner=False)
def patrol_projects(period: Period, including: str, rev: int) -> list[tuple[str, str]]:
    """(code, name) of the period's projects for the visit log filter, with `including` if it exists."""
    with engine().connect() as conn:
        return patrols.project_choices(conn, period=period, including=including)


@st.cache_data(ttl=TTL, show_spinner=False)
def visit_log(period: Period, project: str, kind: str, page: int, rev: int) -> tuple[pd.DataFrame, int]:
    """A page (0-based) of the period's visits, filtered by project code and kind ("" for any), and the count
    (LOG_COUNT_CAP + 1 meaning "more")."""
    with engine().connect() as conn:
        return patrols.visit_log(conn, period=period, project_code=project or None, kind=kind or None,
                                 limit=PAGE_SIZE, offset=page * PAGE_SIZE, count_cap=LOG_COUNT_CAP)


@st.cache_data(ttl=TTL, show_spinner=False)
def training_by_month(period: Period, rev: int) -> pd.DataFrame:
    """Training sessions and attendees per month and kind."""
    with engine().connect() as conn:
        return training.sessions_by_month(conn, period=period)


@st.cache_data(ttl=TTL, show_spinner=False)
def training_reach(period: Period, rev: int) -> tuple[int, int]:
    """(enterprises on active projects, of them reached by a session in the period)."""
    with engine().connect() as conn:
        return training.reach(conn, period=period)


@st.cache_data(ttl=TTL, show_spinner=False)
def enterprises_not_reached(period: Period, page: int, rev: int) -> tuple[pd.DataFrame, int]:
    """A page (0-based) of enterprises on active projects not reached in the period, and the count."""
    with engine().connect() as conn:
        return training.not_reached(conn, period=period, limit=PAGE_SIZE, offset=page * PAGE_SIZE)


@st.cache_data(ttl=TTL, show_spinner=False)
def approval_bins(period: Period, bin_days: int, rev: int) -> pd.DataFrame:
    """Approvals approved in the period per mode and cycle-length bin."""
    with engine().connect() as conn:
        return approvals.cycle_bins(conn, period=period, bin_days=bin_days)


@st.cache_data(ttl=TTL, show_spinner=False)
def approval_means(period: Period, rev: int) -> pd.DataFrame:
    """Per mode: approvals approved in the period and their mean, shortest and longest cycle."""
    with engine().connect() as conn:
        return approvals.cycle_means(conn, period=period)


@st.cache_data(ttl=TTL, show_spinner=False)
def approval_timeline(period: Period, page: int, page_size: int, rev: int) -> tuple[pd.DataFrame, int]:
    """One page (0-based) of projects' approval bars, and how many projects have approvals in the period."""
    with engine().connect() as conn:
        return approvals.timeline(conn, period=period, limit=page_size, offset=page * page_size)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=256)
def chart_spec(_builder, name: str, data: pd.DataFrame, _t, lang: str, args: tuple, kwargs: dict) -> dict:
    """The vega-lite spec of `_builder(data, _t, *args, **kwargs)`, built once per data, language and options.

    Building and validating an altair chart costs tens of milliseconds per run; the spec for the same
    data does not change, and `data` (already cached per revision) is part of the key.
    """
    spec = _builder(data, _t, *args, **kwargs).to_dict()
    # altair's default theme pins a 300 px view that would fight the container width (Streamlit drops it too).
    config = spec.get("config", {})
    if config.get("view") == {"continuousWidth": 300, "continuousHeight": 300}:
        del config["view"]
        if not config:
            del spec["config"]
    return spec
