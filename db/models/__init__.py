"""The records of the supervision office, as typed SQLAlchemy 2 models.

Enumerations are stored as stable codes (db.enums) and checked by the database.
Business records carry who/when stamps, an optimistic-concurrency `version` and a
soft-delete `deleted_at`; they are never hard-deleted from the UI.

One import path for every model (`from db.models import Hazard`); importing the package
registers every table on `Base.metadata`, which Alembic and the bootstrap read.
"""
from db.models.base import NAMING_CONVENTION, Base, Tracked, live_index, one_of
from db.models.records import (
    Accident, Approval, Award, Enforcement, Enterprise, Hazard, HazardPhoto, LedgerItem, Project, RiskPoint,
    SiteVisit, TeamMember, Training, TrainingSignIn, training_enterprises,
)
from db.models.documents import Document, DocumentCounter
from db.models.summaries import (
    AccidentDay, ApprovalDay, AwardYear, CompliantWeek, EnforcementDay, HazardClosing, HazardDay, HazardOverdue, RiskDay,
    ProjectWeek, TrainingDay, TrainingReach, VisitDay,
)
from db.models.system import AuditEntry, CodeSequence, DataRevision, FormSubmission, PatrolWeek, User

__all__ = [
    "NAMING_CONVENTION", "Base", "Tracked", "live_index", "one_of",
    "Accident", "Approval", "Award", "Enforcement", "Enterprise", "Hazard", "HazardPhoto", "LedgerItem", "Project",
    "RiskPoint", "SiteVisit", "TeamMember", "Training", "TrainingSignIn", "training_enterprises",
    "AuditEntry", "CodeSequence", "DataRevision", "FormSubmission", "PatrolWeek", "User", "Document", "DocumentCounter",
    "AccidentDay", "ApprovalDay", "AwardYear", "CompliantWeek", "EnforcementDay", "HazardClosing", "HazardDay", "HazardOverdue",
    "ProjectWeek", "RiskDay", "TrainingDay", "TrainingReach", "VisitDay",
]
