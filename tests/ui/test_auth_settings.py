"""The cookie key comes from the environment, secrets or a generated 0600 file; unsafe ones are refused."""
import os
import stat

import pytest

from ui import auth_settings
from ui.auth_settings import AuthConfigError, load_settings

GOOD = "a" * 20 + "B" * 20


@pytest.fixture
def no_secrets(monkeypatch, tmp_path):
    monkeypatch.setattr(auth_settings, "SECRETS_PATH", tmp_path / "missing.toml")
    for name in ("AUTH_COOKIE_KEY", "AUTH_IDLE_MINUTES", "AUTH_ABSOLUTE_HOURS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AUTH_COOKIE_KEY_FILE", str(tmp_path / "keys" / "cookie_key"))
    return tmp_path


def test_key_from_the_environment(no_secrets, monkeypatch):
    monkeypatch.setenv("AUTH_COOKIE_KEY", GOOD)
    assert load_settings().cookie_key == GOOD


def test_key_and_timeouts_from_secrets(no_secrets, monkeypatch):
    path = no_secrets / "secrets.toml"
    path.write_text(f'[auth]\ncookie_key = "{GOOD}"\nidle_timeout_minutes = 10\nabsolute_timeout_hours = 2\n')
    monkeypatch.setattr(auth_settings, "SECRETS_PATH", path)
    settings = load_settings()
    assert (settings.cookie_key, settings.idle.total_seconds(), settings.absolute.total_seconds()) == (
        GOOD, 600, 7200)


def test_generated_key_is_kept_private_and_reused(no_secrets):
    first = load_settings().cookie_key
    path = auth_settings.key_file()
    assert len(first) >= 32 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_settings().cookie_key == first


def test_readable_key_file_is_refused(no_secrets):
    load_settings()
    os.chmod(auth_settings.key_file(), 0o644)
    with pytest.raises(AuthConfigError):
        load_settings()


@pytest.mark.parametrize("key", ["too-short", auth_settings.EXAMPLE_KEY, "some_key" + "x" * 40])
def test_short_or_example_keys_are_refused(no_secrets, monkeypatch, key):
    monkeypatch.setenv("AUTH_COOKIE_KEY", key)
    with pytest.raises(AuthConfigError):
        load_settings()


def test_example_secrets_file_holds_the_refused_example_key():
    text = (auth_settings.SECRETS_PATH.parent / "secrets.toml.example").read_text(encoding="utf-8")
    assert f'cookie_key = "{auth_settings.EXAMPLE_KEY}"' in text


@pytest.mark.parametrize("value", ["0", "-5", "soon"])
def test_bad_timeouts_are_refused(no_secrets, monkeypatch, value):
    monkeypatch.setenv("AUTH_COOKIE_KEY", GOOD)
    monkeypatch.setenv("AUTH_IDLE_MINUTES", value)
    with pytest.raises(AuthConfigError):
        load_settings()
