"""Reads for the enterprise records (企业档案): the ranking by score, and one enterprise's record.

An enterprise's figures are the KPI definitions themselves (db.kpis.counted_records) restricted to the projects it
is a party to (trainings: the sessions it attended), so the record and the Overview cannot disagree.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, func, select

from db.enterprise_risk import enterprise_scores, party_projects, parties_of
from db.hazard_status import closed_by, overdue_on, status_on
from db.kpis import counted_records
from db.models import Accident, Enforcement, Enterprise, Hazard, Project, Training, training_enterprises
from db.period import Period
from db.queries.projects import status_of
from db.risk import assess

FIGURES = ("projects_supervised", "hazards_found", "hazards_major", "hazards_closed", "hazards_overdue",
           "stop_work_orders", "warning_interviews", "site_visits", "trainings", "accidents")
RANKING_COLUMNS = ["credit_code", "name", "kind", "projects", "score", "level", "contact_person", "contact_phone"]
LIST_ROWS = 200


def enterprise_figures(conn: Connection, *, enterprise_id: int, period: Period, as_of: dt.date) -> dict[str, int]:
    """The counting KPIs of `period` as of `as_of`, each restricted to this enterprise."""
    records, projects = counted_records(period, as_of), parties_of(enterprise_id)
    figures = {}
    for key in FIGURES:
        counted = records[key]
        model = counted.model
        if model is Project:
            mine = Project.id.in_(projects)
        elif model is Training:
            mine = Training.id.in_(select(training_enterprises.c.training_id)
                                   .where(training_enterprises.c.enterprise_id == enterprise_id))
        else:
            mine = model.project_id.in_(projects)
        figures[key] = conn.execute(select(func.count()).select_from(model).where(counted.condition, mine)).scalar_one()
    return figures


def ranking(conn: Connection, *, as_of: dt.date) -> pd.DataFrame:
    """Every live enterprise with its number of projects, score and grade on `as_of`, highest score first."""
    parties = party_projects()
    projects = dict(conn.execute(select(parties.c.enterprise_id, func.count(func.distinct(parties.c.project_id)))
                                 .group_by(parties.c.enterprise_id)).all())
    scores = enterprise_scores(conn, as_of)
    rows = conn.execute(select(Enterprise.id, Enterprise.credit_code, Enterprise.name, Enterprise.kind,
                               Enterprise.contact_person, Enterprise.contact_phone)
                        .where(Enterprise.deleted_at.is_(None))).all()
    frame = pd.DataFrame([{"credit_code": r.credit_code, "name": r.name, "kind": r.kind,
                           "projects": projects.get(r.id, 0), "score": scores[r.id].score, "level": scores[r.id].level,
                           "contact_person": r.contact_person, "contact_phone": r.contact_phone} for r in rows],
                         columns=RANKING_COLUMNS)
    return frame.sort_values(["score", "projects", "name"], ascending=[False, False, True], ignore_index=True)


def filter_ranking(frame: pd.DataFrame, *, kinds=(), levels=(), search: str | None = None) -> pd.DataFrame:
    """The ranking narrowed to some kinds and grades and to names or credit codes containing `search`."""
    keep = pd.Series(True, index=frame.index)
    if kinds:
        keep &= frame["kind"].isin(kinds)
    if levels:
        keep &= frame["level"].isin(levels)
    if search:
        text = search.strip()
        keep &= frame["name"].str.contains(text, regex=False) | frame["credit_code"].str.contains(text.upper(),
                                                                                                regex=False)
    return frame[keep].reset_index(drop=True)


def enterprise_record(conn: Connection, *, credit_code: str, period: Period, as_of: dt.date) -> dict | None:
    """Everything one enterprise's page shows, or None when no live enterprise has `credit_code`."""
    firm = conn.execute(select(Enterprise.id, Enterprise.credit_code, Enterprise.name, Enterprise.kind,
                               Enterprise.contact_person, Enterprise.contact_phone)
                        .where(Enterprise.credit_code == credit_code.strip().upper(),
                               Enterprise.deleted_at.is_(None))).mappings().first()
    if firm is None:
        return None
    eid = firm["id"]
    return {
        "facts": dict(firm),
        "contact": pd.DataFrame([{"contact_person": firm["contact_person"], "contact_phone": firm["contact_phone"]}]),
        "score": enterprise_scores(conn, as_of, enterprise_ids=[eid])[eid],
        "figures": enterprise_figures(conn, enterprise_id=eid, period=period, as_of=as_of),
        "projects": _projects(conn, eid, as_of),
        # Hazards needing attention: overdue, or major and not closed.
        "hazards": _frame(conn, select(Hazard.code, Project.code.label("project"), Hazard.level,
                                       status_on(as_of).label("status"), Hazard.found_on, Hazard.due_on,
                                       Hazard.description)
                          .join(Project, Project.id == Hazard.project_id)
                          .where(Hazard.project_id.in_(parties_of(eid)), Hazard.deleted_at.is_(None),
                                 overdue_on(as_of) | ((Hazard.level == "major") & ~closed_by(as_of)
                                                      & (Hazard.found_on <= as_of)))
                          .order_by(Hazard.due_on)),
        "enforcement": _frame(conn, select(Enforcement.code, Project.code.label("project"), Enforcement.issued_on,
                                           Enforcement.kind, Enforcement.reason, Enforcement.lifted_on)
                              .join(Project, Project.id == Enforcement.project_id)
                              .where(Enforcement.project_id.in_(parties_of(eid)), Enforcement.deleted_at.is_(None))
                              .order_by(Enforcement.issued_on.desc())),
        "trainings": _frame(conn, select(Training.code, Training.held_on, Training.kind, Training.title)
                            .join(training_enterprises, training_enterprises.c.training_id == Training.id)
                            .where(training_enterprises.c.enterprise_id == eid, Training.deleted_at.is_(None))
                            .order_by(Training.held_on.desc())),
        "accidents": _frame(conn, select(Accident.code, Project.code.label("project"), Accident.occurred_on,
                                         Accident.level, Accident.deaths, Accident.injuries, Accident.description)
                            .join(Project, Project.id == Accident.project_id)
                            .where(Accident.project_id.in_(parties_of(eid)), Accident.deleted_at.is_(None))
                            .order_by(Accident.occurred_on.desc())),
    }


def _projects(conn: Connection, enterprise_id: int, as_of: dt.date) -> pd.DataFrame:
    parties = party_projects()
    frame = _frame(conn, select(Project.id, Project.code, Project.name, parties.c.role, status_of(as_of).label("status"),
                                Project.start_date, Project.completion_date)
                   .join(parties, parties.c.project_id == Project.id)
                   .where(parties.c.enterprise_id == enterprise_id).order_by(Project.start_date.desc(), Project.code))
    grades = {r.project_id: r.level for r in assess(conn, as_of, project_ids=frame["id"].tolist())}
    return frame.assign(level=[grades.get(pid) for pid in frame["id"]]).drop(columns="id")


def _frame(conn: Connection, query) -> pd.DataFrame:
    result = conn.execute(query.limit(LIST_ROWS))
    return pd.DataFrame(result.mappings().all(), columns=list(result.keys()))
