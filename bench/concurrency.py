"""Concurrency and durability through the app's own commands: many writer processes saving visits the way the
entry page does, two editors saving one ledger item at the same instant, a writer killed mid-stream.

`python -m bench.concurrency --url URL [--writers 16] [--per-writer 500] [--trials 1000]` runs all three against
a migrated database holding at least one project (e.g. the demo) and checks the database afterwards; the test
suite runs the same functions at a smaller size.
"""
from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import random
import signal
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import Engine, func, inspect, select, text

from db.cli_args import OneLineParser
from db.commands.records import add_ledger_item, update_ledger_item
from db.commands.visits import create_visit
from db.engine import make_engine
from db.errors import Conflict
from db.migrate import current_revision, head_revision
from db.models import AuditEntry, Base, Hazard, LedgerItem, Project, SiteVisit
from db.permissions import Actor

ACTOR = Actor("concurrency", "staff", "并发测试")
STATUSES = ("not_started", "in_progress", "accepted")


def unusable(engine: Engine) -> str | None:
    """Why the benchmark cannot run on this database (unmigrated, or no project to write to), or None."""
    if current_revision(engine) != head_revision():
        return "the database is not migrated to the newest schema: run `python -m db migrate`"
    with engine.connect() as conn:
        if conn.execute(select(Project.code).where(Project.deleted_at.is_(None)).limit(1)).first() is None:
            return "the database holds no project to write to: load one, e.g. `python -m seed demo`"
    return None


