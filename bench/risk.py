"""`python -m bench.risk --url URL`: how long risk-based supervision takes on a database (e.g. province scale).

Times the whole `python -m db risk --json` command (a fresh process: imports included), the assessment alone
in-process, and the year's risk-based patrol KPI; best of `--repeat` runs.
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time

from db.cli_args import OneLineParser
from db.engine import make_engine
from db.kpis import patrol_compliance, patrol_compliance_risk_based
from db.period import Period
from db.risk import assess


def best(run, repeat: int) -> tuple[float, object]:
    """The fastest of `repeat` runs of `run()` in seconds, and its result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return min(times), result


def main(argv: list[str] | None = None) -> int:
    """Measure and print one line per figure."""
    parser = OneLineParser(prog="python -m bench.risk", description="Time the risk score and the risk-based KPI")
    parser.add_argument("--url", required=True, help="database URL (e.g. the province-scale bench database)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    engine, today = make_engine(args.url), dt.date.today()
    env = {**os.environ, "DATABASE_URL": args.url}
    command = [sys.executable, "-m", "db", "risk", "--json"]
    cli, _ = best(lambda: subprocess.run(command, env=env, capture_output=True, check=True), args.repeat)
    with engine.connect() as conn:
        alone, assessed = best(lambda: assess(conn, today), args.repeat)
        year = Period.year(today.year)
        base, _ = best(lambda: patrol_compliance(conn, year, today), args.repeat)
        risk_based, share = best(lambda: patrol_compliance_risk_based(conn, year, today), args.repeat)
    print(f"{engine.dialect.name}: {len(assessed):,} projects under construction on {today}")
    print(f"python -m db risk --json (whole command): {cli:.2f} s; assess() alone: {alone:.2f} s")
    print(f"patrol_compliance {year.start.year}: {base:.2f} s; patrol_compliance_risk_based: {risk_based:.2f} s "
          f"(= {share})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
