"""Reads for one project's page: its facts, "one project, one list" ledger, team and records."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, case, select
from sqlalchemy.orm import aliased

from db.hazard_status import status_on, status_rank
from db.models import Approval, Enforcement, Enterprise, Hazard, LedgerItem, Project, RiskPoint, SiteVisit, TeamMember
from db.queries.projects import status_of
from db.queries.workflow import hazards_needing_escalation

RECENT_VISITS = 50
SEVERITY = {"major": 0, "high": 1, "moderate": 2, "low": 3}


def _frame(conn: Connection, query, columns: list[str]) -> pd.DataFrame:
    rows = conn.execute(query).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=columns)


def project_facts(conn: Connection, *, code: str, as_of: dt.date) -> dict | None:
    """The project's own fields and its three parties' names, or None when no live project has `code`."""
    developer, contractor, supervisor = aliased(Enterprise), aliased(Enterprise), aliased(Enterprise)
    row = conn.execute(
        select(Project.id, Project.code, Project.name, Project.kind, Project.is_key, Project.floor_area_m2,
               Project.start_date, Project.completion_date, Project.progress_pct, Project.lon, Project.lat,
               status_of(as_of).label("status"), developer.name.label("developer"),
               contractor.name.label("contractor"), supervisor.name.label("supervisor_firm"))
        .join(developer, developer.id == Project.developer_id)
        .join(contractor, contractor.id == Project.contractor_id)
        .outerjoin(supervisor, supervisor.id == Project.supervisor_firm_id)
        .where(Project.code == code, Project.deleted_at.is_(None))
    ).mappings().first()
    return dict(row) if row else None


def project_record(conn: Connection, *, code: str, as_of: dt.date, hazard_rows: int = 200) -> dict | None:
    """Everything one project's page shows, or None when no live project has `code`."""
    facts = project_facts(conn, code=code, as_of=as_of)
    if facts is None:
        return None
    pid = facts["id"]
    return {
        "facts": facts,
        "ledger": ledger(conn, project_id=pid, as_of=as_of),
        "team": team(conn, project_id=pid),
        "visits": recent_visits(conn, project_id=pid),
        "hazards": hazards(conn, project_id=pid, as_of=as_of, limit=hazard_rows),
        "risk_points": risk_points(conn, project_id=pid),
        "enforcement": enforcement(conn, project_id=pid),
        "approvals": approvals(conn, project_id=pid),
        "escalations": hazards_needing_escalation(conn, project_id=pid),
    }


def ledger(conn: Connection, *, project_id: int, as_of: dt.date) -> pd.DataFrame:
    """Ledger items by kind and plan, each flagged late when its planned end passed before acceptance;
    with id and version, so the status form edits what it shows."""
    late = case(((LedgerItem.status != "accepted") & (LedgerItem.planned_end < as_of), True), else_=False)
    return _frame(conn, select(
        LedgerItem.id, LedgerItem.version, LedgerItem.kind, LedgerItem.name, LedgerItem.danger_category,
        LedgerItem.beyond_scale, LedgerItem.planned_start, LedgerItem.planned_end, LedgerItem.status,
        late.label("late"))
        .where(LedgerItem.project_id == project_id, LedgerItem.deleted_at.is_(None))
        .order_by(LedgerItem.kind, LedgerItem.planned_start, LedgerItem.name),
        ["id", "version", "kind", "name", "danger_category", "beyond_scale", "planned_start", "planned_end",
         "status", "late"])


def team(conn: Connection, *, project_id: int) -> pd.DataFrame:
    """The project's one-on-one service team."""
    return _frame(conn, select(TeamMember.name, TeamMember.role, TeamMember.organization, TeamMember.phone)
                  .where(TeamMember.project_id == project_id, TeamMember.deleted_at.is_(None))
                  .order_by(TeamMember.role, TeamMember.name),
                  ["name", "role", "organization", "phone"])


def recent_visits(conn: Connection, *, project_id: int, limit: int = RECENT_VISITS) -> pd.DataFrame:
    """The project's latest site visits."""
    return _frame(conn, select(SiteVisit.code, SiteVisit.visited_on, SiteVisit.kind, SiteVisit.inspectors,
                               SiteVisit.notes)
                  .where(SiteVisit.project_id == project_id, SiteVisit.deleted_at.is_(None))
                  .order_by(SiteVisit.visited_on.desc(), SiteVisit.code.desc()).limit(limit),
                  ["code", "visited_on", "kind", "inspectors", "notes"])


def hazards(conn: Connection, *, project_id: int, as_of: dt.date, limit: int = 50,
            offset: int = 0) -> pd.DataFrame:
    """The project's hazards found by `as_of`: overdue first, then open, awaiting re-inspection, closed;
    newest first within."""
    return _frame(conn, select(Hazard.code, Hazard.found_on, Hazard.level, Hazard.category, Hazard.description,
                               Hazard.due_on, Hazard.rectified_on, Hazard.closed_on, status_on(as_of).label("status"))
                  .where(Hazard.project_id == project_id, Hazard.deleted_at.is_(None), Hazard.found_on <= as_of)
                  .order_by(status_rank(as_of), Hazard.found_on.desc(), Hazard.code).limit(limit).offset(offset),
                  ["code", "found_on", "level", "category", "description", "due_on", "rectified_on",
                   "closed_on", "status"])


def risk_points(conn: Connection, *, project_id: int) -> pd.DataFrame:
    """The project's risk points, most severe first."""
    severity = case(*((RiskPoint.level == level, rank) for level, rank in SEVERITY.items()), else_=9)
    return _frame(conn, select(RiskPoint.code, RiskPoint.identified_on, RiskPoint.level, RiskPoint.category,
                               RiskPoint.description, RiskPoint.controls)
                  .where(RiskPoint.project_id == project_id, RiskPoint.deleted_at.is_(None))
                  .order_by(severity, RiskPoint.identified_on.desc()).limit(200),
                  ["code", "identified_on", "level", "category", "description", "controls"])


def enforcement(conn: Connection, *, project_id: int) -> pd.DataFrame:
    """Stop-work orders, warning interviews and notices issued on the project, newest first."""
    return _frame(conn, select(Enforcement.code, Enforcement.issued_on, Enforcement.kind, Enforcement.reason,
                               Enforcement.lifted_on)
                  .where(Enforcement.project_id == project_id, Enforcement.deleted_at.is_(None))
                  .order_by(Enforcement.issued_on.desc()),
                  ["code", "issued_on", "kind", "reason", "lifted_on"])


def approvals(conn: Connection, *, project_id: int) -> pd.DataFrame:
    """The project's approvals with their cycle in days (None while pending)."""
    frame = _frame(conn, select(Approval.mode, Approval.submitted_on, Approval.approved_on)
                   .where(Approval.project_id == project_id, Approval.deleted_at.is_(None))
                   .order_by(Approval.submitted_on),
                   ["mode", "submitted_on", "approved_on"])
    frame["days"] = [(b - a).days if b else None for a, b in zip(frame["submitted_on"], frame["approved_on"])]
    return frame
