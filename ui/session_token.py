"""The re-login cookie and the session checks, with the server-side state the library lacks.

streamlit-authenticator 0.4.2 signs only {username, exp_date}; logout merely deletes the
cookie in one browser. Our token also carries when it was issued (`iat`) and when the user
signed in (`auth_time`); every run compares them with the user's row in the database, so
logout, a password or role change and disabling refuse every earlier cookie.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import jwt

from db.users import Account
from db.config import Settings

ALGORITHM = "HS256"
AccountLookup = Callable[[str], "Account | None"]


@dataclass(frozen=True)
class Claims:
    """A verified cookie: who, when the cookie was issued, when they signed in."""

    username: str
    issued_at: dt.datetime
    auth_time: dt.datetime


def issue(settings: Settings, username: str, *, now: dt.datetime, auth_time: dt.datetime | None = None) -> str:
    """A signed token for `username`, valid until idle or absolute timeout, whichever is first."""
    auth_time = auth_time or now
    expires = min(now + settings.idle, auth_time + settings.absolute)
    claims = {"username": username, "iat": now.timestamp(), "auth_time": auth_time.timestamp(),
              "exp": expires.timestamp()}
    return jwt.encode(claims, settings.cookie_key, algorithm=ALGORITHM)


def check(token: str | None, settings: Settings, lookup: AccountLookup, *, now: dt.datetime) -> Claims | None:
    """The claims of a cookie that may still sign its user in, else None."""
    if not token:
        return None
    try:
        # Expiry is checked against `now` below, so that tests can move the clock.
        raw = jwt.decode(token, settings.cookie_key, algorithms=[ALGORITHM],
                         options={"require": ["exp", "iat", "auth_time", "username"], "verify_exp": False,
                                  "verify_iat": False})
        claims = Claims(str(raw["username"]), _instant(raw["iat"]), _instant(raw["auth_time"]))
        expires = _instant(raw["exp"])
    except (jwt.InvalidTokenError, TypeError, ValueError, OverflowError):
        return None
    if now >= expires:
        return None
    if session_problem(lookup(claims.username), started=claims.auth_time, issued=claims.issued_at,
                       last_seen=claims.issued_at, now=now, settings=settings):
        return None
    return claims


def session_problem(account: Account | None, *, started: dt.datetime, issued: dt.datetime, last_seen: dt.datetime,
                    now: dt.datetime, settings: Settings) -> str | None:
    """Why a session (or cookie) may no longer act for its user, or None when it may."""
    if account is None or account.disabled:
        return "account"
    valid_after = account.sessions_valid_after
    if valid_after is not None and issued.timestamp() <= valid_after.timestamp():
        return "revoked"
    if now - last_seen > settings.idle:
        return "idle"
    if now - started > settings.absolute or started > now + dt.timedelta(minutes=1):
        return "absolute"
    return None


def _instant(value) -> dt.datetime:
    return dt.datetime.fromtimestamp(float(value), dt.timezone.utc)
