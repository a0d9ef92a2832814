"""Migrations build the schema, and the database itself refuses bad rows."""
import datetime as dt

import pytest
from sqlalchemy import inspect, insert, select, text
from sqlalchemy.exc import IntegrityError

from db.migrate import current_revision, head_revision, upgrade
from db.models import AuditEntry, Base, Hazard, Project
from db.unit_of_work import audit, data_revision, writing
from tests import builders as b

D = dt.date


def test_migration_builds_every_model_table(engine):
    assert current_revision(engine) == head_revision()
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())


def test_upgrade_at_head_does_nothing(engine):
    assert upgrade(engine) is False


def _hazard_row(project_id, **overrides):
    row = {"code": "H1", "project_id": project_id, "found_on": D(2024, 5, 1), "due_on": D(2024, 5, 8),
           "domain": "safety", "category": "scaffolding", "level": "general", "description": "x"}
    return row | overrides


@pytest.mark.parametrize("overrides", [
    {"level": "severe"},                                               # not a level code
    {"category": "weather"},                                           # not a category code
    {"due_on": D(2024, 4, 30)},                                        # deadline before found
    {"rectified_on": D(2024, 4, 30)},                                  # rectified before found
    {"closed_on": D(2024, 5, 2)},                                      # closed without rectified
    {"rectified_on": D(2024, 5, 3), "closed_on": D(2024, 5, 2)},       # closed before rectified
    {"project_id": 999_999},                                           # no such project
    {"description": None},                                             # required
])
def test_database_rejects_bad_hazard(engine, overrides):
    project_id = b.project(engine)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(Hazard).values(**(_hazard_row(project_id) | overrides)))


def test_hazard_codes_are_unique(engine):
    project_id = b.project(engine)
    with engine.begin() as conn:
        conn.execute(insert(Hazard).values(**_hazard_row(project_id)))
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(Hazard).values(**_hazard_row(project_id)))


@pytest.mark.parametrize("overrides", [
    {"progress_pct": 101}, {"progress_pct": -1}, {"floor_area_m2": -5},
    {"completion_date": D(2022, 12, 31)}, {"lat": 91}, {"kind": "factory"},
])
def test_database_rejects_bad_project(engine, overrides):
    firm = b.enterprise(engine)
    row = {"code": "P1", "name": "n", "developer_id": firm, "contractor_id": firm, "kind": "industrial",
           "floor_area_m2": 10, "start_date": D(2023, 1, 1), "progress_pct": 50}
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(Project).values(**(row | overrides)))


def test_audit_log_refuses_update_and_delete(engine):
    with writing(engine, actor="tester") as session:
        audit(session, "test")
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))


def test_writing_bumps_revision_once_and_stamps_actor(engine):
    before = data_revision(engine)
    with writing(engine, actor="inspector1") as session:
        audit(session, "create", table="hazards", row_id=1, after={"code": "H1"})
    assert data_revision(engine) == before + 1
    with engine.connect() as conn:
        entry = conn.execute(select(AuditEntry)).one()
    assert (entry.actor, entry.action, entry.after) == ("inspector1", "create", {"code": "H1"})


def test_failed_write_leaves_nothing_and_keeps_revision(engine):
    before = data_revision(engine)
    with pytest.raises(RuntimeError), writing(engine, actor="x") as session:
        audit(session, "create")
        session.flush()
        raise RuntimeError("validation failed midway")
    assert data_revision(engine) == before
    with engine.connect() as conn:
        assert conn.execute(select(AuditEntry)).first() is None


def test_migrations_match_the_models(engine):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_downgrade_to_the_first_revision_and_back(engine):
    from alembic import command

    from db.engine import writer
    from db.migrate import alembic_config

    with writer(engine).connect() as conn:
        command.downgrade(alembic_config(conn), "0001")
        conn.commit()
    assert current_revision(engine) == "0001"
    assert upgrade(engine) is True
    assert current_revision(engine) == head_revision()
