"""The Jiujiang ETDZ demo story: deterministic records from 2023-01-01 up to `today`, loaded in one transaction.

The published 2024 figures of DOMAIN.md come out exactly through db.kpis for any `today`
on or after 2025-01-01. The generator lives in the seed.demo_* modules; this module
resolves codes to ids and writes everything with bulk inserts.
"""
from __future__ import annotations

import datetime as dt
import functools
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import Engine, delete, func, insert, select
from sqlalchemy.orm import Session

from db.models import (
    Accident, Approval, Award, Enforcement, Enterprise, Hazard, LedgerItem, Project, RiskPoint, SiteVisit,
    TeamMember, Training, User, training_enterprises,
)
from db.bootstrap import analyze, data_tables
from db.codes import sync as sync_codes
from db.passwords import hash_password
from db.unit_of_work import audit, writing
from seed.demo_common import DEMO_ACCOUNTS, DEMO_START
from seed.demo_documents import register_demo_documents
from seed.demo_field import annotate_visits, enforcement_rows, hazard_rows, risk_rows, visit_rows
from seed.demo_outreach import accident_rows, approval_rows, award_rows, training_rows
from seed.demo_parties import build_sites, enterprise_rows, ledger_rows, project_rows, team_rows

SEED_ACTOR = "seed"


# The event that dates each record, and the later dates that are blanked while still in the future.
EVENT_DATES = {
    "site_visits": ("visited_on", ()), "hazards": ("found_on", ("rectified_on", "closed_on")),
    "risk_points": ("identified_on", ()), "enforcements": ("issued_on", ("lifted_on",)),
    "trainings": ("held_on", ()), "approvals": ("submitted_on", ("approved_on",)), "accidents": ("occurred_on", ()),
}


class DatabaseNotEmptyError(RuntimeError):
    """The demo only fills an empty database (or replaces everything when asked to)."""


def load_demo(engine: Engine, *, today: dt.date, replace: bool = False) -> None:
    """Fill an empty, migrated database with the demo as of `today`; with `replace`, empty the data tables first."""
    tables = build_demo(today)
    hashes = demo_password_hashes()
    with writing(engine, actor=SEED_ACTOR) as session:
        deleted = _empty_data_tables(session) if replace else _refuse_if_not_empty(session)
        counts = _insert_all(session, tables, hashes)
        sync_codes(session.connection())
        counts["documents"] = register_demo_documents(session, today)
        audit(session, "seed_demo", after={"today": today.isoformat(), "rows": counts, "deleted": deleted})
    analyze(engine)


def build_demo(today: dt.date) -> dict[str, list[dict]]:
    """Every demo row as of `today`, by table, with references by code or name; no database needed."""
    if today < DEMO_START:
        raise ValueError(f"the demo starts on {DEMO_START.isoformat()}")
    years = range(DEMO_START.year, today.year + 1)
    sites = build_sites()
    enterprises = enterprise_rows()
    approvals = approval_rows(sites)
    # A project is on record from its supervision filing (the approval request) or its start, if earlier.
    registered = {a["project"]: a["submitted_on"] for a in approvals}
    on_record = {s.code for s in sites if min(s.fact.start, registered[s.code]) <= today}
    visits = visit_rows(sites, years)
    hazards = hazard_rows(visits, years)
    annotate_visits(visits, hazards)
    tables = {
        "enterprises": enterprises,
        "projects": project_rows(sites, today),
        "team_members": team_rows(sites),
        "ledger_items": ledger_rows(sites, today),
        "site_visits": visits,
        "hazards": hazards,
        "risk_points": risk_rows(visits, years),
        "enforcements": enforcement_rows(visits, hazards, sites, years),
        "trainings": training_rows(sites, [e["credit_code"] for e in enterprises], years),
        "approvals": [a for a in approvals if a["submitted_on"] >= DEMO_START],
        "accidents": accident_rows(sites),
        "awards": award_rows(sites, today),
    }
    return {name: _as_of(name, rows, today, on_record) for name, rows in tables.items()}


