"""training_reach: live training sessions per (day, enterprise) — the distinct enterprises trained in a period.

Unlike the other summaries it is fed by two tables: the link table training_enterprises (a row per session and
enterprise) and its parent trainings (the day, and whether the session is live). Its triggers are written out
here; the rebuild joins the two.
"""
from __future__ import annotations

TABLE = "training_reach"
KEYS, VALUES = ("held_on", "enterprise_id"), ("sessions",)

EXPECTED = ("SELECT t.held_on AS held_on, l.enterprise_id AS enterprise_id, COUNT(*) AS sessions "
            "FROM training_enterprises l JOIN trainings t ON t.id = l.training_id "
            "WHERE t.deleted_at IS NULL GROUP BY t.held_on, l.enterprise_id")
STORED = "SELECT held_on, enterprise_id, sessions FROM training_reach"

_ADD = ("INSERT INTO training_reach (held_on, enterprise_id, sessions) {select} "
        "ON CONFLICT (held_on, enterprise_id) DO UPDATE SET sessions = training_reach.sessions + 1;")
_REMOVE = ("UPDATE training_reach SET sessions = sessions - 1 WHERE held_on = {day} AND enterprise_id IN ({firms}); "
           "DELETE FROM training_reach WHERE held_on = {day} AND sessions = 0;")

# A link row: counted on its session's day while the session is live.
LINK_ADDED = _ADD.format(select="SELECT t.held_on, NEW.enterprise_id, 1 FROM trainings t "
                                "WHERE t.id = NEW.training_id AND t.deleted_at IS NULL")
LINK_REMOVED = ("UPDATE training_reach SET sessions = sessions - 1 WHERE enterprise_id = OLD.enterprise_id "
                "AND held_on = (SELECT t.held_on FROM trainings t WHERE t.id = OLD.training_id "
                "AND t.deleted_at IS NULL); DELETE FROM training_reach WHERE enterprise_id = OLD.enterprise_id "
                "AND sessions = 0;")
# A session moved, deleted or restored: all its link rows move with it.
SESSION_LEFT = ("UPDATE training_reach SET sessions = sessions - 1 WHERE OLD.deleted_at IS NULL "
                "AND held_on = OLD.held_on AND enterprise_id IN "
                "(SELECT l.enterprise_id FROM training_enterprises l WHERE l.training_id = OLD.id); "
                "DELETE FROM training_reach WHERE held_on = OLD.held_on AND sessions = 0;")
SESSION_ARRIVED = _ADD.format(select="SELECT NEW.held_on, l.enterprise_id, 1 FROM training_enterprises l "
                                     "WHERE l.training_id = NEW.id AND NEW.deleted_at IS NULL")
# Before a session row itself goes, its link rows go first (so their own trigger still finds the session).
SESSION_GONE = "DELETE FROM training_enterprises WHERE training_id = OLD.id;"


def create_triggers(dialect: str) -> list[str]:
    """CREATE statements of the triggers keeping training_reach."""
    if dialect == "postgresql":
        return [
            "CREATE FUNCTION training_reach_link() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP = 'DELETE' THEN {LINK_REMOVED} ELSE {LINK_ADDED} END IF; RETURN NULL; END $$",
            "CREATE TRIGGER training_reach_link AFTER INSERT OR DELETE ON training_enterprises "
            "FOR EACH ROW EXECUTE FUNCTION training_reach_link()",
            "CREATE FUNCTION training_reach_session() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP = 'DELETE' THEN {SESSION_GONE} RETURN OLD; END IF; {SESSION_LEFT} {SESSION_ARRIVED} "
            "RETURN NULL; END $$",
            "CREATE TRIGGER training_reach_session AFTER UPDATE OF held_on, deleted_at ON trainings "
            "FOR EACH ROW EXECUTE FUNCTION training_reach_session()",
            "CREATE TRIGGER training_reach_session_gone BEFORE DELETE ON trainings "
            "FOR EACH ROW EXECUTE FUNCTION training_reach_session()",
        ]
    return [
        f"CREATE TRIGGER training_reach_link_insert AFTER INSERT ON training_enterprises BEGIN {LINK_ADDED} END",
        f"CREATE TRIGGER training_reach_link_delete AFTER DELETE ON training_enterprises BEGIN {LINK_REMOVED} END",
        "CREATE TRIGGER training_reach_session AFTER UPDATE OF held_on, deleted_at ON trainings "
        f"BEGIN {SESSION_LEFT} {SESSION_ARRIVED} END",
        f"CREATE TRIGGER training_reach_session_gone BEFORE DELETE ON trainings BEGIN {SESSION_GONE} END",
    ]


def drop_triggers(dialect: str) -> list[str]:
    """DROP statements for what create_triggers made."""
    if dialect == "postgresql":
        return ["DROP TRIGGER IF EXISTS training_reach_link ON training_enterprises",
                "DROP TRIGGER IF EXISTS training_reach_session ON trainings",
                "DROP TRIGGER IF EXISTS training_reach_session_gone ON trainings",
                "DROP FUNCTION IF EXISTS training_reach_link()", "DROP FUNCTION IF EXISTS training_reach_session()"]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in (
        "training_reach_link_insert", "training_reach_link_delete", "training_reach_session",
        "training_reach_session_gone")]
