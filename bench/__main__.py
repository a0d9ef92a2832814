"""`python -m bench --backend sqlite|postgres [--scale demo|province]`: one run, one table with ratios."""
from __future__ import annotations

import datetime as dt
import logging
import os
import resource
import secrets
import sys

from db.cli_args import OneLineParser
from db.period import Period
from bench.databases import PG_ADMIN_URL, bench_actor, bench_engine
from bench.naive import naive_overview_seconds
from bench.pages import time_page
from bench.writes import visit_write_ms
from ui.registry import PAGES

TARGET_WARM_MS, TARGET_COLD_RATIO, TARGET_NAIVE_RATIO, TARGET_WRITE_MS = 50, 1.5, 20, 20


def main(argv: list[str] | None = None) -> int:
    """Build or reuse the benchmark database, measure, print the table."""
    parser = OneLineParser(prog="python -m bench", description="Measure page, query and write times")
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--scale", choices=("demo", "province"), default="demo")
    parser.add_argument("--pg-url", default=os.environ.get("PG_BENCH_URL", PG_ADMIN_URL))
    parser.add_argument("--rebuild", action="store_true", help="drop and rebuild the benchmark database")
    args = parser.parse_args(argv)
    os.environ.setdefault("AUTH_COOKIE_KEY", secrets.token_urlsafe(48))
    # AppTest runs scripts outside a server; Streamlit warns about that on every run.
    for name in ("streamlit", "streamlit.runtime.scriptrunner_utils.script_run_context",
                 "streamlit.runtime.caching.cache_data_api"):
        logging.getLogger(name).setLevel(logging.ERROR)

    engine = bench_engine(args.backend, args.scale, pg_url=args.pg_url, rebuild=args.rebuild)
    actor = bench_actor(engine)
    today = dt.date.today()
    period = Period.year(2024) if args.scale == "demo" else Period.year(today.year)
    query = {"start": period.start.isoformat(), "end": period.end.isoformat()}

    print(f"backend {args.backend}, scale {args.scale}, period {period.start}..{period.end}")
    print(f"{'page':<16}{'cold ms':>10}{'warm ms':>10}{'floor ms':>10}{'cold/floor':>12}{'SQL':>6}  note")
    overview_cold = None
    for page in PAGES:
        timing = time_page(engine, page.script, actor, query)
        ratio = timing.cold_ms / timing.floor_ms if timing.floor_ms else float("nan")
        missed = [name for name, ok in (("warm", timing.warm_ms <= TARGET_WARM_MS),
                                        ("cold/floor", ratio <= TARGET_COLD_RATIO)) if not ok]
        note = timing.error or (f"missed: {', '.join(missed)}" if missed else "")
        print(f"{timing.page:<16}{timing.cold_ms:>10.1f}{timing.warm_ms:>10.1f}{timing.floor_ms:>10.1f}"
              f"{ratio:>12.2f}{timing.statements:>6}  {note}")
        if page.key == "overview":
            overview_cold = timing.cold_ms

    # Before the naive pattern, whose whole-table loads would dominate the process's peak.
    app_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    naive_ms = naive_overview_seconds(engine, period, today) * 1000
    print(f"\nnaive Overview (read_sql whole tables + pandas): {naive_ms:,.1f} ms; "
          f"Overview cold is {naive_ms / overview_cold:,.1f}x faster (target ≥ {TARGET_NAIVE_RATIO}x)")
    print(f"form write (site visit + audit row, median): {visit_write_ms(engine, actor):.1f} ms "
          f"(target ≤ {TARGET_WRITE_MS} ms)")
    naive_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory serving the pages: {app_peak_mb:,.0f} MB; after the naive pattern: {naive_peak_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