def run_writers(url: str, writers: int, per_writer: int, prefix: str) -> list[str]:
    """Start `writers` processes each saving `per_writer` visits; returns every error, a crashed writer included."""
    ctx = multiprocessing.get_context("spawn")
    errors = ctx.Queue()
    processes = [ctx.Process(target=_writer, args=(url, f"{prefix}{w}-", per_writer, errors, None))
                 for w in range(writers)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    reported = [errors.get() for _ in range(errors.qsize())]
    return reported + [f"writer {n} exited with code {p.exitcode}" for n, p in enumerate(processes) if p.exitcode]


def count_visits(engine: Engine, prefix: str) -> int:
    """Visits whose code starts with `prefix`."""
    with engine.connect() as conn:
        return conn.execute(select(func.count()).where(SiteVisit.code.like(f"{prefix}%"))).scalar_one()


def two_editor_trials(engine: Engine, trials: int, seed: int = 1) -> tuple[int, int]:
    """Two editors read one ledger item's version, then save different statuses at the same instant through
    update_ledger_item; returns (conflicts, overwrites). An overwrite: both saves reported success."""
    rng = random.Random(seed)
    item_id = _trial_item(engine)
    conflicts = overwrites = 0
    with ThreadPoolExecutor(max_workers=2) as pool:
        for _ in range(trials):
            with engine.connect() as conn:
                version = conn.execute(select(LedgerItem.version).where(LedgerItem.id == item_id)).scalar_one()
            start = threading.Barrier(2)
            statuses = rng.sample(STATUSES, 2)
            saves = [pool.submit(_edit, engine, item_id, version, status, start) for status in statuses]
            succeeded = sum(save.result() for save in saves)
            conflicts += succeeded == 1
            overwrites += succeeded == 2
    return conflicts, overwrites


def kill_mid_stream(url: str, ack_dir: Path, seconds: float = 1.0) -> tuple[int, list[str]]:
    """SIGKILL a writer after `seconds`; returns (acknowledged writes, those missing afterwards)."""
    ctx = multiprocessing.get_context("spawn")
    prefix = f"K{time.time_ns()}-"
    ack_file = ack_dir / f"{prefix}acknowledged.txt"
    errors = ctx.Queue()  # kept referenced: the child unpickles it after this function moves on
    process = ctx.Process(target=_writer, args=(url, prefix, 1_000_000, errors, str(ack_file)))
    process.start()
    # Mid-stream means after writes began: a spawned child on a busy machine can take longer
    # than `seconds` just to import, so wait for its first acknowledgement before the clock runs.
    deadline = time.monotonic() + 120
    while not (ack_file.exists() and ack_file.stat().st_size) and process.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(seconds)
    os.kill(process.pid, signal.SIGKILL)
    process.join()
    acknowledged = ack_file.read_text().split() if ack_file.exists() else []
    engine = make_engine(url)
    with engine.connect() as conn:
        stored = set(conn.execute(select(SiteVisit.code).where(SiteVisit.code.like(f"{prefix}%"))).scalars())
    engine.dispose()
    return len(acknowledged), [code for code in acknowledged if code not in stored]


def integrity_problems(engine: Engine, prefix: str = "") -> list[str]:
    """What is wrong with the database after the runs: SQLite's own checks, orphaned rows, duplicate codes,
    and written visits (codes starting with `prefix`) without exactly one audit row each."""
    problems = []
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            if (verdict := conn.execute(text("PRAGMA integrity_check")).scalar_one()) != "ok":
                problems.append(f"integrity_check: {verdict}")
            if conn.execute(text("PRAGMA foreign_key_check")).first() is not None:
                problems.append("foreign_key_check found rows pointing nowhere")
        for model in (SiteVisit, Hazard):
            orphans = conn.execute(select(func.count()).select_from(model).outerjoin(Project, Project.id == model.project_id)
                                   .where(Project.id.is_(None))).scalar_one()
            if orphans:
                problems.append(f"{model.__tablename__}: {orphans} rows without their project")
        for mapper in Base.registry.mappers:
            code = inspect(mapper).columns.get("code")
            if code is not None and code.table is mapper.local_table:
                doubles = conn.execute(select(code).group_by(code).having(func.count() > 1).limit(3)).scalars().all()
                if doubles:
                    problems.append(f"{mapper.local_table.name}: duplicate codes {doubles}")
        if prefix:
            ids = select(SiteVisit.id).where(SiteVisit.code.like(f"{prefix}%")).scalar_subquery()
            audited = conn.execute(select(AuditEntry.row_id, func.count()).where(
                AuditEntry.table_name == "site_visits", AuditEntry.action == "create", AuditEntry.row_id.in_(ids))
                .group_by(AuditEntry.row_id)).all()
            written = count_visits(engine, prefix)
            if len(audited) != written or any(n != 1 for _, n in audited):
                problems.append(f"{written} visits written but {len(audited)} with exactly one audit row")
    return problems


def _trial_item(engine: Engine) -> int:
    with engine.connect() as conn:
        item = conn.execute(select(LedgerItem.id).where(LedgerItem.deleted_at.is_(None)).limit(1)).scalar()
        project = conn.execute(select(Project.code).where(Project.deleted_at.is_(None)).limit(1)).scalar_one()
    if item is not None:
        return item
    return add_ledger_item(engine, actor=ACTOR, values={"project": project, "kind": "key_process",
                                                         "name": "并发测试事项"})


def _edit(engine: Engine, item_id: int, read_version: int, status: str, start) -> bool:
    start.wait()
    try:
        update_ledger_item(engine, actor=ACTOR, item_id=item_id, version=read_version, values={"status": status})
    except Conflict:
        return False
    return True


def _writer(url: str, prefix: str, count: int, errors, ack_path: str | None) -> None:
    engine = make_engine(url)
    with engine.connect() as conn:
        project = conn.execute(select(Project.code).where(Project.deleted_at.is_(None))
                               .order_by(Project.id).limit(1)).scalar_one()
    ack = open(ack_path, "a") if ack_path else None
    for i in range(count):
        code = f"{prefix}{i}"
        visit = {"code": code, "project": project, "date": dt.date.today(), "kind": "patrol",
                 "inspectors": ACTOR.display_name}
        try:
            create_visit(engine, actor=ACTOR, visit=visit)
        except Exception as exc:  # noqa: BLE001 - every failure is reported to the parent
            errors.put(f"{code}: {exc.__class__.__name__}: {exc}")
            continue
        if ack:  # acknowledged only after the commit returned, as a user would see "saved"
            ack.write(code + "\n")
            ack.flush()
            os.fsync(ack.fileno())
    engine.dispose()


def main(argv: list[str] | None = None) -> int:
    """Run the three checks at full size and print the results; 2 with one line on an unusable database."""
    parser = OneLineParser(prog="python -m bench.concurrency")
    parser.add_argument("--url", required=True)
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--per-writer", type=int, default=500)
    parser.add_argument("--trials", type=int, default=1000)
    args = parser.parse_args(argv)
    engine = make_engine(args.url)
    if problem := unusable(engine):
        parser.error(f"--url: {problem}")
    prefix = f"C{int(time.time())}-"
    started = time.perf_counter()
    errors = run_writers(args.url, args.writers, args.per_writer, prefix)
    stored = count_visits(engine, prefix)
    print(f"{args.writers} writers x {args.per_writer}: stored {stored:,} of {args.writers * args.per_writer:,}, "
          f"{len(errors)} errors, {time.perf_counter() - started:.1f} s")
    for error in errors[:5]:
        print(f"    {error}")
    conflicts, overwrites = two_editor_trials(engine, args.trials)
    print(f"{args.trials} two-editor trials: {conflicts} conflicts, {overwrites} silent overwrites")
    with tempfile.TemporaryDirectory() as ack_dir:
        acknowledged, missing = kill_mid_stream(args.url, Path(ack_dir))
    problems = integrity_problems(engine, prefix)
    print(f"kill -9 mid-stream: {acknowledged} acknowledged, {len(missing)} missing; "
          f"integrity: {'ok' if not problems else '; '.join(problems)}")
    return 0 if not (errors or overwrites or missing or problems) else 1


if __name__ == "__main__":
    sys.exit(main())
