"""Eight processes issuing at once get unique, gap-free numbers per type and year, on both backends."""
from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest
from sqlalchemy import select

from db.models import Document
from tests import builders as b

pytestmark = pytest.mark.xdist_group("processes")

ISSUERS, EACH = 8, 4
# On a loaded machine a writer may wait longer than SQLite's 10 s busy timeout; like a user, it tries again.
# A retried issue rolled back completely, so it must leave neither a gap nor a duplicate.
ATTEMPTS = 3
DAY = dt.date(2026, 12, 1)


def _render(sheet, photos) -> bytes:
    return f"%PDF-1.7 {sheet.number} {sheet.verification_code}".encode()


def _issuer(url: str, codes: list[str], start, failures) -> None:
    # A separate process: its own interpreter, engine and connections, as separate app servers have.
    from db.commands.documents import issue_document
    from db.engine import make_engine
    from db.errors import ValidationFailed
    from db.permissions import Actor
    from sqlalchemy.exc import OperationalError

    engine = make_engine(url)
    actor = Actor("issuer", "staff", "并发测试")
    start.wait()
    for code in codes:
        for kind in ("visit_record", "rectification_notice"):   # the notice is refused: its number goes back
            for attempt in range(ATTEMPTS):
                try:
                    issue_document(engine, actor=actor, kind=kind, record=code, render=_render, today=DAY)
                except ValidationFailed as exc:
                    if exc.errors[0].message_key != "errors.document_visit_without_hazards":
                        failures.put(f"{code}: {exc}")
                except OperationalError as exc:
                    if "locked" in str(exc) and attempt < ATTEMPTS - 1:
                        continue
                    failures.put(f"{code}: {exc!r}")
                except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on any
                    failures.put(f"{code}: {exc!r}")
                break
    engine.dispose()


def test_eight_concurrent_issuers_get_unique_gap_free_numbers(engine):
    project = b.project(engine)
    codes = [f"XC-{n:03d}" for n in range(ISSUERS * EACH)]
    for code in codes:
        b.visit(engine, project, DAY, code=code)
    url = engine.url.render_as_string(hide_password=False)
    context = multiprocessing.get_context("spawn")
    start, failures = context.Event(), context.Queue()
    workers = [context.Process(target=_issuer, args=(url, codes[w::ISSUERS], start, failures))
               for w in range(ISSUERS)]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(timeout=300)
    assert [failures.get() for _ in range(failures.qsize())] == []
    with engine.connect() as conn:
        rows = conn.execute(select(Document.kind, Document.year, Document.seq, Document.record_code)).all()
    assert {(kind, year) for kind, year, _, _ in rows} == {("visit_record", 2026)}
    assert sorted(seq for _, _, seq, _ in rows) == list(range(1, ISSUERS * EACH + 1))
    assert sorted(code for *_, code in rows) == codes
