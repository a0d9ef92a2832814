"""`python -m bench.explain --backend sqlite|postgres [--scale province]`: the plans of the hot queries.

Runs the KPI computation (every Overview figure) while recording its SQL, then asks the database
how it executes each statement, so an index a query needs and does not get shows up here.
"""
from __future__ import annotations

import datetime as dt
import sys

from bench.databases import bench_engine
from harness.plans import kpi_plans
from db.cli_args import OneLineParser
from db.period import Period


def main(argv: list[str] | None = None) -> int:
    """Print each hot statement and its plan."""
    parser = OneLineParser(prog="python -m bench.explain", description="Query plans of the KPI queries")
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--scale", choices=("demo", "province"), default="demo")
    parser.add_argument("--pg-url", help="the PostgreSQL database to use (default bench_SCALE on the local server)")
    args = parser.parse_args(argv)
    engine = bench_engine(args.backend, args.scale, pg_url=args.pg_url)
    for statement, plan in kpi_plans(engine, Period.year(dt.date.today().year), dt.date.today()):
        print(" ".join(statement.split())[:160])
        for line in plan:
            print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
