"""Writing a planned import: bulk inserts with RETURNING, versioned bulk updates, one audit row per change."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, delete, insert
from sqlalchemy.orm import Session

from db.errors import Conflict
from db.models import AuditEntry, training_enterprises
from db.unit_of_work import now
from db.workbook.plan import SheetPlan, db_key, ids_by_key
from db.workbook.progress import Progress
from db.workbook.refs import Pending, Refs, chunks

BATCH = 5_000
# The sheets other sheets refer to, and the reference target their new ids serve.
TARGETS = {"enterprises": "enterprises", "projects": "projects", "visits": "visits"}


def apply_plan(session: Session, plan: SheetPlan, refs: Refs, progress: Progress) -> None:
    """Write one sheet's inserts and updates and their audit rows."""
    actor, stamp = session.info["actor"].username, now()
    table = plan.checked.sheet.model.__table__
    audits = []
    new_ids = {}
    for batch in chunks(plan.inserts, BATCH):
        # Plain executemany (RETURNING would make SQLite insert row by row); ids are read back by key.
        values = [{**{k: refs.real(v) for k, v in row.values.items()}, "created_by": actor} for row in batch]
        session.execute(table.insert(), values)
        keys = [db_key(plan.checked, row, refs) for row in batch]
        ids = ids_by_key(session, plan.checked, keys)
        for row, key, written in zip(batch, keys, values, strict=True):
            new_ids[row.key] = ids[key]
            audits.append(_audit(actor, stamp, "create", table.name, ids[key], None, written))
        progress.advance(len(batch))
    target = TARGETS.get(plan.checked.sheet.name)
    if target:
        refs.ids[target].update({key[0]: id_ for key, id_ in new_ids.items()})
    if plan.updates:
        _update(session, plan, refs, actor, stamp)
        audits += [_audit(actor, stamp, "update", table.name, u.row_id, u.before, u.after, refs)
                   for u in plan.updates]
        progress.advance(len(plan.updates))
    if plan.checked.sheet.name == "trainings":
        _link(session, plan, refs, new_ids)
    for batch in chunks(audits, BATCH):
        session.execute(insert(AuditEntry.__table__), batch)


def _update(session: Session, plan: SheetPlan, refs: Refs, actor: str, stamp: dt.datetime) -> None:
    table = plan.checked.sheet.model.__table__
    columns = plan.columns
    statement = (table.update()
                 .where(table.c.id == bindparam("_id"), table.c.version == bindparam("_version"))
                 .values({**{c: bindparam(f"_v_{c}") for c in columns},
                          "version": table.c.version + 1, "updated_by": actor, "updated_at": stamp}))
    params = [{"_id": u.row_id, "_version": u.version,
               **{f"_v_{c}": refs.real(u.row.values[c]) for c in columns}} for u in plan.updates]
    for batch in chunks(params, BATCH):
        result = session.execute(statement, batch)
        if session.bind.dialect.supports_sane_multi_rowcount and result.rowcount != len(batch):
            raise Conflict(table.name, batch[0]["_id"], None, None)


def _link(session: Session, plan: SheetPlan, refs: Refs, new_ids: dict) -> None:
    t = training_enterprises
    if plan.relink:
        for batch in chunks(list(plan.relink)):
            session.execute(delete(t).where(t.c.training_id.in_(batch)))
    pairs = [(training, firm) for training, firms in plan.relink.items() for firm in firms]
    pairs += [(new_ids[key], firm) for key, firms in plan.links.items() if key in new_ids for firm in firms]
    rows = [{"training_id": training, "enterprise_id": refs.real(firm)} for training, firm in pairs]
    unique = list({(r["training_id"], r["enterprise_id"]): r for r in rows}.values())
    for batch in chunks(unique, BATCH):
        session.execute(insert(t), batch)


def _audit(actor: str, stamp: dt.datetime, action: str, table: str, row_id: int, before, after, refs=None) -> dict:
    return {"at": stamp, "actor": actor, "action": action, "table_name": table, "row_id": row_id,
            "before": _jsonable(before, refs), "after": _jsonable(after, refs)}


def _jsonable(values: dict | None, refs: Refs | None) -> dict | None:
    if values is None:
        return None
    out = {}
    for key, value in values.items():
        if isinstance(value, Pending) and refs is not None:
            value = refs.real(value)
        elif isinstance(value, list):
            value = [refs.real(v) if refs is not None else v for v in value]
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        out[key] = value
    return out
