"""The project risk score, explainable: published rules with points → four grades → a weekly patrol target.

The one place the rules, their points, the grades and the targets are written; the app ("why is this project
red?"), `python -m db risk`, the risk-based patrol KPI and the README table all read them from here. What each
rule counts is SQL in db.risk_rules; the score cut-offs and the weekly targets are settings (db.config).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, and_, case, func, literal, or_, select, union_all

from db import risk_rules
from db.config import settings
from db.enums import Vocabulary
from db.models import Project


@dataclass(frozen=True)
class Rule:
    """A published rule: `points` for each thing it counts, at most `cap`; its name in both languages."""

    id: str
    points: int
    cap: int
    zh: str
    en: str
    rows: Callable


RULES = (
    Rule("beyond_scale_works", 8, 16, "超过一定规模的危大工程在施", "Beyond-scale dangerous works under way",
         risk_rules.beyond_scale_works),
    Rule("unreviewed_beyond_scale", 8, 16, "超规模危大工程未经专家论证即施工",
         "Beyond-scale works started without expert review", risk_rules.unreviewed_beyond_scale),
    Rule("dangerous_works", 3, 9, "危大工程在施", "Dangerous works under way", risk_rules.dangerous_works),
    Rule("open_major_hazards", 16, 32, "重大隐患未销号", "Major hazards not closed", risk_rules.open_major_hazards),
    Rule("overdue_hazards", 2, 10, "逾期未整改隐患", "Overdue hazards", risk_rules.overdue_hazards),
    Rule("sent_back_twice", 4, 8, "复查两次以上未通过的隐患", "Hazards sent back at least twice",
         risk_rules.sent_back_twice),
    Rule("stop_work_12m", 8, 8, "近12个月被责令停工", "Stop-work order in the last 12 months", risk_rules.stop_work_12m),
    Rule("red_risk_points", 3, 9, "近90天辨识的重大（红色）风险点", "Red risk points identified in the last 90 days",
         risk_rules.red_risk_points),
    Rule("orange_risk_points", 1, 4, "近90天辨识的较大（橙色）风险点", "Orange risk points identified in the last 90 days",
         risk_rules.orange_risk_points),
    Rule("party_record_12m", 3, 6, "施工或建设单位近12个月有事故或停工",
         "Contractor or developer had an accident or stop-work order (12 months)", risk_rules.party_record_12m),
    Rule("few_visits_4w", 4, 4, "前4周巡查少于每周3次", "Fewer than 3 visits a week in the 4 weeks before",
         risk_rules.few_visits_4w),
)
BY_ID = {rule.id: rule for rule in RULES}
RISK_RULE = Vocabulary("risk_rule", {rule.id: (rule.zh, rule.en) for rule in RULES})
GRADES = ("low", "general", "high", "major")   # ascending; the settings' numbers follow this order
RISK_GRADE = Vocabulary("risk_grade", {
    "major": ("重大风险", "Major"), "high": ("较大风险", "High"), "general": ("一般风险", "General"), "low": ("低风险", "Low"),
})
# Four colours (四色): red, orange, yellow, blue.
GRADE_COLOURS = {"major": "#d62728", "high": "#ff7f0e", "general": "#f2c94c", "low": "#1f77b4"}


@dataclass(frozen=True)
class Reason:
    """One rule that applied: its points and what it counted (codes or names)."""

    rule: str
    points: int
    items: tuple[str, ...]


@dataclass(frozen=True)
class ProjectRisk:
    """A project's score on a day, its grade and weekly target, and the reasons whose points add up to the score."""

    project_id: int
    code: str
    name: str
    score: int
    level: str
    weekly_target: int
    reasons: tuple[Reason, ...]


def points(rule: Rule, count: int) -> int:
    """The points a rule gives for `count` things: `points` each, at most `cap`."""
    return min(rule.points * count, rule.cap)


