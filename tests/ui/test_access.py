"""Role × page: every served script (globbed, so later pages are covered) checks the role on the server.

Allowed roles render without an exception; other roles see the denial and nothing else; with no
login every script shows only the login form.
"""
from pathlib import Path

import pytest

from db.enums import ROLE
from ui.registry import PAGES

ROOT = Path(__file__).resolve().parents[2]
BY_SCRIPT = {page.script: page for page in PAGES}
SERVED = ["dashboard.py", *sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))]
# The pages anyone may open (the QR sign-in) have their own tests: tests/ui/test_sign_in_page.py.
SCRIPTS = [script for script in SERVED if not BY_SCRIPT[script].public]
# "info": on an empty database the form says how to create the first account.
LOGIN_FORM_TYPES = {"component_instance", "text_input", "button", "subheader", "info"}


def leaves(block) -> list:
    """The elements (not containers) under a block, depth first."""
    children = getattr(block, "children", None)
    if not isinstance(children, dict):
        return [block]
    return [leaf for child in children.values() for leaf in leaves(child)]


def types(block) -> set[str]:
    return {leaf.type for leaf in leaves(block)}


def assert_only_login_form(app):
    assert not app.exception
    assert types(app.main) <= LOGIN_FORM_TYPES, types(app.main)
    assert [s.value for s in app.subheader] == ["登录"]
    assert len(app.text_input) == 2
    assert types(app.sidebar) <= {"markdown", "caption", "button_group"}


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_page_without_login_shows_only_the_login_form(engine, app_for, script):
    assert_only_login_form(app_for(engine, script).run())


@pytest.mark.parametrize("role", ROLE.codes)
@pytest.mark.parametrize("script", SCRIPTS)
def test_role_page_matrix(engine, app_for, script, role):
    page = BY_SCRIPT[script]
    app = app_for(engine, script, role=role).run()
    assert not app.exception, app.exception
    denials = [e.value for e in app.error if "无权查看" in e.value]
    if role in page.roles:
        assert not denials
        assert "user" in app.session_state
    else:
        assert len(denials) == 1
        assert [leaf.type for leaf in leaves(app.main)] == ["error"]
        assert types(app.sidebar) <= {"markdown", "caption"}


def test_the_matrix_covers_every_registered_page():
    assert set(SERVED) == {page.script for page in PAGES}
    assert set(SERVED) - set(SCRIPTS) == {"pages/sign_in.py"}
