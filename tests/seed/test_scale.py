"""The synthetic scale generator: sizes, dates, determinism, and a database that still takes new rows."""
import datetime as dt

import pytest
from sqlalchemy import func, insert, select

from db.models import Hazard, Project, SiteVisit
from seed.scale import ScaleSpec, load_scale
from tests import builders as b

TODAY = dt.date(2026, 11, 24)
SMALL = ScaleSpec(projects=40, hazards=2_000, visits=6_000, risk_points=500, seed=7, today=TODAY)


def test_loads_about_the_requested_sizes(engine):
    counts = load_scale(engine, SMALL)
    assert counts["projects"] == 40
    assert abs(counts["hazards"] - 2_000) <= 40
    assert abs(counts["site_visits"] - 6_000) <= 600
    assert abs(counts["risk_points"] - 500) <= 40


def test_nothing_happens_after_today(engine):
    load_scale(engine, SMALL)
    with engine.connect() as conn:
        assert conn.execute(select(func.max(SiteVisit.visited_on))).scalar_one() <= TODAY
        assert conn.execute(select(func.max(Hazard.closed_on))).scalar_one() <= TODAY
        assert conn.execute(select(func.max(Project.start_date))).scalar_one() <= TODAY


def test_same_seed_same_rows(engine, tmp_path, sqlite_template):
    from tests.databases import sqlite_copy

    other = sqlite_copy(sqlite_template, tmp_path / "other.db")
    load_scale(engine, SMALL)
    load_scale(other, SMALL)
    query = select(func.count(), func.sum(Hazard.project_id), func.min(Hazard.found_on), func.max(Hazard.due_on))
    with engine.connect() as a, other.connect() as c:
        assert tuple(a.execute(query).one()) == tuple(c.execute(query).one())


def test_new_rows_get_fresh_ids_after_a_load(engine):
    load_scale(engine, SMALL)
    project_id = b.project(engine)
    assert project_id > 40
    with engine.begin() as conn:
        conn.execute(insert(SiteVisit).values(code="NEW1", project_id=project_id, visited_on=TODAY,
                                              kind="patrol", inspectors="张三"))


def test_refuses_a_database_with_records(engine):
    b.project(engine)
    with pytest.raises(ValueError, match="not empty"):
        load_scale(engine, SMALL)


def test_summaries_are_exact_after_the_bulk_load_and_their_triggers_back(engine):
    from db.summaries import maintain

    load_scale(engine, SMALL)
    project = b.project(engine)
    b.hazard(engine, project, dt.date(2026, 1, 5), rectified=dt.date(2026, 1, 7), closed=dt.date(2026, 1, 8))
    with engine.connect() as conn:
        assert maintain.check(conn) == []
        closings = conn.exec_driver_sql("SELECT sum(hazards) FROM hazard_closings").scalar_one()
        closed = conn.execute(select(func.count()).where(Hazard.closed_on.is_not(None))).scalar_one()
    assert closings == closed  # the hazard added after the load went through the restored trigger
