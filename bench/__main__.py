"""`python -m bench --backend sqlite|postgres --scale demo|province [--json FILE]`: one run, one table, one JSON.

For three periods (the current year, the last complete year, everything since the first record) every page is timed
cold and warm (AppTest) against its floors; then the naive pandas pattern with and without caching, the entry form's
write, and — in a real server with Chromium — memory with ten signed-in sessions and each page's warm load against an
empty Streamlit page. Every figure is the median of at least three runs, with the fastest and slowest beside it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import secrets
import sys

from db.cli_args import OneLineParser
from db.period import Period
from db.queries.overview import records_start
from bench.databases import bench_actor, bench_engine
from bench.naive import naive_timings
from bench.pages import time_page
from bench.writes import form_write_timings
from ui.registry import PAGES

# Pages that only administer (no figures over the records): they report no floor ratio.
ADMIN_PAGES = {"admin_users", "workbook", "audit_log", "entry", "records", "rectification"}


def periods(engine, today: dt.date) -> dict[str, Period]:
    """The three periods the bench measures."""
    with engine.connect() as conn:
        first = records_start(conn) or today
    return {"current_year": Period(dt.date(today.year, 1, 1), today),
            "last_year": Period.year(today.year - 1),
            "everything": Period(first, today)}


def page_rows(engine, actor, period_name: str, period: Period) -> list[dict]:
    """One JSON object per page for `period`, printed as a table row too."""
    query = {"start": period.start.isoformat(), "end": period.end.isoformat()}
    rows = []
    for page in PAGES:
        timing = time_page(engine, page.script, actor, query)
        row = {"page": page.key, "period": period_name, "reads": timing.reads, "error": timing.error}
        for name in ("warm", "cold", "floor", "summary_floor"):
            spread = getattr(timing, name)
            row |= {f"{name}_ms": spread and spread.median, f"{name}_ms_min": spread and spread.low,
                    f"{name}_ms_max": spread and spread.high}
        figures = page.key not in ADMIN_PAGES and timing.floor and timing.floor.median >= 1
        row["cold_floor_ratio"] = round(timing.cold.median / timing.floor.median, 3) if figures else None
        rows.append(row)
        print(f"{period_name:<13}{page.key:<15}{row['cold_ms']:>9.1f}{row['warm_ms']:>9.1f}"
              f"{_ms(row['floor_ms'])}{_ms(row['summary_floor_ms'])}{_ms(row['cold_floor_ratio'], 2)}"
              f"{timing.reads:>6}  {timing.error or ''}", flush=True)
    return rows


def _ms(value, digits: int = 1) -> str:
    return f"{'—':>9}" if value is None else f"{value:>9.{digits}f}"


def main(argv: list[str] | None = None) -> int:
    """Build or reuse the benchmark database, measure, print the table and write the JSON."""
    parser = OneLineParser(prog="python -m bench", description="Measure page, query, write and memory figures")
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--scale", choices=("demo", "province"), default="demo")
    parser.add_argument("--pg-url", default=os.environ.get("PG_BENCH_URL"),
                        help="the PostgreSQL database to use (created if missing); default bench_SCALE on the local server")
    parser.add_argument("--sqlite-path", help="the SQLite file to use (default data/bench/bench_SCALE.db)")
    parser.add_argument("--json", help="write the results to this file")
    parser.add_argument("--no-browser", action="store_true", help="skip memory and browser timings (Chromium)")
    parser.add_argument("--rebuild", action="store_true", help="drop and rebuild the benchmark database")
    args = parser.parse_args(argv)
    os.environ.setdefault("AUTH_COOKIE_KEY", secrets.token_urlsafe(48))
    # AppTest runs scripts outside a server; Streamlit warns about that on every run.
    for name in ("streamlit", "streamlit.runtime.scriptrunner_utils.script_run_context",
                 "streamlit.runtime.caching.cache_data_api"):
        logging.getLogger(name).setLevel(logging.ERROR)

    engine = bench_engine(args.backend, args.scale, pg_url=args.pg_url, sqlite_path=args.sqlite_path,
                          rebuild=args.rebuild)
    actor = bench_actor(engine)
    today = dt.date.today()
    chosen = periods(engine, today)
    print(f"backend {args.backend}, scale {args.scale}; "
          + ", ".join(f"{k} {p.start}..{p.end}" for k, p in chosen.items()))
    print(f"{'period':<13}{'page':<15}{'cold ms':>9}{'warm ms':>9}{'floor':>9}{'sum.floor':>9}{'cold/fl':>9}"
          f"{'reads':>6}")
    pages = [row for name, period in chosen.items() for row in page_rows(engine, actor, name, period)]
    run = {"backend": args.backend, "scale": args.scale, "today": today.isoformat()}
    run |= _spread("write_ms", form_write_timings(engine, actor))
    print(f"entry form write (visit + 1 hazard, audit, revision): {run['write_ms']} ms", flush=True)
    if not args.no_browser:
        from bench.browser import browser_and_memory

        try:
            run |= browser_and_memory(engine, chosen["current_year"], pages)
        except Exception as exc:  # noqa: BLE001 - the rest of the bench still stands; the JSON says what failed
            run["browser_error"] = f"{exc.__class__.__name__}: {exc}"
            print(f"browser part failed: {run['browser_error']}", flush=True)
    # Last: the naive pattern's whole-table loads would otherwise dominate the process's memory.
    naive_load, naive_rerun = naive_timings(engine, chosen["current_year"], today)
    run |= _spread("naive_overview_ms", naive_load) | _spread("naive_cached_rerun_ms", naive_rerun)
    print(f"naive Overview: first load {run['naive_overview_ms']} ms, cached rerun {run['naive_cached_rerun_ms']} ms")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"pages": pages, "run": run}, out, ensure_ascii=False, indent=1)
    return 0


def _spread(name: str, spread) -> dict:
    fields = dataclasses.asdict(spread)
    return {name: fields["median"], f"{name}_min": fields["low"], f"{name}_max": fields["high"]}


if __name__ == "__main__":
    sys.exit(main())
