"""Partial indexes over live rows; patrol_weeks summary kept by triggers on site_visits

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

LIVE = sa.text("deleted_at IS NULL")
# (table, old full index, its columns, new partial index, its columns)
REPLACED = (
    ("site_visits", "ix_site_visits_visited_on_project_id", ["visited_on", "project_id"],
     "ix_site_visits_live_visited_on", ["visited_on", "project_id"]),
    ("hazards", "ix_hazards_found_on_level", ["found_on", "level"],
     "ix_hazards_live_found_on", ["found_on", "level", "closed_on", "due_on"]),
    ("hazards", "ix_hazards_closed_on", ["closed_on"], "ix_hazards_live_closed_on", ["closed_on", "found_on"]),
    ("risk_points", "ix_risk_points_identified_on_level", ["identified_on", "level"],
     "ix_risk_points_live_identified_on", ["identified_on", "level"]),
)
SQLITE_MONDAY = "date({d}, '-' || ((CAST(strftime('%w', {d}) AS INTEGER) + 6) % 7) || ' days')"
PG_MONDAY = "CAST(date_trunc('week', CAST({d} AS TIMESTAMP)) AS DATE)"


def upgrade() -> None:
    for table, old, _, new, columns in REPLACED:
        op.drop_index(old, table_name=table)
        op.create_index(new, table, columns, sqlite_where=LIVE, postgresql_where=LIVE)
    op.create_table(
        "patrol_weeks",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("monday", sa.Date(), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name=op.f("fk_patrol_weeks_project_id_projects")),
        sa.PrimaryKeyConstraint("project_id", "monday", name=op.f("pk_patrol_weeks")),
    )
    op.create_index("ix_patrol_weeks_monday", "patrol_weeks", ["monday", "project_id", "visits"])
    postgres = op.get_bind().dialect.name == "postgresql"
    monday = PG_MONDAY if postgres else SQLITE_MONDAY
    op.execute(f"""INSERT INTO patrol_weeks (project_id, monday, visits)
                   SELECT project_id, {monday.format(d='visited_on')}, count(*) FROM site_visits
                   WHERE deleted_at IS NULL GROUP BY project_id, {monday.format(d='visited_on')}""")
    (_postgres_triggers if postgres else _sqlite_triggers)(monday)


def _sqlite_triggers(monday: str) -> None:
    add = ("INSERT INTO patrol_weeks (project_id, monday, visits) SELECT NEW.project_id, {m}, 1 "
           "WHERE NEW.deleted_at IS NULL ON CONFLICT (project_id, monday) DO UPDATE SET visits = visits + 1;")
    remove = ("UPDATE patrol_weeks SET visits = visits - 1 WHERE OLD.deleted_at IS NULL "
              "AND project_id = OLD.project_id AND monday = {m};")
    add = add.format(m=monday.format(d="NEW.visited_on"))
    remove = remove.format(m=monday.format(d="OLD.visited_on"))
    op.execute(f"CREATE TRIGGER site_visits_patrol_insert AFTER INSERT ON site_visits BEGIN {add} END")
    op.execute(f"CREATE TRIGGER site_visits_patrol_delete AFTER DELETE ON site_visits BEGIN {remove} END")
    op.execute("CREATE TRIGGER site_visits_patrol_update AFTER UPDATE OF project_id, visited_on, deleted_at "
               f"ON site_visits BEGIN {remove} {add} END")


def _postgres_triggers(monday: str) -> None:
    op.execute(f"""
        CREATE FUNCTION patrol_weeks_sync() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
                UPDATE patrol_weeks SET visits = visits - 1
                WHERE project_id = OLD.project_id AND monday = {monday.format(d='OLD.visited_on')};
            END IF;
            IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.deleted_at IS NULL THEN
                INSERT INTO patrol_weeks (project_id, monday, visits)
                VALUES (NEW.project_id, {monday.format(d='NEW.visited_on')}, 1)
                ON CONFLICT (project_id, monday) DO UPDATE SET visits = patrol_weeks.visits + 1;
            END IF;
            RETURN NULL;
        END $$""")
    op.execute("""CREATE TRIGGER site_visits_patrol
                  AFTER INSERT OR DELETE OR UPDATE OF project_id, visited_on, deleted_at ON site_visits
                  FOR EACH ROW EXECUTE FUNCTION patrol_weeks_sync()""")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER site_visits_patrol ON site_visits")
        op.execute("DROP FUNCTION patrol_weeks_sync()")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER site_visits_patrol_{name}")
    op.drop_index("ix_patrol_weeks_monday", table_name="patrol_weeks")
    op.drop_table("patrol_weeks")
    for table, old, old_columns, new, _ in REPLACED:
        op.drop_index(new, table_name=table)
        op.create_index(old, table, old_columns)
