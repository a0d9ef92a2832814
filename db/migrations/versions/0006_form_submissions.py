"""Form submissions saved once (double clicks, retries); the client's address and user agent in the audit log

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "form_submissions",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_form_submissions")),
    )
    # Plain ALTER TABLE (no batch copy on SQLite), so the audit log's append-only triggers stay in place.
    op.add_column("audit_log", sa.Column("client_ip", sa.String(length=64), nullable=True))
    op.add_column("audit_log", sa.Column("user_agent", sa.String(length=300), nullable=True))


def downgrade() -> None:
    for column in ("user_agent", "client_ip"):
        op.execute(f"ALTER TABLE audit_log DROP COLUMN {column}")
    op.drop_table("form_submissions")
