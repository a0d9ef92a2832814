"""The admin pages: accounts are managed through db.users; the audit log filters and exports safely."""
import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import insert

from db import users
from db.models import AuditEntry
from db.queries.admin import AuditFilter
from db.queries.admin import audit_export
from render.formatting import csv_bytes
from tests.accounts import add_user


def test_admin_adds_an_account_who_can_then_sign_in(engine, run_page):
    app = run_page(engine, "pages/admin_users.py")
    app.text_input(key="admin_users_new_username").input("zhao.liu")
    app.text_input(key="admin_users_new_name").input("赵六")
    app.selectbox(key="admin_users_new_role").set_value("staff")
    app.text_input(key="admin_users_new_password").input("a long enough password")
    app.text_input(key="admin_users_new_repeat").input("a long enough password")
    app.button[0].click().run()
    assert not app.exception and not app.error
    assert any("zhao.liu" in s.value for s in app.success)
    assert users.verify_login(engine, "zhao.liu", "a long enough password").role == "staff"


def test_bad_new_account_names_the_field_and_writes_nothing(engine, run_page):
    app = run_page(engine, "pages/admin_users.py")
    app.text_input(key="admin_users_new_username").input("zhao.liu")
    app.text_input(key="admin_users_new_name").input("赵六")
    app.text_input(key="admin_users_new_password").input("short")
    app.text_input(key="admin_users_new_repeat").input("short")
    app.button[0].click().run()
    assert len(app.error) == 1 and app.error[0].value.endswith("- 密码: 至少 12 个字符")
    assert [m.value for m in app.markdown if "12" in m.value] == [":red[至少 12 个字符]"]
    assert users.account(engine, "zhao.liu") is None


def test_admin_disables_and_unlocks_an_account(engine, run_page):
    add_user(engine, "inspector", "staff")
    for _ in range(5):
        users.verify_login(engine, "inspector", "wrong password!")
    app = run_page(engine, "pages/admin_users.py")
    app.selectbox(key="admin_users_pick").set_value("inspector").run()
    app.button(key="admin_users_unlock").click().run()
    assert users.verify_login(engine, "inspector", "correct horse battery") is not None
    app.button(key="admin_users_disable").click().run()
    assert users.account(engine, "inspector").disabled


def test_audit_log_filters_by_action(engine, run_page):
    add_user(engine, "inspector", "staff")
    users.verify_login(engine, "inspector", "wrong password!")
    users.verify_login(engine, "inspector", "correct horse battery")
    app = run_page(engine, "pages/audit_log.py")
    app.selectbox(key="audit_log_action").set_value("login_failed").run()
    assert not app.exception
    shown = app.dataframe[0].value
    assert list(shown["操作"]) == ["登录失败"]
    assert list(shown["数据表"]) == ["账号"] and list(shown["记录编号"]) == ["inspector"]


def test_audit_log_reads_as_codes_local_times_and_changed_fields(engine, run_page):
    from db.commands.hazards import mark_rectified
    from db.models import Hazard
    from db.permissions import Actor
    from sqlalchemy import select
    from tests import builders as b

    today = dt.date.today()
    project = b.project(engine, start=today - dt.timedelta(days=100))
    b.hazard(engine, project, today - dt.timedelta(days=3), code="YH2026-0042")
    b.hazard(engine, project, today - dt.timedelta(days=3), code="YH2026-0043")
    with engine.connect() as conn:
        ids = dict(conn.execute(select(Hazard.code, Hazard.id)).all())
    inspector = Actor("inspector", "staff", "检查员")
    for code in ("YH2026-0042", "YH2026-0043"):
        mark_rectified(engine, actor=inspector, hazard_id=ids[code], version=1, rectified_on=today, note="已整改")
    app = run_page(engine, "pages/audit_log.py", lang="en")
    app.text_input(key="audit_log_code").input("YH2026-0042").run()
    shown = app.dataframe[0].value
    assert list(shown["Record"]) == ["YH2026-0042"] and list(shown["What changed"].str.contains(
        f"rectified_on: — → {today}")) == [True]
    with engine.connect() as conn:
        stamp = conn.execute(select(AuditEntry.at).where(AuditEntry.row_id == ids["YH2026-0042"],
                                                         AuditEntry.table_name == "hazards")
                             .order_by(AuditEntry.id.desc())).scalars().first()
    stamp = stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)
    local = stamp.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M:%S")
    assert shown["Time"].iloc[0] == local and shown["Action"].iloc[0] == "Changed"


def test_csv_export_neutralises_formulas(engine):
    with engine.begin() as conn:
        conn.execute(insert(AuditEntry).values(at=dt.datetime.now(dt.timezone.utc), actor="=HYPERLINK(\"x\")",
                                               action="login_failed"))
    with engine.connect() as conn:
        text = csv_bytes(audit_export(conn, AuditFilter(), limit=10)).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text
