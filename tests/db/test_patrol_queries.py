"""Patrol reads: heatmap cells, weekly compliance and the visit log, on both backends."""
import datetime as dt

from sqlalchemy import select, update

from db.kpis import compute
from db.models import Project, SiteVisit
from db.period import Period
from db.queries import patrols
from tests import builders as b

D = dt.date
MARCH = Period(D(2024, 3, 4), D(2024, 3, 17))        # two whole ISO weeks: 4–10 and 11–17 March
AS_OF = D(2024, 12, 31)


def visits(engine, project_id, days, **overrides):
    return [b.visit(engine, project_id, day, **overrides) for day in days]


def grid(engine, period=MARCH, limit=40):
    with engine.connect() as conn:
        return patrols.compliance_grid(conn, period=period, as_of=AS_OF, limit=limit)


def weekly(engine, period=MARCH, as_of=AS_OF):
    with engine.connect() as conn:
        return patrols.weekly_compliance(conn, period=period, as_of=as_of)


def test_three_visits_is_green_and_two_is_red(engine):
    p = b.project(engine, start=D(2024, 1, 1))
    visits(engine, p, [D(2024, 3, 4), D(2024, 3, 6), D(2024, 3, 10)])
    visits(engine, p, [D(2024, 3, 11), D(2024, 3, 17)])
    cells, total = grid(engine)
    assert total == 1
    assert cells[["visits", "status"]].values.tolist() == [[3, "compliant"], [2, "short"]]
    assert [str(m) for m in cells["monday"]] == ["2024-03-04", "2024-03-11"]


def test_week_before_the_project_started_is_grey(engine):
    p = b.project(engine, start=D(2024, 3, 11))
    visits(engine, p, [D(2024, 3, 5)] * 3)
    cells, _ = grid(engine)
    assert cells["status"].tolist() == ["inactive", "short"]


def test_soft_deleted_visit_does_not_count(engine):
    p = b.project(engine, start=D(2024, 1, 1))
    ids = visits(engine, p, [D(2024, 3, 4), D(2024, 3, 5), D(2024, 3, 6)])
    with engine.begin() as conn:
        conn.execute(update(SiteVisit).where(SiteVisit.id == ids[0]).values(deleted_at=dt.datetime(2024, 4, 1)))
    cells, _ = grid(engine)
    assert cells.iloc[0]["status"] == "short"


def test_worst_projects_come_first_and_the_rest_are_counted(engine):
    good, bad, middling = (b.project(engine, start=D(2024, 1, 1)) for _ in range(3))
    visits(engine, good, [D(2024, 3, 4)] * 3 + [D(2024, 3, 11)] * 3)
    visits(engine, middling, [D(2024, 3, 4)] * 3)
    cells, total = grid(engine, limit=2)
    assert total == 3
    assert cells.drop_duplicates("rank")["code"].tolist() == [code_of(engine, bad), code_of(engine, middling)]


def code_of(engine, project_id):
    with engine.connect() as conn:
        return conn.execute(select(Project.code).where(Project.id == project_id)).scalar_one()


def test_weekly_shares_add_up_to_the_kpi(engine):
    p1, p2 = b.project(engine, start=D(2024, 1, 1)), b.project(engine, start=D(2024, 3, 11))
    visits(engine, p1, [D(2024, 3, 4)] * 3 + [D(2024, 3, 12)])
    visits(engine, p2, [D(2024, 3, 12)] * 4)
    frame = weekly(engine)
    assert frame["active"].tolist() == [1, 2]
    assert frame["compliant"].tolist() == [1, 1]
    assert frame["share"].tolist() == [1.0, 0.5]
    with engine.connect() as conn:
        expected = compute(conn, MARCH, AS_OF).patrol_compliance
    assert round(frame["compliant"].sum() / frame["active"].sum(), 4) == expected


def test_no_whole_week_gives_empty_results(engine):
    b.project(engine, start=D(2024, 1, 1))
    short = Period(D(2024, 3, 5), D(2024, 3, 9))
    assert weekly(engine, period=short).empty
    assert grid(engine, period=short)[1] == 0


def test_visit_log_filters_by_project_and_kind_and_pages(engine):
    p1, p2 = b.project(engine), b.project(engine)
    visits(engine, p1, [D(2024, 3, 4), D(2024, 3, 5), D(2024, 3, 6)])
    visits(engine, p1, [D(2024, 3, 7)], kind="special")
    visits(engine, p2, [D(2024, 3, 8)])
    visits(engine, p1, [D(2025, 1, 8)])
    with engine.connect() as conn:
        everything, total = patrols.visit_log(conn, period=MARCH)
        mine, mine_total = patrols.visit_log(conn, period=MARCH, project_code=code_of(engine, p1), kind="patrol",
                                             limit=2, offset=0)
        second, _ = patrols.visit_log(conn, period=MARCH, project_code=code_of(engine, p1), kind="patrol",
                                      limit=2, offset=2)
    assert total == 5 and len(everything) == 5
    assert mine_total == 3
    assert [str(d) for d in mine["visited_on"]] == ["2024-03-06", "2024-03-05"]
    assert [str(d) for d in second["visited_on"]] == ["2024-03-04"]


def test_visit_log_counts_every_match_exactly_from_visit_days(engine):
    p = b.project(engine)
    visits(engine, p, [D(2024, 3, 4)] * 5 + [D(2024, 4, 1)])
    with engine.connect() as conn:
        _, every = patrols.visit_log(conn, period=MARCH)
        _, patrol = patrols.visit_log(conn, period=MARCH, kind="patrol")
        _, special = patrols.visit_log(conn, period=MARCH, kind="special")
    assert (every, patrol, special) == (5, 5, 0)


def test_project_choices_add_a_named_project_outside_the_period(engine):
    b.project(engine, start=D(2024, 1, 1))
    old = b.project(engine, start=D(2020, 1, 1), completion=D(2021, 1, 1))
    with engine.connect() as conn:
        plain = patrols.project_choices(conn, period=MARCH)
        named = patrols.project_choices(conn, period=MARCH, including=code_of(engine, old))
        unknown = patrols.project_choices(conn, period=MARCH, including="NO-SUCH")
    assert len(plain) == 1 and len(unknown) == 1
    assert [code for code, _ in named] == [plain[0][0], code_of(engine, old)]
