"""Each KPI of DESIGN.md on small hand-built data, with its edge cases, on both backends."""
import datetime as dt

from sqlalchemy import update

from db.kpis import KPI_KEYS, compute, eligible_weeks
from db.models import Hazard
from db.period import Period
from tests import builders as b

D = dt.date
Y2024 = Period.year(2024)


def kpis(engine, period=Y2024, as_of=D(2024, 12, 31)):
    with engine.connect() as conn:
        return compute(conn, period, as_of)


def test_empty_database_gives_zeros_and_nulls(engine):
    figures = kpis(engine).as_dict()
    assert tuple(figures) == KPI_KEYS
    nulls = {k for k, v in figures.items() if v is None}
    assert nulls == {"rectification_rate", "median_days_to_close", "patrol_compliance", "patrol_compliance_risk_based",
                     "approval_days_parallel", "approval_days_serial", "approval_cycle_reduction"}
    assert all(v == 0 for k, v in figures.items() if k not in nulls)


def test_projects_supervised_counts_overlap_with_period(engine):
    b.project(engine, start=D(2022, 1, 1), completion=D(2023, 12, 31))   # ended before
    b.project(engine, start=D(2022, 1, 1), completion=D(2024, 1, 1), is_key=True)  # ends on first day
    b.project(engine, start=D(2024, 12, 31))                              # starts on last day
    b.project(engine, start=D(2025, 1, 1))                                # starts after
    figures = kpis(engine)
    assert (figures.projects_supervised, figures.key_projects) == (2, 1)


def test_hazard_fixed_and_closed_after_as_of_is_open_and_overdue(engine):
    p = b.project(engine)
    b.hazard(engine, p, D(2024, 12, 1), due=D(2024, 12, 10), rectified=D(2025, 1, 2), closed=D(2025, 1, 5))
    figures = kpis(engine)
    assert (figures.hazards_found, figures.hazards_closed, figures.hazards_overdue) == (1, 0, 1)
    assert figures.rectification_rate == 0


def test_late_fix_reported_by_as_of_awaits_reinspection_and_is_not_overdue(engine):
    p = b.project(engine)
    b.hazard(engine, p, D(2024, 12, 1), due=D(2024, 12, 10), rectified=D(2024, 12, 20), closed=D(2025, 1, 5))
    figures = kpis(engine)
    assert (figures.hazards_found, figures.hazards_closed, figures.hazards_overdue) == (1, 0, 0)


def test_rectified_but_not_closed_is_not_closed(engine):
    p = b.project(engine)
    b.hazard(engine, p, D(2024, 6, 1), due=D(2025, 6, 1), rectified=D(2024, 6, 5))
    figures = kpis(engine)
    assert (figures.hazards_closed, figures.hazards_overdue, figures.median_days_to_close) == (0, 0, None)


def test_hazard_due_on_as_of_is_not_yet_overdue(engine):
    p = b.project(engine)
    b.hazard(engine, p, D(2024, 12, 1), due=D(2024, 12, 31))
    assert kpis(engine).hazards_overdue == 0


def test_hazards_found_outside_period_are_not_counted(engine):
    p = b.project(engine)
    b.hazard(engine, p, D(2023, 12, 31), rectified=D(2024, 1, 2), closed=D(2024, 1, 3))
    b.hazard(engine, p, D(2025, 1, 1))
    assert kpis(engine, as_of=D(2025, 6, 1)).hazards_found == 0


def test_major_hazards_and_rate(engine):
    p = b.project(engine)
    b.hazard(engine, p, D(2024, 3, 1), level="major", rectified=D(2024, 3, 5), closed=D(2024, 3, 6))
    b.hazard(engine, p, D(2024, 3, 1), due=D(2025, 3, 1))
    b.hazard(engine, p, D(2024, 3, 2), due=D(2025, 3, 1))
    b.hazard(engine, p, D(2024, 3, 3), due=D(2025, 3, 1))
    figures = kpis(engine)
    assert (figures.hazards_major, figures.hazards_closed, figures.rectification_rate) == (1, 1, 0.25)


