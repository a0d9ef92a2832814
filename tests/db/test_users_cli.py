"""`python -m db users`: accounts for a production database; bad input is one line and exit 2."""

import pytest

from db import users
from tests.accounts import add_user


@pytest.fixture
def cli(db_cli):
    return lambda *argv, stdin="": db_cli("users", *argv, stdin=stdin)


def test_add_reads_the_password_from_stdin_and_the_user_can_sign_in(cli, engine):
    code, out, _ = cli("add", "wang.wu", "--role", "staff", "--display-name", "王五", "--password-stdin",
                       stdin="a long enough password\n")
    assert code == 0
    assert users.verify_login(engine, "wang.wu", "a long enough password").role == "staff"


def test_add_with_a_short_password_is_one_line_and_exit_2(cli, engine):
    code, _, err = cli("add", "wang.wu", "--role", "staff", "--password-stdin", stdin="short\n")
    assert code == 2
    assert err.strip().count("\n") == 0 and "password" in err
    assert users.account(engine, "wang.wu") is None


def test_unknown_role_is_refused(cli):
    code, _, err = cli("add", "wang.wu", "--role", "god")
    assert code == 2 and "--role" in err and err.strip().count("\n") == 0


def test_add_prompts_twice_when_not_reading_stdin(cli, engine, monkeypatch):
    answers = iter(["a long enough password", "a different password"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, _, err = cli("add", "wang.wu", "--role", "staff")
    assert code == 2 and "differ" in err


def test_list_disable_enable_unlock_set_role_and_reset(cli, engine):
    add_user(engine, "root_admin", "admin")
    add_user(engine, "inspector", "staff")
    assert cli("disable", "inspector")[0] == 0
    assert users.account(engine, "inspector").disabled
    assert "disabled" in cli("list")[1]
    assert cli("enable", "inspector")[0] == 0
    assert cli("set-role", "inspector", "--role", "leader")[0] == 0
    assert cli("unlock", "inspector")[0] == 0
    assert cli("reset-password", "inspector", "--password-stdin", stdin="brand new password\n")[0] == 0
    assert users.verify_login(engine, "inspector", "brand new password").role == "leader"


def test_unknown_user_is_one_line_and_exit_2(cli):
    code, _, err = cli("disable", "nobody")
    assert code == 2 and "no such user" in err
