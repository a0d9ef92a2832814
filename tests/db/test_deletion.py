"""Soft delete hides a record from the figures; an admin restores it; both are audited."""
import datetime as dt

import pytest
from sqlalchemy import select

from db.commands.deletion import delete_record, restore_record
from db.errors import Conflict, PermissionDenied, ValidationFailed
from db.kpis import compute
from db.models import AuditEntry, SiteVisit
from db.period import Period
from db.permissions import Actor
from db.queries.deleted import deleted_records, live_record
from tests import builders as b

D = dt.date
STAFF, ADMIN = Actor("inspector1", "staff"), Actor("boss", "admin")
YEAR = Period.year(2024)


def figures(engine):
    with engine.connect() as conn:
        return compute(conn, YEAR, D(2024, 12, 31))


def test_deleted_hazard_leaves_the_figures_and_restore_brings_it_back(engine):
    b.hazard(engine, b.project(engine), D(2024, 3, 1), code="H-DEL")
    with engine.connect() as conn:
        record = live_record(conn, table="hazards", code="H-DEL")
    delete_record(engine, actor=STAFF, table="hazards", row_id=record["id"], version=record["version"], reason="重复录入")
    assert figures(engine).hazards_found == 0
    with engine.connect() as conn:
        rows, total = deleted_records(conn, table="hazards")
        assert live_record(conn, table="hazards", code="H-DEL") is None
    assert total == 1 and rows["code"].tolist() == ["H-DEL"]
    restore_record(engine, actor=ADMIN, table="hazards", row_id=record["id"])
    assert figures(engine).hazards_found == 1
    with engine.connect() as conn:
        actions = conn.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars().all()
    assert actions == ["delete", "restore"]


def test_deleted_visits_leave_patrol_compliance(engine):
    project = b.project(engine, start=D(2024, 1, 1))
    for day in (1, 2, 3):
        b.visit(engine, project, D(2024, 1, day + 7), code=f"V-{day}")
    period = Period(D(2024, 1, 8), D(2024, 1, 14))
    with engine.connect() as conn:
        assert compute(conn, period, D(2024, 2, 1)).patrol_compliance == 1.0
        record = live_record(conn, table="site_visits", code="V-1")
    delete_record(engine, actor=STAFF, table="site_visits", row_id=record["id"], version=record["version"], reason="重复录入")
    with engine.connect() as conn:
        assert compute(conn, period, D(2024, 2, 1)).patrol_compliance == 0.0
        assert conn.execute(select(SiteVisit.deleted_at).where(SiteVisit.code == "V-1")).scalar_one() is not None


def test_staff_cannot_restore_and_stale_delete_conflicts(engine):
    b.hazard(engine, b.project(engine), D(2024, 3, 1), code="H-X")
    with engine.connect() as conn:
        record = live_record(conn, table="hazards", code="H-X")
    delete_record(engine, actor=STAFF, table="hazards", row_id=record["id"], version=record["version"], reason="重复录入")
    with pytest.raises(PermissionDenied):
        restore_record(engine, actor=STAFF, table="hazards", row_id=record["id"])
    with pytest.raises((Conflict, ValidationFailed)):
        delete_record(engine, actor=STAFF, table="hazards", row_id=record["id"], version=record["version"], reason="重复录入")


def test_unknown_table_is_refused(engine):
    with pytest.raises(ValidationFailed):
        delete_record(engine, actor=STAFF, table="users", row_id=1, version=1, reason="重复录入")
