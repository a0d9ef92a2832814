"""Each document type issued from a demo record: its PDF's text carries the number, project, parties and
facts; the command line issues, refuses, lists and verifies; on both backends."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import and_, func, select

from cli import main
from db import enums
from db.commands.documents import document_pdf, issue_document
from db.engine import make_engine
from db.migrate import upgrade
from db.models import Document, Enforcement, Enterprise, Hazard, Project, SiteVisit
from db.permissions import Actor
from db.queries.documents import verify_file
from render.documents import render_zh
from seed.demo import load_demo
from tests import builders as b
from tests import databases
from tests.conftest import DEMO_TODAY

STAFF = Actor("demo_staff", "staff", "演示监督员（甲）")
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")


@pytest.fixture(scope="module")
def demo_copy(demo_engine, tmp_path_factory):
    """A writable copy of the session's demo database, on its backend."""
    if demo_engine.dialect.name == "sqlite":
        target = tmp_path_factory.mktemp("documents") / "demo.db"
        with sqlite3.connect(demo_engine.url.database) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        engine = make_engine(f"sqlite:///{target}")
    else:
        # Loaded afresh rather than copied as a template: a template must have no other connection, and the
        # pages tested on this worker keep theirs open to the demo database.
        engine = make_engine(databases.fresh_postgres_database(f"{demo_engine.url.database}_documents"))
        upgrade(engine)
        load_demo(engine, today=DEMO_TODAY)
    yield engine
    engine.dispose()


