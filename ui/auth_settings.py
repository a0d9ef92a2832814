"""Sign-in settings: the cookie signing key and the session timeouts, refused when unsafe.

The key comes from AUTH_COOKIE_KEY, else `[auth] cookie_key` in .streamlit/secrets.toml, else a
file generated once per install (mode 0600) in the git-ignored data folder. Several servers
sharing one database must share one key: set it in the environment or secrets there.
"""
from __future__ import annotations

import datetime as dt
import os
import secrets
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from db.config import DATA_DIR, SECRETS_PATH

MIN_KEY_CHARS = 32
# The key shipped in .streamlit/secrets.toml.example and the library's documentation examples.
EXAMPLE_KEY = "replace-me-with-a-long-random-string-0123456789"
EXAMPLE_MARKERS = ("replace-me", "change-me", "changeme", "example", "some_key", "some_signature_key")
DEFAULT_IDLE = dt.timedelta(minutes=30)       # OWASP ASVS 3.3.2 (L2): idle timeout
DEFAULT_ABSOLUTE = dt.timedelta(hours=12)     # and an absolute lifetime
COOKIE_NAME = "supervision_session"


class AuthConfigError(Exception):
    """The sign-in configuration is unsafe; `message_key` names the problem for the UI."""

    def __init__(self, message_key: str):
        super().__init__(message_key)
        self.message_key = message_key


@dataclass(frozen=True)
class AuthSettings:
    """Validated sign-in settings."""

    cookie_key: str = field(repr=False)
    idle: dt.timedelta = DEFAULT_IDLE
    absolute: dt.timedelta = DEFAULT_ABSOLUTE
    cookie_name: str = COOKIE_NAME


def load_settings() -> AuthSettings:
    """The settings from the environment, secrets and key file; AuthConfigError when unsafe."""
    section = _secrets().get("auth", {})
    key = os.environ.get("AUTH_COOKIE_KEY") or section.get("cookie_key") or _generated_key()
    check_key(key)
    idle = _minutes(os.environ.get("AUTH_IDLE_MINUTES") or section.get("idle_timeout_minutes"), DEFAULT_IDLE)
    absolute = _minutes(_hours_as_minutes(os.environ.get("AUTH_ABSOLUTE_HOURS")
                                          or section.get("absolute_timeout_hours")), DEFAULT_ABSOLUTE)
    return AuthSettings(cookie_key=key, idle=idle, absolute=absolute)


def check_key(key: str) -> None:
    """Refuse a short key or an example one."""
    if any(marker in key.lower() for marker in EXAMPLE_MARKERS) or key == EXAMPLE_KEY:
        raise AuthConfigError("auth.key_is_example")
    if len(key) < MIN_KEY_CHARS:
        raise AuthConfigError("auth.key_too_short")


def key_file() -> Path:
    """Where the generated key lives (AUTH_COOKIE_KEY_FILE overrides the data folder)."""
    return Path(os.environ.get("AUTH_COOKIE_KEY_FILE") or DATA_DIR / "cookie_key")


def _generated_key() -> str:
    path = key_file()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_urlsafe(48))
        try:
            # A hard link appears complete and fails if another process won the race.
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        raise AuthConfigError("auth.key_file_unsafe")
    return path.read_text(encoding="ascii").strip()


def _minutes(value, default: dt.timedelta) -> dt.timedelta:
    if value in (None, ""):
        return default
    try:
        minutes = float(value)
    except (TypeError, ValueError):
        raise AuthConfigError("auth.bad_timeout") from None
    if not minutes > 0:
        raise AuthConfigError("auth.bad_timeout")
    return dt.timedelta(minutes=minutes)


def _hours_as_minutes(value):
    if value in (None, ""):
        return None
    try:
        return float(value) * 60
    except (TypeError, ValueError):
        raise AuthConfigError("auth.bad_timeout") from None


def _secrets() -> dict:
    if not SECRETS_PATH.exists():
        return {}
    with SECRETS_PATH.open("rb") as fh:
        return tomllib.load(fh)
