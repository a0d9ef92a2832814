"""`python -m db summaries check|rebuild`: compare every summary with its base tables, or rebuild them all."""
from __future__ import annotations

import argparse
import time

from db.migrate import migrated_engine
from db.summaries import maintain
from db.unit_of_work import audit, writing


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Register `summaries check|rebuild` on the main parser."""
    parser = commands.add_parser("summaries", help="check or rebuild the summary tables")
    parser.add_argument("summaries_command", choices=("check", "rebuild"),
                        help="check: recompute and report differences (exit 1 if any); rebuild: recompute and store")


def run(args: argparse.Namespace) -> int:
    """Run the chosen subcommand; 1 when check found a difference."""
    engine = migrated_engine()
    started = time.perf_counter()
    if args.summaries_command == "rebuild":
        with writing(engine, "summaries") as session:
            counts = maintain.rebuild(session.connection())
            audit(session, "summaries_rebuild", after=counts)
        print(f"summaries rebuilt in {time.perf_counter() - started:.1f} s: "
              + ", ".join(f"{table} {n:,}" for table, n in counts.items()))
        return 0
    # One snapshot: a write landing mid-check must not look like a difference.
    with engine.connect() as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        differences = maintain.check(conn)
    for difference in differences:
        print(f"DIFFERENT {difference.table}: {difference.missing} rows missing, {difference.extra} extra")
        for example in difference.examples:
            print(f"    {example}")
    print(f"summaries checked in {time.perf_counter() - started:.1f} s: "
          + ("every summary equals its base tables" if not differences else f"{len(differences)} differ"))
    return 1 if differences else 0
