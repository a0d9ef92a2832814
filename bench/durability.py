"""`python -m bench.durability [--saves 40]`: the entry form's save with SQLite's synchronous=NORMAL, FULL and EXTRA.

In WAL mode NORMAL does not fsync at commit: a power cut or an OS crash may lose the last commits (the file stays
sound); FULL fsyncs the WAL at every commit, so an acknowledged save survives them. This times the same command
(a visit with one hazard: validation, audit row, revision bump, summary triggers) on the demo database each way.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import event, select

from db.commands.visits import create_visit
from db.engine import make_engine
from db.migrate import upgrade
from db.models import Project
from db.permissions import Actor
from seed.demo import load_demo

ACTOR = Actor("bench", "staff", "bench")


def save_ms(url: str, synchronous: str, saves: int) -> list[float]:
    """Milliseconds of each of `saves` entry-form saves with PRAGMA synchronous=`synchronous`."""
    engine = make_engine(url)

    @event.listens_for(engine, "connect")
    def _synchronous(dbapi_connection, _record):  # after the engine's own pragmas, so this one holds
        dbapi_connection.execute(f"PRAGMA synchronous={synchronous}")

    with engine.connect() as conn:
        project = conn.execute(select(Project.code).order_by(Project.id).limit(1)).scalar_one()
    today, timings = dt.date.today(), []
    for _ in range(saves):
        started = time.perf_counter()
        create_visit(engine, actor=ACTOR, visit={"project": project, "date": today, "kind": "patrol",
                                                 "inspectors": "bench"},
                     hazards=[{"category": "scaffolding", "level": "general", "description": "bench", "due_on": today}])
        timings.append((time.perf_counter() - started) * 1000)
    engine.dispose()
    return timings


def main() -> None:
    """Print median, fastest and slowest save for each setting."""
    parser = argparse.ArgumentParser(prog="python -m bench.durability")
    parser.add_argument("--saves", type=int, default=40)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp()) / "durability.db"
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    upgrade(engine)
    load_demo(engine, today=dt.date.today())
    engine.dispose()
    for setting in ("NORMAL", "FULL", "EXTRA", "NORMAL", "FULL"):  # twice, interleaved: the disk's mood varies
        ms = save_ms(url, setting, args.saves)
        print(f"synchronous={setting:<7} median {statistics.median(ms):6.1f} ms  min {min(ms):6.1f}  max {max(ms):6.1f}")


if __name__ == "__main__":
    main()
