"""Accounts: bcrypt hashes, admin-only changes, lockout in the database, audited sign-ins."""
import datetime as dt

import pytest
from sqlalchemy import select

from db import users
from db.errors import PermissionDenied, ValidationFailed
from db.models import AuditEntry, User
from db.unit_of_work import data_revision
from tests.accounts import PASSWORD, add_user

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
MINUTE = dt.timedelta(minutes=1)


@pytest.fixture
def admin(engine):
    return add_user(engine, "root_admin", "admin")


def actions(engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def user_row(engine, username) -> User:
    with engine.connect() as conn:
        return conn.execute(select(User).where(User.username == username)).one()


def test_new_password_is_stored_as_bcrypt_cost_12_and_nowhere_in_clear(engine, admin):
    secret = "Plain-Text-Canary-42"
    users.create_user(engine, admin, username="zhang.san", display_name="张三", role="staff", password=secret)
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(select(User.__table__))]
        audit_rows = [tuple(r) for r in conn.execute(select(AuditEntry.__table__))]
    stored = user_row(engine, "zhang.san").password_hash
    assert stored.startswith("$2b$") and int(stored.split("$")[2]) >= 12
    assert not any(secret in str(value) for row in rows + audit_rows for value in row)
    assert not any(stored in str(value) for row in audit_rows for value in row)


def test_users_table_has_no_plaintext_password_column():
    assert {c.name for c in User.__table__.columns} & {"password", "plain_password", "passwd"} == set()


@pytest.mark.parametrize("role", ["visitor", "leader", "staff"])
def test_only_admins_may_create_users(engine, role):
    actor = add_user(engine, f"x_{role}", role)
    with pytest.raises(PermissionDenied):
        users.create_user(engine, actor, username="newbie", display_name="N", role="staff", password=PASSWORD)


@pytest.mark.parametrize("action", ["set_disabled", "set_role", "reset_password", "unlock"])
def test_visitor_may_not_change_accounts(engine, action):
    visitor = add_user(engine, "guest", "visitor")
    extra = {"set_disabled": {"disabled": True}, "set_role": {"role": "admin"},
             "reset_password": {"password": "another long password"}, "unlock": {}}[action]
    with pytest.raises(PermissionDenied):
        getattr(users, action)(engine, visitor, username="guest", **extra)


@pytest.mark.parametrize("field, values", [
    ("username", {"username": "Bad Name"}),
    ("password", {"password": "short"}),
    ("password", {"password": " padded password "}),
    ("password", {"password": "x" * 73}),
    ("role", {"role": "superuser"}),
    ("display_name", {"display_name": "  "}),
])
def test_bad_account_input_names_the_field(engine, admin, field, values):
    data = {"username": "li.si", "display_name": "李四", "role": "staff", "password": PASSWORD} | values
    with pytest.raises(ValidationFailed) as err:
        users.create_user(engine, admin, **data)
    assert err.value.errors[0].field == field


def test_duplicate_username_is_refused(engine, admin):
    with pytest.raises(ValidationFailed) as err:
        users.create_user(engine, admin, username="root_admin", display_name="R", role="staff", password=PASSWORD)
    assert err.value.errors[0].message_key == "users.username_taken"


def fail(engine, times, start=T0, step=MINUTE):
    for i in range(times):
        assert users.verify_login(engine, "inspector", "wrong password", now=start + i * step) is None


def test_sixth_login_with_right_password_after_five_failures_is_refused(engine):
    add_user(engine, "inspector", "staff")
    fail(engine, 5)
    assert users.verify_login(engine, "inspector", PASSWORD, now=T0 + 6 * MINUTE) is None
    assert user_row(engine, "inspector").locked_until is not None


def test_login_is_allowed_again_when_the_lock_expires(engine):
    add_user(engine, "inspector", "staff")
    fail(engine, 5)
    last_failure = T0 + 4 * MINUTE
    assert users.verify_login(engine, "inspector", PASSWORD, now=last_failure + 14 * MINUTE) is None
    actor = users.verify_login(engine, "inspector", PASSWORD, now=last_failure + 16 * MINUTE)
    assert actor is not None and actor.role == "staff"
    assert user_row(engine, "inspector").failed_logins == 0


