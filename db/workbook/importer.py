"""Import a workbook: all or nothing, matched by code, audited, in one transaction.

Rows are checked without the database first (cells, schemas, duplicate keys), then, inside the
write transaction, references are resolved and rows matched to what is stored. Any problem
refuses the whole file with every bad cell reported; a file that changes nothing writes nothing
(no audit rows, no revision bump).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from db.dangerous_works import started_without_review
from db.permissions import ADMIN_ROLES, Actor, require
from db.unit_of_work import audit, writing
from db.codes import sync as sync_codes
from db.workbook.apply import apply_plan
from db.workbook.checking import CheckedSheet, check_sheet
from db.workbook.plan import SheetPlan, plan_sheet
from db.workbook.progress import Progress, ProgressCallback
from db.workbook.reader import read_workbook
from db.workbook.refs import Refs
from db.workbook.report import RowError, WorkbookRefused
from db.workbook.sheets import SHEETS


@dataclass
class ImportResult:
    """Rows created, updated and left as they were, by sheet name."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    # Accepted rows that still need attention (beyond-scale works started without expert review).
    warnings: list[RowError] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when the import wrote anything."""
        return any(self.created.values()) or any(self.updated.values())

    def summary(self) -> str:
        """One line: counts per sheet."""
        parts = [f"{name}: +{self.created.get(name, 0)} ~{self.updated.get(name, 0)} ={self.unchanged.get(name, 0)}"
                 for name in self.unchanged]
        return "; ".join(parts) or "no rows"


class _Unchanged(Exception):
    """Nothing to write: leave the transaction without bumping the revision."""


def import_workbook(engine: Engine, source: str | Path | IO[bytes], *, actor: Actor,
                    today: dt.date | None = None, progress: ProgressCallback | None = None) -> ImportResult:
    """Load every known sheet of `source`; WorkbookRefused (nothing written) on any invalid cell."""
    require(actor, ADMIN_ROLES, "import_workbook")
    today = today or dt.date.today()
    tracker = Progress(progress)
    sources, errors = read_workbook(source, tracker)
    rows = sum(len(s.rows) for s in sources)
    tracker.total, tracker.done = 3 * max(rows, 1), rows  # reading, the first third, was counted in bytes
    checked = {s.sheet.name: check_sheet(s, errors, today, tracker) for s in sources}
    result = ImportResult(warnings=_unreviewed_works(checked.get("ledger")))
    try:
        with writing(engine, actor) as session:
            refs = Refs(session, checked)
            plans = [plan_sheet(session, checked[s.name], refs, errors) for s in SHEETS if s.name in checked]
            if errors:
                raise WorkbookRefused(_in_order(errors))
            _count(result, plans)
            if not result.changed:
                raise _Unchanged
            for plan in plans:
                apply_plan(session, plan, refs, tracker)
            sync_codes(session.connection())
            audit(session, "import", table=None, after={"file": _name(source), "created": result.created,
                                                        "updated": result.updated})
    except _Unchanged:
        pass
    except IntegrityError as exc:  # a rule the checks above missed; the transaction was rolled back
        raise WorkbookRefused([RowError("", 0, "", "errors.database", {"detail": str(exc.orig)[:200]})]) from None
    tracker.finish()
    return result


def _unreviewed_works(ledger: CheckedSheet | None) -> list[RowError]:
    # A warning, not a refusal: the item is recorded as it is, and the office follows it up.
    if ledger is None:
        return []
    column = ledger.sheet.column("expert_review_on")
    return [ledger.source.error(row.number, column, "warnings.started_without_review")
            for row in ledger.rows
            if started_without_review("beyond_scale" if row.values["beyond_scale"] else None, row.values["status"],
                                      row.values["planned_start"], row.values["expert_review_on"])]


def _count(result: ImportResult, plans: list[SheetPlan]) -> None:
    for plan in plans:
        name = plan.checked.sheet.name
        result.created[name] = len(plan.inserts)
        result.updated[name] = len(plan.updates)
        result.unchanged[name] = plan.unchanged


def _in_order(errors: list[RowError]) -> list[RowError]:
    # The sheets' own order, then row, then column letter (A..Z, AA..).
    titles = {}
    for index, sheet in enumerate(SHEETS):
        titles[sheet.title] = titles[sheet.name] = index
    return sorted(errors, key=lambda e: (titles.get(e.sheet, len(SHEETS)), e.sheet, e.row, len(e.letter), e.letter))


def _name(source) -> str:
    return Path(source).name if isinstance(source, (str, Path)) else getattr(source, "name", "upload")
