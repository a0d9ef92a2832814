"""`python -m db import|export|template FILE.xlsx`: exit 0 done, 1 workbook refused, 2 bad arguments or file."""
from __future__ import annotations

import argparse
import sys

from db.errors import Conflict, PermissionDenied
from db.cli_args import acting_user
from db.migrate import migrated_engine
from db.workbook.importer import import_workbook
from db.workbook.report import WorkbookRefused, WorkbookUnreadable
from db.workbook.template import write_template
from db.workbook.writer import export_workbook
from render.i18n import Translator

COMMANDS = ("import", "export", "template")


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Register the workbook subcommands on the main parser."""
    load = commands.add_parser("import", help="load a workbook (all or nothing; rows matched by their code)")
    load.add_argument("file", help="the .xlsx workbook")
    load.add_argument("--as", dest="as_user", metavar="USER", help="the admin account to record as the author")
    commands.add_parser("export", help="write every live record to a workbook").add_argument("file")
    commands.add_parser("template", help="write an empty workbook with drop-down lists and notes").add_argument("file")


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Run one workbook subcommand; returns the exit code (bad input exits 2 through `parser.error`)."""
    if args.command == "template":
        _write(parser, args.file, write_template)
        print(f"template written to {args.file}")
        return 0
    engine = migrated_engine()
    if args.command == "export":
        counts = _write(parser, args.file, lambda target: export_workbook(engine, target))
        print(f"exported to {args.file}: " + ", ".join(f"{name} {n}" for name, n in counts.items()))
        return 0
    actor = acting_user(parser, engine, args.as_user, "admin")
    try:
        result = import_workbook(engine, args.file, actor=actor, progress=_progress_line)
    except WorkbookUnreadable as exc:
        parser.error(str(exc))
    except PermissionDenied as exc:
        parser.error(f"--as: {exc}")
    except Conflict as exc:
        _end_progress_line()
        print(f"import refused: {exc.table} changed by someone else during the import; nothing was written; "
              "try again", file=sys.stderr)
        return 1
    except WorkbookRefused as exc:
        _end_progress_line()
        zh = Translator("zh")
        for error in exc.errors:
            print(f"{error.cell} 第{error.row}行 {error.column}: {zh(error.message_key, **error.params)} "
                  f"({error.message_key})")
        print(f"import refused: {len(exc.errors)} problems in {args.file}; nothing was written", file=sys.stderr)
        return 1
    _end_progress_line()
    zh = Translator("zh")
    for warning in result.warnings:
        print(f"warning: {warning.cell} 第{warning.row}行 {warning.column}: {zh(warning.message_key)} "
              f"({warning.message_key})")
    verb = "imported" if result.changed else "nothing changed in"
    print(f"{verb} {args.file}: {result.summary()}")
    return 0


def _write(parser: argparse.ArgumentParser, target: str, write):
    # Open the file first, so an unwritable path is one line before any work is done.
    try:
        with open(target, "wb") as fh:
            return write(fh)
    except OSError as exc:
        parser.error(f"cannot write {target}: {exc.strerror or exc}")


def _progress_line(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\rimporting 导入中: {done * 100 // total:3d}% ({done}/{total})", end="", file=sys.stderr, flush=True)


def _end_progress_line() -> None:
    if sys.stderr.isatty():
        print(file=sys.stderr)