def test_failures_further_apart_than_the_window_do_not_lock(engine):
    add_user(engine, "inspector", "staff")
    fail(engine, 5, step=16 * MINUTE)
    assert users.verify_login(engine, "inspector", PASSWORD, now=T0 + 5 * 16 * MINUTE) is not None


def test_four_failures_then_success_resets_the_count(engine):
    add_user(engine, "inspector", "staff")
    fail(engine, 4)
    assert users.verify_login(engine, "inspector", PASSWORD, now=T0 + 5 * MINUTE)
    fail(engine, 4, start=T0 + 6 * MINUTE)
    assert users.verify_login(engine, "inspector", PASSWORD, now=T0 + 11 * MINUTE)


def test_admin_unlock_lets_the_user_in(engine, admin):
    add_user(engine, "inspector", "staff")
    fail(engine, 5)
    users.unlock(engine, admin, username="inspector")
    assert users.verify_login(engine, "inspector", PASSWORD, now=T0 + 6 * MINUTE) is not None


def test_disabled_user_cannot_sign_in(engine, admin):
    add_user(engine, "inspector", "staff")
    users.set_disabled(engine, admin, username="inspector", disabled=True)
    assert users.verify_login(engine, "inspector", PASSWORD) is None
    users.set_disabled(engine, admin, username="inspector", disabled=False)
    assert users.verify_login(engine, "inspector", PASSWORD) is not None


def test_unknown_user_fails_like_a_wrong_password(engine):
    assert users.verify_login(engine, "nobody", PASSWORD) is None
    assert actions(engine) == ["login_failed"]


def test_sign_ins_lockout_and_logout_are_audited(engine):
    add_user(engine, "inspector", "staff")
    fail(engine, 5)
    users.record_logout(engine, "inspector", now=T0)
    assert actions(engine) == ["login_failed"] * 5 + ["lockout", "logout"]


def test_sign_in_bookkeeping_does_not_bump_the_data_revision(engine):
    add_user(engine, "inspector", "staff")
    before = data_revision(engine)
    fail(engine, 2)
    assert data_revision(engine) == before


def test_admin_changes_are_audited_and_bump_the_revision(engine, admin):
    add_user(engine, "inspector", "staff")
    before = data_revision(engine)
    users.set_role(engine, admin, username="inspector", role="leader", now=T0)
    users.reset_password(engine, admin, username="inspector", password="a new long password", now=T0)
    assert data_revision(engine) == before + 2
    assert actions(engine)[-2:] == ["user_role_changed", "user_password_reset"]
    assert users.verify_login(engine, "inspector", "a new long password").role == "leader"


@pytest.mark.parametrize("change", ["role", "password", "disable", "logout"])
def test_changes_that_end_sessions_move_sessions_valid_after(engine, admin, change):
    add_user(engine, "inspector", "staff")
    if change == "role":
        users.set_role(engine, admin, username="inspector", role="leader", now=T0)
    elif change == "password":
        users.reset_password(engine, admin, username="inspector", password="a new long password", now=T0)
    elif change == "disable":
        users.set_disabled(engine, admin, username="inspector", disabled=True, now=T0)
    else:
        users.record_logout(engine, "inspector", now=T0)
    assert users.account(engine, "inspector").sessions_valid_after == T0


def test_the_last_admin_cannot_be_disabled_or_demoted(engine, admin):
    with pytest.raises(ValidationFailed):
        users.set_disabled(engine, admin, username="root_admin", disabled=True)
    with pytest.raises(ValidationFailed):
        users.set_role(engine, admin, username="root_admin", role="staff")
    add_user(engine, "second_admin", "admin")
    users.set_role(engine, admin, username="root_admin", role="staff")

