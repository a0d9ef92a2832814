"""Photos of rectified hazards, stored in the database

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hazard_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hazard_id", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.String(length=20), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.CheckConstraint("content_type IN ('image/jpeg', 'image/png')", name=op.f("ck_hazard_photos_content_type_valid")),
        sa.CheckConstraint("size_bytes BETWEEN 1 AND 10485760", name=op.f("ck_hazard_photos_size_in_range")),
        sa.ForeignKeyConstraint(["hazard_id"], ["hazards.id"], name=op.f("fk_hazard_photos_hazard_id_hazards")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hazard_photos")),
    )
    op.create_index(op.f("ix_hazard_photos_hazard_id"), "hazard_photos", ["hazard_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_hazard_photos_hazard_id"), table_name="hazard_photos")
    op.drop_table("hazard_photos")
