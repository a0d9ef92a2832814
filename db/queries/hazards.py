"""Reads for the Hazards page: breakdowns, counts and time to close from the summaries; the open and overdue list
(paged) from the hazards themselves."""
from __future__ import annotations

import bisect
import datetime as dt

import pandas as pd
from sqlalchemy import Connection, Date, Integer, case, cast, func, literal, or_, select, union_all
from sqlalchemy.orm import aliased

from db.models import Enterprise, Hazard, Project, SiteVisit
from db.hazard_status import STATUSES, not_closed_parts, overdue_on, status_on, status_rank
from db.kpis import hazards_found_in
from db.period import Period
from db.queries import narrowed
from db.sqlfuncs import days_between
from db.summaries import hazard_reads

# Lower edges (days) of the time-to-close histogram bins; the last bin is open-ended.
CLOSE_BINS = (0, 1, 3, 7, 14, 30, 60, 90)


def found_in(period: Period, *, levels=(), domains=()):
    """Live hazards found in the period (the KPIs' scope), at the chosen levels and domains (empty = all)."""
    return narrowed(hazards_found_in(period), (Hazard.level, levels), (Hazard.domain, domains))


def hazard_breakdown(conn: Connection, *, period: Period, levels=(), domains=()) -> pd.DataFrame:
    """Hazards found in the period per (level, domain, category), from hazard_days: one read serves every breakdown."""
    rows = hazard_reads.found_breakdown(conn, period, levels, domains)
    return pd.DataFrame(rows, columns=["level", "domain", "category", "count"])


def totals(breakdown: pd.DataFrame, by: str) -> pd.DataFrame:
    """Per level, domain or category (`by`): the grouped counts (a few dozen rows) summed; code, count, most first."""
    if breakdown.empty:
        return pd.DataFrame({"code": pd.Series(dtype=object), "count": pd.Series(dtype=int)})
    summed = breakdown.groupby(by, as_index=False)["count"].sum().rename(columns={by: "code"})
    return summed.sort_values(["count", "code"], ascending=[False, True], ignore_index=True)


def hazard_counts(conn: Connection, *, period: Period, by: str, levels=(), domains=()) -> pd.DataFrame:
    """Hazards found in the period per level, domain or category (`by`): columns code, count, most first."""
    return totals(hazard_breakdown(conn, period=period, levels=levels, domains=domains), by)


def open_counts(conn: Connection, *, period: Period, as_of: dt.date, levels=(), domains=()) -> tuple[int, int]:
    """(not closed, of them overdue) on `as_of` among hazards found in the period, from the summaries."""
    found, _ = hazard_reads.found_and_major(conn, period, levels, domains)
    closed, _ = hazard_reads.closed_by(conn, period, as_of, levels, domains)
    return found - closed, hazard_reads.overdue_on(conn, period, as_of, levels, domains)


def hazard_list(conn: Connection, *, period: Period, as_of: dt.date, levels=(), domains=(), statuses=(),
                search: str = "", limit: int = 50, offset: int = 0) -> tuple[pd.DataFrame, int]:
    """A page of hazards found in the period, overdue first, and their number: of the given statuses on `as_of`
    (empty = every status) whose code, project, responsible party, contractor or inspectors contain `search`."""
    scope = found_in(period, levels=levels, domains=domains)
    wanted = set(statuses or STATUSES)
    search = search.strip()
    if not search and wanted <= OPEN_STATUSES:
        return _open_list(conn, scope, period, as_of, levels, domains, wanted, limit, offset)
    contractor, responsible = aliased(Enterprise), aliased(Enterprise)
    conditions = [scope]
    if wanted != set(STATUSES):
        conditions.append(status_on(as_of).in_(sorted(wanted)))
    joined = (select(Hazard.id).join(Project, Project.id == Hazard.project_id)
              .outerjoin(contractor, contractor.id == Project.contractor_id)
              .outerjoin(responsible, responsible.id == Hazard.responsible_id)
              .outerjoin(SiteVisit, SiteVisit.id == Hazard.visit_id))
    if search:
        conditions.append(or_(*(column.contains(search, autoescape=True) for column in (
            Hazard.code, Project.code, Project.name, contractor.name, responsible.name, SiteVisit.inspectors))))
    matching = joined.where(*conditions)
    total = conn.execute(select(func.count()).select_from(matching.subquery())).scalar_one()
    page = (matching.add_columns(status_rank(as_of).label("rank"), Hazard.due_on, Hazard.found_on)
            .order_by(status_rank(as_of), Hazard.due_on, Hazard.found_on, Hazard.id).limit(limit).offset(offset)
            .subquery())
    return _rows(conn, page, as_of), total


