"""The demo's accounts: bcrypt cost 12 or more, marked as demo, one per role."""
import pytest
from sqlalchemy import select

from db.models import User

pytest.importorskip("seed.demo", reason="the demo seed is not merged yet")


def test_every_demo_hash_is_bcrypt_cost_12_or_more(demo_engine):
    with demo_engine.connect() as conn:
        rows = conn.execute(select(User.username, User.password_hash)).all()
    assert rows, "the demo should hold accounts"
    for username, stored in rows:
        assert stored.startswith(("$2b$", "$2a$", "$2y$")) and int(stored.split("$")[2]) >= 12, username


def test_demo_accounts_are_marked_and_cover_every_role(demo_engine):
    with demo_engine.connect() as conn:
        rows = conn.execute(select(User.role, User.is_demo)).all()
    assert all(is_demo for _, is_demo in rows)
    assert {role for role, _ in rows} == {"leader", "staff", "admin", "visitor"}
