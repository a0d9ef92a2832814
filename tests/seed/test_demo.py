"""The Jiujiang ETDZ demo: the published figures, determinism, dates, facts, accounts and the CLI, on both backends."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Date, and_, case, distinct, func, literal, or_, select

from db.credit_code import credit_code_problem
from db.engine import make_engine
from db.kpis import compute
from db.migrate import upgrade
from db.models import (
    Accident, Approval, AuditEntry, Award, DataRevision, Enforcement, Enterprise, Hazard, LedgerItem, Project,
    RiskPoint, SiteVisit, TeamMember, Training, User,
)
from db.passwords import verify_password
from db.period import Period
from db.sqlfuncs import days_between
from seed import demo_catalog as cat
from seed.demo import DEMO_ACCOUNTS, build_demo, load_demo
from tests import databases
from tests.conftest import DEMO_TODAY

D = dt.date
ROOT = Path(__file__).resolve().parents[2]
EARLY_TODAY = D(2025, 9, 30)  # after the 2025 accident, before the 2025 awards
Y2023, Y2024 = Period.year(2023), Period.year(2024)
PUBLISHED = [
    (Y2024, "hazards_found", 447), (Y2024, "hazards_major", 3), (Y2024, "hazards_closed", 447),
    (Y2024, "hazards_overdue", 0), (Y2024, "risk_points", 426), (Y2024, "risk_points_major", 31),
    (Y2024, "stop_work_orders", 4), (Y2024, "warning_interviews", 13), (Y2024, "accidents", 0),
    (Y2024, "patrol_compliance", 1.0), (Y2024, "approval_days_parallel", 40.0),
    (Y2024, "approval_days_serial", 50.0), (Y2024, "approval_cycle_reduction", 0.2),
    (Y2023, "accidents", 0), (Y2023, "patrol_compliance", 1.0),
]


def _database_name(prefix: str) -> str:
    # Same scheme as tests/conftest.py: checkouts and xdist workers never share a database.
    checkout = hashlib.sha1(str(Path(__file__).resolve()).encode()).hexdigest()[:6]
    return f"{prefix}_{checkout}_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"


@pytest.fixture(scope="module")
def early_demo(demo_engine, tmp_path_factory, sqlite_template):
    """The demo loaded as of EARLY_TODAY, on demo_engine's backend; tests must only read it."""
    if demo_engine.dialect.name == "sqlite":
        eng = databases.sqlite_copy(sqlite_template, tmp_path_factory.mktemp("early") / "early.db")
    else:
        eng = make_engine(databases.fresh_postgres_database(_database_name("dashboard_seed_early")))
        upgrade(eng)
    load_demo(eng, today=EARLY_TODAY)
    yield eng
    eng.dispose()


@pytest.fixture
def twin(demo_engine, request, tmp_path, sqlite_template):
    """A fresh, migrated, empty database on demo_engine's backend."""
    backend = "sqlite" if demo_engine.dialect.name == "sqlite" else "postgres"
    with databases.fresh_engine(backend, request, tmp_path / "twin.db", sqlite_template) as eng:
        yield eng


def kpis(engine, period: Period, as_of: dt.date) -> dict:
    with engine.connect() as conn:
        return compute(conn, period, as_of).as_dict()


def scalar(engine, query):
    with engine.connect() as conn:
        return conn.execute(query).scalar_one()


