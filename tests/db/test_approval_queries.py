"""Approval reads: cycle bins, means equal to the KPIs, and the per-project timeline."""
import datetime as dt

from sqlalchemy import update

from db.kpis import compute
from db.models import Approval
from db.period import Period
from db.queries import approvals
from tests import builders as b

D = dt.date
Y2024 = Period.year(2024)


def test_mean_cycle_days_per_mode_equal_the_kpis(engine):
    p1, p2, p3 = (b.project(engine) for _ in range(3))
    b.approval(engine, p1, "parallel", D(2024, 1, 1), D(2024, 1, 21))     # 20 days
    b.approval(engine, p2, "parallel", D(2024, 2, 1), D(2024, 3, 2))      # 30 days (leap year)
    b.approval(engine, p1, "serial", D(2024, 1, 1), D(2024, 2, 10))       # 40 days
    b.approval(engine, p3, "serial", D(2023, 11, 1), D(2023, 12, 1))      # approved before the period
    b.approval(engine, p2, "serial", D(2024, 12, 1), None)                # pending
    with engine.connect() as conn:
        means = approvals.cycle_means(conn, period=Y2024).set_index("mode")
        kpis = compute(conn, Y2024, D(2024, 12, 31))
    assert means.loc["parallel", "mean_days"] == 25.0
    assert means.loc["serial", "mean_days"] == 40.0
    assert means["approvals"].to_dict() == {"parallel": 2, "serial": 1}
    assert (means.loc["parallel", "mean_days"], means.loc["serial", "mean_days"]) == (
        kpis.approval_days_parallel, kpis.approval_days_serial)


def test_cycles_are_binned_by_whole_bins(engine):
    p1, p2, p3 = (b.project(engine) for _ in range(3))
    b.approval(engine, p1, "parallel", D(2024, 1, 1), D(2024, 1, 10))     # 9 days -> [0, 10)
    b.approval(engine, p2, "parallel", D(2024, 1, 1), D(2024, 1, 11))     # 10 days -> [10, 20)
    b.approval(engine, p3, "parallel", D(2024, 1, 1), D(2024, 1, 20))     # 19 days -> [10, 20)
    b.approval(engine, p1, "serial", D(2024, 1, 1), D(2024, 1, 1))        # same day -> [0, 10)
    with engine.connect() as conn:
        bins = approvals.cycle_bins(conn, period=Y2024, bin_days=10)
    assert bins.values.tolist() == [["parallel", 0, 10, 1], ["serial", 0, 10, 1], ["parallel", 10, 20, 2]]


def test_deleted_approvals_are_left_out(engine):
    p = b.project(engine)
    gone = b.approval(engine, p, "parallel", D(2024, 1, 1), D(2024, 1, 10))
    with engine.begin() as conn:
        conn.execute(update(Approval).where(Approval.id == gone).values(deleted_at=dt.datetime(2024, 2, 1)))
        assert approvals.cycle_means(conn, period=Y2024).empty
        assert approvals.cycle_bins(conn, period=Y2024).empty


def test_timeline_pages_by_project_keeping_both_modes_together(engine):
    projects = [b.project(engine, code=f"T-{n}") for n in range(3)]
    for p in projects:
        b.approval(engine, p, "parallel", D(2024, 1, 1), D(2024, 1, 31))
    b.approval(engine, projects[0], "serial", D(2024, 1, 1), D(2024, 2, 15))
    with engine.connect() as conn:
        first, total = approvals.timeline(conn, period=Y2024, limit=2)
        last, _ = approvals.timeline(conn, period=Y2024, limit=2, offset=2)
    assert total == 3
    assert first[["code", "mode", "days"]].values.tolist() == [
        ["T-0", "parallel", 30], ["T-0", "serial", 45], ["T-1", "parallel", 30]]
    assert last["code"].tolist() == ["T-2"]
