"""Backups restore to the same rows and figures; a damaged restore is noticed."""
from sqlalchemy import delete

from db.backup import fingerprint, restore_drill
from db.models import Hazard
from tests.conftest import DEMO_TODAY
from tests import builders as b


def test_restore_drill_passes_on_a_sound_backup(engine):
    project = b.project(engine)
    b.hazard(engine, project, DEMO_TODAY.replace(month=1, day=5))
    assert restore_drill(engine, as_of=DEMO_TODAY) == []


def test_fingerprint_notices_a_missing_row(engine):
    project = b.project(engine)
    b.hazard(engine, project, DEMO_TODAY.replace(month=1, day=5))
    before = fingerprint(engine, DEMO_TODAY)
    with engine.begin() as conn:
        conn.execute(delete(Hazard))
    assert fingerprint(engine, DEMO_TODAY) != before
