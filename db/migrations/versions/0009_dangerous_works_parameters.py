"""Ledger items carry their 危大 parameters and expert-review date; the class is computed from them;
an index for the risk score's hazards sent back twice

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

PARAMETERS = ("depth_m", "height_m", "span_m", "load_kn_m2", "line_load_kn_m", "lift_kn")
KINDS = ("excavation", "formwork_support", "lifting_nonstandard", "scaffold_floor", "scaffold_cantilever",
         "curtain_wall", "steel_structure", "hand_dug_pile")
CHECKS = {
    "ck_ledger_items_danger_kind_valid": "danger_kind IN (" + ", ".join(f"'{k}'" for k in KINDS) + ")",
    "ck_ledger_items_danger_kind_only_for_dangerous": "kind = 'dangerous_works' OR danger_kind IS NULL",
    "ck_ledger_items_parameters_non_negative": " AND ".join(f"({p} IS NULL OR {p} >= 0)" for p in PARAMETERS),
}


def upgrade() -> None:
    # Batch mode: SQLite adds CHECK constraints by copying the table (ledgers are small).
    with op.batch_alter_table("ledger_items") as batch:
        batch.add_column(sa.Column("danger_kind", sa.String(length=30), nullable=True))
        for name in PARAMETERS:
            batch.add_column(sa.Column(name, sa.Float(), nullable=True))
        batch.add_column(sa.Column("expert_review_on", sa.Date(), nullable=True))
        for name, condition in CHECKS.items():
            batch.create_check_constraint(op.f(name), condition)
    op.create_index("ix_hazards_sent_back_count", "hazards", ["sent_back_count"])


def downgrade() -> None:
    op.drop_index("ix_hazards_sent_back_count", table_name="hazards")
    with op.batch_alter_table("ledger_items") as batch:
        for name in CHECKS:
            batch.drop_constraint(op.f(name), type_="check")
        for name in ("expert_review_on", *reversed(PARAMETERS), "danger_kind"):
            batch.drop_column(name)
