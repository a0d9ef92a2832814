"""The login gate: who is using the app, checked against the database on every run.

Contract for the rest of the UI (and for tests): the signed-in person is the
`db.permissions.Actor` stored in `st.session_state["user"]`. A test may put an Actor
there directly; the gate still requires that account to exist and be enabled, and takes
its role from the database, so disabling a user or changing their role applies at once.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import extra_streamlit_components as stx
import streamlit as st
from sqlalchemy import Engine
from streamlit_authenticator.utilities import LoginError

from db import users
from db.config import Settings, SettingsError, settings, signing_key
from db.permissions import Actor
from db.unit_of_work import now
from render.formatting import plain
from render.i18n import Translator
from ui import authenticator, session_token

CurrentUser = Actor
USER = "user"
STARTED, ISSUED, LAST_SEEN = "auth_started", "auth_issued", "auth_last_seen"
COOKIE_IAT, DELETE_COOKIE, NOTICE = "auth_cookie_iat", "auth_delete_cookie", "auth_notice"
COOKIE_WRITTEN_IN_RUN = "auth_cookie_written_in_run"
# The browser's token is re-issued at most this often, which moves its idle expiry forward.
COOKIE_REFRESH = dt.timedelta(minutes=5)
# The library's own session keys, reset on logout so that its form shows again.
LIBRARY_KEYS = ("authentication_status", "username", "name", "email", "roles")

clock: Callable[[], dt.datetime] = now  # tests replace it to move time


def auth_settings() -> Settings:
    """The settings with the cookie signing key resolved (configured or generated); SettingsError when unsafe."""
    config = settings()
    return config.model_copy(update={"cookie_key": signing_key(config)})


def settings_or_stop(t: Translator) -> Settings:
    """The sign-in settings; with an unsafe key or timeout the page names the setting, says why and stops."""
    try:
        return auth_settings()
    except SettingsError as exc:
        reason = t(exc.message_key)
        reason = plain(exc.reason) if reason == exc.message_key else reason
        st.error(t("auth.bad_config", setting=exc.setting, reason=reason))
        st.stop()


def signed_in_user(t: Translator, engine: Engine, on_login_screen: Callable[[], None]) -> Actor:
    """The signed-in Actor; otherwise the login form is shown and the script stops."""
    settings = settings_or_stop(t)
    st.session_state.pop(COOKIE_WRITTEN_IN_RUN, None)
    current = clock()
    actor = _continue_session(engine, settings, current) or _login(t, engine, settings, current, on_login_screen)
    _keep_cookie_fresh(settings, actor, current)
    return actor


def still_signed_in(engine: Engine) -> None:
    """For auto-refreshing fragments, which skip the frame: rerun the whole page once the session ended.

    Fragment runs do not count as activity, so an unattended page still reaches the idle timeout.
    """
    state = st.session_state
    user = state.get(USER)
    try:
        config = auth_settings()
    except SettingsError:
        st.rerun(scope="app")
    account = users.account(engine, user.username) if user else None
    current = clock()
    if user is None or session_token.session_problem(
            account, started=state.get(STARTED, current), issued=state.get(ISSUED, current),
            last_seen=state.get(LAST_SEEN, current), now=current, settings=config):
        st.rerun(scope="app")


def logout_button(t: Translator, engine: Engine, actor: Actor) -> None:
    """A sidebar button that ends every session of the user, here and in other browsers."""
    st.sidebar.button(t("auth.logout"), key="frame_logout", on_click=_logout, args=(engine, actor.username))


def end_session() -> None:
    """Forget the signed-in user in this browser session and drop its cookie on the next run."""
    state = st.session_state
    for key in (USER, STARTED, ISSUED, LAST_SEEN, COOKIE_IAT):
        state.pop(key, None)
    for key in LIBRARY_KEYS:
        state[key] = None
    state["logout"] = True
    state[DELETE_COOKIE] = True


def _continue_session(engine: Engine, settings: Settings, current: dt.datetime) -> Actor | None:
    state = st.session_state
    user = state.get(USER)
    if user is None:
        return None
    for key in (STARTED, ISSUED, LAST_SEEN):
        state.setdefault(key, current)
    account = users.account(engine, user.username)
    if session_token.session_problem(account, started=state[STARTED], issued=state[ISSUED],
                                     last_seen=state[LAST_SEEN], now=current, settings=settings):
        end_session()
        state[NOTICE] = "auth.session_ended"
        return None
    state[LAST_SEEN] = current
    state[USER] = _from_this_client(account.actor())
    return state[USER]


def _from_this_client(actor: Actor) -> Actor:
    # The audit log records where each write came from, when Streamlit knows it.
    address, agent = st.context.ip_address, st.context.headers.get("User-Agent")
    return dataclasses.replace(actor, client_ip=address if isinstance(address, str) else "",
                               user_agent=agent if isinstance(agent, str) else "")


def _from_cookie(engine: Engine, settings: Settings, current: dt.datetime) -> Actor | None:
    # A new browser session with a valid cookie, read server-side (st.context.cookies): signed in at once,
    # with no cookie component drawn and no round trip through the browser before the page's figures.
    state = st.session_state
    if state.get(DELETE_COOKIE):
        return None
    token = st.context.cookies.get(settings.cookie_name)
    restored = session_token.check(token, settings, lambda name: users.account(engine, name), now=current)
    account = users.account(engine, restored.username) if restored else None
    if account is None or account.disabled:
        return None
    state[STARTED], state[ISSUED], state[LAST_SEEN] = restored.auth_time, restored.issued_at, current
    state[COOKIE_IAT], state[USER], state["logout"] = restored.issued_at, _from_this_client(account.actor()), None
    return state[USER]


def _login(t: Translator, engine: Engine, settings: Settings, current: dt.datetime,
           on_login_screen: Callable[[], None]) -> Actor:
    if actor := _from_cookie(engine, settings, current):
        return actor
    state = st.session_state
    gate = authenticator.build(settings, engine, clock)
    cookies = gate.cookie_controller
    if state.pop(DELETE_COOKIE, False):
        cookies.delete_cookie()
    slot = st.empty()
    box = slot.container()
    with box:
        if notice := state.pop(NOTICE, None):
            st.info(t(notice))
        if not gate.authentication_controller.authentication_model.credentials["usernames"]:
            st.info(t("auth.no_accounts"))  # a fresh production database: say how to begin
        try:
            gate.login(location="main", key="frame_login", fields={
                "Form name": t("auth.form_title"), "Username": t("auth.username"),
                "Password": t("auth.password"), "Login": t("auth.submit")})
        except LoginError:
            state["authentication_status"] = None  # the account vanished between the checks
    status = state.get("authentication_status")
    account = users.account(engine, state.get("username") or "") if status else None
    if account is None or account.disabled:
        if status:
            # Disabled between the library's check and ours: without this reset the library
            # would skip its form on every later run and leave an empty page.
            for key in LIBRARY_KEYS:
                state[key] = None
        if status is False:
            box.error(t("auth.bad_credentials"))
        on_login_screen()
        st.stop()
    slot.empty()
    restored = cookies.restored if not cookies.signed_in_by_form else None
    state[STARTED] = restored.auth_time if restored else current
    state[ISSUED] = restored.issued_at if restored else current
    state[LAST_SEEN] = current
    state[USER] = _from_this_client(account.actor())
    state["logout"] = None
    if restored:
        state[COOKIE_IAT] = restored.issued_at
    else:
        authenticator.write(cookies.manager, settings, session_token.issue(settings, account.username, now=current))
        state[COOKIE_IAT] = current
        # The cookie is written by this run's component: a page switch in this same run would drop it.
        state[COOKIE_WRITTEN_IN_RUN] = True
    return state[USER]


def cookie_being_written() -> bool:
    """Whether this run wrote the sign-in cookie (its page must not switch away before the browser stores it)."""
    return bool(st.session_state.get(COOKIE_WRITTEN_IN_RUN))


def _keep_cookie_fresh(settings: Settings, actor: Actor, current: dt.datetime) -> None:
    state = st.session_state
    issued = state.get(COOKIE_IAT)
    if issued is None or current - issued < COOKIE_REFRESH:
        return  # sessions without a cookie (tests) or with a fresh one
    token = session_token.issue(settings, actor.username, now=current, auth_time=state[STARTED])
    authenticator.write(stx.CookieManager(key="frame_cookies"), settings, token)
    state[COOKIE_IAT] = current


def _logout(engine: Engine, username: str) -> None:
    users.record_logout(engine, username, now=clock())
    end_session()
