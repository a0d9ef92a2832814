"""The register of issued supervision documents (文书) and their per-type, per-year counters

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Spelled out, not read from db.enums: a migration must build the same schema whatever the code says later.
KINDS = ("'visit_record', 'rectification_notice', 'reinspection_opinion', 'stop_work_notice', "
         "'resumption_notice', 'interview_notice', 'interview_record'")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("verification_code", sa.String(length=12), nullable=False),
        sa.Column("record_code", sa.String(length=40), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(f"kind IN ({KINDS})", name=op.f("ck_documents_kind_valid")),
        sa.CheckConstraint("seq >= 1", name=op.f("ck_documents_seq_positive")),
        sa.CheckConstraint("(sha256 IS NULL) = (pdf IS NULL)", name=op.f("ck_documents_hash_with_file")),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name=op.f("fk_documents_project_id_projects")),
        sa.ForeignKeyConstraint(["supersedes_id"], ["documents.id"],
                                name=op.f("fk_documents_supersedes_id_documents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("kind", "year", "seq", name=op.f("uq_documents_kind_year_seq")),
        sa.UniqueConstraint("number", name=op.f("uq_documents_number")),
        sa.UniqueConstraint("verification_code", name=op.f("uq_documents_verification_code")),
        sa.UniqueConstraint("supersedes_id", name=op.f("uq_documents_supersedes_id")),
        sa.UniqueConstraint("sha256", name=op.f("uq_documents_sha256")),
    )
    op.create_index(op.f("ix_documents_project_id"), "documents", ["project_id"])
    op.create_index("ix_documents_issued_on_kind", "documents", ["issued_on", "kind"])
    op.create_index("ix_documents_record_code_kind", "documents", ["record_code", "kind"])
    op.create_table(
        "document_counters",
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.CheckConstraint(f"kind IN ({KINDS})", name=op.f("ck_document_counters_kind_valid")),
        sa.CheckConstraint("last_seq >= 0", name=op.f("ck_document_counters_last_seq_valid")),
        sa.PrimaryKeyConstraint("kind", "year", name=op.f("pk_document_counters")),
    )


def downgrade() -> None:
    op.drop_table("document_counters")
    op.drop_index("ix_documents_record_code_kind", table_name="documents")
    op.drop_index("ix_documents_issued_on_kind", table_name="documents")
    op.drop_index(op.f("ix_documents_project_id"), table_name="documents")
    op.drop_table("documents")