def hazard_checksum(engine, found_before: dt.date = dt.date.max) -> tuple:
    """Order-sensitive aggregates over every hazard column, computed by the database."""
    epoch = literal(D(2023, 1, 1), Date)

    def weighted(value):
        return func.sum(Hazard.id * value)

    def days(column):
        return func.coalesce(days_between(column, epoch), -1)

    query = select(
        func.count(), func.min(Hazard.code), func.max(Hazard.code), weighted(days(Hazard.found_on)),
        weighted(days(Hazard.due_on)), weighted(days(Hazard.rectified_on)), weighted(days(Hazard.closed_on)),
        weighted(Hazard.project_id), weighted(Hazard.visit_id), weighted(func.length(Hazard.description)),
        weighted(func.length(Hazard.category)), weighted(case((Hazard.level == "major", 1), else_=0)),
    ).where(Hazard.found_on < found_before)
    with engine.connect() as conn:
        row = conn.execute(query).one()
    return tuple(v if isinstance(v, str) else int(v) for v in row)  # PostgreSQL sums are Decimal, SQLite's floats


@pytest.mark.parametrize("period, key, expected", PUBLISHED, ids=[f"{p.start.year}-{k}" for p, k, _ in PUBLISHED])
def test_demo_reproduces_published_figure(demo_engine, period, key, expected):
    assert kpis(demo_engine, period, period.end)[key] == expected


def test_trainings_since_2023_are_30_plus_sessions_reaching_60_plus_enterprises(demo_engine):
    figures = kpis(demo_engine, Period(D(2023, 1, 1), D(2024, 12, 31)), D(2024, 12, 31))
    assert 30 <= figures["trainings"] <= 39
    assert 60 <= figures["enterprises_trained"] <= 69


def test_2024_stop_work_orders_are_on_four_different_projects(demo_engine):
    query = select(func.count(distinct(Enforcement.project_id))).where(
        Enforcement.kind == "stop_work", Enforcement.issued_on.between(D(2024, 1, 1), D(2024, 12, 31)))
    assert scalar(demo_engine, query) == 4


def test_hazards_continue_after_2024_with_some_open_awaiting_and_overdue(demo_engine):
    assert 400 <= kpis(demo_engine, Period.year(2025), DEMO_TODAY)["hazards_found"] <= 500
    open_ = and_(Hazard.rectified_on.is_(None), Hazard.due_on >= DEMO_TODAY)
    awaiting = and_(Hazard.rectified_on.is_not(None), Hazard.closed_on.is_(None))
    overdue = and_(Hazard.rectified_on.is_(None), Hazard.due_on < DEMO_TODAY)
    counts = [scalar(demo_engine, select(func.count()).where(state)) for state in (open_, awaiting, overdue)]
    assert all(n > 0 for n in counts), counts


def test_some_weeks_are_under_patrolled_from_2025(demo_engine):
    assert 0.9 <= kpis(demo_engine, Period.year(2025), DEMO_TODAY)["patrol_compliance"] < 1.0


def test_every_hazard_was_found_on_a_visit_to_its_project_that_day(demo_engine):
    mismatched = select(func.count()).select_from(Hazard).outerjoin(SiteVisit, SiteVisit.id == Hazard.visit_id).where(
        or_(SiteVisit.id.is_(None), SiteVisit.project_id != Hazard.project_id, SiteVisit.visited_on != Hazard.found_on))
    assert scalar(demo_engine, mismatched) == 0


def test_loading_twice_with_the_same_today_gives_identical_hazards(demo_engine, twin):
    load_demo(twin, today=DEMO_TODAY)
    assert hazard_checksum(twin) == hazard_checksum(demo_engine)


def test_records_before_2025_do_not_depend_on_today(demo_engine, early_demo):
    assert kpis(early_demo, Y2024, D(2024, 12, 31)) == kpis(demo_engine, Y2024, D(2024, 12, 31))
    before = D(2025, 1, 1)
    assert hazard_checksum(early_demo, before) == hazard_checksum(demo_engine, before)
    assert hazard_checksum(early_demo) != hazard_checksum(demo_engine)  # later records do depend on it


EVENT_COLUMNS = [SiteVisit.visited_on, Hazard.found_on, Hazard.rectified_on, Hazard.closed_on,
                 RiskPoint.identified_on, Enforcement.issued_on, Enforcement.lifted_on, Training.held_on,
                 Approval.submitted_on, Approval.approved_on, Accident.occurred_on, Project.completion_date]


