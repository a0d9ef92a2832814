"""compliant_weeks: per ISO week, the projects under supervision that whole week with ≥ 3 live visits in it.

Fed by patrol_weeks (visits per project and week, itself kept by triggers on site_visits) and by the projects'
dates: a visit that brings a week to three adds the project to that week; moving a project's start or completion,
deleting or restoring it moves all its compliant weeks. The triggers are written out here.
"""
from __future__ import annotations

TABLE = "compliant_weeks"
KEYS, VALUES = ("monday",), ("projects",)
TARGET = 3  # db.kpis.PATROL_VISITS_PER_WEEK; a migration fixes it in the triggers


def _in_week(dialect: str, week: str, project: str) -> str:
    # The KPI's rule: the whole week (Monday to Sunday) lies inside the project's supervision.
    sunday = f"date({week}, '+6 days')" if dialect == "sqlite" else f"({week} + 6)"
    return (f"{project}.deleted_at IS NULL AND {week} >= {project}.start_date "
            f"AND ({project}.completion_date IS NULL OR {sunday} <= {project}.completion_date)")


def expected(dialect: str) -> str:
    """SELECT of the rows compliant_weeks must hold, from patrol_weeks and projects."""
    return (f"SELECT w.monday AS monday, COUNT(*) AS projects FROM patrol_weeks w JOIN projects p "
            f"ON p.id = w.project_id WHERE w.visits >= {TARGET} AND {_in_week(dialect, 'w.monday', 'p')} "
            "GROUP BY w.monday")


STORED = "SELECT monday, projects FROM compliant_weeks WHERE projects <> 0"
_ADD = ("INSERT INTO compliant_weeks (monday, projects) {select} "
        "ON CONFLICT (monday) DO UPDATE SET projects = compliant_weeks.projects + 1;")
_REMOVE = ("UPDATE compliant_weeks SET projects = projects - 1 WHERE monday IN ({mondays}); "
           "DELETE FROM compliant_weeks WHERE projects = 0;")


def _week(dialect: str, row: str) -> tuple[str, str]:
    # A patrol_weeks row counts when it met the target and its project was under supervision that whole week.
    counts = (f"{row}.visits >= {TARGET} AND EXISTS (SELECT 1 FROM projects p WHERE p.id = {row}.project_id "
              f"AND {_in_week(dialect, f'{row}.monday', 'p')})")
    return (_REMOVE.format(mondays=f"SELECT {row}.monday WHERE {counts}"),
            _ADD.format(select=f"SELECT {row}.monday, 1 WHERE {counts}"))


def _project(dialect: str, row: str) -> tuple[str, str]:
    # All of a project's weeks that met the target and lie inside its supervision (as `row` has it).
    weeks = (f"SELECT w.monday FROM patrol_weeks w WHERE w.project_id = {row}.id AND w.visits >= {TARGET} "
             f"AND {_in_week(dialect, 'w.monday', row)}")
    return (_REMOVE.format(mondays=weeks),
            _ADD.format(select=weeks.replace("SELECT w.monday", "SELECT w.monday, 1", 1)))


def create_triggers(dialect: str) -> list[str]:
    """CREATE statements of the triggers keeping compliant_weeks."""
    week_out, _ = _week(dialect, "OLD")
    _, week_in = _week(dialect, "NEW")
    project_out, _ = _project(dialect, "OLD")
    _, project_in = _project(dialect, "NEW")
    if dialect == "postgresql":
        return [
            "CREATE FUNCTION compliant_weeks_visits() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {week_out} END IF; "
            f"IF TG_OP IN ('UPDATE', 'INSERT') THEN {week_in} END IF; RETURN NULL; END $$",
            "CREATE TRIGGER compliant_weeks_visits AFTER INSERT OR DELETE OR UPDATE OF project_id, monday, visits "
            "ON patrol_weeks FOR EACH ROW EXECUTE FUNCTION compliant_weeks_visits()",
            "CREATE FUNCTION compliant_weeks_project() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"{project_out} {project_in} RETURN NULL; END $$",
            "CREATE TRIGGER compliant_weeks_project AFTER UPDATE OF start_date, completion_date, deleted_at "
            "ON projects FOR EACH ROW EXECUTE FUNCTION compliant_weeks_project()",
        ]
    return [
        f"CREATE TRIGGER compliant_weeks_visits_insert AFTER INSERT ON patrol_weeks BEGIN {week_in} END",
        f"CREATE TRIGGER compliant_weeks_visits_delete AFTER DELETE ON patrol_weeks BEGIN {week_out} END",
        "CREATE TRIGGER compliant_weeks_visits_update AFTER UPDATE OF project_id, monday, visits ON patrol_weeks "
        f"BEGIN {week_out} {week_in} END",
        "CREATE TRIGGER compliant_weeks_project AFTER UPDATE OF start_date, completion_date, deleted_at ON projects "
        f"BEGIN {project_out} {project_in} END",
    ]


def drop_triggers(dialect: str) -> list[str]:
    """DROP statements for what create_triggers made."""
    if dialect == "postgresql":
        return ["DROP TRIGGER IF EXISTS compliant_weeks_visits ON patrol_weeks",
                "DROP TRIGGER IF EXISTS compliant_weeks_project ON projects",
                "DROP FUNCTION IF EXISTS compliant_weeks_visits()", "DROP FUNCTION IF EXISTS compliant_weeks_project()"]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in (
        "compliant_weeks_visits_insert", "compliant_weeks_visits_delete", "compliant_weeks_visits_update",
        "compliant_weeks_project")]
