"""patrol_compliance_risk_based: each project-week against the target of the grade on its Monday, on both backends."""
import datetime as dt
import json

import pandas as pd
from sqlalchemy import select

from db.kpis import KPI_KEYS, compute, eligible_weeks, project_active_in_week
from db.period import Period
from db.risk_weeks import week_cells
from tests import builders as b

D = dt.date
MAY = Period(D(2024, 4, 29), D(2024, 6, 2))           # five whole ISO weeks: Mondays 04-29 … 05-27
MONDAYS = [D(2024, 4, 29), D(2024, 5, 6), D(2024, 5, 13), D(2024, 5, 20), D(2024, 5, 27)]


def patrolled(engine, start=D(2024, 1, 1), per_week=3, weeks=MONDAYS, extra=()):
    """A project visited `per_week` times in each of `weeks` (and in the four weeks before the first)."""
    p = b.project(engine, start=start)
    before = [weeks[0] - dt.timedelta(weeks=n) for n in range(1, 5)]
    for monday in [*before, *weeks]:
        for day in range(per_week + (monday in extra)):
            b.visit(engine, p, monday + dt.timedelta(days=day))
    return p


def targets(engine, period=MAY) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(select(week_cells(eligible_weeks(period, period.end), project_active_in_week)
                                   .subquery())).mappings().all()
    return {str(pd.Timestamp(r["monday"]).date()): r["target"] for r in rows}


def kpis(engine, period=MAY):
    with engine.connect() as conn:
        return compute(conn, period, period.end)


def test_no_weeks_gives_null_and_the_key_is_in_the_kpi_table(engine):
    figures = kpis(engine, Period(D(2024, 5, 1), D(2024, 5, 4)))
    assert figures.patrol_compliance_risk_based is None
    assert KPI_KEYS.index("patrol_compliance_risk_based") == KPI_KEYS.index("patrol_compliance") + 1


def test_low_risk_project_with_three_visits_a_week_complies(engine):
    patrolled(engine)
    assert (kpis(engine).patrol_compliance, kpis(engine).patrol_compliance_risk_based) == (1.0, 1.0)


def test_target_changes_the_week_the_risk_changes_and_compliance_follows(engine):
    p = patrolled(engine)
    # A major hazard found on Monday 05-06 and closed on Monday 05-20: high risk (16 points) for two weeks.
    b.hazard(engine, p, D(2024, 5, 6), due=D(2024, 5, 30), level="major", rectified=D(2024, 5, 17),
             closed=D(2024, 5, 20))
    assert targets(engine) == {"2024-04-29": 3, "2024-05-06": 4, "2024-05-13": 4, "2024-05-20": 3, "2024-05-27": 3}
    figures = kpis(engine)
    assert (figures.patrol_compliance, figures.patrol_compliance_risk_based) == (1.0, 0.6)


def test_meeting_the_raised_target_restores_compliance(engine):
    p = patrolled(engine, extra={D(2024, 5, 6), D(2024, 5, 13)})
    b.hazard(engine, p, D(2024, 5, 6), due=D(2024, 5, 30), level="major", rectified=D(2024, 5, 17),
             closed=D(2024, 5, 20))
    assert kpis(engine).patrol_compliance_risk_based == 1.0


def test_a_change_during_the_week_sets_the_target_from_the_next_monday(engine):
    p = patrolled(engine)
    b.hazard(engine, p, D(2024, 5, 8), due=D(2024, 6, 30), level="major")   # a Wednesday, open to the end
    assert targets(engine) == {"2024-04-29": 3, "2024-05-06": 3, "2024-05-13": 4, "2024-05-20": 4, "2024-05-27": 4}


def test_beyond_scale_works_raise_the_target_while_under_way(engine):
    p = patrolled(engine)
    b.dangerous_works(engine, p, start=D(2024, 5, 13), review=None, depth_m=7)   # unreviewed: 16 points, high
    assert targets(engine)["2024-05-06"] == 3 and targets(engine)["2024-05-13"] == 4


def test_major_grade_needs_five_visits(engine):
    p = patrolled(engine, per_week=4)
    for _ in range(2):
        b.hazard(engine, p, D(2024, 4, 29), due=D(2024, 6, 30), level="major")   # 32 points: major from 04-29
    assert set(targets(engine).values()) == {5}
    assert kpis(engine).patrol_compliance_risk_based == 0.0


def test_weeks_outside_the_project_are_not_counted(engine):
    patrolled(engine, start=D(2024, 5, 14))   # active from the week of 05-20
    assert list(targets(engine)) == ["2024-05-20", "2024-05-27"]


def test_kpis_cli_prints_the_new_key(engine, db_cli):
    patrolled(engine)
    code, out, _ = db_cli("kpis", "--start", "2024-04-29", "--end", "2024-06-02", "--as-of", "2024-06-02", "--json")
    figures = json.loads(out)
    assert code == 0 and tuple(figures) == KPI_KEYS and figures["patrol_compliance_risk_based"] == 1.0