def grade_of(score: int, cutoffs: tuple[int, ...] | None = None) -> str:
    """The grade of a score under the cut-offs (general, high, major; default: the configured ones)."""
    cutoffs = cutoffs or settings().risk_grade_scores
    reached = [grade for grade, least in zip(GRADES[1:], cutoffs) if score >= least]
    return reached[-1] if reached else "low"


def weekly_target(grade: str, targets: tuple[int, ...] | None = None) -> int:
    """The visits a week a project of `grade` is to get (default: the configured targets)."""
    return (targets or settings().risk_weekly_targets)[GRADES.index(grade)]


def under_construction_on(day):
    """SQL: the project is live and under construction on `day` (started, not yet completed)."""
    return and_(Project.deleted_at.is_(None), Project.start_date <= day,
                or_(Project.completion_date.is_(None), Project.completion_date >= day))


def assess(conn: Connection, as_of: dt.date, *, project_ids: list[int] | None = None) -> list[ProjectRisk]:
    """Every project under construction on `as_of` (or those of `project_ids`), highest score first, then by code."""
    active = select(Project.id, Project.code, Project.name).where(under_construction_on(as_of))
    if project_ids is not None:
        active = active.where(Project.id.in_(project_ids))
    projects = {pid: (code, name) for pid, code, name in conn.execute(active)}
    days = risk_rules.days_table([as_of])
    found: dict[int, list[Reason]] = {}
    for rule in RULES:
        rows = rule.rows(days).subquery()
        query = select(rows.c.project_id, rows.c.item).order_by(rows.c.project_id, rows.c.item)
        if project_ids is not None:
            query = query.where(rows.c.project_id.in_(project_ids))
        items: dict[int, list[str]] = {}
        for pid, item in conn.execute(query):
            if pid in projects:
                items.setdefault(pid, []).append(item)
        for pid, listed in items.items():
            found.setdefault(pid, []).append(Reason(rule.id, points(rule, len(listed)), tuple(listed)))
    assessed, config = [], settings()   # read once: thousands of projects at province scale
    for pid, (code, name) in projects.items():
        reasons = tuple(found.get(pid, ()))
        score = sum(r.points for r in reasons)
        grade = grade_of(score, config.risk_grade_scores)
        assessed.append(ProjectRisk(pid, code, name, score, grade, weekly_target(grade, config.risk_weekly_targets),
                                    reasons))
    return sorted(assessed, key=lambda r: (-r.score, r.code))


def scores(days: risk_rules.Days):
    """SQL (project_id, day, score) for every project and day with any points; absent pairs score 0."""
    parts = []
    for rule in RULES:
        rows = rule.rows(days).subquery()
        given = func.count() * rule.points
        # Each rule's points on their own (materialised), so each keeps the plan it has alone.
        grouped = (select(rows.c.project_id, rows.c.day, case((given > rule.cap, rule.cap), else_=given).label("pts"))
                   .group_by(rows.c.project_id, rows.c.day).cte(f"points_{rule.id}").prefix_with("MATERIALIZED"))
        parts.append(select(grouped.c.project_id, grouped.c.day, grouped.c.pts))
    every = union_all(*parts).subquery("rule_points")
    return (select(every.c.project_id, every.c.day, func.sum(every.c.pts).label("score"))
            .group_by(every.c.project_id, every.c.day).subquery("risk_scores"))


def grade_sql(score):
    """SQL: the grade of a score column, with the configured cut-offs."""
    cutoffs = settings().risk_grade_scores
    return case(*((score >= least, literal(grade)) for grade, least in reversed(list(zip(GRADES[1:], cutoffs)))),
                else_=literal("low"))


def target_sql(score):
    """SQL: the weekly target of a score column."""
    cutoffs, targets = settings().risk_grade_scores, settings().risk_weekly_targets
    return case(*((score >= least, targets[i + 1]) for i, least in reversed(list(enumerate(cutoffs)))),
                else_=targets[0])
