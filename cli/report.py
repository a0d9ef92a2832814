"""`python -m db report`: the leadership report of a period as PDF or Excel."""
from __future__ import annotations

import argparse
from pathlib import Path

from db.cli_args import period_arguments
from db.migrate import migrated_engine


FORMATS = ("pdf", "xlsx")


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Register `report` on the main parser."""
    report = commands.add_parser("report", help="write the leadership report of a period (PDF or Excel)")
    report.add_argument("--start", required=True, help="first day, YYYY-MM-DD")
    report.add_argument("--end", required=True, help="last day, YYYY-MM-DD")
    report.add_argument("--as-of", help="as-of date, YYYY-MM-DD (default today)")
    report.add_argument("--format", required=True, choices=FORMATS)
    report.add_argument("--lang", default="zh", choices=("zh", "en"))
    report.add_argument("--out", required=True, type=Path, help="file to write")


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Write the report; bad arguments exit 2 with one line."""
    period, as_of = period_arguments(parser, args)
    if not args.out.parent.is_dir():
        parser.error(f"--out: folder {args.out.parent} does not exist")
    # The report's layout and strings live with the UI's; imported here so other commands stay light.
    from render.i18n import Translator
    from render.report import content, pdf, xlsx

    engine = migrated_engine()
    gathered = content.gather(engine, period, as_of)
    t = Translator(args.lang)
    try:
        data = pdf.render_pdf(gathered, t) if args.format == "pdf" else xlsx.render_xlsx(gathered, t)
    except pdf.DocumentFontMissing as exc:
        parser.error(str(exc))
    tmp = args.out.with_name(args.out.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(args.out)  # never leave half a file under the requested name
    print(f"report written to {args.out} ({len(data):,} bytes)")
    return 0
