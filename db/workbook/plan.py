"""Planning an import inside its transaction: resolve references, match rows by key, decide insert/update/keep."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from db.models import Enterprise, training_enterprises
from db.workbook.checking import CheckedSheet, Row
from db.workbook.refs import UNKNOWN, Pending, Refs, chunks
from db.workbook.report import RowError


@dataclass
class Update:
    """A matched row whose values differ: its id and version as read, and the changed columns."""

    row_id: int
    version: int
    before: dict
    after: dict
    row: Row


@dataclass
class SheetPlan:
    """What writing one sheet will do."""

    checked: CheckedSheet
    columns: tuple[str, ...]
    inserts: list[Row] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    unchanged: int = 0
    # Trainings: enterprise ids per training key, and the existing trainings whose list changed.
    links: dict = field(default_factory=dict)
    relink: dict = field(default_factory=dict)

    @property
    def changes(self) -> int:
        """Rows inserted or updated."""
        return len(self.inserts) + len(self.updates)


def plan_sheet(session: Session, checked: CheckedSheet, refs: Refs, errors: list[RowError]) -> SheetPlan:
    """Resolve, match and diff the valid rows of one sheet."""
    sheet, source = checked.sheet, checked.source
    present = {c.db_column for c in sheet.columns if c.field in source.present and c.db_column}
    if sheet.name == "hazards":
        present.add("domain")  # always derived from the category
    plan = SheetPlan(checked, tuple(sorted(present)))
    rows = [row for row in checked.rows if _resolve(row, checked, refs, errors)]
    existing = _existing(session, checked, rows, present)
    if sheet.name == "trainings":
        plan.links = {row.key: row.refs.get("enterprises") or [] for row in rows}
        old_links = _old_links(session, [e["id"] for e in existing.values()])
    for row in rows:
        found = existing.get(_db_key(checked, row))
        if found is None:
            plan.inserts.append(row)
            continue
        if found["deleted_at"] is not None:
            errors.append(source.error(row.number, sheet.key_column, "errors.deleted_record"))
            continue
        before = {c: found[c] for c in present if found[c] != row.values[c]}
        if sheet.name == "trainings" and "enterprises" in source.present:
            wanted = plan.links[row.key]
            if sorted(map(str, wanted)) != sorted(map(str, old_links.get(found["id"], []))):
                plan.relink[found["id"]] = wanted
                before.setdefault("enterprises", sorted(old_links.get(found["id"], [])))
        if before:
            after = {c: row.values.get(c, plan.links.get(row.key)) for c in before}
            plan.updates.append(Update(found["id"], found["version"], before, after, row))
        else:
            plan.unchanged += 1
    if sheet.name == "enterprises":
        _check_names(session, checked, rows, errors)
    return plan


def _resolve(row: Row, checked: CheckedSheet, refs: Refs, errors: list[RowError]) -> bool:
    # Replace reference texts by ids (or Pending) in row.values; report names that match nothing.
    ok = True
    for column in checked.sheet.columns:
        if not column.is_ref or column.field not in row.refs:
            continue
        text = row.refs[column.field]
        target = column.cell.target
        if isinstance(text, list):
            resolved = [refs.resolve(target, item) for item in text]
            for item, found in zip(text, resolved):
                if found is None:
                    errors.append(checked.source.error(row.number, column, UNKNOWN[target], name=item))
                    ok = False
            row.refs[column.field] = resolved
            continue
        found = None if text is None else refs.resolve(target, text)
        if text is not None and found is None:
            errors.append(checked.source.error(row.number, column, UNKNOWN[target], name=text))
            ok = False
        row.values[column.db_column] = found
    if ok and checked.sheet.name == "visits":
        refs.visit_project[row.key[0]] = row.values["project_id"]
    project = row.values.get("project_id")
    visit_project = refs.visit_project.get(row.refs.get("visit"), project)
    if ok and checked.sheet.name == "hazards" and row.values.get("visit_id") is not None and visit_project != project:
        errors.append(checked.source.error(row.number, checked.sheet.column("visit"), "errors.visit_other_project"))
        ok = False
    return ok


def _db_key(checked: CheckedSheet, row: Row) -> tuple:
    key = checked.sheet.key
    return tuple(row.values["project_id"] if f == "project" else row.key[i] for i, f in enumerate(key))


def db_key(checked: CheckedSheet, row: Row, refs: Refs) -> tuple:
    """The row's key as stored (project reference as the project's id), once its references are written."""
    return tuple(refs.real(part) for part in _db_key(checked, row))


def key_columns(checked: CheckedSheet) -> list:
    """The table columns holding the sheet's key, in key order."""
    table = checked.sheet.model.__table__
    return [table.c["project_id" if f == "project" else checked.sheet.column(f).db_column] for f in checked.sheet.key]


def ids_by_key(session: Session, checked: CheckedSheet, keys: list[tuple]) -> dict[tuple, int]:
    """The ids of the rows with `keys` (stored keys), read back after a bulk insert."""
    table, columns = checked.sheet.model.__table__, key_columns(checked)
    found = {}
    for batch in chunks(keys):
        condition = columns[0].in_([k[0] for k in batch]) if len(columns) == 1 else tuple_(*columns).in_(batch)
        for row in session.execute(select(*columns, table.c.id).where(condition)):
            found[tuple(row[:-1])] = row[-1]
    return found


def _existing(session: Session, checked: CheckedSheet, rows: list[Row], present: set[str]) -> dict:
    # The database rows (live or deleted) with the keys of `rows`, by key, with the columns to compare.
    table = checked.sheet.model.__table__
    keys = key_columns(checked)
    wanted = {_db_key(checked, row) for row in rows}
    wanted = [k for k in wanted if not any(isinstance(part, Pending) for part in k)]
    selected = [table.c.id, table.c.version, table.c.deleted_at, *keys,
                *(table.c[c] for c in sorted(present))]
    found = {}
    for batch in chunks(sorted(wanted, key=str)):
        condition = keys[0].in_([k[0] for k in batch]) if len(keys) == 1 else tuple_(*keys).in_(batch)
        for mapping in session.execute(select(*selected).where(condition)).mappings():
            found[tuple(mapping[c.name] for c in keys)] = dict(mapping)
    return found


def _old_links(session: Session, training_ids: list[int]) -> dict[int, list[int]]:
    links: dict[int, list[int]] = {}
    t = training_enterprises.c
    for batch in chunks(training_ids):
        for training, firm in session.execute(select(t.training_id, t.enterprise_id).where(t.training_id.in_(batch))):
            links.setdefault(training, []).append(firm)
    return links


def _check_names(session: Session, checked: CheckedSheet, rows: list[Row], errors: list[RowError]) -> None:
    # Enterprise names are unique: refuse a name held by another credit code, in the file or the database
    # (unless this file renames that other enterprise).
    owner = dict(session.execute(select(Enterprise.name, Enterprise.credit_code)).all())
    new_name = {row.key[0]: row.values["name"] for row in rows}
    first_code: dict[str, str] = {}
    for row in rows:
        name, code = row.values["name"], row.key[0]
        holder = owner.get(name)
        clash_in_file = first_code.setdefault(name, code) != code
        clash_in_db = holder not in (None, code) and new_name.get(holder, name) == name
        if clash_in_file or clash_in_db:
            errors.append(checked.source.error(row.number, checked.sheet.column("name"), "errors.duplicate_name"))
