"""The office's records: enterprises, projects and their ledgers, visits, hazards, risk points,
enforcement, training, approvals, accidents, awards."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint, Column, Date, DateTime, Float, ForeignKey, Index,
    Integer, LargeBinary, String, Table, Text, UniqueConstraint, func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db import enums
from db.dangerous_works import DANGER_KIND, PARAMETERS
from db.models.base import Base, Tracked, live_index, one_of


class Enterprise(Tracked, Base):
    __tablename__ = "enterprises"
    __table_args__ = (
        one_of("kind", enums.ENTERPRISE_KIND),
        CheckConstraint("length(credit_code) = 18", name="credit_code_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    contact_person: Mapped[str | None] = mapped_column(String(50))
    contact_phone: Mapped[str | None] = mapped_column(String(30))


class Project(Tracked, Base):
    __tablename__ = "projects"
    __table_args__ = (
        one_of("kind", enums.PROJECT_KIND),
        CheckConstraint("floor_area_m2 >= 0", name="floor_area_non_negative"),
        CheckConstraint("progress_pct BETWEEN 0 AND 100", name="progress_in_range"),
        CheckConstraint("completion_date IS NULL OR completion_date >= start_date", name="completion_after_start"),
        CheckConstraint("lon IS NULL OR lon BETWEEN -180 AND 180", name="lon_in_range"),
        CheckConstraint("lat IS NULL OR lat BETWEEN -90 AND 90", name="lat_in_range"),
        Index("ix_projects_active", "start_date", "completion_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    developer_id: Mapped[int] = mapped_column(ForeignKey("enterprises.id"), index=True)
    contractor_id: Mapped[int] = mapped_column(ForeignKey("enterprises.id"), index=True)
    supervisor_firm_id: Mapped[int | None] = mapped_column(ForeignKey("enterprises.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    is_key: Mapped[bool] = mapped_column(default=False)
    floor_area_m2: Mapped[float] = mapped_column(Float, default=0)
    start_date: Mapped[dt.date] = mapped_column(Date)
    completion_date: Mapped[dt.date | None] = mapped_column(Date)
    progress_pct: Mapped[float] = mapped_column(Float, default=0)
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)

    developer: Mapped[Enterprise] = relationship(foreign_keys=[developer_id])
    contractor: Mapped[Enterprise] = relationship(foreign_keys=[contractor_id])
    supervisor_firm: Mapped[Enterprise | None] = relationship(foreign_keys=[supervisor_firm_id])


class TeamMember(Tracked, Base):
    """A member of a key project's one-on-one service team (一对一专班)."""

    __tablename__ = "team_members"
    __table_args__ = (
        one_of("role", enums.TEAM_ROLE),
        UniqueConstraint("project_id", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(20))
    organization: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(30))
    # The member's account, when they sign in to the app: their projects make their "My work" page.
    username: Mapped[str | None] = mapped_column(String(64), index=True)


