"""Training reads: sessions by month and kind, totals equal to the KPIs, and enterprises not reached."""
import datetime as dt

from sqlalchemy import select, update

from db.kpis import compute
from db.models import Enterprise, Project, Training
from db.period import Period
from db.queries import training
from tests import builders as b

D = dt.date
Y2024 = Period.year(2024)


def firms_of(engine, project_id):
    with engine.connect() as conn:
        return conn.execute(select(Project.developer_id, Project.contractor_id, Project.supervisor_firm_id)
                            .where(Project.id == project_id)).one()


def name_of(engine, enterprise_id):
    with engine.connect() as conn:
        return conn.execute(select(Enterprise.name).where(Enterprise.id == enterprise_id)).scalar_one()


def test_sessions_are_counted_per_month_and_kind(engine):
    b.training(engine, D(2024, 3, 1), 20)
    b.training(engine, D(2024, 3, 20), 15)
    observation = b.training(engine, D(2024, 3, 21), 30)
    b.training(engine, D(2024, 5, 2), 10)
    b.training(engine, D(2025, 1, 2), 99)
    with engine.begin() as conn:
        conn.execute(update(Training).where(Training.id == observation).values(kind="observation"))
    with engine.connect() as conn:
        frame = training.sessions_by_month(conn, period=Y2024)
    assert frame.values.tolist() == [["2024-03", "observation", 1, 30], ["2024-03", "training", 2, 35],
                                     ["2024-05", "training", 1, 10]]


def test_totals_equal_the_kpis_and_skip_deleted_sessions(engine):
    e1, e2 = b.enterprise(engine), b.enterprise(engine)
    b.training(engine, D(2024, 3, 1), 20, [e1, e2])
    b.training(engine, D(2024, 4, 1), 5, [e1])
    gone = b.training(engine, D(2024, 5, 1), 50, [e2])
    with engine.begin() as conn:
        conn.execute(update(Training).where(Training.id == gone).values(deleted_at=dt.datetime(2024, 6, 1)))
        figures = training.totals(conn, period=Y2024)
        kpis = compute(conn, Y2024, D(2024, 12, 31))
    assert figures == {"trainings": 2, "attendees": 25, "enterprises_trained": 2}
    assert figures == {"trainings": kpis.trainings, "attendees": kpis.attendees,
                       "enterprises_trained": kpis.enterprises_trained}


def test_enterprises_on_active_projects_not_trained_are_listed(engine):
    active = b.project(engine, start=D(2024, 1, 1))
    b.project(engine, start=D(2020, 1, 1), completion=D(2023, 6, 30))   # finished: its firm does not count
    supervisor = b.enterprise(engine, kind="supervisor")
    with engine.begin() as conn:
        conn.execute(update(Project).where(Project.id == active).values(supervisor_firm_id=supervisor))
    developer, _, _ = firms_of(engine, active)
    b.training(engine, D(2024, 3, 1), 10, [developer])
    b.training(engine, D(2025, 3, 1), 10, [supervisor])                 # outside the period
    with engine.connect() as conn:
        total, reached = training.reach(conn, period=Y2024)
        missing, count = training.not_reached(conn, period=Y2024)
    assert (total, reached) == (2, 1)
    assert count == 1
    assert missing["name"].tolist() == [name_of(engine, supervisor)]


def test_not_reached_pages_by_name(engine):
    for _ in range(3):
        b.project(engine, start=D(2024, 1, 1))
    with engine.connect() as conn:
        first, total = training.not_reached(conn, period=Y2024, limit=2)
        rest, _ = training.not_reached(conn, period=Y2024, limit=2, offset=2)
    assert total == 3
    assert len(first) == 2 and len(rest) == 1
    assert first["name"].tolist() + rest["name"].tolist() == sorted([*first["name"], *rest["name"]])


def test_empty_period_has_no_sessions_and_no_firms(engine):
    with engine.connect() as conn:
        assert training.sessions_by_month(conn, period=Y2024).empty
        assert training.reach(conn, period=Y2024) == (0, 0)
