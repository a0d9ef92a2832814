"""Training sign-in by QR code: a signed link for one session; one phone one attendee; forged, closed, reopened
and expired links refused with nothing written; the attendees and enterprises reached follow the sign-ins."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from db.commands.sign_in import RATE_LIMIT, close_sign_in, invitation, open_sign_in, remove_sign_in, sign_in
from db.credit_code import make_credit_code
from db.errors import ValidationFailed
from db.models import AuditEntry, Enterprise, Training, TrainingSignIn, training_enterprises
from db.permissions import Actor
from db.summaries.maintain import check
from db.unit_of_work import now
from tests import builders as b

STAFF = Actor("inspector", "staff", "检查员")


@pytest.fixture
def session_id(engine):
    return b.training(engine, dt.date.today(), attendees=0)


def opened(engine, training_id, hours=2):
    return open_sign_in(engine, actor=STAFF, training_id=training_id, hours=hours)


def figures(engine, training_id):
    with engine.connect() as conn:
        attendees = conn.execute(select(Training.attendees).where(Training.id == training_id)).scalar_one()
        firms = conn.execute(select(func.count()).select_from(training_enterprises)
                             .where(training_enterprises.c.training_id == training_id)).scalar_one()
        rows = conn.execute(select(func.count()).select_from(TrainingSignIn)).scalar_one()
    return attendees, firms, rows


def summaries_agree(engine) -> bool:
    # Sign-ins change attendees and enterprises reached outside the records forms: the KPI summaries must follow.
    with engine.connect() as conn:
        return check(conn) == []


def firm(engine, name="九江建工有限公司"):
    return b.enterprise(engine, name=name, credit_code=make_credit_code("91360400MA3ABCD1" + "2"))


def test_a_sign_in_adds_an_attendee_and_the_enterprise_once_per_phone(engine, session_id):
    firm(engine)
    token = opened(engine, session_id)
    assert sign_in(engine, token=token, values={"name": "张三", "phone": "13800000001", "enterprise": "九江建工有限公司"}) == "added"
    assert sign_in(engine, token=token, values={"name": "张三", "phone": "138 0000 0001",
                                                "enterprise": "九江建工有限公司"}) == "again"
    assert figures(engine, session_id) == (1, 1, 1)
    assert summaries_agree(engine)


def test_a_new_enterprise_needs_a_valid_credit_code_beside_its_field(engine, session_id):
    token = opened(engine, session_id)
    with pytest.raises(ValidationFailed) as refused:
        sign_in(engine, token=token, values={"name": "李四", "phone": "13900000002",
                                             "new_credit_code": "91360400MA3ABCD12X", "new_enterprise_name": "新公司"})
    assert [(e.field, e.message_key) for e in refused.value.errors] == [
        ("new_credit_code", "errors.credit_code_check_digit")]
    code = make_credit_code("91360400MA3NEWC0A")
    sign_in(engine, token=token, values={"name": "李四", "phone": "13900000002", "new_credit_code": code,
                                         "new_enterprise_name": "新公司"})
    with engine.connect() as conn:
        assert conn.execute(select(Enterprise.name).where(Enterprise.credit_code == code)).scalar_one() == "新公司"
    assert figures(engine, session_id) == (1, 1, 1)


@pytest.mark.parametrize("how", ["forged", "closed", "reopened", "expired"])
def test_a_bad_link_is_refused_and_nothing_is_written(engine, session_id, how):
    firm(engine)
    token = opened(engine, session_id)
    at = None
    if how == "forged":
        token = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    elif how == "closed":
        close_sign_in(engine, actor=STAFF, training_id=session_id)
    elif how == "reopened":
        opened(engine, session_id)
    else:
        at = now() + dt.timedelta(hours=3)
    with pytest.raises(ValidationFailed) as refused:
        sign_in(engine, token=token, at=at, values={"name": "张三", "phone": "13800000001",
                                                     "enterprise": "九江建工有限公司"})
    expected = {"forged": "sign_in.bad_link", "closed": "sign_in.closed", "reopened": "sign_in.closed",
                "expired": "sign_in.expired"}[how]
    assert [e.message_key for e in refused.value.errors] == [expected]
    assert figures(engine, session_id) == (0, 0, 0)


def test_one_network_address_is_rate_limited(engine, session_id):
    firm(engine)
    token = opened(engine, session_id)
    for n in range(RATE_LIMIT):
        sign_in(engine, token=token, client_ip="10.0.0.9",
                values={"name": f"人{n}", "phone": f"138{n:08d}", "enterprise": "九江建工有限公司"})
    with pytest.raises(ValidationFailed) as refused:
        sign_in(engine, token=token, client_ip="10.0.0.9",
                values={"name": "再来", "phone": "13999999999", "enterprise": "九江建工有限公司"})
    assert refused.value.errors[0].message_key == "sign_in.too_many"
    assert figures(engine, session_id)[0] == RATE_LIMIT


def test_removing_a_wrong_sign_in_takes_its_attendee_and_enterprise_off(engine, session_id):
    firm(engine)
    token = opened(engine, session_id)
    sign_in(engine, token=token, values={"name": "错人", "phone": "13800000003", "enterprise": "九江建工有限公司"})
    with engine.connect() as conn:
        row = conn.execute(select(TrainingSignIn.id)).scalar_one()
    remove_sign_in(engine, actor=STAFF, sign_in_id=row)
    assert figures(engine, session_id)[:2] == (0, 0)
    assert summaries_agree(engine)
    with engine.connect() as conn:
        actions = conn.execute(select(AuditEntry.action).where(AuditEntry.table_name == "training_sign_ins")).scalars()
        assert sorted(actions) == ["remove_sign_in", "sign_in"]


def test_the_link_names_its_session(engine, session_id):
    token = opened(engine, session_id)
    with engine.connect() as conn:
        place = invitation(conn, token)
    assert place.training_id == session_id
