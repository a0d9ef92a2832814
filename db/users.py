"""Accounts: create, change and sign in. Admin actions are role-checked; every change is audited.

Sign-in bookkeeping (failure counts, lockout, logout) is audited too but does not bump
the data revision: a stream of failed logins must not flush every page cache.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from db import user_rules
from db.engine import writer
from db.errors import FieldError, ValidationFailed
from db.models import User
from db.passwords import hash_password, verify_password
from db.permissions import ADMIN_ROLES, Actor, require
from db.unit_of_work import audit, now as utc_now, snapshot, writing

LOCK_AFTER_FAILURES = 5
FAILURE_WINDOW = dt.timedelta(minutes=15)
LOCK_DURATION = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class Account:
    """What the login gate needs to know about a user on every run."""

    username: str
    display_name: str
    role: str
    disabled: bool
    sessions_valid_after: dt.datetime | None

    def actor(self) -> Actor:
        """The account as the request's Actor."""
        return Actor(self.username, self.role, self.display_name)


def account(engine: Engine, username: str) -> Account | None:
    """The account of `username`, or None when there is none."""
    with Session(engine) as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            return None
        return Account(user.username, user.display_name, user.role, user.disabled,
                       as_utc(user.sessions_valid_after))


def create_user(engine: Engine, actor: Actor, *, username: str, display_name: str, role: str,
                password: str, email: str | None = None, is_demo: bool = False, submission: str | None = None) -> int:
    """Add an account (admin only); returns its id. The password is stored as a bcrypt hash."""
    require(actor, ADMIN_ROLES, "create_user")
    username = (username or "").strip()
    errors = (user_rules.username_errors(username) + user_rules.display_name_errors(display_name)
              + user_rules.role_errors(role) + user_rules.password_errors(password, username))
    if errors:
        raise ValidationFailed(errors)
    with writing(engine, actor, submission=submission) as session:
        if session.scalar(select(User.id).where(User.username == username)) is not None:
            raise ValidationFailed([FieldError("username", "users.username_taken")])
        user = User(username=username, display_name=display_name.strip(), role=role, email=email,
                    password_hash=hash_password(password), is_demo=is_demo)
        session.add(user)
        session.flush()
        audit(session, "user_created", table="users", row_id=user.id, after=_public(user))
        return user.id


def set_disabled(engine: Engine, actor: Actor, *, username: str, disabled: bool, now=None,
                 submission: str | None = None) -> None:
    """Disable (ending all of the user's sessions) or re-enable an account (admin only)."""
    require(actor, ADMIN_ROLES, "disable_user" if disabled else "enable_user")
    with writing(engine, actor, submission=submission) as session:
        user = _target(session, username)
        if disabled:
            _keep_one_admin(session, user)
            user.sessions_valid_after = now or utc_now()
        _change(session, user, "user_disabled" if disabled else "user_enabled", disabled=disabled)


def set_role(engine: Engine, actor: Actor, *, username: str, role: str, now=None,
             submission: str | None = None) -> None:
    """Change a user's role (admin only); their earlier sessions end."""
    require(actor, ADMIN_ROLES, "set_role")
    if errors := user_rules.role_errors(role):
        raise ValidationFailed(errors)
    with writing(engine, actor, submission=submission) as session:
        user = _target(session, username)
        if role != "admin":
            _keep_one_admin(session, user)
        _change(session, user, "user_role_changed", role=role, sessions_valid_after=now or utc_now())


def reset_password(engine: Engine, actor: Actor, *, username: str, password: str, now=None,
                   submission: str | None = None) -> None:
    """Set a new password (admin only); the user's earlier sessions end and any lock is lifted."""
    require(actor, ADMIN_ROLES, "reset_password")
    if errors := user_rules.password_errors(password, username):
        raise ValidationFailed(errors)
    with writing(engine, actor, submission=submission) as session:
        user = _target(session, username)
        _change(session, user, "user_password_reset", password_hash=hash_password(password),
                sessions_valid_after=now or utc_now(), failed_logins=0, locked_until=None)


def unlock(engine: Engine, actor: Actor, *, username: str, submission: str | None = None) -> None:
    """Lift a lockout and forget the failed attempts (admin only)."""
    require(actor, ADMIN_ROLES, "unlock_user")
    with writing(engine, actor, submission=submission) as session:
        user = _target(session, username)
        _change(session, user, "user_unlocked", failed_logins=0, last_failed_at=None, locked_until=None)


