"""`python -m bench.import_time [--rows 100000] [--url URL]`: time importing a hazards workbook.

Generates a workbook with a few enterprises, projects and site visits and `--rows` hazards,
imports it into an empty database (a fresh SQLite file, or the migrated, empty database at
`--url`, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/import_bench), and prints the seconds.
"""
from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from db.bootstrap import is_empty
from db.cli_args import OneLineParser
from db.credit_code import make_credit_code
from db.engine import make_engine
from db.enums import CATEGORY, HAZARD_LEVEL
from db.migrate import upgrade
from db.permissions import Actor
from db.workbook import import_workbook
from db.workbook.sheets import BY_NAME

PROJECTS = 200
START = dt.date(2023, 1, 2)


def make_workbook(path: Path, rows: int, seed: int = 7) -> None:
    """A workbook of 企业, 项目 and 隐患 sheets with `rows` hazards (write-only, so it is quick to build)."""
    rng = random.Random(seed)
    book = Workbook(write_only=True)
    firms = [make_credit_code(f"91360400{n:09d}") for n in range(1, 4)]
    sheet = book.create_sheet("企业")
    sheet.append([c.label for c in BY_NAME["enterprises"].columns])
    for n, code in enumerate(firms):
        sheet.append([code, f"基准企业{n}", "施工单位"])
    sheet = book.create_sheet("项目")
    sheet.append(["项目编号", "项目名称", "建设单位", "施工单位", "项目类型", "开工日期"])
    for n in range(PROJECTS):
        sheet.append([f"BP{n:04d}", f"基准项目{n}", firms[0], firms[1], "产业项目", START])
    sheet = book.create_sheet("隐患")
    sheet.append([c.label for c in BY_NAME["hazards"].columns])
    categories = [CATEGORY.label(c) for c in CATEGORY.codes]
    for n in range(rows):
        found = START + dt.timedelta(days=rng.randrange(600))
        rectified = found + dt.timedelta(days=rng.randrange(1, 10)) if rng.random() < 0.8 else None
        closed = rectified + dt.timedelta(days=rng.randrange(0, 5)) if rectified and rng.random() < 0.9 else None
        sheet.append([f"BH{n:07d}", f"BP{rng.randrange(PROJECTS):04d}", None, found, None, rng.choice(categories),
                      HAZARD_LEVEL.label(rng.choice(HAZARD_LEVEL.codes)), "基准隐患描述",
                      found + dt.timedelta(days=7), rectified, closed])
    book.save(path)


def main(argv: list[str] | None = None) -> int:
    """Build the workbook, import it, print the timings."""
    parser = OneLineParser(prog="python -m bench.import_time", description="Time a workbook import")
    parser.add_argument("--rows", type=int, default=100_000, help="hazard rows (default 100000)")
    parser.add_argument("--url", help="an empty database URL (default: a fresh SQLite file)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workbook = Path(tmp) / "hazards.xlsx"
        started = time.perf_counter()
        make_workbook(workbook, args.rows)
        print(f"workbook with {args.rows} hazards built in {time.perf_counter() - started:.1f} s")
        engine = make_engine(args.url or f"sqlite:///{Path(tmp) / 'bench.db'}")
        upgrade(engine)
        if not is_empty(engine):
            parser.error("--url: the database is not empty")
        started = time.perf_counter()
        result = import_workbook(engine, workbook, actor=Actor("bench", "admin"))
        seconds = time.perf_counter() - started
        engine.dispose()
    print(f"{engine.dialect.name}: imported {result.created['hazards']} hazards in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
