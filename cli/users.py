"""`python -m db users ...`: manage the accounts of a production database from the shell."""
from __future__ import annotations

import argparse
import getpass
import sys

from db.enums import ROLE
from db.errors import ValidationFailed
from db.migrate import migrated_engine
from db.permissions import Actor
from db.queries.admin import users_table
from db.unit_of_work import now
from db import users
from render.i18n import Translator


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Register `users` and its subcommands on the main parser."""
    parser = commands.add_parser("users", help="manage accounts")
    actions = parser.add_subparsers(dest="users_command", required=True, parser_class=type(parser))
    add = actions.add_parser("add", help="create an account")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLE.codes)
    add.add_argument("--display-name", help="name shown in the app (default: the username)")
    add.add_argument("--email")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    actions.add_parser("list", help="list accounts")
    for name, text in (("disable", "disable an account and end its sessions"), ("enable", "re-enable an account"),
                       ("unlock", "lift a lockout after failed logins")):
        actions.add_parser(name, help=text).add_argument("username")
    reset = actions.add_parser("reset-password", help="set a new password and end the user's sessions")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    role = actions.add_parser("set-role", help="change an account's role and end its sessions")
    role.add_argument("username")
    role.add_argument("--role", required=True, choices=ROLE.codes)


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Run one `users` subcommand; refused input exits 2 with one line."""
    engine = migrated_engine()
    actor = Actor(f"cli:{getpass.getuser()}", "admin", "command line")
    command = args.users_command
    try:
        if command == "list":
            print(_listing(engine))
        elif command == "add":
            password = _password(parser, args.password_stdin)
            users.create_user(engine, actor, username=args.username, role=args.role, password=password,
                              display_name=args.display_name or args.username, email=args.email)
        elif command == "reset-password":
            password = _password(parser, args.password_stdin)
            users.reset_password(engine, actor, username=args.username, password=password)
        elif command in ("disable", "enable"):
            users.set_disabled(engine, actor, username=args.username, disabled=command == "disable")
        elif command == "unlock":
            users.unlock(engine, actor, username=args.username)
        else:
            users.set_role(engine, actor, username=args.username, role=args.role)
    except ValidationFailed as exc:
        en = Translator("en")
        parser.error("; ".join(f"{e.field}: {en(e.message_key, **e.params)}" for e in exc.errors))
    if command != "list":
        print(f"{command}: {args.username}: done")
    return 0


def _password(parser: argparse.ArgumentParser, from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("New password: ")
    if getpass.getpass("Repeat the password: ") != first:
        parser.error("password: the two entries differ")
    return first


def _listing(engine) -> str:
    with engine.connect() as conn:
        table = users_table(conn, now())
    lines = [f"{'username':<24} {'role':<8} {'state':<9} {'demo':<5} display name"]
    for row in table.itertuples():
        state = "disabled" if row.disabled else "locked" if row.locked else "enabled"
        lines.append(f"{row.username:<24} {row.role:<8} {state:<9} {'yes' if row.is_demo else '':<5} "
                     f"{row.display_name}")
    return "\n".join(lines)
