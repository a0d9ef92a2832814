"""The QR sign-in pages: the public one shows one session's form and nothing else of the app; the desk opens a
sign-in and shows its QR code and link."""
import datetime as dt

from sqlalchemy import select

from db.commands.sign_in import open_sign_in
from db.models import Enterprise, Training, TrainingSignIn
from db.permissions import Actor
from tests import builders as b
from tests.ui.test_access import leaves

STAFF = Actor("inspector", "staff")


def open_session(engine):
    training_id = b.training(engine, dt.date.today(), attendees=0)
    b.enterprise(engine, name="九江建工有限公司")
    return training_id, open_sign_in(engine, actor=STAFF, training_id=training_id)


def test_without_a_valid_link_the_public_page_shows_one_message_and_nothing_else(engine, run_page):
    for token in ("", "forged.token.value"):
        app = run_page(engine, "pages/sign_in.py", role=None, token=token)
        assert not app.exception
        assert [leaf.type for leaf in leaves(app.main) if leaf.type != "html"] == ["error"]
        assert not [leaf for leaf in leaves(app.sidebar) if leaf.type not in ("html",)]


def test_an_attendee_signs_in_without_an_account(engine, run_page):
    training_id, token = open_session(engine)
    app = run_page(engine, "pages/sign_in.py", role=None, token=token)
    assert not app.sidebar.children or not [x for x in leaves(app.sidebar) if x.type != "html"]
    app.text_input(key="sign_in_search").input("九江建工").run()
    with engine.connect() as conn:
        code = conn.execute(select(Enterprise.credit_code).where(Enterprise.name == "九江建工有限公司")).scalar_one()
    app.selectbox(key="sign_in_enterprise").set_value(code)
    app.text_input(key="sign_in_name").input("张三")
    app.text_input(key="sign_in_phone").input("13800000001")
    app.button[0].click().run()
    assert not app.exception
    assert any("签到成功" in s.value for s in app.success)
    with engine.connect() as conn:
        assert conn.execute(select(TrainingSignIn.name)).scalar_one() == "张三"
        assert conn.execute(select(Training.attendees).where(Training.id == training_id)).scalar_one() == 1


def test_a_bad_phone_is_named_beside_its_field_and_nothing_is_written(engine, run_page):
    _, token = open_session(engine)
    app = run_page(engine, "pages/sign_in.py", role=None, token=token)
    app.text_input(key="sign_in_name").input("张三")
    app.text_input(key="sign_in_phone").input("12345")
    app.button[0].click().run()
    assert any("不是有效的手机号" in m.value for m in app.markdown)
    with engine.connect() as conn:
        assert conn.execute(select(TrainingSignIn.id)).first() is None


def test_the_desk_opens_a_sign_in_and_shows_its_qr_code(engine, run_page):
    b.training(engine, dt.date.today(), attendees=0)
    app = run_page(engine, "pages/sign_in_desk.py", role="staff")
    next(x for x in app.button if x.key == "sign_in_desk_open").click().run()
    assert not app.exception
    assert any("/sign_in?token=" in c.value for c in app.code)
    assert [leaf.type for leaf in leaves(app.main)].count("image") == 1
