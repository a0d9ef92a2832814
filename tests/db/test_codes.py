"""New records get readable yearly codes (XC2026-0001), sequential and never duplicated, even with 16 writers at
once; loads with codes of their own move the counters past them; old random codes keep working."""
import datetime as dt
import threading

from sqlalchemy import insert, select

from db.codes import next_code, sync
from db.commands.visits import create_visit
from db.models import Hazard, SiteVisit
from db.permissions import Actor
from db.unit_of_work import writing
from tests import builders as b

STAFF = Actor("inspector", "staff", "检查员")
DAY = dt.date(2026, 3, 2)


def save_visit(engine, hazards: int = 0) -> None:
    create_visit(engine, actor=STAFF, today=DAY, visit={"project": "P-1", "date": DAY, "kind": "patrol",
                                                         "inspectors": "张三"},
                 hazards=[{"category": "work_at_height", "level": "general", "description": "临边",
                           "due_on": DAY}] * hazards)


def codes(engine, model) -> list[str]:
    with engine.connect() as conn:
        return sorted(conn.execute(select(model.code)).scalars())


def test_codes_follow_the_pattern_per_year(engine):
    b.project(engine, code="P-1")
    save_visit(engine, hazards=2)
    save_visit(engine, hazards=1)
    assert codes(engine, SiteVisit) == ["XC2026-0001", "XC2026-0002"]
    assert codes(engine, Hazard) == ["YH2026-0001", "YH2026-0002", "YH2026-0003"]


def test_sixteen_concurrent_writers_get_unique_sequential_codes(engine):
    b.project(engine, code="P-1")
    start, errors = threading.Barrier(16), []

    def writer():
        start.wait()
        for _ in range(5):
            try:
                save_visit(engine, hazards=1)
            except Exception as exc:  # noqa: BLE001 - reported below, not lost with the thread
                errors.append(repr(exc))

    threads = [threading.Thread(target=writer) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert codes(engine, SiteVisit) == [f"XC2026-{n:04d}" for n in range(1, 81)]
    assert codes(engine, Hazard) == [f"YH2026-{n:04d}" for n in range(1, 81)]


def test_loaded_codes_move_the_counter_and_hand_written_ones_are_skipped(engine):
    pid = b.project(engine, code="P-1")
    b.visit(engine, pid, DAY, code="XC2026-0041")
    b.visit(engine, pid, DAY, code="XC20261201-DC674B")          # an old random code still stands
    with engine.begin() as conn:
        sync(conn)
    b.visit(engine, pid, DAY, code="XC2026-0043")                 # written after the sync, by hand
    save_visit(engine)
    save_visit(engine)
    assert set(codes(engine, SiteVisit)) == {"XC2026-0041", "XC20261201-DC674B", "XC2026-0042", "XC2026-0043",
                                             "XC2026-0044"}


def test_each_year_counts_from_one(engine):
    b.project(engine, code="P-1")
    with writing(engine, "t") as session:
        assert next_code(session, SiteVisit, dt.date(2025, 12, 31)) == "XC2025-0001"
        assert next_code(session, SiteVisit, dt.date(2026, 1, 1)) == "XC2026-0001"
        assert next_code(session, SiteVisit, dt.date(2026, 1, 2)) == "XC2026-0002"
