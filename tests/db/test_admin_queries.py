"""Audit log reads: filtered and paged in SQL; the accounts list never carries hashes."""
import datetime as dt

from sqlalchemy import insert

from db.models import AuditEntry
from db.queries import admin
from db.queries.admin import AuditFilter
from tests.accounts import add_user

UTC = dt.timezone.utc


def entry(engine, at, actor="a", action="update", table="hazards", row_id=1):
    with engine.begin() as conn:
        conn.execute(insert(AuditEntry).values(at=at, actor=actor, action=action, table_name=table, row_id=row_id,
                                               after={"x": 1}))


def test_filters_combine(engine):
    day = dt.datetime(2026, 3, 2, 10, tzinfo=UTC)
    entry(engine, day, actor="zhang", action="update", table="hazards", row_id=7)
    entry(engine, day, actor="zhang", action="create", table="hazards", row_id=7)
    entry(engine, day, actor="li", action="update", table="hazards", row_id=7)
    entry(engine, day, actor="zhang", action="update", table="site_visits", row_id=7)
    entry(engine, day, actor="zhang", action="update", table="hazards", row_id=8)
    entry(engine, day - dt.timedelta(days=3), actor="zhang", action="update", table="hazards", row_id=7)
    where = AuditFilter(actor="zhang", action="update", table_name="hazards", row_id=7,
                        start=dt.date(2026, 3, 2), end=dt.date(2026, 3, 2))
    with engine.connect() as conn:
        assert admin.audit_count(conn, where) == 1
        assert admin.audit_count(conn, AuditFilter()) == 6
        assert admin.audit_count(conn, AuditFilter(end=dt.date(2026, 3, 1))) == 1


def test_pages_are_newest_first_and_do_not_overlap(engine):
    base = dt.datetime(2026, 3, 2, 10, tzinfo=UTC)
    for i in range(5):
        entry(engine, base + dt.timedelta(minutes=i), row_id=i)
    with engine.connect() as conn:
        first, total = admin.audit_export(conn, AuditFilter(), limit=2), admin.audit_count(conn, AuditFilter())
        third = admin.audit_export(conn, AuditFilter(), limit=2, offset=4)
    assert total == 5
    assert list(first["row_id"]) == [4, 3]
    assert list(third["row_id"]) == [0]


def test_users_table_shows_lock_state_but_no_hash(engine):
    now = dt.datetime(2026, 3, 2, 10, tzinfo=UTC)
    add_user(engine, "locked_one", "staff", locked_until=now + dt.timedelta(minutes=5))
    add_user(engine, "free_one", "staff", locked_until=now - dt.timedelta(minutes=5))
    with engine.connect() as conn:
        table = admin.users_table(conn, now)
    assert "password_hash" not in table.columns
    assert dict(zip(table["username"], table["locked"])) == {"free_one": False, "locked_one": True}
