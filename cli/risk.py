"""`python -m db risk` (every project's risk score on a date) and `python -m db dangerous-works classify`."""
from __future__ import annotations

import argparse
import datetime as dt
import json

from db import dangerous_works as dw
from db.migrate import migrated_engine
from db.period import PeriodError, parse_date
from db.risk import RISK_GRADE, assess
from render.i18n import Translator
from render.risk_text import reason_detail

COMMANDS = ("risk", "dangerous-works")


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Register `risk` and `dangerous-works classify` on the main parser."""
    risk = commands.add_parser("risk", help="every project under construction on a date: score, grade, target, reasons")
    risk.add_argument("--as-of", help="the date, YYYY-MM-DD (default today)")
    risk.add_argument("--json", action="store_true", help="print a JSON list")
    risk.add_argument("--lang", default="en", choices=("zh", "en"), help="language of the reasons' details")
    works = commands.add_parser("dangerous-works", help="works of greater danger (建办质〔2018〕31号)")
    verbs = works.add_subparsers(dest="verb", required=True, parser_class=type(works))
    classify = verbs.add_parser("classify", help="none, dangerous or beyond scale, from the parameters")
    classify.add_argument("--kind", required=True, choices=tuple(dw.KINDS))
    for name in dw.PARAMETERS:
        classify.add_argument(f"--{name.replace('_', '-')}", dest=name, type=float, metavar="X")
    classify.add_argument("--json", action="store_true", help="print a JSON object")
    classify.add_argument("--lang", default="en", choices=("zh", "en"), help="language of the basis")


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Run `risk` or `dangerous-works classify`; bad arguments exit 2 with one line."""
    return _risk(parser, args) if args.command == "risk" else _classify(parser, args)


def _risk(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        as_of = parse_date(args.as_of, "as-of") if args.as_of else dt.date.today()
    except PeriodError:
        parser.error("--as-of: not a date YYYY-MM-DD")
    t = Translator(args.lang)
    with migrated_engine().connect() as conn:
        assessed = assess(conn, as_of)
    rows = [{"project": r.code, "score": r.score, "level": r.level, "weekly_target": r.weekly_target,
             "reasons": [{"rule": reason.rule, "points": reason.points, "detail": reason_detail(reason, t)}
                         for reason in r.reasons]} for r in assessed]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    for row in rows:
        grade = f"{RISK_GRADE.label(row['level'], 'zh')} / {RISK_GRADE.label(row['level'], 'en')}"
        print(f"{row['project']:<14} {row['score']:>4}  {grade:<20} {row['weekly_target']}/week  "
              + "; ".join(f"{r['rule']} +{r['points']}" for r in row["reasons"]))
    print(f"{len(rows)} projects under construction on {as_of.isoformat()}")
    return 0


def _classify(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    values = {name: getattr(args, name) for name in dw.PARAMETERS}
    try:
        result = dw.classify(args.kind, values)
    except dw.ParameterProblem as problem:
        option = "--" + problem.field.replace("_", "-")
        reason = "must not be negative" if problem.message_key == "errors.out_of_range" else f"needed for {args.kind}"
        parser.error(f"{option}: {reason}")
    if args.json:
        print(json.dumps({"class": result.danger_class, "basis": result.text(args.lang)}, ensure_ascii=False))
    else:
        print(f"{dw.DANGER_CLASS.label(result.danger_class, args.lang)}: {result.text(args.lang)}")
    return 0
