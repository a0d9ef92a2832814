"""The patrol_weeks summary always equals the raw count of live visits per project and week."""
import datetime as dt

from sqlalchemy import func, select, update

from db.models import PatrolWeek, SiteVisit
from db.sqlfuncs import week_monday
from tests import builders as b

D = dt.date


def summary(engine) -> dict:
    with engine.connect() as conn:
        rows = conn.execute(select(PatrolWeek.project_id, PatrolWeek.monday, PatrolWeek.visits)
                            .where(PatrolWeek.visits > 0)).all()
    return {(p, str(m)): n for p, m, n in rows}


def raw(engine) -> dict:
    monday = week_monday(SiteVisit.visited_on)
    with engine.connect() as conn:
        rows = conn.execute(select(SiteVisit.project_id, monday, func.count())
                            .where(SiteVisit.deleted_at.is_(None)).group_by(SiteVisit.project_id, monday)).all()
    return {(p, str(m)): n for p, m, n in rows}


def test_summary_follows_inserts_moves_and_soft_deletes(engine):
    p1, p2 = b.project(engine), b.project(engine)
    visits = [b.visit(engine, p1, D(2024, 3, 4) + dt.timedelta(days=i)) for i in range(8)]
    b.visit(engine, p2, D(2024, 3, 10))
    assert summary(engine) == raw(engine) and summary(engine)[(p1, "2024-03-04")] == 7
    with engine.begin() as conn:
        conn.execute(update(SiteVisit).where(SiteVisit.id == visits[0]).values(visited_on=D(2024, 2, 1)))
        conn.execute(update(SiteVisit).where(SiteVisit.id == visits[1]).values(project_id=p2))
        conn.execute(update(SiteVisit).where(SiteVisit.id == visits[2]).values(deleted_at=dt.datetime(2024, 4, 1)))
    assert summary(engine) == raw(engine)
    assert summary(engine)[(p1, "2024-03-04")] == 4


def test_summary_follows_restore_and_hard_delete(engine):
    from sqlalchemy import delete

    p = b.project(engine)
    visit = b.visit(engine, p, D(2024, 5, 6), deleted_at=dt.datetime(2024, 5, 7))
    assert summary(engine) == raw(engine) == {}
    with engine.begin() as conn:
        conn.execute(update(SiteVisit).where(SiteVisit.id == visit).values(deleted_at=None))
    assert summary(engine) == raw(engine) == {(p, "2024-05-06"): 1}
    with engine.begin() as conn:
        conn.execute(delete(SiteVisit).where(SiteVisit.id == visit))
    assert summary(engine) == raw(engine) == {}


def test_summary_equals_raw_on_the_demo(demo_engine):
    assert summary(demo_engine) == raw(demo_engine)
