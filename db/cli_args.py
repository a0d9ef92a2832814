"""Argument parsing shared by the command lines: one-line errors, exit code 2."""
from __future__ import annotations

import argparse
import sys


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are a single line on stderr (no usage dump), exit code 2."""

    def error(self, message: str):
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        sys.exit(2)


def period_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace):
    """(Period, as-of date) from --start/--end/--as-of; a bad date or order exits 2 naming the option."""
    import datetime as dt

    from db.period import Period, PeriodError, parse_date

    try:
        period = Period.parse(args.start, args.end)
        as_of = parse_date(args.as_of, "as-of") if args.as_of else dt.date.today()
    except PeriodError as exc:
        reason = "end is before start" if exc.message_key == "errors.end_before_start" else "not a date YYYY-MM-DD"
        parser.error(f"--{exc.field}: {reason}")
    return period, as_of
