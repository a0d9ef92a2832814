"""The time to issue each type of supervision document: number, gather, render, store, audit, in one transaction.

`python -m bench.documents --backend sqlite|postgres [--times 10]`: issues each type from a demo record
(as a correction, so it can repeat) and prints the median and the slowest of the runs, in milliseconds.
"""
from __future__ import annotations

import statistics
import sys
import time

from sqlalchemy import func, select

from bench.databases import PG_ADMIN_URL, bench_engine
from db.cli_args import OneLineParser
from db.commands.documents import issue_document
from db.enums import DOCUMENT_KIND
from db.models import Enforcement, Hazard, SiteVisit
from db.permissions import Actor
from render.documents import prepare, render_zh

ISSUER = Actor("bench_documents", "staff", "基准测试")


def demo_records(engine) -> dict[str, str]:
    """A demo record fitting each document type: the visit with the most hazards, a closed hazard, a lifted
    stop-work order, a warning interview."""
    with engine.connect() as conn:
        visit = conn.execute(select(SiteVisit.code).join(Hazard, Hazard.visit_id == SiteVisit.id)
                             .group_by(SiteVisit.code).order_by(func.count().desc(), SiteVisit.code)).scalars().first()
        hazard = conn.execute(select(Hazard.code).where(Hazard.closed_on.is_not(None)).order_by(Hazard.code)).scalar()
        order = conn.execute(select(Enforcement.code).where(Enforcement.kind == "stop_work",
                                                            Enforcement.lifted_on.is_not(None))).scalar()
        interview = conn.execute(select(Enforcement.code).where(Enforcement.kind == "warning_interview")).scalar()
    return {"visit_record": visit, "rectification_notice": visit, "reinspection_opinion": hazard,
            "stop_work_notice": order, "resumption_notice": order, "interview_notice": interview,
            "interview_record": interview}


def issue_times(engine, times: int) -> dict[str, tuple[float, float]]:
    """(median, slowest) milliseconds to issue each document type."""
    prepare()
    records, results = demo_records(engine), {}
    for kind in DOCUMENT_KIND.codes:
        runs = []
        for _ in range(times):
            started = time.perf_counter()
            issue_document(engine, actor=ISSUER, kind=kind, record=records[kind], render=render_zh, correct=True)
            runs.append((time.perf_counter() - started) * 1000)
        results[kind] = (statistics.median(runs), max(runs))
    return results


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, time every type, print a table."""
    parser = OneLineParser(prog="python -m bench.documents", description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--pg-url", default=PG_ADMIN_URL)
    parser.add_argument("--times", type=int, default=10)
    args = parser.parse_args(argv)
    engine = bench_engine(args.backend, "demo", pg_url=args.pg_url)
    print(f"{'document type':<28} {'median ms':>10} {'slowest ms':>11}")
    for kind, (median, slowest) in issue_times(engine, max(args.times, 1)).items():
        print(f"{kind:<28} {median:>10.0f} {slowest:>11.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