@pytest.mark.parametrize("column", EVENT_COLUMNS, ids=lambda c: f"{c.class_.__tablename__}.{c.key}")
def test_nothing_happens_after_today_or_before_2023(early_demo, column):
    first, last = (scalar(early_demo, select(func.min(column))), scalar(early_demo, select(func.max(column))))
    assert last is not None and last <= EARLY_TODAY
    if column is not Project.completion_date:  # projects begun in 2022 finish whenever they finish
        assert first >= D(2023, 1, 1)


# Deadlines and plans may lie ahead; a project on record may not have started yet.
PLANNED = {"due_on", "planned_start", "planned_end", "start_date"}


@pytest.mark.parametrize("today", [D(2025, 1, 1), EARLY_TODAY, D(2026, 2, 28)])
def test_generated_rows_date_nothing_but_plans_after_today(today):
    late = [(table, key, value) for table, rows in build_demo(today).items() for row in rows
            for key, value in row.items() if isinstance(value, dt.date) and key not in PLANNED and value > today]
    assert late == []


def test_stop_work_order_is_still_in_force_on_the_day_it_is_issued():
    order = next(e for e in build_demo(DEMO_TODAY)["enforcements"]
                 if e["kind"] == "stop_work" and e["issued_on"] >= D(2025, 1, 1))
    assert order["lifted_on"] > order["issued_on"]
    same_day = [e for e in build_demo(order["issued_on"])["enforcements"] if e["code"] == order["code"]]
    assert [e["lifted_on"] for e in same_day] == [None]


def test_awards_and_later_plans_respect_today(early_demo):
    assert scalar(early_demo, select(func.max(Award.year))) <= EARLY_TODAY.year
    not_started = select(func.count()).where(Project.start_date > EARLY_TODAY, Project.progress_pct > 0)
    assert scalar(early_demo, not_started) == 0


def test_every_enterprise_has_a_valid_credit_code(demo_engine):
    with demo_engine.connect() as conn:
        codes = conn.execute(select(Enterprise.credit_code)).scalars().all()
    assert len(codes) >= 60
    assert {code: credit_code_problem(code) for code in codes if credit_code_problem(code)} == {}


def test_manling_park_has_its_published_facts(demo_engine):
    with demo_engine.connect() as conn:
        manling = conn.execute(select(Project).where(Project.name == cat.MANLING)).one()
    assert (manling.floor_area_m2, manling.progress_pct, manling.is_key) == (47600, 80, True)
    assert (manling.start_date.year, manling.start_date.month) == (2024, 10)


def test_honze_project_was_completed_in_2024_and_won_the_city_quality_award(demo_engine):
    with demo_engine.connect() as conn:
        completion = conn.execute(select(Project.completion_date).where(Project.name == cat.HONZE)).scalar_one()
        awards = conn.execute(select(Award.name, Award.year, Award.level).join(Project)
                              .where(Project.name == cat.HONZE)).all()
    assert completion.year == 2024
    assert awards == [("九江市优质建设工程奖", 2024, "city")]


@pytest.mark.parametrize("name, kind, is_key", [(cat.SHENGYI, "industrial", True), (cat.WATER_PLANT, "municipal", True),
                                                (cat.FIRE_STATION, "public", False)])
def test_article_projects_have_their_kind(demo_engine, name, kind, is_key):
    with demo_engine.connect() as conn:
        assert conn.execute(select(Project.kind, Project.is_key).where(Project.name == name)).one() == (kind, is_key)


def test_every_key_project_has_a_lead_an_inspector_and_an_expert(demo_engine):
    roles = select(TeamMember.project_id, func.count(distinct(TeamMember.role)).label("roles")).group_by(
        TeamMember.project_id).subquery()
    short = select(func.count()).select_from(Project).outerjoin(roles, roles.c.project_id == Project.id).where(
        Project.is_key.is_(True), func.coalesce(roles.c.roles, 0) < 3)
    assert scalar(demo_engine, short) == 0


