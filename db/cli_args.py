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


def acting_user(parser: argparse.ArgumentParser, engine, username: str | None, default_role: str):
    """The Actor a command writes as: the account named by --as (refused, exit 2, when unknown or disabled),
    else the operating-system user at the command line with `default_role`."""
    import getpass

    from db import users
    from db.permissions import Actor

    if username is None:
        return Actor(f"cli:{getpass.getuser()}", default_role, "command line")
    account = users.account(engine, username.strip().lower())
    if account is None:
        parser.error(f"--as: no account named {username!r}")
    if account.disabled:
        parser.error(f"--as: account {username!r} is disabled")
    return Actor(account.username, account.role, account.display_name)
