"""The re-login cookie is checked against the database: logout and account changes revoke it."""
import datetime as dt
import importlib.metadata

import jwt
import pytest

from db import users
from ui import session_token
from db.config import Settings
from tests.accounts import add_user

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
SETTINGS = Settings(cookie_key="k" * 48)


def check(engine, token, at):
    return session_token.check(token, SETTINGS, lambda name: users.account(engine, name), now=at)


@pytest.fixture
def inspector(engine):
    return add_user(engine, "inspector", "staff")


def test_fresh_cookie_signs_its_user_in(engine, inspector):
    token = session_token.issue(SETTINGS, "inspector", now=T0)
    assert check(engine, token, T0 + dt.timedelta(minutes=1)).username == "inspector"


def test_cookie_captured_before_logout_is_refused_after_it(engine, inspector):
    token = session_token.issue(SETTINGS, "inspector", now=T0)
    assert check(engine, token, T0 + dt.timedelta(minutes=1)) is not None
    users.record_logout(engine, "inspector", now=T0 + dt.timedelta(minutes=2))
    assert check(engine, token, T0 + dt.timedelta(minutes=3)) is None


def test_cookie_issued_after_logout_is_accepted(engine, inspector):
    users.record_logout(engine, "inspector", now=T0)
    token = session_token.issue(SETTINGS, "inspector", now=T0 + dt.timedelta(seconds=1))
    assert check(engine, token, T0 + dt.timedelta(minutes=1)) is not None


@pytest.mark.parametrize("change", ["password", "role", "disable"])
def test_account_changes_revoke_earlier_cookies(engine, inspector, change):
    admin = add_user(engine, "root_admin", "admin")
    token = session_token.issue(SETTINGS, "inspector", now=T0)
    later = T0 + dt.timedelta(minutes=1)
    if change == "password":
        users.reset_password(engine, admin, username="inspector", password="another long password", now=later)
    elif change == "role":
        users.set_role(engine, admin, username="inspector", role="leader", now=later)
    else:
        users.set_disabled(engine, admin, username="inspector", disabled=True, now=later)
    assert check(engine, token, later + dt.timedelta(minutes=1)) is None


def test_re_enabling_does_not_revive_old_cookies(engine, inspector):
    admin = add_user(engine, "root_admin", "admin")
    token = session_token.issue(SETTINGS, "inspector", now=T0)
    users.set_disabled(engine, admin, username="inspector", disabled=True, now=T0 + dt.timedelta(minutes=1))
    users.set_disabled(engine, admin, username="inspector", disabled=False)
    assert check(engine, token, T0 + dt.timedelta(minutes=2)) is None


def test_cookie_expires_after_the_idle_timeout(engine, inspector):
    token = session_token.issue(SETTINGS, "inspector", now=T0)
    assert check(engine, token, T0 + dt.timedelta(minutes=29)) is not None
    assert check(engine, token, T0 + dt.timedelta(minutes=31)) is None


def test_refreshed_cookie_still_ends_at_the_absolute_timeout(engine, inspector):
    token = session_token.issue(SETTINGS, "inspector", now=T0 + dt.timedelta(hours=11, minutes=50), auth_time=T0)
    assert check(engine, token, T0 + dt.timedelta(hours=11, minutes=59)) is not None
    assert check(engine, token, T0 + dt.timedelta(hours=12, minutes=1)) is None


def test_cookie_signed_with_another_key_is_refused(engine, inspector):
    forged = session_token.issue(Settings(cookie_key="x" * 48), "inspector", now=T0)
    assert check(engine, forged, T0) is None


def test_the_librarys_own_stateless_cookie_is_refused(engine, inspector):
    # streamlit-authenticator 0.4.2 signs only {username, exp_date}: no issue time to revoke by.
    legacy = jwt.encode({"username": "inspector", "exp_date": (T0 + dt.timedelta(days=30)).timestamp()},
                        SETTINGS.cookie_key, algorithm="HS256")
    assert check(engine, legacy, T0) is None


@pytest.mark.parametrize("token", ["", "garbage", "a.b.c"])
def test_malformed_cookie_is_refused(engine, token):
    assert check(engine, token, T0) is None


def test_the_library_version_these_patches_were_written_for():
    # ui/authenticator.py replaces two of the library's internals; re-read them before upgrading.
    assert importlib.metadata.version("streamlit-authenticator") == "0.4.2"


def test_the_frames_cookie_reader_refuses_a_cookie_captured_before_logout(engine, inspector, monkeypatch):
    """The object the library asks for the cookie (ui.authenticator) applies the same check."""
    from types import SimpleNamespace

    import streamlit as st

    from ui.authenticator import ServerCheckedCookies

    token = session_token.issue(SETTINGS, "inspector", now=T0)
    monkeypatch.setattr(st, "context", SimpleNamespace(cookies={SETTINGS.cookie_name: token}))
    reader = ServerCheckedCookies(None, SETTINGS, engine, clock=lambda: T0 + dt.timedelta(minutes=1))
    assert reader.get_cookie() == {"username": "inspector"}
    users.record_logout(engine, "inspector", now=T0 + dt.timedelta(minutes=2))
    reader.clock = lambda: T0 + dt.timedelta(minutes=3)
    assert reader.get_cookie() is None