def test_every_project_ledger_has_5_to_12_items(demo_engine):
    per_project = (select(func.count(LedgerItem.id).label("n")).select_from(Project)
                   .outerjoin(LedgerItem, LedgerItem.project_id == Project.id).group_by(Project.id).subquery())
    assert scalar(demo_engine, select(func.min(per_project.c.n))) >= 5
    assert scalar(demo_engine, select(func.max(per_project.c.n))) <= 12


def test_demo_accounts_are_flagged_and_hashed_with_bcrypt_cost_12(demo_engine):
    with demo_engine.connect() as conn:
        users = {u.username: u for u in conn.execute(select(User)).all()}
    assert set(users) == {a.username for a in DEMO_ACCOUNTS}
    assert {a.role for a in DEMO_ACCOUNTS} == {"leader", "staff", "admin", "visitor"}
    for account in DEMO_ACCOUNTS:
        user = users[account.username]
        assert user.is_demo and user.role == account.role and user.password_hash.startswith("$2b$12$")
        assert verify_password(account.password, user.password_hash)
        assert not verify_password(account.password + "x", user.password_hash)


def test_load_is_one_audited_write_stamped_by_seed(demo_engine):
    audits = select(func.count()).where(AuditEntry.action == "seed_demo", AuditEntry.actor == "seed")
    assert scalar(demo_engine, audits) == 1
    assert scalar(demo_engine, select(DataRevision.revision)) == 1
    unstamped = select(func.count()).where(or_(Hazard.created_by.is_(None), Hazard.created_by != "seed"))
    assert scalar(demo_engine, unstamped) == 0


def run_cli(database: Path, *args: str) -> subprocess.CompletedProcess:
    # A different hash seed from the test process: the demo must not depend on set or dict hashing.
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "PYTHONHASHSEED": "12345"}
    return subprocess.run([sys.executable, "-m", "seed", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def cli_database(tmp_path_factory) -> Path:
    """A SQLite file filled by `python -m seed demo --today 2025-06-30`; tests must only read it."""
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    result = run_cli(path, "demo", "--today", "2025-06-30")
    assert result.returncode == 0, result.stderr
    assert "hazards" in result.stdout
    return path


def test_cli_load_matches_the_in_process_load_before_2025(cli_database, demo_engine):
    cli_engine = make_engine(f"sqlite:///{cli_database}")
    try:
        before = D(2025, 1, 1)
        assert hazard_checksum(cli_engine, before) == hazard_checksum(demo_engine, before)
    finally:
        cli_engine.dispose()


def test_cli_refuses_a_non_empty_database_without_replace(cli_database):
    result = run_cli(cli_database, "demo", "--today", "2025-06-30")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "--replace" in result.stderr


def test_cli_replace_reloads_and_keeps_the_audit_history(cli_database, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copyfile(cli_database, copy)
    result = run_cli(copy, "demo", "--today", "2025-07-31", "--replace")
    assert result.returncode == 0, result.stderr
    engine = make_engine(f"sqlite:///{copy}")
    try:
        assert scalar(engine, select(func.count()).where(AuditEntry.action == "seed_demo")) == 2
        assert scalar(engine, select(func.max(SiteVisit.visited_on))) == D(2025, 7, 31)
        assert scalar(engine, select(func.count()).select_from(User)) == len(DEMO_ACCOUNTS)
    finally:
        engine.dispose()


@pytest.mark.parametrize("today", ["notadate", "2024-02-30", "2999-01-01", "2022-12-31"])
def test_cli_rejects_a_bad_today_with_one_line_and_exit_code_2(tmp_path, today):
    database = tmp_path / "never.db"
    result = run_cli(database, "demo", "--today", today)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "--today" in result.stderr
    assert not database.exists()