def _as_of(table: str, rows: list[dict], today: dt.date, on_record: set[str]) -> list[dict]:
    # Drop what has not happened yet; blank the later dates (rectified, closed, lifted...) still to come.
    event, later = EVENT_DATES.get(table, (None, ()))
    kept = []
    for row in rows:
        project = row["code"] if table == "projects" else row.get("project")
        if (project is not None and project not in on_record) or (event and row[event] > today):
            continue
        kept.append({**row, **{key: None for key in later if row[key] and row[key] > today}})
    return kept


@functools.cache
def demo_password_hashes() -> dict[str, str]:
    """The demo passwords' bcrypt hashes, computed once per process (cost 12 takes ~0.25 s each)."""
    with ThreadPoolExecutor(max_workers=len(DEMO_ACCOUNTS)) as pool:
        hashes = pool.map(hash_password, [a.password for a in DEMO_ACCOUNTS])
        return {account.username: hashed for account, hashed in zip(DEMO_ACCOUNTS, hashes, strict=True)}


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows per data table."""
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in data_tables()}


def _refuse_if_not_empty(session: Session) -> dict[str, int]:
    for table in data_tables():
        if session.execute(select(func.count()).select_from(table)).scalar_one():
            raise DatabaseNotEmptyError(f"the database is not empty (table {table.name} has rows)")
    return {}


def _empty_data_tables(session: Session) -> dict[str, int]:
    return {t.name: session.execute(delete(t)).rowcount for t in reversed(data_tables())}


def _insert_all(session: Session, tables: dict[str, list[dict]], hashes: dict[str, str]) -> dict[str, int]:
    counts = {}

    def put(model, name: str, **refs: dict) -> None:
        rows = [_resolve(row, refs) for row in tables[name]]
        if rows:
            session.execute(insert(model), rows)
        counts[name] = len(rows)

    put(Enterprise, "enterprises")
    firms = _ids(session, Enterprise.name)
    put(Project, "projects", developer=firms, contractor=firms, supervisor_firm=firms)
    projects = _ids(session, Project.code)
    put(TeamMember, "team_members", project=projects)
    put(LedgerItem, "ledger_items", project=projects)
    put(SiteVisit, "site_visits", project=projects)
    put(Hazard, "hazards", project=projects, visit=_ids(session, SiteVisit.code))
    for model, name in ((RiskPoint, "risk_points"), (Enforcement, "enforcements"), (Approval, "approvals"),
                        (Accident, "accidents"), (Award, "awards")):
        put(model, name, project=projects)
    put(Training, "trainings")
    trainings, firm_by_code = _ids(session, Training.code), _ids(session, Enterprise.credit_code)
    attendance = [{"training_id": trainings[t["code"]], "enterprise_id": firm_by_code[code]}
                  for t in tables["trainings"] for code in t["_enterprises"]]
    if attendance:
        session.execute(insert(training_enterprises), attendance)
    counts["training_enterprises"] = len(attendance)
    session.execute(insert(User), [{"username": a.username, "display_name": a.display_name, "role": a.role,
                                    "password_hash": hashes[a.username], "is_demo": True} for a in DEMO_ACCOUNTS])
    counts["users"] = len(DEMO_ACCOUNTS)
    return counts


def _ids(session: Session, key) -> dict:
    # Bulk inserts return no ids; read them back by the natural key, which is unique.
    return dict(session.execute(select(key, key.class_.id)).all())


def _resolve(row: dict, refs: dict[str, dict]) -> dict:
    # References by code or name become foreign-key ids; keys starting with "_" are the generator's own.
    values = {k: v for k, v in row.items() if not k.startswith("_") and k not in refs}
    values.update({f"{key}_id": ids[row[key]] for key, ids in refs.items()})
    values["created_by"] = SEED_ACTOR
    return values
