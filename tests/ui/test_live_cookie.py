"""On a running server: the form sets our token, the token signs a new connection in, logout revokes it."""
import pytest

from db import users
from tests.accounts import PASSWORD, TEST_COOKIE_KEY, add_user
from tests.ui.conftest import url_of
from harness.server import streamlit_server, visit
from db.config import COOKIE_NAME

TITLE = ("heading", "总览")


@pytest.fixture
def server(engine, tmp_path):
    env = {"DATABASE_URL": url_of(engine), "AUTH_COOKIE_KEY": TEST_COOKIE_KEY,
           "AUTH_COOKIE_KEY_FILE": str(tmp_path / "unused")}
    with streamlit_server(env) as port:
        yield port


def test_cookie_round_trip_and_revocation_on_a_live_server(engine, server):
    add_user(engine, "inspector", "leader")
    assert TITLE not in visit(server)

    shown = visit(server, login=("inspector", PASSWORD))
    assert TITLE in shown
    sets = [e for e in shown if e[:2] == ("cookie", "set")]
    assert len(sets) == 1 and sets[0][2] == COOKIE_NAME
    assert sets[0][4]["sameSite"] == "strict" and sets[0][4]["maxAge"] == 12 * 3600
    assert not sets[0][4].get("secure")                      # served over plain HTTP here
    cookie = f"{COOKIE_NAME}={sets[0][3]}"

    assert TITLE in visit(server, cookie=cookie)
    users.record_logout(engine, "inspector")
    assert TITLE not in visit(server, cookie=cookie)


def test_the_cookie_is_secure_when_the_proxy_says_https(engine, server):
    add_user(engine, "inspector", "leader")
    shown = visit(server, login=("inspector", PASSWORD), headers={"X-Forwarded-Proto": "https"})
    sets = [e for e in shown if e[:2] == ("cookie", "set")]
    assert len(sets) == 1 and sets[0][4]["secure"] is True
