"""Hazards' live index also covers rectified_on: "overdue" now asks whether a fix was reported

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

LIVE = sa.text("deleted_at IS NULL")
NAME = "ix_hazards_live_found_on"


def upgrade() -> None:
    op.drop_index(NAME, table_name="hazards")
    op.create_index(NAME, "hazards", ["found_on", "level", "closed_on", "due_on", "rectified_on"],
                    sqlite_where=LIVE, postgresql_where=LIVE)


def downgrade() -> None:
    op.drop_index(NAME, table_name="hazards")
    op.create_index(NAME, "hazards", ["found_on", "level", "closed_on", "due_on"],
                    sqlite_where=LIVE, postgresql_where=LIVE)
