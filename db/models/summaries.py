"""Summary tables: counts per day (and the few columns pages group by), kept exact by triggers.

See db.summaries.spec for what each holds. WITHOUT ROWID on SQLite: a summary is read by its key range,
so the table itself is the key's index and a range read touches no second structure.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.models.records import Accident, Enforcement, Enterprise, Hazard, Project, RiskPoint, SiteVisit, Training

CLUSTERED = {"sqlite_with_rowid": False}


class HazardDay(Base):
    """Live hazards found per day, level, domain and category."""

    __tablename__ = "hazard_days"
    __table_args__ = CLUSTERED

    found_on: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    level: Mapped[str] = mapped_column(String(10), primary_key=True)
    domain: Mapped[str] = mapped_column(String(10), primary_key=True)
    category: Mapped[str] = mapped_column(String(30), primary_key=True)
    hazards: Mapped[int] = mapped_column(Integer)


class HazardClosing(Base):
    """Live closed hazards per day found, level, domain, day closed, whether closed within the deadline, days taken."""

    __tablename__ = "hazard_closings"
    __table_args__ = (Index("ix_hazard_closings_closed_on", "closed_on", "level", "domain", "hazards"), CLUSTERED)

    found_on: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    level: Mapped[str] = mapped_column(String(10), primary_key=True)
    domain: Mapped[str] = mapped_column(String(10), primary_key=True)
    closed_on: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    on_time: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    days: Mapped[int] = mapped_column(Integer, primary_key=True)   # closed_on − found_on
    hazards: Mapped[int] = mapped_column(Integer)


class HazardOverdue(Base):
    """Live hazards per day found, level and domain that become overdue (starts) or stop being so (ends) on edge_on.

    On an as-of date, the overdue hazards of a period are the starts minus the ends with edge_on ≤ as-of.
    """

    __tablename__ = "hazard_overdue"
    __table_args__ = CLUSTERED

    found_on: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    level: Mapped[str] = mapped_column(String(10), primary_key=True)
    domain: Mapped[str] = mapped_column(String(10), primary_key=True)
    edge_on: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    starts: Mapped[int] = mapped_column(Integer)
    ends: Mapped[int] = mapped_column(Integer)


class RiskDay(Base):
    """Live risk points identified per day, level and category."""

    __tablename__ = "risk_days"
    __table_args__ = CLUSTERED

    identified_on: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    level: Mapped[str] = mapped_column(String(10), primary_key=True)
    category: Mapped[str] = mapped_column(String(30), primary_key=True)
    risk_points: Mapped[int] = mapped_column(Integer)


class VisitDay(Base):
    """Live site visits per day and kind."""

    __tablename__ = "visit_days"
    __table_args__ = CLUSTERED

    visited_on: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    visits: Mapped[int] = mapped_column(Integer)


class ProjectWeek(Base):
    """Projects whose whole weeks under supervision begin (starts) or end (ends) on this Monday.

    The projects under supervision in a week are the starts minus the ends of every Monday up to it.
    """

    __tablename__ = "project_weeks"
    __table_args__ = CLUSTERED

    monday: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    starts: Mapped[int] = mapped_column(Integer)
    ends: Mapped[int] = mapped_column(Integer)


class CompliantWeek(Base):
    """Projects under supervision the whole week with at least 3 live visits in it, per ISO week."""

    __tablename__ = "compliant_weeks"
    __table_args__ = CLUSTERED

    monday: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    projects: Mapped[int] = mapped_column(Integer)


class EnforcementDay(Base):
    """Live enforcement actions per day and kind."""

    __tablename__ = "enforcement_days"
    __table_args__ = CLUSTERED

    issued_on: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), primary_key=True)
    orders: Mapped[int] = mapped_column(Integer)


class TrainingDay(Base):
    """Live training sessions and their attendees per day and kind."""

    __tablename__ = "training_days"
    __table_args__ = CLUSTERED

    held_on: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    sessions: Mapped[int] = mapped_column(Integer)
    attendees: Mapped[int] = mapped_column(Integer)


class TrainingReach(Base):
    """Live sessions per day attended by each enterprise: the distinct enterprises trained in any period."""

    __tablename__ = "training_reach"
    __table_args__ = CLUSTERED

    held_on: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprises.id"), primary_key=True)
    sessions: Mapped[int] = mapped_column(Integer)


class AccidentDay(Base):
    """Live accidents and their deaths per day."""

    __tablename__ = "accident_days"
    __table_args__ = CLUSTERED

    occurred_on: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    accidents: Mapped[int] = mapped_column(Integer)
    deaths: Mapped[int] = mapped_column(Integer)


class ApprovalDay(Base):
    """Live approvals per day approved, mode and cycle length in days."""

    __tablename__ = "approval_days"
    __table_args__ = CLUSTERED

    approved_on: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    mode: Mapped[str] = mapped_column(String(10), primary_key=True)
    days: Mapped[int] = mapped_column(Integer, primary_key=True)
    approvals: Mapped[int] = mapped_column(Integer)


class AwardYear(Base):
    """Live awards per year."""

    __tablename__ = "award_years"
    __table_args__ = CLUSTERED

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    awards: Mapped[int] = mapped_column(Integer)


def _deleted_index(model) -> Index:
    # The Trash page lists and counts deleted rows, which the live partial indexes leave out.
    deleted = model.__table__.c.deleted_at.isnot(None)
    return Index(f"ix_{model.__tablename__}_deleted_at", model.__table__.c.deleted_at,
                 sqlite_where=deleted, postgresql_where=deleted)


def _live_partial(model, name: str, condition: str, *columns: str) -> Index:
    where = text(condition)
    return Index(name, *(model.__table__.c[c] for c in columns), sqlite_where=where, postgresql_where=where)


# Lists the summaries cannot serve, each on an index that holds just its rows and columns.
LIST_INDEXES = [
    # The open hazards list and the rectification queue: hazards never closed, a few percent of all.
    _live_partial(Hazard, "ix_hazards_open", "deleted_at IS NULL AND closed_on IS NULL", "found_on", "level", "domain",
                  "due_on", "rectified_on", "id"),
    # The Risk page's project heatmap ranks projects by their risk points of the period.
    _live_partial(RiskPoint, "ix_risk_points_live_cells", "deleted_at IS NULL", "identified_on", "project_id",
                  "category", "level"),
    # The entry form offers an inspector's recently visited projects first.
    _live_partial(SiteVisit, "ix_site_visits_live_created_by", "deleted_at IS NULL", "created_by", "project_id",
                  "visited_on"),
]
DELETED_INDEXES = [_deleted_index(m) for m in (Accident, Enforcement, Enterprise, Hazard, Project, RiskPoint,
                                               SiteVisit, Training)]