OPEN_STATUSES = {"overdue", "open", "rectified"}


def open_hazards(conn: Connection, *, period: Period, as_of: dt.date, levels=(), domains=(),
                 limit: int = 50, offset: int = 0) -> tuple[pd.DataFrame, int]:
    """A page of hazards found in the period and not closed by `as_of` (overdue first), and their number."""
    return hazard_list(conn, period=period, as_of=as_of, levels=levels, domains=domains, statuses=OPEN_STATUSES,
                       limit=limit, offset=offset)


def _open_list(conn, scope, period, as_of, levels, domains, wanted, limit, offset) -> tuple[pd.DataFrame, int]:
    # Not closed by as-of, in disjoint parts each on its own index, rather than one scan of the period; the
    # number from the summaries when every open status is wanted.
    if wanted == OPEN_STATUSES:
        total, _ = open_counts(conn, period=period, as_of=as_of, levels=levels, domains=domains)
        narrowing = []
    else:
        narrowing = [status_on(as_of).in_(sorted(wanted))]
        total = None

    def part(not_closed):
        return select(Hazard.id, status_rank(as_of).label("rank"), Hazard.due_on, Hazard.found_on
                      ).where(scope, not_closed, *narrowing)

    parts = [part(condition) for condition in not_closed_parts(conn, as_of)]
    candidates = union_all(*parts).subquery() if len(parts) > 1 else parts[0].subquery()
    if total is None:
        total = conn.execute(select(func.count()).select_from(candidates)).scalar_one()
    page = (select(candidates.c.id, candidates.c.rank, candidates.c.due_on, candidates.c.found_on)
            .order_by(candidates.c.rank, candidates.c.due_on, candidates.c.found_on, candidates.c.id)
            .limit(limit).offset(offset).subquery())
    return _rows(conn, page, as_of), total


LIST_COLUMNS = ["code", "project", "status", "level", "domain", "category", "found_on", "due_on", "rectified_on",
                "age_days", "days_overdue"]


def _rows(conn: Connection, page, as_of: dt.date) -> pd.DataFrame:
    today = literal(as_of, Date)
    rows = conn.execute(
        select(Hazard.code, Project.name.label("project"), status_on(as_of).label("status"), Hazard.level,
               Hazard.domain, Hazard.category, Hazard.found_on, Hazard.due_on, Hazard.rectified_on,
               cast(days_between(today, Hazard.found_on), Integer).label("age_days"),
               cast(case((overdue_on(as_of), days_between(today, Hazard.due_on)), else_=0), Integer)
               .label("days_overdue"))
        .join(page, page.c.id == Hazard.id).join(Project, Project.id == Hazard.project_id)
        .order_by(status_rank(as_of), Hazard.due_on, Hazard.found_on, Hazard.id)
    ).all()
    return pd.DataFrame(rows, columns=LIST_COLUMNS)


def days_to_close_histogram(conn: Connection, *, period: Period, as_of: dt.date, levels=(),
                            domains=()) -> pd.DataFrame:
    """Hazards found in the period and closed by `as_of`, counted per bin of closed_on − found_on days."""
    counts = [0] * len(CLOSE_BINS)
    for days, n in hazard_reads.days_to_close(conn, period, as_of, levels, domains):
        counts[bisect.bisect_right(CLOSE_BINS, days) - 1] += n
    return pd.DataFrame({"bin": range(len(CLOSE_BINS)), "label": [_bin_label(i) for i in range(len(CLOSE_BINS))],
                         "count": counts})


def closed_within_deadline(conn: Connection, *, period: Period, as_of: dt.date, levels=(),
                           domains=()) -> tuple[int, int]:
    """(closed by `as_of`, of those closed on or before their deadline) among hazards found in the period."""
    return hazard_reads.closed_by(conn, period, as_of, levels, domains)


def _bin_label(index: int) -> str:
    lower = CLOSE_BINS[index]
    if index == len(CLOSE_BINS) - 1:
        return f"{lower}+"
    upper = CLOSE_BINS[index + 1] - 1
    return str(lower) if upper == lower else f"{lower}–{upper}"
