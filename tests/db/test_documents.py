"""The document register: numbering, refusals, corrections, verification, permissions; on both backends."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from db.commands.documents import document_pdf, issue_document, issue_documents, register
from db.errors import PermissionDenied, ValidationFailed
from db.models import Document, DocumentCounter
from db.permissions import Actor
from db.queries.documents import DocumentFilter, document_detail, document_page, verify_file
from db.unit_of_work import writing
from render.documents import render_zh
from tests import builders as b

D = dt.date
TODAY = D(2026, 12, 1)
STAFF = Actor("inspector_a", "staff", "检查员甲")


def fake_pdf(sheet, photos) -> bytes:
    """A stand-in renderer: these tests are about the register, not the layout."""
    return f"%PDF-1.7 {sheet.kind} {sheet.number} {sheet.verification_code} {sheet.supersedes}".encode()


def issue(engine, kind, record, render=fake_pdf, **options):
    return issue_document(engine, actor=STAFF, kind=kind, record=record, render=render, today=TODAY, **options)


@pytest.fixture
def site(engine):
    """A project with a visit that found two hazards, a visit that found none, and enforcement records."""
    project = b.project(engine, name="测试项目", code="PJ-1")
    with_hazards = b.visit(engine, project, D(2026, 11, 2), code="XC-H")
    b.visit(engine, project, D(2026, 11, 3), code="XC-0")
    b.hazard(engine, project, D(2026, 11, 2), visit_id=with_hazards, code="YH-1", description="临边防护缺失")
    b.hazard(engine, project, D(2026, 11, 2), visit_id=with_hazards, code="YH-2", category="temporary_power",
             description="配电箱未接地", rectified=D(2026, 11, 5), closed=D(2026, 11, 6))
    return project


def documents(engine) -> list[tuple[str, int, str]]:
    with engine.connect() as conn:
        return conn.execute(select(Document.kind, Document.seq, Document.record_code)
                            .order_by(Document.kind, Document.seq)).all()


def test_numbers_follow_the_prefix_word_year_and_sequence(engine, site):
    first = issue(engine, "visit_record", "XC-H")
    second = issue(engine, "visit_record", "XC-0")
    notice = issue(engine, "rectification_notice", "XC-H")
    assert (first.number, second.number, notice.number) == (
        "九开建质安检〔2026〕1号", "九开建质安检〔2026〕2号", "九开建质安整〔2026〕1号")


def test_each_year_starts_its_own_sequence(engine, site):
    with writing(engine, "t") as session:
        for day in (D(2025, 12, 30), D(2026, 1, 2)):
            register(session, kind="visit_record", record_code="XC-0", issued_on=day, issued_by="t", issuer_name="t",
                     correct=True)
    with engine.connect() as conn:
        assert conn.execute(select(Document.number).order_by(Document.id)).scalars().all() == [
            "九开建质安检〔2025〕1号", "九开建质安检〔2026〕1号"]


def test_the_prefix_comes_from_the_settings(engine, site, monkeypatch):
    monkeypatch.setenv("DOCUMENT_PREFIX", "浔建质")
    assert issue(engine, "visit_record", "XC-H").number == "浔建质检〔2026〕1号"


@pytest.mark.parametrize("kind, record, key", [
    ("rectification_notice", "XC-0", "errors.document_visit_without_hazards"),
    ("reinspection_opinion", "YH-1", "errors.document_not_reinspected"),
    ("visit_record", "XC-NONE", "errors.document_unknown_record"),
    ("stop_work_notice", "ZF-I", "errors.document_not_stop_work"),
    ("resumption_notice", "ZF-S", "errors.document_order_not_lifted"),
    ("interview_notice", "ZF-S", "errors.document_not_interview"),
    ("interview_record", "ZF-LATER", "errors.document_interview_not_held"),
])
def test_a_record_that_does_not_fit_issues_nothing_and_uses_no_number(engine, site, kind, record, key):
    b.enforcement(engine, site, D(2026, 11, 10), "stop_work", code="ZF-S")
    b.enforcement(engine, site, D(2026, 11, 10), "warning_interview", code="ZF-I")
    b.enforcement(engine, site, D(2026, 12, 20), "warning_interview", code="ZF-LATER")
    with pytest.raises(ValidationFailed) as refused:
        issue(engine, kind, record)
    assert [e.message_key for e in refused.value.errors] == [key]
    assert documents(engine) == []
    with engine.connect() as conn:
        assert conn.execute(select(func.coalesce(func.sum(DocumentCounter.last_seq), 0))).scalar_one() == 0


def test_a_second_document_for_a_record_is_refused_unless_it_corrects(engine, site):
    first = issue(engine, "visit_record", "XC-H")
    with pytest.raises(ValidationFailed) as refused:
        issue(engine, "visit_record", "XC-H")
    assert refused.value.errors[0].params == {"number": first.number}
    correction = issue(engine, "visit_record", "XC-H", correct=True)
    assert (correction.supersedes, correction.number) == (first.number, "九开建质安检〔2026〕2号")


def test_a_superseded_document_stays_listed_with_its_successor(engine, site):
    first = issue(engine, "visit_record", "XC-H")
    second = issue(engine, "visit_record", "XC-H", correct=True)
    with engine.connect() as conn:
        rows, total = document_page(conn, where=DocumentFilter(record_code="XC-H"))
        chain = document_detail(conn, document_id=second.id)["chain"]
    listed = dict(zip(rows["number"], rows["superseded_by"]))
    assert total == 2 and listed[first.number] == second.number
    assert [link["number"] for link in chain] == [first.number, second.number]


def test_a_visit_and_its_notice_are_issued_together_or_not_at_all(engine, site):
    with pytest.raises(ValidationFailed):
        issue_documents(engine, actor=STAFF, requests=[("visit_record", "XC-0"), ("rectification_notice", "XC-0")],
                        render=fake_pdf, today=TODAY)
    assert documents(engine) == []
    issued = issue_documents(engine, actor=STAFF, requests=[("visit_record", "XC-H"),
                                                            ("rectification_notice", "XC-H")],
                             render=fake_pdf, today=TODAY)
    assert [d.kind for d in issued] == ["visit_record", "rectification_notice"]


@pytest.mark.parametrize("role", ["visitor", "leader"])
def test_only_staff_and_admins_may_issue(engine, site, role):
    with pytest.raises(PermissionDenied):
        issue_document(engine, actor=Actor("someone", role), kind="visit_record", record="XC-H", render=fake_pdf)
    assert documents(engine) == []


def test_the_stored_hash_identifies_the_file_and_one_changed_byte_does_not(engine, site):
    issued = issue(engine, "rectification_notice", "XC-H", render=render_zh)
    altered = bytearray(issued.pdf)
    altered[len(altered) // 2] ^= 0x01
    with engine.connect() as conn:
        genuine, changed = verify_file(conn, issued.pdf), verify_file(conn, bytes(altered))
        unknown = verify_file(conn, b"%PDF-1.7 something else")
    assert (genuine.genuine, genuine.number) == (True, issued.number)
    assert (changed.genuine, changed.number) == (False, issued.number)   # it still says what it claims to be
    assert (unknown.genuine, unknown.number) == (False, None)


def test_a_superseded_file_is_still_genuine_and_says_by_what(engine, site):
    first = issue(engine, "visit_record", "XC-H")
    second = issue(engine, "visit_record", "XC-H", correct=True)
    with engine.connect() as conn:
        verdict = verify_file(conn, first.pdf)
    assert (verdict.genuine, verdict.superseded_by) == (True, second.number)


def test_a_registered_document_is_printed_once_on_first_open(engine, site):
    with writing(engine, "seed") as session:
        row = register(session, kind="visit_record", record_code="XC-H", issued_on=D(2026, 11, 2), issued_by="seed",
                       issuer_name="seed")
        document_id = row.id
    calls = []

    def counting(sheet, photos):
        calls.append(sheet.number)
        return fake_pdf(sheet, photos)

    first = document_pdf(engine, actor=Actor("boss", "leader"), document_id=document_id, render=counting)
    again = document_pdf(engine, actor=Actor("boss", "leader"), document_id=document_id, render=counting)
    assert first == again and calls == ["九开建质安检〔2026〕1号"]
    with engine.connect() as conn:
        assert verify_file(conn, first[1]).genuine
