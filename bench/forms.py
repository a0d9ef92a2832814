"""Every entry form's save, timed through its command (validation, transaction, audit row, revision bump).

`python -m bench.forms --backend sqlite|postgres`: runs on a fresh demo database of its own and
prints the median of 20 saves per form.
"""
from __future__ import annotations

import datetime as dt
import io
import statistics
import sys
import time
import uuid

from PIL import Image
from sqlalchemy import select

from bench.databases import bench_actor, bench_engine
from db.cli_args import OneLineParser
from db.commands.hazards import close_hazard, mark_rectified
from db.commands.records import (
    add_ledger_item, create_enforcement, create_enterprise, create_project, create_risk_point, create_training,
)
from db.commands.visits import create_visit
from db.credit_code import make_credit_code
from db.models import Enterprise, Hazard, Project
from db.permissions import Actor

SAVES = 20


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1600, 1200), (120, 140, 160)).save(out, "JPEG", quality=85)
    return out.getvalue()


def form_save_times(engine, actor: Actor) -> dict[str, float]:
    """Median ms per form save."""
    today = dt.date.today()
    with engine.connect() as conn:
        project = conn.execute(select(Project.code).where(Project.deleted_at.is_(None)).limit(1)).scalar_one()
        firm = conn.execute(select(Enterprise.credit_code).limit(1)).scalar_one()
    second = Actor("bench_second", "staff", "second inspector")
    photo = _photo()

    def unique() -> str:
        return uuid.uuid4().hex[:10].upper()

    def open_hazard_id() -> tuple[int, int]:
        create_visit(engine, actor=actor, visit={"project": project, "date": today, "kind": "patrol",
                                                 "inspectors": "bench"},
                     hazards=[{"category": "work_at_height", "level": "general", "description": "bench",
                               "due_on": today}])
        with engine.connect() as conn:
            return conn.execute(select(Hazard.id, Hazard.version).order_by(Hazard.id.desc()).limit(1)).one()

    forms = {
        "site visit + 1 hazard": lambda: create_visit(
            engine, actor=actor, visit={"project": project, "date": today, "kind": "patrol", "inspectors": "bench"},
            hazards=[{"category": "scaffolding", "level": "general", "description": "bench", "due_on": today}]),
        "risk point": lambda: create_risk_point(engine, actor=actor, values={
            "project": project, "identified_on": today, "category": "scaffolding", "level": "high",
            "description": "bench"}),
        "enforcement": lambda: create_enforcement(engine, actor=actor, values={
            "project": project, "date": today, "kind": "warning_interview", "reason": "bench"}),
        "training + 1 enterprise": lambda: create_training(engine, actor=actor, values={
            "date": today, "kind": "training", "title": "bench", "attendees": 10, "enterprises": [firm]}),
        "enterprise": lambda: create_enterprise(engine, actor=actor, values={
            # Hex digits are all in the credit-code alphabet.
            "credit_code": make_credit_code("91360400" + unique()[:9]),
            "name": f"基准企业{unique()}", "kind": "contractor"}),
        "project": lambda: create_project(engine, actor=actor, values={
            "code": f"B-{unique()}", "name": "bench", "developer": firm, "contractor": firm, "kind": "industrial",
            "start_date": today}),
        "ledger item": lambda: add_ledger_item(engine, actor=actor, values={
            "project": project, "kind": "key_process", "name": f"bench {unique()}"}),
    }
    results = {name: _median(save) for name, save in forms.items()}
    prepared = [open_hazard_id() for _ in range(SAVES)]
    results["rectification + 1 photo (1600×1200 JPEG)"] = _median_each(
        [lambda h=h: mark_rectified(engine, actor=actor, hazard_id=h[0], version=h[1], rectified_on=today,
                                    note="bench", photos=[photo]) for h in prepared])
    results["re-inspection close"] = _median_each(
        [lambda h=h: close_hazard(engine, actor=second, hazard_id=h[0], version=h[1] + 1, closed_on=today)
         for h in prepared])
    return results


def _median(save) -> float:
    return _median_each([save] * SAVES)


def _median_each(saves) -> float:
    timings = []
    for save in saves:
        started = time.perf_counter()
        save()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main(argv: list[str] | None = None) -> int:
    """Print each form's median save time."""
    parser = OneLineParser(prog="python -m bench.forms", description="Time every entry form's save")
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--pg-url", help="the PostgreSQL database to use (default bench_SCALE on the local server)")
    args = parser.parse_args(argv)
    engine = bench_engine(args.backend, "forms", pg_url=args.pg_url, rebuild=True)
    actor = bench_actor(engine)
    print(f"backend {args.backend}: median of {SAVES} saves (validation, transaction, audit, revision bump)")
    for name, ms in form_save_times(engine, actor).items():
        print(f"  {name:<44}{ms:>8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
