"""create_visit: a visit with its hazards, validated as one, audited, all or nothing."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from db.commands.visits import create_visit
from db.errors import PermissionDenied, ValidationFailed
from db.kpis import compute
from db.models import AuditEntry, Hazard, Project, SiteVisit
from db.period import Period
from db.permissions import Actor
from db.unit_of_work import data_revision
from tests import builders as b

TODAY = dt.date(2026, 11, 24)
STAFF = Actor("inspector1", "staff", "李明")


def project_code(engine) -> str:
    b.project(engine)
    with engine.connect() as conn:
        return conn.execute(select(Project.code)).scalar_one()


def visit(project, /, **overrides):
    return {"project": project, "date": TODAY, "kind": "patrol", "inspectors": "李明"} | overrides


def hazard(**overrides):
    return {"category": "work_at_height", "level": "general", "description": "临边防护缺失",
            "due_on": TODAY + dt.timedelta(days=7)} | overrides


def counts(engine):
    with engine.connect() as conn:
        return tuple(conn.execute(select(func.count()).select_from(m)).scalar_one()
                     for m in (SiteVisit, Hazard, AuditEntry))


def test_visit_with_hazards_is_stored_audited_and_counted(engine):
    code = project_code(engine)
    before = data_revision(engine)
    create_visit(engine, actor=STAFF, visit=visit(code), hazards=[hazard(), hazard(level="重大")], today=TODAY)
    assert counts(engine) == (1, 2, 3)
    assert data_revision(engine) == before + 1
    with engine.connect() as conn:
        figures = compute(conn, Period.year(TODAY.year), TODAY)
    assert (figures.site_visits, figures.hazards_found, figures.hazards_major) == (1, 2, 1)


@pytest.mark.parametrize("bad_visit,bad_hazard,field,key", [
    ({"inspectors": ""}, {}, "inspectors", "errors.required"),
    ({"kind": "inspection"}, {}, "kind", "errors.not_in_list"),
    ({"date": TODAY + dt.timedelta(days=1)}, {}, "date", "errors.future_date"),
    ({"date": "2026-02-30"}, {}, "date", "errors.bad_date"),
    ({}, {"due_on": TODAY - dt.timedelta(days=1)}, "hazards.0.due_on", "errors.date_order"),
    ({}, {"level": "critical"}, "hazards.0.level", "errors.not_in_list"),
    ({}, {"description": "  "}, "hazards.0.description", "errors.required"),
    ({"project": "NO-SUCH"}, {}, "project", "errors.unknown_project"),
])
def test_bad_input_names_the_field_and_writes_nothing(engine, bad_visit, bad_hazard, field, key):
    code = project_code(engine)
    revision = data_revision(engine)
    with pytest.raises(ValidationFailed) as err:
        create_visit(engine, actor=STAFF, visit=visit(code, **bad_visit), hazards=[hazard(**bad_hazard)], today=TODAY)
    assert (field, key) in [(e.field, e.message_key) for e in err.value.errors]
    assert counts(engine) == (0, 0, 0)
    assert data_revision(engine) == revision


def test_markup_and_sql_are_stored_literally(engine):
    code = project_code(engine)
    nasty = "<script>alert(1)</script>' OR 1=1--"
    create_visit(engine, actor=STAFF, visit=visit(code, notes=nasty), hazards=[hazard(description=nasty)], today=TODAY)
    with engine.connect() as conn:
        assert conn.execute(select(SiteVisit.notes)).scalar_one() == nasty
        assert conn.execute(select(Hazard.description)).scalar_one() == nasty


def test_duplicate_code_is_a_field_error(engine):
    code = project_code(engine)
    create_visit(engine, actor=STAFF, visit=visit(code, code="XC-1"), today=TODAY)
    with pytest.raises(ValidationFailed) as err:
        create_visit(engine, actor=STAFF, visit=visit(code, code="XC-1"), today=TODAY)
    assert [(e.field, e.message_key) for e in err.value.errors] == [("code", "errors.duplicate_code")]


@pytest.mark.parametrize("role", ["visitor", "leader"])
def test_read_only_roles_are_refused(engine, role):
    code = project_code(engine)
    with pytest.raises(PermissionDenied):
        create_visit(engine, actor=Actor("x", role), visit=visit(code), today=TODAY)
    assert counts(engine) == (0, 0, 0)
