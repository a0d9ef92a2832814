"""Command line: `python -m seed demo [--today YYYY-MM-DD] [--replace]` and `python -m seed scale [...]`.

Exit codes: 0 done, 1 the database is not empty (nothing written), 2 bad arguments.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time

from db.bootstrap import is_empty
from db.cli_args import OneLineParser
from db.engine import make_engine
from db.migrate import upgrade
from seed.demo import DatabaseNotEmptyError, load_demo, table_counts
from seed.demo_common import DEMO_START
from seed.scale import ScaleSpec, load_scale

PROG = "python -m seed"
NOT_EMPTY = "the database is not empty; nothing was written (use --replace to delete its records and accounts first)"


def main(argv: list[str] | None = None) -> int:
    """Parse `argv` and run the chosen command; returns the exit code."""
    parser = OneLineParser(prog=PROG, description="Fill the supervision database with demo data")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    demo = commands.add_parser("demo", help="load the Jiujiang ETDZ demo story (2023-01-01 up to --today)")
    demo.add_argument("--today", type=demo_day, default=dt.date.today(),
                      help="the last day of the demo data, YYYY-MM-DD (default: today)")
    demo.add_argument("--replace", action="store_true",
                      help="first delete every record and user account, in the same transaction (the audit log stays)")
    scale = commands.add_parser("scale", help="load synthetic province-scale data into an empty database")
    for name, default in (("projects", 10_000), ("hazards", 1_000_000), ("visits", 3_000_000),
                          ("risk-points", 500_000), ("seed", 1)):
        scale.add_argument(f"--{name}", type=_count, default=default, help=f"default {default:,}")
    args = parser.parse_args(argv)
    if args.command == "scale":
        return _scale(ScaleSpec(projects=max(args.projects, 1), hazards=args.hazards, visits=args.visits,
                                risk_points=args.risk_points, seed=args.seed))
    return _demo(today=args.today, replace=args.replace)


def _count(text: str) -> int:
    """A whole number ≥ 0 for the scale options."""
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return value


def _scale(spec: ScaleSpec) -> int:
    engine = make_engine()
    try:
        upgrade(engine)
        if not is_empty(engine):
            print(f"{PROG}: error: the database is not empty; nothing was written", file=sys.stderr)
            return 1
        started = time.perf_counter()
        counts = load_scale(engine, spec)
        rows = ", ".join(f"{table} {n:,}" for table, n in counts.items())
        print(f"scale data loaded in {time.perf_counter() - started:.1f} s: {rows}")
        return 0
    finally:
        engine.dispose()


def demo_day(text: str) -> dt.date:
    """The --today value: an ISO date from 2023-01-01 up to the real today."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None
    if day > dt.date.today():
        raise argparse.ArgumentTypeError(f"{day.isoformat()} is in the future")
    if day < DEMO_START:
        raise argparse.ArgumentTypeError(f"the demo starts on {DEMO_START.isoformat()}")
    return day


def _demo(*, today: dt.date, replace: bool) -> int:
    engine = make_engine()
    try:
        upgrade(engine)
        if not replace and not is_empty(engine):
            print(f"{PROG}: error: {NOT_EMPTY}", file=sys.stderr)
            return 1
        started = time.perf_counter()
        try:
            load_demo(engine, today=today, replace=replace)
        except DatabaseNotEmptyError:  # filled by someone else since the check above
            print(f"{PROG}: error: {NOT_EMPTY}", file=sys.stderr)
            return 1
        elapsed = time.perf_counter() - started
        counts = ", ".join(f"{table} {n}" for table, n in table_counts(engine).items())
        print(f"demo loaded as of {today.isoformat()} into {engine.url.render_as_string(hide_password=True)} "
              f"in {elapsed:.1f} s: {counts}")
        return 0
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
