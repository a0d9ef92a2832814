"""The login gate: the form, lockout with the same message, logout, timeouts, immediate revocation."""
import datetime as dt

import pytest
from sqlalchemy import select

from db import users
from db.models import AuditEntry
from tests.accounts import PASSWORD, add_user

WRONG = "definitely not it"


def sign_in(app, username, password):
    app.text_input[0].input(username)
    app.text_input[1].input(password)
    app.button[0].click()
    return app.run()


def shows_login_form(app) -> bool:
    return len(app.text_input) == 2 and not app.title


def audit_actions(engine):
    with engine.connect() as conn:
        return list(conn.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_right_password_opens_the_page(engine, app_for):
    add_user(engine, "inspector", "staff")
    app = app_for(engine).run()
    assert shows_login_form(app)
    app = sign_in(app, "inspector", PASSWORD)
    assert not app.exception
    # The signing-in run stays put while the browser stores the cookie; the next run is the inspector's home.
    assert app.title[0].value == "总览"
    assert app.run().title[0].value == "我的工作"
    assert app.session_state["user"].username == "inspector"
    assert "login" in audit_actions(engine)


def test_wrong_password_shows_the_error_and_nothing_else(engine, app_for):
    add_user(engine, "inspector", "staff")
    app = sign_in(app_for(engine).run(), "inspector", WRONG)
    assert shows_login_form(app)
    assert [e.value for e in app.error] == ["用户名或密码错误,或该账号当前无法登录。"]
    assert "login_failed" in audit_actions(engine)


def test_locked_account_gets_the_wrong_password_message_even_with_the_right_one(engine, app_for):
    add_user(engine, "inspector", "staff")
    wrong = sign_in(app_for(engine, lang="en").run(), "inspector", WRONG).error[0].value
    for _ in range(4):
        users.verify_login(engine, "inspector", WRONG)
    app = sign_in(app_for(engine, lang="en").run(), "inspector", PASSWORD)
    assert shows_login_form(app)
    assert [e.value for e in app.error] == [wrong]
    assert "lockout" in audit_actions(engine)


def test_logout_shows_the_form_and_revokes_sessions_server_side(engine, app_for):
    add_user(engine, "inspector", "staff")
    app = sign_in(app_for(engine).run(), "inspector", PASSWORD)
    app.button(key="frame_logout").click().run()
    assert shows_login_form(app)
    assert "user" not in app.session_state
    assert users.account(engine, "inspector").sessions_valid_after is not None
    assert audit_actions(engine)[-1] == "logout"


def test_disabling_a_signed_in_user_ends_their_session_at_once(engine, app_for):
    admin = add_user(engine, "root_admin", "admin")
    app = app_for(engine, role="staff").run()
    assert app.title
    users.set_disabled(engine, admin, username=app.session_state["user"].username, disabled=True)
    app.run()
    assert shows_login_form(app)
    assert any("会话已结束" in i.value for i in app.info)


def test_role_change_applies_at_once(engine, app_for):
    admin = add_user(engine, "root_admin", "admin")
    app = app_for(engine, role="staff").run()
    users.set_role(engine, admin, username=app.session_state["user"].username, role="visitor")
    app.run()
    assert shows_login_form(app)


def test_a_session_user_missing_from_the_database_is_refused(engine, app_for):
    from db.permissions import Actor

    app = app_for(engine)
    app.session_state["user"] = Actor("ghost", "admin", "Ghost")
    app.run()
    assert shows_login_form(app)


@pytest.mark.parametrize("key, age", [("auth_last_seen", dt.timedelta(minutes=31)),
                                      ("auth_started", dt.timedelta(hours=12, minutes=1))])
def test_idle_and_absolute_timeouts_end_the_session(engine, app_for, key, age):
    app = app_for(engine, role="staff").run()
    assert app.title
    app.session_state[key] = app.session_state[key] - age
    app.run()
    assert shows_login_form(app)


def test_activity_within_the_idle_timeout_keeps_the_session(engine, app_for):
    app = app_for(engine, role="staff").run()
    app.session_state["auth_last_seen"] = app.session_state["auth_last_seen"] - dt.timedelta(minutes=29)
    app.run()
    assert app.title


@pytest.mark.parametrize("key", ["replace-me-with-a-long-random-string-0123456789", "short-key"])
def test_app_refuses_to_start_with_an_example_or_short_key(engine, app_for, monkeypatch, key):
    monkeypatch.setenv("AUTH_COOKIE_KEY", key)
    app = app_for(engine, role="admin").run()
    assert not app.exception
    assert len(app.error) == 1 and "AUTH_COOKIE_KEY" in app.error[0].value
    assert not app.text_input and not app.title and not app.metric


def test_auto_refreshing_fragment_reruns_the_page_once_the_session_ended(engine, app_for):
    # A fragment's timer skips the frame; the guard sends the whole page back through it.
    admin = add_user(engine, "root_admin", "admin")
    app = app_for(engine, role="staff").run()
    users.set_disabled(engine, admin, username=app.session_state["user"].username, disabled=True)
    from streamlit.testing.v1 import AppTest

    def guarded():
        import streamlit as st
        from ui import cache
        from ui.auth import still_signed_in

        if st.session_state.get("guard_ran"):
            st.write("page rerun")
            st.stop()
        st.session_state["guard_ran"] = True
        still_signed_in(cache.engine())
        st.write("still showing data")

    probe = AppTest.from_function(guarded)
    for key in ("user", "auth_started", "auth_issued", "auth_last_seen"):
        probe.session_state[key] = app.session_state[key]
    probe.run()
    assert [m.value for m in probe.markdown] == ["page rerun"]


def test_empty_database_says_how_to_create_the_first_account(engine, app_for):
    app = app_for(engine, lang="en").run()
    assert any("python -m db users add" in i.value for i in app.info)
    add_user(engine, "inspector", "staff")
    assert not app_for(engine, lang="en").run().info
