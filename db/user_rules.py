"""What a valid account looks like: username, display name, role and password rules."""
from __future__ import annotations

import re

from db.enums import ROLE
from db.errors import FieldError

USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,63}$")
# ASVS 2.1.1/2.1.2: at least 12 characters; bcrypt reads at most 72 bytes, so longer is refused
# rather than silently truncated.
PASSWORD_MIN_CHARS = 12
PASSWORD_MAX_BYTES = 72


def username_errors(username: str) -> list[FieldError]:
    """Problems with a new username: 2–64 of lowercase letters, digits, `_ . -`."""
    if not USERNAME.match(username or ""):
        return [FieldError("username", "users.username_invalid")]
    return []


def display_name_errors(display_name: str) -> list[FieldError]:
    """Problems with a display name: required, at most 100 characters."""
    name = (display_name or "").strip()
    if not name or len(name) > 100:
        return [FieldError("display_name", "users.display_name_invalid")]
    return []


def role_errors(role: str) -> list[FieldError]:
    """Problems with a role code."""
    return [] if role in ROLE.codes else [FieldError("role", "users.role_invalid")]


def password_errors(password: str, username: str = "") -> list[FieldError]:
    """Problems with a new password (length, surrounding spaces, equal to the username)."""
    password = password or ""
    if len(password) < PASSWORD_MIN_CHARS:
        return [FieldError("password", "users.password_too_short", {"min": PASSWORD_MIN_CHARS})]
    if len(password.encode("utf-8")) > PASSWORD_MAX_BYTES:
        return [FieldError("password", "users.password_too_long", {"max": PASSWORD_MAX_BYTES})]
    if password != password.strip():
        # The login form strips what is typed (streamlit-authenticator 0.4.2), so such a
        # password could never be entered.
        return [FieldError("password", "users.password_whitespace")]
    if username and password.lower() == username.lower():
        return [FieldError("password", "users.password_is_username")]
    return []
