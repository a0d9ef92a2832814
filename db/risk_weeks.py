"""Patrol targets by risk, week by week: each (project, ISO week) against the target of the project's grade on
that week's Monday (db/risk.py), with its visits from the patrol_weeks summary. All in one SQL statement."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Connection, Date, and_, case, column, func, select, values

from db import risk, risk_rules
from db.models import PatrolWeek, Project


def week_cells(weeks: list[tuple[dt.date, dt.date]], active_in_week: Callable):
    """SQL (project_id, monday, visits, score, target) for every project active in each of `weeks`.

    `active_in_week(week)` is the KPI's own rule for "the project was under supervision the whole week".
    A week's target is fixed by the grade on its Monday: the office plans its week on Monday.
    """
    week = values(column("monday", Date), column("sunday", Date), name="weeks").data(weeks).cte("weeks")
    scored = risk.scores(risk_rules.days_table([monday for monday, _ in weeks]))
    score = func.coalesce(scored.c.score, 0)
    return (select(Project.id.label("project_id"), week.c.monday, func.coalesce(PatrolWeek.visits, 0).label("visits"),
                   score.label("score"), risk.target_sql(score).label("target"))
            .select_from(week).join(Project, active_in_week(week))
            .outerjoin(scored, and_(scored.c.project_id == Project.id, scored.c.day == week.c.monday))
            .outerjoin(PatrolWeek, and_(PatrolWeek.project_id == Project.id, PatrolWeek.monday == week.c.monday)))


def compliance_counts(conn: Connection, weeks: list[tuple[dt.date, dt.date]], active_in_week: Callable) -> tuple[int, int]:
    """(eligible project-weeks, those with at least their week's target of visits)."""
    cells = week_cells(weeks, active_in_week).subquery("cells")
    eligible, compliant = conn.execute(
        select(func.count(), func.coalesce(func.sum(case((cells.c.visits >= cells.c.target, 1), else_=0)), 0))
    ).one()
    return int(eligible), int(compliant)
