"""Concurrency and durability: many writer processes, two-editor trials, a writer killed mid-stream.

`python -m bench.concurrency --url URL [--writers 16] [--per-writer 500] [--trials 1000]`
runs all three against a database holding at least one project; the test suite runs
the same functions at a smaller size.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import signal
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import Engine, func, select, text, update

from bench.writes import save_visit
from db.engine import make_engine
from db.models import Project, SiteVisit
from db.permissions import Actor
from db.unit_of_work import writing

ACTOR = Actor("concurrency", "staff", "并发测试")


def run_writers(url: str, writers: int, per_writer: int, prefix: str) -> list[str]:
    """Start `writers` processes each saving `per_writer` visits; returns the errors they reported."""
    ctx = multiprocessing.get_context("spawn")
    errors = ctx.Queue()
    processes = [ctx.Process(target=_writer, args=(url, f"{prefix}{w}-", per_writer, errors, None))
                 for w in range(writers)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    return [errors.get() for _ in range(errors.qsize())]


def count_visits(engine: Engine, prefix: str) -> int:
    """Visits whose code starts with `prefix`."""
    with engine.connect() as conn:
        return conn.execute(select(func.count()).where(SiteVisit.code.like(f"{prefix}%"))).scalar_one()


def two_editor_trials(engine: Engine, trials: int, seed: int = 1) -> tuple[int, int]:
    """Two editors read one project's version, then save at the same instant; returns (conflicts, overwrites).

    An overwrite is a trial where both saves report success: the later one silently replaced the earlier.
    """
    rng = random.Random(seed)
    with engine.connect() as conn:
        project_ids = conn.execute(select(Project.id)).scalars().all()
    conflicts = overwrites = 0
    with ThreadPoolExecutor(max_workers=2) as pool:
        for _ in range(trials):
            project_id = rng.choice(project_ids)
            with engine.connect() as conn:
                version = conn.execute(select(Project.version).where(Project.id == project_id)).scalar_one()
            start = threading.Barrier(2)
            saves = [pool.submit(_save_if_unchanged, engine, project_id, version, rng.randrange(101), start)
                     for _ in range(2)]
            succeeded = sum(save.result() for save in saves)
            conflicts += succeeded == 1
            overwrites += succeeded == 2
    return conflicts, overwrites


def _save_if_unchanged(engine: Engine, project_id: int, read_version: int, progress: int, start) -> bool:
    # What every edit command does: the UPDATE only matches the version the editor read.
    start.wait()
    with writing(engine, ACTOR.username) as session:
        result = session.execute(
            update(Project).where(Project.id == project_id, Project.version == read_version)
            .values(progress_pct=progress, version=read_version + 1, updated_by=ACTOR.username))
        return result.rowcount == 1


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


def integrity_ok(engine: Engine) -> bool:
    """SQLite's integrity check and foreign-key check pass (PostgreSQL: the server guarantees it)."""
    if engine.dialect.name != "sqlite":
        return True
    with engine.connect() as conn:
        return (conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
                and conn.execute(text("PRAGMA foreign_key_check")).first() is None)


def _writer(url: str, prefix: str, count: int, errors, ack_path: str | None) -> None:
    engine = make_engine(url)
    with engine.connect() as conn:
        project_id = conn.execute(select(Project.id).order_by(Project.id).limit(1)).scalar_one()
    ack = open(ack_path, "a") if ack_path else None
    for i in range(count):
        code = f"{prefix}{i}"
        try:
            save_visit(engine, ACTOR, project_id, code=code)
        except Exception as exc:  # noqa: BLE001 - every failure is reported to the parent
            errors.put(f"{code}: {exc.__class__.__name__}: {exc}")
            continue
        if ack:  # acknowledged only after the commit returned, as a user would see "saved"
            ack.write(code + "\n")
            ack.flush()
            os.fsync(ack.fileno())
    engine.dispose()


def main() -> None:
    """Run the three checks at full size and print the results."""
    parser = argparse.ArgumentParser(prog="python -m bench.concurrency")
    parser.add_argument("--url", required=True)
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--per-writer", type=int, default=500)
    parser.add_argument("--trials", type=int, default=1000)
    args = parser.parse_args()
    engine = make_engine(args.url)
    prefix = f"C{int(time.time())}-"
    started = time.perf_counter()
    errors = run_writers(args.url, args.writers, args.per_writer, prefix)
    stored = count_visits(engine, prefix)
    print(f"{args.writers} writers x {args.per_writer}: stored {stored:,} of {args.writers * args.per_writer:,}, "
          f"{len(errors)} errors, {time.perf_counter() - started:.1f} s")
    conflicts, overwrites = two_editor_trials(engine, args.trials)
    print(f"{args.trials} two-editor trials: {conflicts} conflicts, {overwrites} silent overwrites")
    with tempfile.TemporaryDirectory() as ack_dir:
        acknowledged, missing = kill_mid_stream(args.url, Path(ack_dir))
    print(f"kill -9 mid-stream: {acknowledged} acknowledged, {len(missing)} missing, "
          f"integrity {'ok' if integrity_ok(engine) else 'FAILED'}")


if __name__ == "__main__":
    main()
