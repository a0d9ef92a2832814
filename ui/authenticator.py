"""streamlit-authenticator 0.4.2 wired to the database: its login form, our checks.

Two parts of the library are replaced, both through the objects it calls:
- the password check (`AuthenticationModel.check_credentials`) becomes `db.users.verify_login`,
  which counts failures and locks accounts in the database (the library checks its
  `max_login_attempts` only after a right password, and counts in memory);
- the cookie controller reads, issues and deletes our server-checked token (ui.session_token)
  instead of the library's stateless {username, exp_date} JWT.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import extra_streamlit_components as stx
import streamlit as st
import streamlit_authenticator as stauth
from sqlalchemy import Engine, select
from streamlit_authenticator.models import AuthenticationModel

from db import users
from db.models import User
from ui import session_token
from db.config import Settings

Clock = Callable[[], dt.datetime]


class DatabaseCheckedModel(AuthenticationModel):
    """The library's model with the password check done by the database (lockout included)."""

    def __init__(self, credentials: dict, engine: Engine, clock: Clock, secret_key: str):
        super().__init__(credentials, auto_hash=False, secret_key=secret_key)
        self.engine, self.clock = engine, clock

    def check_credentials(self, username: str, password: str) -> bool:
        """True only when db.users.verify_login accepts; failures are counted there."""
        return users.verify_login(self.engine, username, password, now=self.clock()) is not None


class ServerCheckedCookies:
    """Stands in for the library's CookieController: tokens checked against the user's row."""

    def __init__(self, manager: stx.CookieManager, settings: Settings, engine: Engine, clock: Clock):
        self.manager, self.settings, self.engine, self.clock = manager, settings, engine, clock
        self.restored: session_token.Claims | None = None
        self.signed_in_by_form = False

    def get_cookie(self) -> dict | None:
        """The browser's token as the library expects it ({'username': ...}) when still valid."""
        token = st.context.cookies.get(self.settings.cookie_name)
        lookup = lambda name: users.account(self.engine, name)  # noqa: E731 - one-line adapter
        self.restored = session_token.check(token, self.settings, lookup, now=self.clock())
        return {"username": self.restored.username} if self.restored else None

    def set_cookie(self) -> None:
        """Called by the library after a successful form login; the frame writes the token later."""
        self.signed_in_by_form = True

    def delete_cookie(self) -> None:
        """Remove the token from this browser (it is refused server-side anyway)."""
        delete(self.manager, self.settings)


def build(settings: Settings, engine: Engine, clock: Clock) -> stauth.Authenticate:
    """The library's Authenticate over the enabled accounts' hashes (no YAML, no plain passwords)."""
    credentials = login_credentials(engine)
    authenticator = stauth.Authenticate(
        credentials, cookie_name=settings.cookie_name, cookie_key=settings.cookie_key,
        cookie_expiry_days=0, auto_hash=False, login_sleep_time=0,
    )
    authenticator.authentication_controller.authentication_model = DatabaseCheckedModel(
        credentials, engine, clock, settings.cookie_key)
    manager = authenticator.cookie_controller.cookie_model.cookie_manager
    authenticator.cookie_controller = ServerCheckedCookies(manager, settings, engine, clock)
    return authenticator


def login_credentials(engine: Engine) -> dict:
    """The library's credentials dict built from the enabled accounts: bcrypt hashes only."""
    with engine.connect() as conn:
        rows = conn.execute(select(User.username, User.display_name, User.email, User.role, User.password_hash)
                            .where(User.disabled.is_(False))).all()
    return {"usernames": {row.username: {"name": row.display_name, "email": row.email, "roles": [row.role],
                                         "password": row.password_hash} for row in rows}}


def write(manager: stx.CookieManager, settings: Settings, token: str) -> None:
    """Send `token` to the browser; it lives no longer than the absolute timeout, and over HTTPS only when the
    page came over HTTPS (or COOKIE_SECURE says always)."""
    manager.set(settings.cookie_name, token, key="frame_cookie_set", max_age=settings.absolute.total_seconds(),
                same_site="strict", secure=secure_cookie(settings))


def secure_cookie(settings: Settings) -> bool:
    """Whether the session cookie gets the Secure flag (sent over HTTPS only)."""
    if settings.cookie_secure != "auto":
        return settings.cookie_secure == "always"
    forwarded = (st.context.headers.get("X-Forwarded-Proto") or "").split(",")[0].strip().lower()
    return forwarded == "https" or (st.context.url or "").startswith("https://")


def delete(manager: stx.CookieManager, settings: Settings) -> None:
    """Ask the browser to drop the token."""
    try:
        manager.delete(settings.cookie_name, key="frame_cookie_delete")
    except KeyError:
        pass  # the manager had not seen the cookie; the delete was still sent
