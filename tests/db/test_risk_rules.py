"""The project risk score on both backends: each rule moves the score and names itself in the reasons, windows and
caps hold at their edges, grades and targets follow the configured cut-offs."""
import datetime as dt
import json

import pytest
from sqlalchemy import select, update

from db.models import Hazard, Project
from db.risk import BY_ID, RULES, assess, grade_of, weekly_target
from tests import builders as b

D = dt.date
AS_OF = D(2024, 6, 12)                 # a Wednesday; its week starts 2024-06-10
RECENT_START = D(2024, 6, 1)           # too recent for the 4-week visit rule, so it stays out of the way


def risk_of(engine, project_id, as_of=AS_OF):
    with engine.connect() as conn:
        found = assess(conn, as_of, project_ids=[project_id])
    return found[0] if found else None


def reasons(engine, project_id, as_of=AS_OF) -> dict[str, int]:
    return {r.rule: r.points for r in risk_of(engine, project_id, as_of).reasons}


def _beyond(engine, p):
    b.dangerous_works(engine, p, start=D(2024, 6, 3), review=D(2024, 5, 20), depth_m=6)


def _unreviewed(engine, p):
    b.dangerous_works(engine, p, start=D(2024, 6, 3), review=None, depth_m=6)


def _dangerous(engine, p):
    b.dangerous_works(engine, p, start=D(2024, 6, 3), depth_m=4)


def _major(engine, p):
    b.hazard(engine, p, D(2024, 6, 3), due=D(2024, 7, 3), level="major")


def _overdue(engine, p):
    b.hazard(engine, p, D(2024, 6, 3), due=D(2024, 6, 11))


def _sent_back(engine, p):
    b.hazard(engine, p, D(2024, 6, 3), due=D(2024, 7, 3), sent_back_count=2)


def _stop_work(engine, p):
    b.enforcement(engine, p, D(2023, 6, 13), "stop_work")


def _red(engine, p):
    b.risk_point(engine, p, D(2024, 5, 1), level="major")


def _orange(engine, p):
    b.risk_point(engine, p, D(2024, 5, 1), level="high")


def _party(engine, p):
    other = b.project(engine, contractor_id=_contractor(engine, p), developer_id=_contractor(engine, p))
    b.accident(engine, other, D(2024, 2, 1))


def _few_visits(engine, p):
    with engine.begin() as conn:  # started long enough ago for the 4 weeks to count, and never visited
        conn.execute(update(Project).where(Project.id == p).values(start_date=D(2024, 1, 1)))


def _contractor(engine, project_id):
    with engine.connect() as conn:
        return conn.execute(select(Project.contractor_id).where(Project.id == project_id)).scalar_one()


SETUPS = {"beyond_scale_works": (_beyond, 8), "unreviewed_beyond_scale": (_unreviewed, 8),
          "dangerous_works": (_dangerous, 3), "open_major_hazards": (_major, 16), "overdue_hazards": (_overdue, 2),
          "sent_back_twice": (_sent_back, 4), "stop_work_12m": (_stop_work, 8), "red_risk_points": (_red, 3),
          "orange_risk_points": (_orange, 1), "party_record_12m": (_party, 3), "few_visits_4w": (_few_visits, 4)}


def test_every_published_rule_has_a_test():
    assert set(SETUPS) == {rule.id for rule in RULES}


def test_a_quiet_project_scores_zero_and_is_low(engine):
    p = b.project(engine, start=RECENT_START)
    risk = risk_of(engine, p)
    assert (risk.score, risk.level, risk.weekly_target, risk.reasons) == (0, "low", 3, ())


@pytest.mark.parametrize("rule", list(SETUPS))
def test_each_rule_moves_the_score_and_appears_in_the_reasons(engine, rule):
    p = b.project(engine, start=RECENT_START)
    setup, expected = SETUPS[rule]
    setup(engine, p)
    found = reasons(engine, p)
    assert found[rule] == expected
    assert risk_of(engine, p).score == sum(found.values())


def test_beyond_scale_without_review_counts_both_rules(engine):
    p = b.project(engine, start=RECENT_START)
    _unreviewed(engine, p)
    assert reasons(engine, p) == {"beyond_scale_works": 8, "unreviewed_beyond_scale": 8}


def test_review_after_the_start_counts_as_unreviewed(engine):
    p = b.project(engine, start=RECENT_START)
    b.dangerous_works(engine, p, start=D(2024, 6, 3), review=D(2024, 6, 4), depth_m=6)
    assert "unreviewed_beyond_scale" in reasons(engine, p)


@pytest.mark.parametrize("status, start, counted", [
    ("not_started", D(2024, 6, 3), False), ("in_progress", D(2024, 6, 13), False),
    ("in_progress", D(2024, 6, 12), True), ("accepted", D(2024, 4, 13), True),    # planned end 2024-06-12
    ("accepted", D(2024, 4, 12), False),                                         # planned end 2024-06-11
])
def test_dangerous_works_count_while_under_way(engine, status, start, counted):
    p = b.project(engine, start=RECENT_START)
    b.dangerous_works(engine, p, start=start, status=status, depth_m=4)
    assert ("dangerous_works" in reasons(engine, p)) is counted


