"""The enterprise score (企业档案), explainable in the same style as the project score: published rules with points
over the records of the projects an enterprise is a party to (developer, contractor or supervising firm).

The rules, their points and the grades are written here once; grades use the same cut-offs as projects (db/risk.py).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Select, and_, exists, literal, or_, select, union

from db.commands.hazards import ESCALATE_AFTER_SEND_BACKS
from db.config import settings
from db.enums import Vocabulary
from db.hazard_status import closed_by, overdue_on
from db.models import Accident, Enforcement, Enterprise, Hazard, Project, Training, training_enterprises
from db.risk import Reason, Rule, grade_of, under_construction_on
from db.risk_rules import year_before


def party_projects():
    """SQL (project_id, enterprise_id, role) for the three parties of every live project."""
    live = Project.deleted_at.is_(None)
    return union(*(select(Project.id.label("project_id"), column.label("enterprise_id"), literal(role).label("role"))
                   .where(live, column.is_not(None))
                   for role, column in (("developer", Project.developer_id), ("contractor", Project.contractor_id),
                                        ("supervisor", Project.supervisor_firm_id)))).subquery("parties")


def _on_projects(model, code, where: Callable) -> Callable:
    def rows(as_of: dt.date) -> Select:
        parties = party_projects()
        return (select(parties.c.enterprise_id, code.label("item"))
                .join(model, model.project_id == parties.c.project_id)
                .where(model.deleted_at.is_(None), *where(as_of)).distinct())
    return rows


def _since(column, as_of: dt.date):
    return and_(column > year_before(as_of), column <= as_of)


def _no_training(as_of: dt.date) -> Select:
    # Only enterprises on a project under construction: a firm with no live site has nobody to train.
    parties = party_projects()
    attended = exists().where(training_enterprises.c.enterprise_id == parties.c.enterprise_id,
                              Training.id == training_enterprises.c.training_id, Training.deleted_at.is_(None),
                              _since(Training.held_on, as_of))
    return (select(parties.c.enterprise_id, literal("—").label("item"))
            .join(Project, Project.id == parties.c.project_id)
            .where(under_construction_on(as_of), ~attended).distinct())

ENTERPRISE_RULES = (
    Rule("accidents_12m", 8, 16, "近12个月其项目发生事故", "Accidents on its projects in the last 12 months",
         _on_projects(Accident, Accident.code, lambda d: (_since(Accident.occurred_on, d),))),
    Rule("stop_work_12m", 5, 15, "近12个月其项目被责令停工", "Stop-work orders on its projects in the last 12 months",
         _on_projects(Enforcement, Enforcement.code,
                      lambda d: (Enforcement.kind == "stop_work", _since(Enforcement.issued_on, d)))),
    Rule("warning_interviews_12m", 2, 8, "近12个月其项目被警示约谈", "Warning interviews on its projects, last 12 months",
         _on_projects(Enforcement, Enforcement.code,
                      lambda d: (Enforcement.kind == "warning_interview", _since(Enforcement.issued_on, d)))),
    Rule("open_major_hazards", 6, 18, "其项目重大隐患未销号", "Major hazards not closed on its projects",
         _on_projects(Hazard, Hazard.code, lambda d: (Hazard.level == "major", Hazard.found_on <= d, ~closed_by(d)))),
    Rule("overdue_hazards", 1, 10, "其项目逾期未整改隐患", "Overdue hazards on its projects",
         _on_projects(Hazard, Hazard.code, lambda d: (overdue_on(d),))),
    Rule("sent_back_twice", 2, 6, "其项目隐患复查两次以上未通过", "Hazards on its projects sent back at least twice",
         _on_projects(Hazard, Hazard.code, lambda d: (Hazard.sent_back_count >= ESCALATE_AFTER_SEND_BACKS,
                                                      Hazard.found_on <= d, ~closed_by(d)))),
    Rule("no_training_12m", 3, 3, "在建项目单位近12个月未参加观摩培训", "On a live site, no training in the last 12 months",
         _no_training),
)
ENTERPRISE_RULE = Vocabulary("enterprise_rule", {rule.id: (rule.zh, rule.en) for rule in ENTERPRISE_RULES})


@dataclass(frozen=True)
class EnterpriseRisk:
    """An enterprise's score on a day, its grade, and the reasons whose points add up to the score."""

    enterprise_id: int
    score: int
    level: str
    reasons: tuple[Reason, ...]


def enterprise_scores(conn: Connection, as_of: dt.date, *, enterprise_ids: list[int] | None = None
                      ) -> dict[int, EnterpriseRisk]:
    """The score of every live enterprise (or of `enterprise_ids`) on `as_of`, by id."""
    wanted = select(Enterprise.id).where(Enterprise.deleted_at.is_(None))
    if enterprise_ids is not None:
        wanted = wanted.where(Enterprise.id.in_(enterprise_ids))
    ids = set(conn.execute(wanted).scalars())
    found: dict[int, list[Reason]] = {}
    for rule in ENTERPRISE_RULES:
        rows = rule.rows(as_of).subquery()
        query = select(rows.c.enterprise_id, rows.c.item).order_by(rows.c.enterprise_id, rows.c.item)
        if enterprise_ids is not None:
            query = query.where(rows.c.enterprise_id.in_(enterprise_ids))
        items: dict[int, list[str]] = {}
        for firm, item in conn.execute(query):
            if firm in ids:
                items.setdefault(firm, []).append(item)
        for firm, listed in items.items():
            found.setdefault(firm, []).append(Reason(rule.id, min(rule.points * len(listed), rule.cap), tuple(listed)))
    scored, cutoffs = {}, settings().risk_grade_scores
    for firm in ids:
        reasons = tuple(found.get(firm, ()))
        score = sum(r.points for r in reasons)
        scored[firm] = EnterpriseRisk(firm, score, grade_of(score, cutoffs), reasons)
    return scored


def parties_of(enterprise_id: int):
    """SQL: the project ids the enterprise is a party to."""
    return select(Project.id).where(or_(Project.developer_id == enterprise_id, Project.contractor_id == enterprise_id,
                                        Project.supervisor_firm_id == enterprise_id))
