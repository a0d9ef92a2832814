"""Reads for the presentation's story: flagship projects, what the office has done since its first record,
and its safety record year by year."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, and_, or_, select

from db.kpis import active_projects_filter
from db.models import Award, Project
from db.period import Period
from db.summaries import figures

FLAGSHIPS = 6   # as many as one projector slide shows legibly


@dataclass(frozen=True)
class Flagship:
    """A project worth showing a visitor: its awards, size and, while it is being built, its progress."""

    name: str
    kind: str
    floor_area_m2: float
    progress_pct: float | None           # the progress recorded today, while it is still being built
    completed_on: dt.date | None
    awards: tuple[tuple[int, str], ...]  # (year, award name), newest first


def flagships(conn: Connection, period: Period) -> list[Flagship]:
    """Projects under supervision in the period that won an award up to its year, or key projects begun in it
    and still being built at its end; award winners of the period's own year first."""
    awarded = select(Award.project_id).where(Award.deleted_at.is_(None), Award.year <= period.end.year)
    building = and_(Project.is_key, Project.start_date >= period.start,
                    or_(Project.completion_date.is_(None), Project.completion_date > period.end))
    projects = conn.execute(
        select(Project.id, Project.name, Project.kind, Project.floor_area_m2, Project.progress_pct,
               Project.completion_date)
        .where(active_projects_filter(period), or_(Project.id.in_(awarded), building))).all()
    won: dict[int, list[tuple[int, str]]] = {}
    for project_id, year, name in conn.execute(
            select(Award.project_id, Award.year, Award.name)
            .where(Award.deleted_at.is_(None), Award.year <= period.end.year).order_by(Award.year.desc())):
        won.setdefault(project_id, []).append((year, name))
    # Progress is recorded as it stands, not per date: shown only for a project still being built.
    shown = [Flagship(p.name, p.kind, p.floor_area_m2, p.progress_pct if p.completion_date is None else None,
                      p.completion_date, tuple(won.get(p.id, ()))) for p in projects]
    # This year's winners, then projects still being built, then earlier winners, each by name.
    shown.sort(key=lambda f: (not any(year == period.end.year for year, _ in f.awards), f.progress_pct is None,
                              not f.awards, f.name))
    return shown[:FLAGSHIPS]


def accident_free_years(conn: Connection, first_day: dt.date, last_year: int) -> tuple[list[int], int]:
    """(years from the first record's to `last_year` without an accident, the number of those years)."""
    years = list(range(first_day.year, last_year + 1))
    free = [year for year in years if figures.accidents(conn, Period.year(year))[0] == 0]
    return free, len(years)