def verify_login(engine: Engine, username: str, password: str, *, now: dt.datetime | None = None) -> Actor | None:
    """The Actor when the password is right and the account enabled and not locked; else None.

    Counts failures in the database: LOCK_AFTER_FAILURES failures, each within FAILURE_WINDOW
    of the previous one, lock the account for LOCK_DURATION, even against the right password.
    """
    now = now or utc_now()
    name = (username or "").strip().lower()[:64]
    with _bookkeeping(engine, name or "anonymous") as session:
        user = session.scalar(select(User).where(User.username == name).with_for_update())
        right = verify_password(password or "", user.password_hash if user else _dummy_hash())
        if user is None:
            audit(session, "login_failed", after={"reason": "unknown_user"})
            return None
        locked_until = as_utc(user.locked_until)
        if user.disabled or (locked_until and now < locked_until):
            reason = "disabled" if user.disabled else "locked"
            audit(session, "login_failed", table="users", row_id=user.id, after={"reason": reason})
            return None
        if right:
            user.failed_logins, user.last_failed_at, user.locked_until = 0, None, None
            audit(session, "login", table="users", row_id=user.id)
            return Actor(user.username, user.role, user.display_name)
        _count_failure(session, user, now)
        return None


def record_logout(engine: Engine, username: str, *, now: dt.datetime | None = None) -> None:
    """End every session of `username`: cookies issued before now are refused from here on."""
    with _bookkeeping(engine, username) as session:
        user = session.scalar(select(User).where(User.username == username).with_for_update())
        if user is not None:
            user.sessions_valid_after = now or utc_now()
            audit(session, "logout", table="users", row_id=user.id)


def record_access_denied(engine: Engine, actor: Actor, page: str) -> None:
    """Audit that `actor` tried to open a page their role may not see."""
    with _bookkeeping(engine, actor.username) as session:
        audit(session, "access_denied", after={"page": page, "role": actor.role})


def record_download(engine: Engine, actor: Actor, *, file_name: str, size_bytes: int) -> None:
    """Audit a download (a CSV, a workbook, a report, a document): who took which file, from where."""
    with _bookkeeping(engine, actor) as session:
        audit(session, "download", after={"file": file_name, "bytes": size_bytes})


def as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """A stored timestamp as aware UTC (SQLite hands back naive values)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.timezone.utc)


def _count_failure(session: Session, user: User, now: dt.datetime) -> None:
    last = as_utc(user.last_failed_at)
    user.failed_logins = user.failed_logins + 1 if last and now - last <= FAILURE_WINDOW else 1
    user.last_failed_at = now
    audit(session, "login_failed", table="users", row_id=user.id,
          after={"reason": "password", "failed_logins": user.failed_logins})
    if user.failed_logins >= LOCK_AFTER_FAILURES:
        user.locked_until = now + LOCK_DURATION
        audit(session, "lockout", table="users", row_id=user.id,
              after={"locked_until": user.locked_until.isoformat()})


@functools.cache
def _dummy_hash() -> str:
    # Checked when the username is unknown, so that a miss costs the same bcrypt time as a hit.
    return hash_password("timing-equaliser-not-a-password")


@contextlib.contextmanager
def _bookkeeping(engine: Engine, actor: Actor | str) -> Iterator[Session]:
    # Sign-in bookkeeping: audited, but no data revision bump (no record changed).
    with Session(writer(engine), expire_on_commit=False) as session, session.begin():
        session.info["actor"] = actor if isinstance(actor, Actor) else Actor(actor, "system")
        yield session


def _target(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username).with_for_update())
    if user is None:
        raise ValidationFailed([FieldError("username", "users.not_found")])
    return user


def _keep_one_admin(session: Session, user: User) -> None:
    if user.role != "admin" or user.disabled:
        return
    others = session.scalar(select(func.count()).select_from(User).where(
        User.role == "admin", User.disabled.is_(False), User.id != user.id))
    if not others:
        raise ValidationFailed([FieldError("username", "users.last_admin")])


def _change(session: Session, user: User, action: str, **values) -> None:
    before = _public(user)
    for key, value in values.items():
        setattr(user, key, value)
    session.flush()
    audit(session, action, table="users", row_id=user.id, before=before, after=_public(user))


def _public(user: User) -> dict:
    # Hashes never go to the audit log.
    return {k: v for k, v in snapshot(user).items() if k != "password_hash"}
