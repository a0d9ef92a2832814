"""The Documents page and the issue buttons other pages embed: register, masking, verification, issuing."""
from __future__ import annotations

import datetime as dt
import sys

import streamlit as st
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from db.models import Document, Project
from tests import builders as b
from tests.accounts import user_for_role
from tests.ui.conftest import url_of

PAGE = "pages/documents.py"
ALL_TIME = {"all": "1"}


def test_the_register_lists_the_demo_documents_with_their_pdfs(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", type="stop_work_notice", **ALL_TIME)
    assert not app.exception
    numbers = list(app.dataframe[0].value["文号"])
    assert "九开建质安停〔2024〕1号" in numbers
    assert any(button.label.startswith("下载 PDF") for button in app.get("download_button"))


def test_search_by_number_finds_one_document(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="staff", q="九开建质安复〔2024〕2号", **ALL_TIME)
    assert list(app.dataframe[0].value["文号"]) == ["九开建质安复〔2024〕2号"]


def test_visitors_see_issuers_masked_and_get_no_pdf_and_no_file_check(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="visitor", **ALL_TIME)
    assert not app.exception
    issuers = set(app.dataframe[0].value["出具人"])
    assert issuers and all(name.startswith("d") and "*" in name for name in issuers)
    assert not app.get("download_button") and not app.get("file_uploader")


def test_a_verification_code_from_the_qr_names_its_document(demo_engine, run_page):
    with demo_engine.connect() as conn:
        number, code = conn.execute(select(Document.number, Document.verification_code)
                                    .where(Document.kind == "interview_record").limit(1)).one()
    app = run_page(demo_engine, PAGE, role="leader", code=code.replace("-", "").lower())
    assert number in app.success[0].value
    unknown = run_page(demo_engine, PAGE, role="leader", code="ZZZZ-ZZZZ")
    assert unknown.error


def test_the_page_in_english(demo_engine, run_page):
    app = run_page(demo_engine, PAGE, role="leader", lang="en", **ALL_TIME)
    assert app.title[0].value == "Supervision documents"
    assert "Number" in app.dataframe[0].value.columns


BUTTONS = """
from ui.documents import issue_buttons
from ui.frame import frame
ctx = frame("documents")
issue_buttons(ctx, "visit", "XC-UI-1")
"""


def _buttons_app(engine, tmp_path, monkeypatch, role: str, script_text: str = BUTTONS) -> AppTest:
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    monkeypatch.setenv("DATABASE_URL", url_of(engine))
    script = tmp_path / "record_page.py"
    script.write_text(script_text, encoding="utf-8")
    st.cache_data.clear()
    st.cache_resource.clear()
    app = AppTest.from_file(str(script), default_timeout=60)
    app.session_state["user"] = user_for_role(engine, role)
    return app.run()


def test_one_click_issues_the_visit_record_and_its_notice_together(engine, tmp_path, monkeypatch):
    project = b.project(engine)
    visit = b.visit(engine, project, dt.date.today(), code="XC-UI-1")
    b.hazard(engine, project, dt.date.today(), visit_id=visit)
    app = _buttons_app(engine, tmp_path, monkeypatch, "staff")
    button = next(button for button in app.button if button.key == "documents_issue_XC-UI-1")
    assert "监督检查记录" in button.label and "隐患整改通知书" in button.label
    app = button.click().run()
    assert not app.exception
    with engine.connect() as conn:
        kinds = conn.execute(select(Document.kind).order_by(Document.kind)).scalars().all()
    assert kinds == ["rectification_notice", "visit_record"]
    assert "已出具" in app.success[0].value
    assert not [button for button in app.button if button.key == "documents_issue_XC-UI-1"]


def test_leaders_see_a_records_documents_but_no_issue_button(engine, tmp_path, monkeypatch):
    project = b.project(engine)
    b.visit(engine, project, dt.date.today(), code="XC-UI-1")
    app = _buttons_app(engine, tmp_path, monkeypatch, "leader")
    assert not app.exception
    assert not [button for button in app.button if button.key.startswith("documents_")]


def test_a_records_link_opens_the_register_narrowed_to_it(demo_engine, run_page):
    with demo_engine.connect() as conn:
        record = conn.execute(select(Document.record_code).where(Document.kind == "stop_work_notice")
                              .order_by(Document.id).limit(1)).scalar_one()
    app = run_page(demo_engine, PAGE, role="leader", record=record)
    assert set(app.dataframe[0].value["记录编号"]) == {record}


def test_the_project_page_has_a_documents_tab_and_links_records_to_theirs(demo_engine, run_page):
    with demo_engine.connect() as conn:
        code = conn.execute(select(Project.code).join(Document, Document.project_id == Project.id)
                            .where(Document.kind == "stop_work_notice").order_by(Document.id).limit(1)).scalar_one()
    app = run_page(demo_engine, "pages/projects.py", role="staff", project=code)
    assert not app.exception
    assert "文书" in [tab.label for tab in app.tabs]
    tables = [frame.value for frame in app.dataframe]
    assert any("文号" in table.columns and table["文号"].str.contains("停").any() for table in tables)
    assert any("文书" in table.columns and table["文书"].str.startswith("documents?record=").all() for table in tables)


ORDERS = """
from ui.documents import enforcement_documents
from ui.frame import frame
ctx = frame("documents")
enforcement_documents(ctx)
"""


def test_a_lifted_stop_work_order_gets_its_notice_and_resumption_notice_in_one_step(engine, tmp_path, monkeypatch):
    project = b.project(engine)
    b.enforcement(engine, project, dt.date(2026, 11, 2), "stop_work", code="ZF-UI-1", lifted_on=dt.date(2026, 11, 9))
    app = _buttons_app(engine, tmp_path, monkeypatch, "admin", ORDERS)
    button = next(button for button in app.button if button.key == "documents_issue_ZF-UI-1")
    assert "停工整改通知书" in button.label and "复工通知书" in button.label
    app = button.click().run()
    assert not app.exception
    with engine.connect() as conn:
        assert conn.execute(select(Document.kind).order_by(Document.kind)).scalars().all() == [
            "resumption_notice", "stop_work_notice"]
