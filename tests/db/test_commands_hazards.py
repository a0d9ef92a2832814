"""The rectification workflow: rules, conflicts and audit."""
import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.commands.hazards import close_hazard, mark_rectified, send_back
from db.errors import Conflict, PermissionDenied, ValidationFailed
from db.models import AuditEntry, Hazard
from db.permissions import Actor
from db.queries.workflow import hazards_needing_escalation
from tests import builders as b

TODAY = dt.date(2026, 11, 24)
FIRST, SECOND = Actor("inspector1", "staff", "李明"), Actor("inspector2", "staff", "王芳")


def open_hazard(engine) -> int:
    return b.hazard(engine, b.project(engine), TODAY - dt.timedelta(days=10))


def row(engine, hazard_id):
    with Session(engine) as session:
        return session.get(Hazard, hazard_id)


def keys(err):
    return [(e.field, e.message_key) for e in err.value.errors]


def test_rectified_then_closed_by_someone_else(engine):
    hid = open_hazard(engine)
    mark_rectified(engine, actor=FIRST, hazard_id=hid, version=1, rectified_on=TODAY, note="已加设防护栏杆", today=TODAY)
    close_hazard(engine, actor=SECOND, hazard_id=hid, version=2, closed_on=TODAY, today=TODAY)
    hazard = row(engine, hid)
    assert (hazard.rectified_by, hazard.closed_by, hazard.closed_on) == ("inspector1", "inspector2", TODAY)
    with engine.connect() as conn:
        actions = conn.execute(select(AuditEntry.actor, AuditEntry.action).where(AuditEntry.row_id == hid)).all()
    assert actions == [("inspector1", "update"), ("inspector2", "update")]


def test_the_person_who_rectified_may_not_close(engine):
    hid = open_hazard(engine)
    mark_rectified(engine, actor=FIRST, hazard_id=hid, version=1, rectified_on=TODAY, note="整改完成", today=TODAY)
    with pytest.raises(ValidationFailed) as err:
        close_hazard(engine, actor=FIRST, hazard_id=hid, version=2, closed_on=TODAY, today=TODAY)
    assert keys(err) == [("closed_on", "errors.same_person_closing")]
    assert row(engine, hid).closed_on is None


def test_closing_needs_a_rectification(engine):
    hid = open_hazard(engine)
    with pytest.raises(ValidationFailed) as err:
        close_hazard(engine, actor=SECOND, hazard_id=hid, version=1, closed_on=TODAY, today=TODAY)
    assert keys(err) == [("closed_on", "errors.closed_needs_rectified")]


def test_future_and_missing_inputs_are_refused(engine):
    hid = open_hazard(engine)
    with pytest.raises(ValidationFailed) as err:
        mark_rectified(engine, actor=FIRST, hazard_id=hid, version=1, rectified_on=TODAY + dt.timedelta(days=1),
                       note=" ", today=TODAY)
    assert keys(err) == [("rectified_on", "errors.future_date"), ("note", "errors.required")]


def test_second_editor_gets_a_conflict_naming_the_first(engine):
    hid = open_hazard(engine)
    mark_rectified(engine, actor=FIRST, hazard_id=hid, version=1, rectified_on=TODAY, note="第一次", today=TODAY)
    with pytest.raises(Conflict) as err:
        mark_rectified(engine, actor=SECOND, hazard_id=hid, version=1, rectified_on=TODAY, note="第二次", today=TODAY)
    assert err.value.changed_by == "inspector1"
    assert row(engine, hid).rectification_note == "第一次"


def test_sent_back_twice_suggests_escalation(engine):
    hid = open_hazard(engine)
    version = 1
    for attempt in range(2):
        mark_rectified(engine, actor=FIRST, hazard_id=hid, version=version, rectified_on=TODAY, note="整改",
                       today=TODAY)
        send_back(engine, actor=SECOND, hazard_id=hid, version=version + 1, reason=f"复查不合格{attempt}")
        version += 2
    hazard = row(engine, hid)
    assert (hazard.sent_back_count, hazard.rectified_on) == (2, None)
    with engine.connect() as conn:
        assert hazards_needing_escalation(conn)["sent_back_count"].tolist() == [2]


@pytest.mark.parametrize("command,values", [
    (mark_rectified, {"rectified_on": TODAY, "note": "x"}),
    (close_hazard, {"closed_on": TODAY}),
    (send_back, {"reason": "x"}),
])
def test_visitor_is_refused(engine, command, values):
    hid = open_hazard(engine)
    with pytest.raises(PermissionDenied):
        command(engine, actor=Actor("guest", "visitor"), hazard_id=hid, version=1, **values)
