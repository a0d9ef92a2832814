"""Reads for data entry and the rectification workflow."""
from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, and_, case, func, or_, select, union_all

from db.commands.hazards import ESCALATE_AFTER_SEND_BACKS
from db.hazard_status import fix_reported_by, not_closed_parts, overdue_on, status_on
from db.models import Enterprise, Hazard, HazardPhoto, Project, SiteVisit
from db.queries.admin import AuditFilter, audit_export, readable

# A select box beyond this many projects is unusable anyway; the user's own come first.
MAX_PROJECT_CHOICES = 2000
RECENT_DAYS = 90


def project_choices(conn: Connection, username: str, as_of: dt.date) -> list[tuple[str, str]]:
    """(code, name) of active projects, those this user visited in the last 90 days first (at most 2,000)."""
    mine = (select(SiteVisit.project_id, func.max(SiteVisit.visited_on).label("last"))
            .where(SiteVisit.created_by == username, SiteVisit.deleted_at.is_(None),
                   SiteVisit.visited_on >= as_of - dt.timedelta(days=RECENT_DAYS))
            .group_by(SiteVisit.project_id).subquery())
    rows = conn.execute(
        select(Project.code, Project.name)
        .outerjoin(mine, mine.c.project_id == Project.id)
        .where(Project.deleted_at.is_(None), Project.start_date <= as_of,
               or_(Project.completion_date.is_(None), Project.completion_date >= as_of))
        .order_by(mine.c.last.desc().nulls_last(), Project.code).limit(MAX_PROJECT_CHOICES)
    ).all()
    return [(code, name) for code, name in rows]


def workflow_hazards(conn: Connection, *, state: str, as_of: dt.date, limit: int = 50, offset: int = 0,
                     not_rectified_by: str | None = None) -> tuple[pd.DataFrame, int]:
    """A page of hazards awaiting rectification ("open") or re-inspection ("rectified") on `as_of`, oldest
    deadline first; `not_rectified_by` leaves out fixes that user reported (they may not re-inspect them)."""
    waiting = ~fix_reported_by(as_of) if state == "open" else fix_reported_by(as_of)
    scope = and_(Hazard.deleted_at.is_(None), Hazard.found_on <= as_of, waiting)
    if not_rectified_by:
        scope = and_(scope, or_(Hazard.rectified_by.is_(None), Hazard.rectified_by != not_rectified_by))
    # "Not closed" in disjoint parts on their own indexes: never a scan of every hazard found by as-of.
    parts = [select(Hazard.id, Hazard.due_on).where(scope, condition) for condition in not_closed_parts(conn, as_of)]
    total = sum(conn.execute(select(func.count()).select_from(part.subquery())).scalar_one() for part in parts)
    candidates = (union_all(*parts) if len(parts) > 1 else parts[0]).subquery()
    page = (select(candidates.c.id).order_by(candidates.c.due_on, candidates.c.id).limit(limit).offset(offset)
            .subquery())
    rows = conn.execute(_card_facts(as_of).join(page, page.c.id == Hazard.id).order_by(Hazard.due_on, Hazard.id)
                        ).mappings().all()
    return pd.DataFrame([dict(r) for r in rows]), total


def _card_facts(as_of: dt.date):
    # What a hazard's card shows (ui.hazard_view.card), for the workflow queue and the hazard's own page.
    return (select(Hazard.id, Hazard.version, Hazard.code, Project.code.label("project_code"),
                   Project.name.label("project"), Hazard.found_on,
                   Hazard.due_on, Hazard.level, Hazard.category, Hazard.description, Hazard.rectified_on,
                   Hazard.closed_on, Hazard.closed_by, Hazard.rectified_by, Hazard.rectification_note,
                   Hazard.sent_back_count, Hazard.last_sent_back_reason, Hazard.location, Hazard.requirement,
                   Enterprise.name.label("responsible"), status_on(as_of).label("status"),
                   case((overdue_on(as_of), True), else_=False).label("overdue"))
            .join(Project, Project.id == Hazard.project_id)
            .outerjoin(Enterprise, Enterprise.id == Hazard.responsible_id))


def hazard_card(conn: Connection, *, code: str, as_of: dt.date) -> dict | None:
    """The card facts of the live hazard with `code`, or None."""
    row = conn.execute(_card_facts(as_of).where(Hazard.code == code.strip(), Hazard.deleted_at.is_(None))
                       ).mappings().first()
    return dict(row) if row else None


def hazards_needing_escalation(conn: Connection, project_id: int | None = None) -> pd.DataFrame:
    """Open hazards sent back at least twice: candidates for a warning interview or stop-work order."""
    query = (select(Project.code.label("project_code"), Project.name.label("project"), Hazard.code,
                    Hazard.sent_back_count, Hazard.last_sent_back_reason)
             .join(Project, Project.id == Hazard.project_id)
             .where(Hazard.deleted_at.is_(None), Hazard.closed_on.is_(None),
                    Hazard.sent_back_count >= ESCALATE_AFTER_SEND_BACKS)
             .order_by(Hazard.sent_back_count.desc(), Hazard.code))
    if project_id is not None:
        query = query.where(Hazard.project_id == project_id)
    return pd.DataFrame(conn.execute(query).mappings().all())


def visit_code(conn: Connection, visit_id: int) -> str:
    """The code of the visit with this id."""
    return conn.execute(select(SiteVisit.code).where(SiteVisit.id == visit_id)).scalar_one()


def photo_thumbnails(conn: Connection, hazard_id: int, stage: str = "fixed") -> list[bytes]:
    """Thumbnails of a hazard's photos as found or as fixed (`stage`), oldest first (full images stay in the
    database)."""
    return list(conn.execute(select(HazardPhoto.thumbnail).where(HazardPhoto.hazard_id == hazard_id,
                                                                 HazardPhoto.stage == stage)
                             .order_by(HazardPhoto.id)).scalars())


def hazard_now(conn: Connection, *, code: str) -> dict | None:
    """The hazard's current id, version, state and last change (who, when): to tell a user whose form is bound
    to an older version what happened meanwhile."""
    row = conn.execute(select(Hazard.id, Hazard.version, Hazard.code, Hazard.rectified_on, Hazard.closed_on,
                              func.coalesce(Hazard.updated_by, Hazard.created_by).label("changed_by"),
                              func.coalesce(Hazard.updated_at, Hazard.created_at).label("changed_at"))
                       .where(Hazard.code == code)).mappings().first()
    return dict(row) if row else None


HISTORY_ROWS = 200   # a hazard's changes; far more than any real workflow makes


def hazard_history(conn: Connection, *, hazard_id: int) -> pd.DataFrame:
    """Every audited change of one hazard, oldest first, as the audit log reads it (local time, what changed)."""
    newest_first = audit_export(conn, AuditFilter(table_name="hazards", row_id=hazard_id), limit=HISTORY_ROWS)
    return readable(conn, newest_first.iloc[::-1].reset_index(drop=True))


def project_parties(conn: Connection, *, code: str) -> list[tuple[str, str, str]]:
    """(credit code, name, role) of a project's contractor, developer and supervising firm, the contractor first:
    the parties a hazard found there can be put to."""
    parties = []
    for role, column in (("contractor", Project.contractor_id), ("developer", Project.developer_id),
                         ("supervisor_firm", Project.supervisor_firm_id)):
        row = conn.execute(select(Enterprise.credit_code, Enterprise.name).join(Project, column == Enterprise.id)
                           .where(Project.code == code, Project.deleted_at.is_(None))).first()
        if row is not None and row.credit_code not in {p[0] for p in parties}:
            parties.append((row.credit_code, row.name, role))
    return parties
