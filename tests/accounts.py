"""Test accounts: inserted directly with a hash computed once per process (bcrypt is slow on purpose)."""
from __future__ import annotations

import functools

from sqlalchemy import Engine, insert, select

from db.models import User
from db.passwords import hash_password
from db.permissions import Actor

PASSWORD = "correct horse battery"
TEST_COOKIE_KEY = "test-cookie-signing-key-" + "k" * 40


@functools.cache
def password_hash(password: str = PASSWORD) -> str:
    return hash_password(password)


def add_user(engine: Engine, username: str, role: str, *, password: str = PASSWORD, **values) -> Actor:
    """Insert an enabled account and return it as an Actor."""
    row = {"username": username, "display_name": username.title(), "role": role,
           "password_hash": password_hash(password)} | values
    with engine.begin() as conn:
        conn.execute(insert(User).values(**row))
    return Actor(username, role, row["display_name"])


def user_for_role(engine: Engine, role: str) -> Actor:
    """An enabled account of `role`: an existing one (e.g. a demo account), else a new `test_<role>`."""
    with engine.connect() as conn:
        row = conn.execute(select(User.username, User.display_name).where(
            User.role == role, User.disabled.is_(False)).order_by(User.id).limit(1)).first()
    if row:
        return Actor(row.username, role, row.display_name)
    return add_user(engine, f"test_{role}", role)