def test_median_days_to_close_even_count_averages_the_middle_two(engine):
    p = b.project(engine)
    for days in (1, 2, 10, 40):
        found = D(2024, 2, 1)
        closed = found + dt.timedelta(days=days)
        b.hazard(engine, p, found, due=closed, rectified=closed, closed=closed)
    assert kpis(engine).median_days_to_close == 6.0


def test_median_days_to_close_odd_count_takes_the_middle(engine):
    p = b.project(engine)
    for days in (3, 1, 100):
        closed = D(2024, 2, 1) + dt.timedelta(days=days)
        b.hazard(engine, p, D(2024, 2, 1), due=closed, rectified=closed, closed=closed)
    assert kpis(engine).median_days_to_close == 3.0


def test_soft_deleted_hazards_are_not_counted(engine):
    p = b.project(engine)
    hid = b.hazard(engine, p, D(2024, 5, 1))
    b.hazard(engine, p, D(2024, 5, 2))
    with engine.begin() as conn:
        conn.execute(update(Hazard).where(Hazard.id == hid).values(deleted_at=dt.datetime(2024, 6, 1)))
    assert kpis(engine).hazards_found == 1


def test_risk_points_and_major(engine):
    p = b.project(engine)
    b.risk_point(engine, p, D(2024, 1, 1), level="major")
    b.risk_point(engine, p, D(2024, 12, 31), level="low")
    b.risk_point(engine, p, D(2025, 1, 1), level="major")
    figures = kpis(engine)
    assert (figures.risk_points, figures.risk_points_major) == (2, 1)


def test_enforcement_counts_by_kind(engine):
    p = b.project(engine)
    b.enforcement(engine, p, D(2024, 4, 1), "stop_work")
    b.enforcement(engine, p, D(2024, 4, 2), "warning_interview")
    b.enforcement(engine, p, D(2024, 4, 3), "warning_interview")
    b.enforcement(engine, p, D(2024, 4, 4), "rectification_notice")
    b.enforcement(engine, p, D(2023, 4, 4), "stop_work")
    figures = kpis(engine)
    assert (figures.stop_work_orders, figures.warning_interviews) == (1, 2)


def test_trainings_attendees_and_distinct_enterprises(engine):
    e1, e2, e3 = (b.enterprise(engine) for _ in range(3))
    b.training(engine, D(2024, 3, 1), 40, [e1, e2])
    b.training(engine, D(2024, 9, 1), 25, [e2, e3])
    b.training(engine, D(2025, 1, 1), 99, [e1])
    figures = kpis(engine)
    assert (figures.trainings, figures.attendees, figures.enterprises_trained) == (2, 65, 3)


def test_accidents_and_deaths(engine):
    p = b.project(engine)
    b.accident(engine, p, D(2024, 7, 1), deaths=2)
    b.accident(engine, p, D(2023, 7, 1), deaths=1)
    figures = kpis(engine)
    assert (figures.accidents, figures.deaths) == (1, 2)


def test_approval_means_and_reduction(engine):
    p1, p2, p3 = (b.project(engine) for _ in range(3))
    b.approval(engine, p1, "parallel", D(2024, 1, 1), D(2024, 2, 10))   # 40 days
    b.approval(engine, p2, "serial", D(2024, 1, 1), D(2024, 2, 20))     # 50 days
    b.approval(engine, p3, "serial", D(2023, 1, 1), D(2023, 12, 31))    # approved outside period
    b.approval(engine, p3, "parallel", D(2024, 11, 1), None)            # not approved
    figures = kpis(engine)
    assert (figures.approval_days_parallel, figures.approval_days_serial) == (40.0, 50.0)
    assert figures.approval_cycle_reduction == 0.2


