"""The hot KPI queries are answered from indexes, not by scanning the big tables (SQLite's planner
is deterministic enough to pin; PostgreSQL's depends on table statistics, see bench.explain)."""
import datetime as dt

from harness.plans import kpi_plans
from db.engine import make_engine
from db.migrate import upgrade
from db.period import Period
from tests import builders as b

BIG_TABLES = ("hazards", "site_visits", "risk_points")


def test_kpi_queries_never_scan_a_big_table(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'plans.db'}")
    upgrade(engine)
    b.hazard(engine, b.project(engine), dt.date(2024, 3, 1))
    plans = kpi_plans(engine, Period.year(2024), dt.date(2024, 12, 31))
    assert plans, "no statement was recorded: the recorder is broken"
    scans = [line for _, plan in plans for line in plan
             if any(f"SCAN {table}" in line and "INDEX" not in line for table in BIG_TABLES)]
    assert scans == []
