"""Summary tables kept exact by triggers (KPIs and page figures read them); indexes over deleted rows

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

The triggers and the initial fill come from db.summaries, the same declarations `python -m db summaries
check|rebuild` use; a later change to those declarations comes with its own migration that drops and
re-creates the triggers and rebuilds.
"""
from alembic import op
import sqlalchemy as sa

from db.summaries import maintain

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

DELETED_TABLES = ("accidents", "enforcements", "enterprises", "hazards", "projects", "risk_points",
                  "site_visits", "trainings")
HAZARD_KEYS = (("found_on", sa.Date()), ("level", sa.String(10)), ("domain", sa.String(10)))
LIVE = "deleted_at IS NULL"
LIST_INDEXES = (
    ("ix_hazards_open", "hazards", ["found_on", "level", "domain", "due_on", "rectified_on", "id"],
     "deleted_at IS NULL AND closed_on IS NULL"),
    ("ix_risk_points_live_cells", "risk_points", ["identified_on", "project_id", "category", "level"], LIVE),
    ("ix_site_visits_live_created_by", "site_visits", ["created_by", "project_id", "visited_on"], LIVE),
)
# table: (key columns, value columns); every column NOT NULL, the keys the primary key.
TABLES = {
    "hazard_days": ((*HAZARD_KEYS, ("category", sa.String(30))), ("hazards",)),
    "hazard_closings": ((*HAZARD_KEYS, ("closed_on", sa.Date()), ("on_time", sa.Boolean()), ("days", sa.Integer())),
                        ("hazards",)),
    "hazard_overdue": ((*HAZARD_KEYS, ("edge_on", sa.Date())), ("starts", "ends")),
    "risk_days": ((("identified_on", sa.Date()), ("level", sa.String(10)), ("category", sa.String(30))),
                  ("risk_points",)),
    "visit_days": ((("visited_on", sa.Date()), ("kind", sa.String(20))), ("visits",)),
    "project_weeks": ((("monday", sa.Date()),), ("starts", "ends")),
    "compliant_weeks": ((("monday", sa.Date()),), ("projects",)),
    "enforcement_days": ((("issued_on", sa.Date()), ("kind", sa.String(30))), ("orders",)),
    "training_days": ((("held_on", sa.Date()), ("kind", sa.String(20))), ("sessions", "attendees")),
    "training_reach": ((("held_on", sa.Date()), ("enterprise_id", sa.Integer())), ("sessions",)),
    "accident_days": ((("occurred_on", sa.Date()),), ("accidents", "deaths")),
    "approval_days": ((("approved_on", sa.Date()), ("mode", sa.String(10)), ("days", sa.Integer())),
                      ("approvals",)),
    "award_years": ((("year", sa.Integer()),), ("awards",)),
}


def upgrade() -> None:
    for table, (keys, values) in TABLES.items():
        extra = []
        if table == "training_reach":
            extra.append(sa.ForeignKeyConstraint(["enterprise_id"], ["enterprises.id"],
                                                 name=op.f("fk_training_reach_enterprise_id_enterprises")))
        op.create_table(
            table,
            *(sa.Column(name, kind, nullable=False) for name, kind in keys),
            *(sa.Column(name, sa.Integer(), nullable=False) for name in values),
            *extra,
            sa.PrimaryKeyConstraint(*(name for name, _ in keys), name=op.f(f"pk_{table}")),
            sqlite_with_rowid=False,
        )
    op.create_index("ix_hazard_closings_closed_on", "hazard_closings", ["closed_on", "level", "domain", "hazards"])
    for table in DELETED_TABLES:
        deleted = sa.text("deleted_at IS NOT NULL")
        op.create_index(f"ix_{table}_deleted_at", table, ["deleted_at"], sqlite_where=deleted,
                        postgresql_where=deleted)
    for name, table, columns, condition in LIST_INDEXES:
        op.create_index(name, table, columns, sqlite_where=sa.text(condition), postgresql_where=sa.text(condition))
    conn = op.get_bind()
    maintain.install_triggers(conn)
    maintain.rebuild(conn)
    # The planner's statistics for what is new: without them SQLite keeps to the older, narrower indexes.
    for name in (*(i[0] for i in LIST_INDEXES), *TABLES):
        op.execute(f"ANALYZE {name}" if conn.dialect.name == "sqlite" or name in TABLES else "SELECT 1")


def downgrade() -> None:
    maintain.drop_triggers(op.get_bind())
    for name, table, _, _ in LIST_INDEXES:
        op.drop_index(name, table_name=table)
    for table in DELETED_TABLES:
        op.drop_index(f"ix_{table}_deleted_at", table_name=table)
    op.drop_index("ix_hazard_closings_closed_on", table_name="hazard_closings")
    for table in TABLES:
        op.drop_table(table)