def test_approval_reduction_is_null_without_serial(engine):
    p = b.project(engine)
    b.approval(engine, p, "parallel", D(2024, 1, 1), D(2024, 2, 10))
    assert kpis(engine).approval_cycle_reduction is None


def test_awards_count_by_year_range(engine):
    p = b.project(engine)
    b.award(engine, p, 2024)
    b.award(engine, b.project(engine), 2023)
    assert kpis(engine).awards == 1
    assert kpis(engine, Period(D(2023, 6, 1), D(2024, 3, 1))).awards == 2


def test_site_visits_counts_visits_in_period(engine):
    p = b.project(engine)
    for day in (D(2023, 12, 31), D(2024, 1, 1), D(2024, 12, 31), D(2025, 1, 1)):
        b.visit(engine, p, day)
    assert kpis(engine).site_visits == 2


def _visit_weekly(engine, project_id, mondays, per_week):
    for monday in mondays:
        for i in range(per_week):
            b.visit(engine, project_id, monday + dt.timedelta(days=i))


def test_patrol_compliance_share_of_project_weeks_with_three_visits(engine):
    period = Period(D(2024, 1, 1), D(2024, 1, 28))                       # four whole weeks
    good, poor = b.project(engine), b.project(engine)
    mondays = [D(2024, 1, 1) + dt.timedelta(weeks=w) for w in range(4)]
    _visit_weekly(engine, good, mondays, 3)
    _visit_weekly(engine, poor, mondays[:2], 3)
    _visit_weekly(engine, poor, mondays[2:], 2)
    assert kpis(engine, period, as_of=D(2024, 12, 31)).patrol_compliance == 0.75


def test_patrol_compliance_ignores_partial_weeks_at_period_edges(engine):
    period = Period(D(2024, 1, 3), D(2024, 1, 24))   # Wed .. Wed: only 8–14 and 15–21 are whole
    assert [w[0] for w in eligible_weeks(period, D(2025, 1, 1))] == [D(2024, 1, 8), D(2024, 1, 15)]
    p = b.project(engine)
    _visit_weekly(engine, p, [D(2024, 1, 8), D(2024, 1, 15)], 3)
    assert kpis(engine, period, as_of=D(2025, 1, 1)).patrol_compliance == 1.0


def test_patrol_compliance_stops_at_as_of(engine):
    p = b.project(engine)
    _visit_weekly(engine, p, [D(2024, 1, 1)], 3)   # only the first week patrolled
    period = Period(D(2024, 1, 1), D(2024, 1, 28))
    assert kpis(engine, period, as_of=D(2024, 1, 10)).patrol_compliance == 1.0
    assert kpis(engine, period, as_of=D(2024, 1, 14)).patrol_compliance == 0.5


def test_patrol_compliance_skips_weeks_outside_project_life(engine):
    # Starts on a Wednesday, completed on a Wednesday: only the whole weeks between count.
    p = b.project(engine, start=D(2024, 1, 3), completion=D(2024, 1, 24))
    _visit_weekly(engine, p, [D(2024, 1, 8), D(2024, 1, 15)], 3)
    assert kpis(engine, Period(D(2024, 1, 1), D(2024, 1, 31))).patrol_compliance == 1.0


def test_patrol_compliance_null_when_no_whole_week(engine):
    b.project(engine)
    assert kpis(engine, Period(D(2024, 1, 3), D(2024, 1, 7))).patrol_compliance is None


def test_week_monday_matches_python_for_every_weekday(engine):
    from sqlalchemy import literal, select

    from db.sqlfuncs import week_monday

    with engine.connect() as conn:
        for offset in range(14):
            day = D(2024, 12, 23) + dt.timedelta(days=offset)   # crosses a year boundary
            monday = conn.execute(select(week_monday(literal(day)))).scalar_one()
            assert str(monday) == (day - dt.timedelta(days=day.weekday())).isoformat()
