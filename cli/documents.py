"""`python -m db documents issue|list|verify`: the supervision documents from the command line.

issue   prints the new document's number (exit 0); a record that does not fit the type exits 1 with
        one line and issues nothing; bad arguments (type, folder, account, role) exit 2.
list    prints the register (or one type) as lines or, with --json, as a JSON array.
verify  prints the number and exits 0 when the file is byte for byte an issued document; exit 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from db import enums
from db.commands.documents import issue_document
from db.errors import PermissionDenied, ValidationFailed
from db.cli_args import acting_user
from db.migrate import migrated_engine
from db.queries.documents import register_rows, verify_file
from render.i18n import Translator

KINDS = enums.DOCUMENT_KIND.codes
JSON_FIELDS = ("number", "kind", "record_code", "project_code", "project", "issued_on", "issued_by",
               "verification_code", "sha256", "supersedes", "superseded_by")


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Register `documents` and its three subcommands on the main parser."""
    documents = commands.add_parser("documents", help="issue, list and verify supervision documents (文书)")
    verbs = documents.add_subparsers(dest="verb", required=True, parser_class=type(documents))
    issue = verbs.add_parser("issue", help="issue a document made from a record; prints its number")
    issue.add_argument("--type", required=True, choices=KINDS, dest="kind")
    issue.add_argument("--record", required=True, help="the site visit's, hazard's or enforcement record's code")
    issue.add_argument("--out", required=True, type=Path, help="the PDF file to write")
    issue.add_argument("--as", dest="as_user", metavar="USER", help="the staff or admin account issuing it")
    issue.add_argument("--correct", action="store_true",
                       help="issue a correction that supersedes the record's current document of this type")
    listing = verbs.add_parser("list", help="print the register")
    listing.add_argument("--type", choices=KINDS, dest="kind")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    verify = verbs.add_parser("verify", help="check a PDF against the register")
    verify.add_argument("file", type=Path)


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Run one documents subcommand; returns the exit code."""
    return {"issue": _issue, "list": _list, "verify": _verify}[args.verb](parser, args)


def _issue(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    # The PDF renderer (fonts, images) is imported only when a document is issued: other commands stay light.
    from render.documents import DocumentFontMissing, prepare, render_zh

    if not args.out.parent.is_dir():
        parser.error(f"--out: folder {args.out.parent} does not exist")
    engine = migrated_engine()
    actor = acting_user(parser, engine, args.as_user, "staff")
    try:
        prepare()
        issued = issue_document(engine, actor=actor, kind=args.kind, record=args.record, render=render_zh,
                                correct=args.correct)
    except PermissionDenied as exc:
        parser.error(f"--as: {exc}")
    except DocumentFontMissing as exc:
        parser.error(str(exc))
    except ValidationFailed as exc:
        zh, en = Translator("zh"), Translator("en")
        reasons = "; ".join(f"{zh(e.message_key, **e.params)} / {en(e.message_key, **e.params)}" for e in exc.errors)
        print(f"issue refused, nothing issued: {reasons}", file=sys.stderr)
        return 1
    part = args.out.with_name(args.out.name + ".part")
    part.write_bytes(issued.pdf)
    part.replace(args.out)  # never leave half a file under the requested name
    print(issued.number)
    if issued.supersedes:
        print(f"supersedes {issued.supersedes}", file=sys.stderr)
    return 0


def _list(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    with migrated_engine().connect() as conn:
        rows = register_rows(conn, kind=args.kind)
    records = [{key: _plain(row[key]) for key in JSON_FIELDS} for row in rows.to_dict("records")]
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return 0
    for r in records:
        state = f"superseded by {r['superseded_by']}" if r["superseded_by"] else "current"
        print(f"{r['number']}\t{r['kind']}\t{r['record_code']}\t{r['project_code']}\t{r['issued_on']}\t"
              f"{r['verification_code']}\t{(r['sha256'] or 'not printed yet')[:16]}\t{state}")
    print(f"{len(records)} documents", file=sys.stderr)
    return 0


def _verify(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        content = args.file.read_bytes()
    except OSError as exc:
        parser.error(f"cannot read {args.file}: {exc.strerror or exc}")
    with migrated_engine().connect() as conn:
        verdict = verify_file(conn, content)
    if verdict.genuine:
        print(verdict.number)
        if verdict.superseded_by:
            print(f"genuine, but superseded by {verdict.superseded_by}", file=sys.stderr)
        return 0
    if verdict.number:
        print(f"NOT GENUINE: the file claims to be {verdict.number} but differs from the issued document",
              file=sys.stderr)
    else:
        print("NOT GENUINE: no issued document matches this file", file=sys.stderr)
    return 1


def _plain(value):
    # Register columns come through pandas, where a column of NULLs turns into NaN.
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
