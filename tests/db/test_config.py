"""Settings come from the environment over secrets.toml over defaults; unsafe values are refused with one line."""
import os
import stat

import pytest

from db import config
from db.config import EXAMPLE_KEY, SettingsError, settings, signing_key

GOOD = "a" * 20 + "B" * 20


@pytest.fixture
def no_secrets(monkeypatch, tmp_path):
    monkeypatch.setattr(config, "SECRETS_PATH", tmp_path / "missing.toml")
    for name in ("AUTH_COOKIE_KEY", "AUTH_IDLE_MINUTES", "AUTH_ABSOLUTE_HOURS", "DATABASE_URL",
                 "OVERVIEW_REFRESH_SECONDS", "REPORT_FONT", "DOCUMENT_OFFICE", "DOCUMENT_PREFIX",
                 "DOCUMENT_VERIFY_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AUTH_COOKIE_KEY_FILE", str(tmp_path / "keys" / "cookie_key"))
    return tmp_path


def test_key_from_the_environment(no_secrets, monkeypatch):
    monkeypatch.setenv("AUTH_COOKIE_KEY", GOOD)
    assert signing_key(settings()) == GOOD


def test_key_timeouts_and_database_from_secrets(no_secrets, monkeypatch):
    path = no_secrets / "secrets.toml"
    path.write_text(f'[connections.sql]\nurl = "postgresql://u@h/d"\n[auth]\ncookie_key = "{GOOD}"\n'
                    'idle_timeout_minutes = 10\nabsolute_timeout_hours = 2\n')
    monkeypatch.setattr(config, "SECRETS_PATH", path)
    loaded = settings()
    assert (signing_key(loaded), loaded.idle.total_seconds(), loaded.absolute.total_seconds()) == (GOOD, 600, 7200)
    assert loaded.database_url == "postgresql+psycopg://u@h/d"


def test_the_environment_wins_over_secrets(no_secrets, monkeypatch):
    path = no_secrets / "secrets.toml"
    path.write_text('[auth]\nidle_timeout_minutes = 10\n')
    monkeypatch.setattr(config, "SECRETS_PATH", path)
    monkeypatch.setenv("AUTH_IDLE_MINUTES", "5")
    assert settings().idle.total_seconds() == 300


def test_defaults_without_any_setting(no_secrets):
    loaded = settings()
    assert loaded.is_default_sqlite and loaded.idle.total_seconds() == 1800 and loaded.refresh.total_seconds() == 30


def test_generated_key_is_kept_private_and_reused(no_secrets):
    first = signing_key(settings())
    path = settings().cookie_key_file
    assert len(first) >= 32 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert signing_key(settings()) == first


def test_readable_key_file_is_refused(no_secrets):
    signing_key(settings())
    os.chmod(settings().cookie_key_file, 0o644)
    with pytest.raises(SettingsError) as refused:
        signing_key(settings())
    assert refused.value.setting == "AUTH_COOKIE_KEY_FILE"


@pytest.mark.parametrize("key", ["too-short", EXAMPLE_KEY, "some_key" + "x" * 40])
def test_short_or_example_keys_are_refused(no_secrets, monkeypatch, key):
    monkeypatch.setenv("AUTH_COOKIE_KEY", key)
    with pytest.raises(SettingsError) as refused:
        signing_key(settings())
    assert str(refused.value).startswith("AUTH_COOKIE_KEY: ")


def test_example_secrets_file_holds_the_refused_example_key():
    text = (config.ROOT / ".streamlit" / "secrets.toml.example").read_text(encoding="utf-8")
    assert f'cookie_key = "{EXAMPLE_KEY}"' in text


@pytest.mark.parametrize("variable", ["AUTH_IDLE_MINUTES", "AUTH_ABSOLUTE_HOURS", "OVERVIEW_REFRESH_SECONDS"])
@pytest.mark.parametrize("value", ["0", "-5", "soon"])
def test_bad_numbers_are_refused_with_one_line_naming_the_setting(no_secrets, monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as refused:
        settings()
    assert str(refused.value).startswith(f"{variable}: ") and "\n" not in str(refused.value)


def test_a_broken_secrets_file_is_named(no_secrets, monkeypatch):
    path = no_secrets / "secrets.toml"
    path.write_text("[auth\n")
    monkeypatch.setattr(config, "SECRETS_PATH", path)
    with pytest.raises(SettingsError) as refused:
        settings()
    assert refused.value.setting == str(path)


def test_document_settings_default_and_refuse_a_bad_prefix(no_secrets, monkeypatch):
    loaded = settings()
    assert (loaded.document_office, loaded.document_prefix, loaded.document_verify_url) == (
        "九江经济技术开发区建设局", "九开建质安", None)
    monkeypatch.setenv("DOCUMENT_PREFIX", "九开 建〔质〕")
    with pytest.raises(SettingsError) as refused:
        settings()
    assert refused.value.setting == "DOCUMENT_PREFIX"


def test_document_settings_from_secrets(no_secrets, monkeypatch):
    path = no_secrets / "secrets.toml"
    path.write_text('[documents]\noffice = "浔阳区住房和城乡建设局"\nprefix = "浔建质安"\n'
                    'verify_url = "https://example.gov.cn/documents"\n', encoding="utf-8")
    monkeypatch.setattr(config, "SECRETS_PATH", path)
    loaded = settings()
    assert (loaded.document_office, loaded.document_prefix) == ("浔阳区住房和城乡建设局", "浔建质安")
    assert loaded.document_verify_url == "https://example.gov.cn/documents"
