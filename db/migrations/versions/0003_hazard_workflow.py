"""Hazard rectification workflow: who rectified, who closed, send-backs

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("hazards") as batch:
        batch.add_column(sa.Column("rectified_by", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("rectification_note", sa.Text(), nullable=True))
        batch.add_column(sa.Column("closed_by", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("sent_back_count", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("last_sent_back_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("hazards") as batch:
        for column in ("last_sent_back_reason", "sent_back_count", "closed_by", "rectification_note", "rectified_by"):
            batch.drop_column(column)