def pdf_text(pdf: bytes, tmp_path) -> str:
    """The PDF's text as pdftotext reads it, with line breaks and spaces removed (wrapping is layout's)."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True).stdout
    return re.sub(r"\s+", "", out.decode("utf-8"))


def squeezed(value: str) -> str:
    return re.sub(r"\s+", "", value)


def first(engine, query):
    with engine.connect() as conn:
        return conn.execute(query.limit(1)).first()


def records(engine) -> dict[str, tuple]:
    """(record code, fact the document must state) of a demo record fitting each type."""
    per_visit = (select(Hazard.visit_id, func.count().label("n")).group_by(Hazard.visit_id)
                 .having(func.count() >= 2).subquery())
    visit = first(engine, select(SiteVisit.code, Hazard.description).join(per_visit, per_visit.c.visit_id == SiteVisit.id)
                  .join(Hazard, Hazard.visit_id == SiteVisit.id).order_by(SiteVisit.code, Hazard.code))
    closed = first(engine, select(Hazard.code, Hazard.description).where(Hazard.closed_on.is_not(None))
                   .order_by(Hazard.code))
    order = first(engine, select(Enforcement.code, Enforcement.reason).where(
        Enforcement.kind == "stop_work", Enforcement.lifted_on.is_not(None)).order_by(Enforcement.code))
    interview = first(engine, select(Enforcement.code, Enforcement.reason).where(
        Enforcement.kind == "warning_interview").order_by(Enforcement.code))
    return {"visit_record": visit, "rectification_notice": visit, "reinspection_opinion": closed,
            "stop_work_notice": order, "resumption_notice": (order[0], "复工"),
            "interview_notice": interview, "interview_record": interview}


def parties(engine, kind: str, code: str) -> tuple[str, str]:
    model = {"visit_record": SiteVisit, "rectification_notice": SiteVisit, "reinspection_opinion": Hazard}.get(
        kind, Enforcement)
    return first(engine, select(Project.name, Enterprise.name).select_from(model)
                 .join(Project, Project.id == model.project_id)
                 .join(Enterprise, Enterprise.id == Project.contractor_id).where(model.code == code))


@pytest.mark.parametrize("kind", ["visit_record", "rectification_notice", "reinspection_opinion", "stop_work_notice",
                                  "resumption_notice", "interview_notice", "interview_record"])
def test_each_type_issued_from_a_demo_record_states_number_project_parties_and_facts(demo_copy, kind, tmp_path):
    code, fact = records(demo_copy)[kind]
    project, contractor = parties(demo_copy, kind, code)
    issued = issue_document(demo_copy, actor=STAFF, kind=kind, record=code, render=render_zh, correct=True)
    shown = pdf_text(issued.pdf, tmp_path)
    for expected in (issued.number, project, contractor, fact[:40], issued.verification_code):
        assert squeezed(expected) in shown, expected


def test_the_demo_registers_the_2024_stop_work_chain_numbered_by_date(demo_engine):
    with demo_engine.connect() as conn:
        rows = conn.execute(select(Document.kind, Document.seq, Document.issued_on).where(
            Document.year == 2024, Document.kind.in_(("stop_work_notice", "resumption_notice")))
            .order_by(Document.kind, Document.seq)).all()
    for kind in ("stop_work_notice", "resumption_notice"):
        mine = [(seq, day) for k, seq, day in rows if k == kind]
        assert [seq for seq, _ in mine] == [1, 2, 3, 4]
        assert [day for _, day in mine] == sorted(day for _, day in mine)


def test_a_demo_document_is_printed_on_first_open_and_then_verifies(demo_copy):
    with demo_copy.connect() as conn:
        document_id = conn.execute(select(Document.id).where(and_(Document.pdf.is_(None),
                                                                  Document.kind == "interview_record"))).scalar()
    number, pdf = document_pdf(demo_copy, actor=Actor("demo_leader", "leader"), document_id=document_id,
                               render=render_zh)
    with demo_copy.connect() as conn:
        assert (verify_file(conn, pdf).genuine, verify_file(conn, pdf).number) == (True, number)


@pytest.fixture
def cli(demo_copy, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", demo_copy.url.render_as_string(hide_password=False))

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_the_command_line_issues_lists_and_verifies(cli, demo_copy, tmp_path):
    code = records(demo_copy)["rectification_notice"][0]
    out = tmp_path / "notice.pdf"
    status, number, _ = cli("documents", "issue", "--type", "rectification_notice", "--record", code,
                            "--out", str(out), "--as", "demo_staff", "--correct")
    assert status == 0 and number.strip().startswith("九开建质安整〔")
    listed = json.loads(cli("documents", "list", "--type", "rectification_notice", "--json")[1])
    assert number.strip() in [d["number"] for d in listed]
    assert cli("documents", "verify", str(out))[:2] == (0, number)
    changed = bytearray(out.read_bytes())
    changed[1000] ^= 0x20
    out.write_bytes(bytes(changed))
    status, _, err = cli("documents", "verify", str(out))
    assert status == 1 and "NOT GENUINE" in err and number.strip() in err


@pytest.mark.parametrize("argv, status", [
    (("--type", "resumption_notice", "--record", "NO-SUCH-CODE"), 1),
    (("--type", "rectification_notice", "--record", "NO-SUCH-CODE", "--as", "demo_visitor"), 2),
    (("--type", "no_such_type", "--record", "X"), 2),
])
def test_bad_requests_exit_nonzero_and_issue_nothing(cli, demo_copy, tmp_path, argv, status):
    with demo_copy.connect() as conn:
        before = conn.execute(select(func.count()).select_from(Document)).scalar_one()
    out = tmp_path / "x.pdf"
    result, printed, err = cli("documents", "issue", *argv, "--out", str(out))
    with demo_copy.connect() as conn:
        after = conn.execute(select(func.count()).select_from(Document)).scalar_one()
    assert (result, printed, after, out.exists()) == (status, "", before, False)
    assert len(err.strip().splitlines()) == 1


def test_a_resumption_notice_for_an_order_not_lifted_is_refused(cli, demo_copy, tmp_path):
    project_id = first(demo_copy, select(Project.id).order_by(Project.id))[0]
    b.enforcement(demo_copy, project_id, dt.date(2026, 11, 20), "stop_work", code=f"ZF-STANDING-{tmp_path.name[-12:]}")
    result, _, err = cli("documents", "issue", "--type", "resumption_notice", "--record",
                         f"ZF-STANDING-{tmp_path.name[-12:]}", "--out", str(tmp_path / "x.pdf"))
    assert result == 1 and "尚未解除" in err


DOCS_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
def test_each_demo_document_type_renders_its_first_page(demo_copy, tmp_path):
    """With UPDATE_SCREENSHOTS=1 the first pages replace docs/screenshots/documents-<type>.png (README)."""
    if demo_copy.dialect.name != "sqlite":
        pytest.skip("one backend is enough for pictures")
    folder = DOCS_SHOTS if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path
    for kind in enums.DOCUMENT_KIND.codes:
        with demo_copy.connect() as conn:
            document_id = conn.execute(select(Document.id).where(Document.kind == kind, Document.year == 2024)
                                       .order_by(Document.seq)).scalars().first()
        _, pdf = document_pdf(demo_copy, actor=STAFF, document_id=document_id, render=render_zh)
        source = tmp_path / f"{kind}.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(source),
                        str(folder / f"documents-{kind}")], check=True)
        assert (folder / f"documents-{kind}.png").stat().st_size > 10_000
