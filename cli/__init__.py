"""The command line, `python -m db <command>`: a front end beside the pages, over the data layer.

Every command exits 0 when done, 1 when it refused the input it was given (a workbook, a report that does not
fit), 2 with one line on a bad argument.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from cli import documents, report, risk, summaries, users, workbook
from db import enums
from db.backup import backup, restore_drill
from db.cli_args import OneLineParser, period_arguments
from db.kpis import Compared, compared, compute
from db.migrate import migrated_engine
from render.formatting import format_kpi


def main(argv: list[str] | None = None) -> int:
    """Parse `argv` and run the chosen command; returns the exit code."""
    parser = OneLineParser(prog="python -m db", description="Supervision database tools")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)

    kpis = commands.add_parser("kpis", help="print the KPIs of a period")
    kpis.add_argument("--start", required=True, help="first day, YYYY-MM-DD")
    kpis.add_argument("--end", required=True, help="last day, YYYY-MM-DD")
    kpis.add_argument("--as-of", help="as-of date, YYYY-MM-DD (default today)")
    kpis.add_argument("--json", action="store_true", help="print a JSON object")
    kpis.add_argument("--compare", action="store_true",
                      help="also the previous period, as of the same relative date (none before the first record)")
    commands.add_parser("migrate", help="upgrade the schema to the newest version")
    backup_cmd = commands.add_parser("backup", help="write a consistent backup (SQLite copy or pg_dump -Fc)")
    backup_cmd.add_argument("file", type=Path)
    commands.add_parser("restore-drill", help="back up, restore into a scratch database, compare KPIs")
    users.add_parser(commands)
    summaries.add_parser(commands)
    report.add_parser(commands)
    workbook.add_parsers(commands)
    documents.add_parser(commands)
    risk.add_parsers(commands)

    args = parser.parse_args(argv)
    if args.command == "kpis":
        return _kpis(parser, args)
    if args.command in ("backup", "restore-drill"):
        return _backup(args)
    if args.command == "summaries":
        return summaries.run(args)
    if args.command == "users":
        return users.run(parser, args)
    if args.command == "report":
        return report.run(parser, args)
    if args.command in workbook.COMMANDS:
        return workbook.run(parser, args)
    if args.command == "documents":
        return documents.run(parser, args)
    if args.command in risk.COMMANDS:
        return risk.run(parser, args)
    migrated_engine()
    print("schema is up to date")
    return 0


def _kpis(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    period, as_of = period_arguments(parser, args)
    with migrated_engine().connect() as conn:
        if args.compare:
            both = compared(conn, period, as_of)
        else:
            figures = compute(conn, period, as_of).as_dict()
    if args.compare:
        print(json.dumps(both.as_dict(), ensure_ascii=False) if args.json else format_comparison(both))
    elif args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        print(format_table(figures))
    return 0


def _backup(args: argparse.Namespace) -> int:
    engine = migrated_engine()
    if args.command == "backup":
        print(f"backup written to {backup(engine, args.file)}")
        return 0
    differences = restore_drill(engine)
    for line in differences:
        print(f"DIFFERENT {line}")
    print("restore drill passed: restored copy has the same rows and KPIs" if not differences
          else f"restore drill FAILED: {len(differences)} differences")
    return 1 if differences else 0


def format_comparison(both: Compared) -> str:
    """The KPI table with a third column: the previous period's figure, or why there is none."""
    if both.against is None:
        return format_table(both.current.as_dict()) + "\nno earlier records to compare with / 无更早记录可比"
    previous = both.previous.as_dict()
    heading = f"previous / 上期: {both.against.period.start} – {both.against.period.end} as of {both.against.as_of}"
    rows = format_table(both.current.as_dict()).splitlines()
    return "\n".join([heading, *(f"{row:<64} {format_kpi(key, previous[key])}" for row, key in zip(rows, previous))])


def format_table(figures: dict) -> str:
    """A readable two-column table with zh/en labels, values formatted as on the Overview's cards."""
    return "\n".join(f"{enums.KPI.label(key, 'zh') + ' / ' + enums.KPI.label(key, 'en'):<48} {format_kpi(key, value)}"
                     for key, value in figures.items())