class LedgerItem(Tracked, Base):
    """One entry of a project's "one project, one list" ledger (一项目一清单)."""

    __tablename__ = "ledger_items"
    __table_args__ = (
        one_of("kind", enums.LEDGER_KIND),
        one_of("danger_category", enums.DANGER_CATEGORY),
        one_of("status", enums.LEDGER_STATUS),
        CheckConstraint("planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start",
                        name="plan_in_order"),
        CheckConstraint("kind = 'dangerous_works' OR danger_category IS NULL", name="category_only_for_dangerous"),
        one_of("danger_kind", DANGER_KIND),
        CheckConstraint("kind = 'dangerous_works' OR danger_kind IS NULL", name="danger_kind_only_for_dangerous"),
        CheckConstraint(" AND ".join(f"({p} IS NULL OR {p} >= 0)" for p in PARAMETERS), name="parameters_non_negative"),
        UniqueConstraint("project_id", "kind", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    danger_category: Mapped[str | None] = mapped_column(String(20))
    # Set from the parameters for the kinds db.dangerous_works sizes; typed by hand for the other categories.
    beyond_scale: Mapped[bool] = mapped_column(default=False)
    planned_start: Mapped[dt.date | None] = mapped_column(Date)
    planned_end: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    # 危大 parameters (建办质〔2018〕31号): which kind, its size, and the expert review a beyond-scale item needs.
    danger_kind: Mapped[str | None] = mapped_column(String(30))
    depth_m: Mapped[float | None] = mapped_column(Float)
    height_m: Mapped[float | None] = mapped_column(Float)
    span_m: Mapped[float | None] = mapped_column(Float)
    load_kn_m2: Mapped[float | None] = mapped_column(Float)
    line_load_kn_m: Mapped[float | None] = mapped_column(Float)
    lift_kn: Mapped[float | None] = mapped_column(Float)
    expert_review_on: Mapped[dt.date | None] = mapped_column(Date)


class SiteVisit(Tracked, Base):
    __tablename__ = "site_visits"
    __table_args__ = (
        one_of("kind", enums.VISIT_KIND),
        live_index("ix_site_visits_live_visited_on", "visited_on", "project_id"),
        Index("ix_site_visits_project_id_visited_on", "project_id", "visited_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    visited_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    inspectors: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)


class Hazard(Tracked, Base):
    __tablename__ = "hazards"
    __table_args__ = (
        one_of("domain", enums.DOMAIN),
        one_of("category", enums.CATEGORY),
        one_of("level", enums.HAZARD_LEVEL),
        CheckConstraint("due_on >= found_on", name="due_after_found"),
        CheckConstraint("rectified_on IS NULL OR rectified_on >= found_on", name="rectified_after_found"),
        CheckConstraint("closed_on IS NULL OR (rectified_on IS NOT NULL AND closed_on >= rectified_on)",
                        name="closed_after_rectified"),
        live_index("ix_hazards_live_found_on", "found_on", "level", "closed_on", "due_on", "rectified_on"),
        live_index("ix_hazards_live_closed_on", "closed_on", "found_on"),
        Index("ix_hazards_project_id_found_on", "project_id", "found_on"),
        Index("ix_hazards_open_due_on", "closed_on", "due_on"),
        # The risk score's "sent back at least twice" reads the few such hazards without scanning the table.
        Index("ix_hazards_sent_back_count", "sent_back_count"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("site_visits.id"), index=True)
    found_on: Mapped[dt.date] = mapped_column(Date)
    domain: Mapped[str] = mapped_column(String(10))
    category: Mapped[str] = mapped_column(String(30))
    level: Mapped[str] = mapped_column(String(10))
    description: Mapped[str] = mapped_column(Text)
    due_on: Mapped[dt.date] = mapped_column(Date)
    rectified_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    # The rectification workflow: who reported it fixed, who closed it after re-inspection
    # (never the same person), and how often a re-inspection sent it back.
    rectified_by: Mapped[str | None] = mapped_column(String(64))
    rectification_note: Mapped[str | None] = mapped_column(Text)
    closed_by: Mapped[str | None] = mapped_column(String(64))
    sent_back_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_sent_back_reason: Mapped[str | None] = mapped_column(Text)
    # What the inspector wrote on site: where (building, part), what must be done, and who must do it.
    location: Mapped[str | None] = mapped_column(String(200))
    requirement: Mapped[str | None] = mapped_column(Text)
    responsible_id: Mapped[int | None] = mapped_column(ForeignKey("enterprises.id"))


class RiskPoint(Tracked, Base):
    __tablename__ = "risk_points"
    __table_args__ = (
        one_of("category", enums.CATEGORY),
        one_of("level", enums.RISK_LEVEL),
        live_index("ix_risk_points_live_identified_on", "identified_on", "level"),
        Index("ix_risk_points_project_id", "project_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    identified_on: Mapped[dt.date] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(30))
    level: Mapped[str] = mapped_column(String(10))
    description: Mapped[str] = mapped_column(Text)
    controls: Mapped[str | None] = mapped_column(Text)


class Enforcement(Tracked, Base):
    __tablename__ = "enforcements"
    __table_args__ = (
        one_of("kind", enums.ENFORCEMENT_KIND),
        CheckConstraint("lifted_on IS NULL OR lifted_on >= issued_on", name="lifted_after_issued"),
        Index("ix_enforcements_issued_on_kind", "issued_on", "kind"),
        Index("ix_enforcements_project_id", "project_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(Text)
    lifted_on: Mapped[dt.date | None] = mapped_column(Date)


training_enterprises = Table(
    "training_enterprises",
    Base.metadata,
    Column("training_id", ForeignKey("trainings.id", ondelete="CASCADE"), primary_key=True),
    Column("enterprise_id", ForeignKey("enterprises.id"), primary_key=True, index=True),
)


class Training(Tracked, Base):
    __tablename__ = "trainings"
    __table_args__ = (
        one_of("kind", enums.TRAINING_KIND),
        CheckConstraint("attendees >= 0", name="attendees_non_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    attendees: Mapped[int] = mapped_column(Integer, default=0)
    # An open QR sign-in: tokens carry this nonce and are refused once it changes or the time has passed.
    sign_in_nonce: Mapped[str | None] = mapped_column(String(32))
    sign_in_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    enterprises: Mapped[list[Enterprise]] = relationship(secondary=training_enterprises)


class TrainingSignIn(Base):
    """One attendee who signed in to a session by its QR code: one per phone number and session."""

    __tablename__ = "training_sign_ins"
    __table_args__ = (UniqueConstraint("training_id", "phone"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    training_id: Mapped[int] = mapped_column(ForeignKey("trainings.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str] = mapped_column(String(20))
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprises.id"))
    # Whether this sign-in added the enterprise to the session (so removing it takes the enterprise off again).
    added_enterprise: Mapped[bool] = mapped_column(default=False)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    client_ip: Mapped[str | None] = mapped_column(String(64), index=True)
    removed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    removed_by: Mapped[str | None] = mapped_column(String(64))


class HazardPhoto(Base):
    """A photo of a hazard as found or as fixed, checked by content (JPEG/PNG, at most 10 MB).

    Kept in the database, not on a server's disk: every app server behind the proxy sees it,
    it is saved in the same transaction as the rectification, and backups carry it.
    """

    __tablename__ = "hazard_photos"
    __table_args__ = (
        CheckConstraint("content_type IN ('image/jpeg', 'image/png')", name="content_type_valid"),
        CheckConstraint("size_bytes BETWEEN 1 AND 10485760", name="size_in_range"),
        CheckConstraint("stage IN ('found', 'fixed')", name="stage_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hazard_id: Mapped[int] = mapped_column(ForeignKey("hazards.id"), index=True)
    # As found on the visit, or as fixed at the rectification.
    stage: Mapped[str] = mapped_column(String(10), default="fixed", server_default="fixed")
    content_type: Mapped[str] = mapped_column(String(20))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    image: Mapped[bytes] = mapped_column(LargeBinary)
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    created_by: Mapped[str | None] = mapped_column(String(64))


class Approval(Tracked, Base):
    __tablename__ = "approvals"
    __table_args__ = (
        one_of("mode", enums.APPROVAL_MODE),
        CheckConstraint("approved_on IS NULL OR approved_on >= submitted_on", name="approved_after_submitted"),
        UniqueConstraint("project_id", "mode"),
        Index("ix_approvals_approved_on_mode", "approved_on", "mode"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    mode: Mapped[str] = mapped_column(String(10))
    submitted_on: Mapped[dt.date] = mapped_column(Date)
    approved_on: Mapped[dt.date | None] = mapped_column(Date)


class Accident(Tracked, Base):
    __tablename__ = "accidents"
    __table_args__ = (
        one_of("level", enums.ACCIDENT_LEVEL),
        CheckConstraint("deaths >= 0", name="deaths_non_negative"),
        CheckConstraint("injuries >= 0", name="injuries_non_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    occurred_on: Mapped[dt.date] = mapped_column(Date, index=True)
    level: Mapped[str] = mapped_column(String(20))
    deaths: Mapped[int] = mapped_column(Integer, default=0)
    injuries: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text)


class Award(Tracked, Base):
    __tablename__ = "awards"
    __table_args__ = (
        one_of("level", enums.AWARD_LEVEL),
        CheckConstraint("year BETWEEN 1900 AND 2200", name="year_in_range"),
        UniqueConstraint("project_id", "name", "year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer, index=True)
    level: Mapped[str] = mapped_column(String(20))