def test_hazard_closed_by_the_day_no_longer_counts(engine):
    p = b.project(engine, start=RECENT_START)
    b.hazard(engine, p, D(2024, 6, 3), due=D(2024, 7, 3), level="major", rectified=D(2024, 6, 10), closed=AS_OF)
    b.hazard(engine, p, D(2024, 6, 3), due=D(2024, 7, 3), level="major", rectified=D(2024, 6, 10),
             closed=D(2024, 6, 13))
    assert reasons(engine, p) == {"open_major_hazards": 16}


def test_hazard_due_on_the_day_is_not_yet_overdue(engine):
    p = b.project(engine, start=RECENT_START)
    b.hazard(engine, p, D(2024, 6, 3), due=AS_OF)
    assert reasons(engine, p) == {}


@pytest.mark.parametrize("issued, counted", [(D(2023, 6, 12), False), (D(2023, 6, 13), True), (AS_OF, True),
                                             (D(2024, 6, 13), False)])
def test_stop_work_counts_for_twelve_months(engine, issued, counted):
    p = b.project(engine, start=RECENT_START)
    b.enforcement(engine, p, issued, "stop_work")
    assert ("stop_work_12m" in reasons(engine, p)) is counted


@pytest.mark.parametrize("identified, counted", [(D(2024, 3, 14), False), (D(2024, 3, 15), True), (AS_OF, True)])
def test_risk_points_count_for_ninety_days(engine, identified, counted):
    p = b.project(engine, start=RECENT_START)
    b.risk_point(engine, p, identified, level="major")
    assert ("red_risk_points" in reasons(engine, p)) is counted


@pytest.mark.parametrize("visits, counted", [(11, True), (12, False), (13, False)])
def test_few_visits_below_twelve_in_the_four_weeks_before(engine, visits, counted):
    p = b.project(engine, start=D(2024, 1, 1))
    first = D(2024, 5, 13)                               # the Monday four weeks before the as-of week
    for n in range(visits):
        b.visit(engine, p, first + dt.timedelta(days=2 * n))
    b.visit(engine, p, D(2024, 6, 10))                   # this week's visits do not count
    assert ("few_visits_4w" in reasons(engine, p)) is counted


def test_points_stop_at_the_cap(engine):
    p = b.project(engine, start=RECENT_START)
    for _ in range(6):
        _overdue(engine, p)
    reason = next(r for r in risk_of(engine, p).reasons if r.rule == "overdue_hazards")
    assert (reason.points, len(reason.items), BY_ID["overdue_hazards"].cap) == (10, 6, 10)


def test_deleted_records_do_not_count(engine):
    p = b.project(engine, start=RECENT_START)
    _major(engine, p)
    with engine.begin() as conn:
        conn.execute(update(Hazard).values(deleted_at=dt.datetime(2024, 6, 1, tzinfo=dt.timezone.utc)))
    assert reasons(engine, p) == {}


def test_only_projects_under_construction_are_assessed(engine):
    b.project(engine, start=D(2024, 6, 13))
    b.project(engine, start=D(2023, 1, 1), completion=D(2024, 6, 11))
    on_the_day = b.project(engine, start=AS_OF)
    with engine.connect() as conn:
        assert [r.project_id for r in assess(conn, AS_OF)] == [on_the_day]


@pytest.mark.parametrize("score, grade", [(0, "low"), (7, "low"), (8, "general"), (9, "general"), (15, "general"),
                                          (16, "high"), (17, "high"), (27, "high"), (28, "major"), (29, "major")])
def test_grade_cut_offs(score, grade):
    assert grade_of(score) == grade


def test_weekly_targets_by_grade():
    assert [weekly_target(g) for g in ("low", "general", "high", "major")] == [3, 3, 4, 5]


def test_configured_cut_offs_and_targets_are_used(engine, monkeypatch):
    monkeypatch.setenv("RISK_GRADE_SCORES", "2,3,4")
    monkeypatch.setenv("RISK_WEEKLY_TARGETS", "1,2,6,7")
    p = b.project(engine, start=RECENT_START)
    _dangerous(engine, p)
    risk = risk_of(engine, p)
    assert (risk.score, risk.level, risk.weekly_target) == (3, "high", 6)


def test_cli_prints_one_object_per_project_whose_reasons_add_up(engine, db_cli):
    quiet, busy = b.project(engine, start=RECENT_START), b.project(engine, start=RECENT_START)
    _major(engine, busy)
    _overdue(engine, busy)
    code, out, _ = db_cli("risk", "--as-of", AS_OF.isoformat(), "--json")
    rows = json.loads(out)
    assert code == 0 and [set(row) for row in rows] == [{"project", "score", "level", "weekly_target", "reasons"}] * 2
    first = rows[0]
    assert (first["score"], first["level"], first["weekly_target"]) == (18, "high", 4)
    assert sum(r["points"] for r in first["reasons"]) == first["score"]
    assert {r["rule"] for r in first["reasons"]} == {"open_major_hazards", "overdue_hazards"}
    assert all(r["detail"] for r in first["reasons"]) and rows[1]["reasons"] == []
    assert quiet != busy


@pytest.mark.parametrize("as_of", ["2024-02-30", "yesterday"])
def test_cli_refuses_a_bad_date_with_one_line(db_cli, as_of):
    code, out, err = db_cli("risk", "--as-of", as_of, "--json")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "--as-of" in err
