"""Enterprise records on both backends: the record's counts are the KPI code restricted to the enterprise, the
enterprise score's rules each move it, and the ranking sorts and filters."""
import datetime as dt

import pytest

from db.enterprise_risk import ENTERPRISE_RULES, enterprise_scores
from db.kpis import compute
from db.period import Period
from db.queries.enterprises import FIGURES, enterprise_figures, enterprise_record, filter_ranking, ranking
from tests import builders as b

D = dt.date
Y2024, AS_OF = Period.year(2024), D(2024, 12, 31)


def _activity(engine, project, n):
    """n of each countable record on `project` in 2024, and one outside the period."""
    for i in range(n):
        b.hazard(engine, project, D(2024, 3, 1 + i), due=D(2024, 3, 10), level="major" if i == 0 else "general",
                 rectified=D(2024, 3, 5) if i % 2 else None, closed=D(2024, 3, 6) if i % 2 else None)
        b.enforcement(engine, project, D(2024, 4, 1 + i), "stop_work" if i == 0 else "warning_interview")
        b.visit(engine, project, D(2024, 5, 1 + i))
        b.accident(engine, project, D(2024, 6, 1 + i))
    b.hazard(engine, project, D(2023, 12, 30))


@pytest.fixture
def two_firms(engine):
    """Firm A (contractor of two projects, supervisor of a third) and firm B (developer of all three, and the
    other parties of the third): every record belongs to a project of both, A's share is known."""
    a, b_firm, c = b.enterprise(engine, name="甲建工"), b.enterprise(engine, name="乙置业"), b.enterprise(engine)
    p1 = b.project(engine, developer_id=b_firm, contractor_id=a, start=D(2023, 6, 1))
    p2 = b.project(engine, developer_id=b_firm, contractor_id=a, start=D(2024, 2, 1), completion=D(2024, 11, 30))
    p3 = b.project(engine, developer_id=b_firm, contractor_id=c, supervisor_firm_id=a, start=D(2024, 3, 1))
    other = b.project(engine, developer_id=c, contractor_id=c, start=D(2024, 1, 1))
    for project, n in ((p1, 3), (p2, 2), (p3, 4), (other, 5)):
        _activity(engine, project, n)
    b.training(engine, D(2024, 7, 1), 20, enterprise_ids=[a])
    b.training(engine, D(2024, 8, 1), 20, enterprise_ids=[a, b_firm])
    b.training(engine, D(2023, 8, 1), 20, enterprise_ids=[a])
    return {"a": a, "b": b_firm, "c": c}


def figures(engine, firm):
    with engine.connect() as conn:
        return enterprise_figures(conn, enterprise_id=firm, period=Y2024, as_of=AS_OF)


def test_a_firm_party_to_every_project_has_the_kpi_figures_themselves(engine):
    firm = b.enterprise(engine)
    for start, n in ((D(2023, 6, 1), 3), (D(2024, 2, 1), 2)):
        _activity(engine, b.project(engine, developer_id=firm, contractor_id=b.enterprise(engine), start=start), n)
    b.training(engine, D(2024, 7, 1), 20, enterprise_ids=[firm])
    with engine.connect() as conn:
        kpis = compute(conn, Y2024, AS_OF).as_dict()
    assert figures(engine, firm) == {key: kpis[key] for key in FIGURES}
    assert figures(engine, b.enterprise(engine)) == {key: 0 for key in FIGURES}


def test_counts_follow_the_firms_projects_in_every_role(engine, two_firms):
    a, firm_b = figures(engine, two_firms["a"]), figures(engine, two_firms["b"])
    assert a == {**firm_b, "trainings": 2} and firm_b["trainings"] == 1
    assert (a["projects_supervised"], a["hazards_found"], a["hazards_major"], a["stop_work_orders"],
            a["warning_interviews"], a["site_visits"], a["accidents"]) == (3, 9, 3, 3, 6, 9, 9)


@pytest.mark.parametrize("key", [k for k in FIGURES if k != "trainings"])
def test_each_count_is_the_kpi_restricted_to_the_firms_projects(engine, two_firms, key):
    # B is a party to p1-p3, C to p3 and "other": B + C - (p3 counted twice) = the whole KPI.
    only_p3 = figures(engine, _p3_only_firm(engine))[key]
    with engine.connect() as conn:
        whole = compute(conn, Y2024, AS_OF).as_dict()[key]
    assert only_p3 > 0
    assert figures(engine, two_firms["b"])[key] + figures(engine, two_firms["c"])[key] - only_p3 == whole


def _p3_only_firm(engine):
    # A fresh firm made supervising firm of p3 alone.
    from sqlalchemy import select, update

    from db.models import Project
    firm = b.enterprise(engine)
    with engine.begin() as conn:
        p3 = conn.execute(select(Project.id).where(Project.supervisor_firm_id.is_not(None))).scalar_one()
        conn.execute(update(Project).where(Project.id == p3).values(supervisor_firm_id=firm))
    return firm


def test_record_lists_projects_with_roles_and_its_records(engine, two_firms):
    from sqlalchemy import select

    from db.models import Enterprise
    with engine.connect() as conn:
        code = conn.execute(select(Enterprise.credit_code).where(Enterprise.id == two_firms["a"])).scalar_one()
        record = enterprise_record(conn, credit_code=code.lower(), period=Y2024, as_of=AS_OF)
        assert enterprise_record(conn, credit_code="NOPE", period=Y2024, as_of=AS_OF) is None
    assert sorted(record["projects"]["role"]) == ["contractor", "contractor", "supervisor"]
    assert len(record["enforcement"]) == 9 and len(record["accidents"]) == 9 and len(record["trainings"]) == 3
    assert set(record["hazards"]["status"]) <= {"overdue", "open", "rectified"}


RULE_SETUPS = {
    "accidents_12m": lambda e, p: b.accident(e, p, D(2024, 6, 1)),
    "stop_work_12m": lambda e, p: b.enforcement(e, p, D(2024, 6, 1), "stop_work"),
    "warning_interviews_12m": lambda e, p: b.enforcement(e, p, D(2024, 6, 1), "warning_interview"),
    "open_major_hazards": lambda e, p: b.hazard(e, p, D(2024, 12, 1), due=D(2025, 1, 31), level="major"),
    "overdue_hazards": lambda e, p: b.hazard(e, p, D(2024, 12, 1), due=D(2024, 12, 10)),
    "sent_back_twice": lambda e, p: b.hazard(e, p, D(2024, 12, 1), due=D(2025, 1, 31), sent_back_count=2),
    "no_training_12m": None,
}


def test_every_enterprise_rule_has_a_test():
    assert set(RULE_SETUPS) == {rule.id for rule in ENTERPRISE_RULES}


@pytest.mark.parametrize("rule", list(RULE_SETUPS))
def test_each_enterprise_rule_moves_the_score(engine, rule):
    firm = b.enterprise(engine)
    project = b.project(engine, developer_id=firm, contractor_id=firm, start=D(2024, 1, 1))
    if rule != "no_training_12m":
        b.training(engine, D(2024, 3, 1), 10, enterprise_ids=[firm])
        RULE_SETUPS[rule](engine, project)
    with engine.connect() as conn:
        scored = enterprise_scores(conn, AS_OF, enterprise_ids=[firm])[firm]
    assert [r.rule for r in scored.reasons] == [rule]
    assert scored.score == sum(r.points for r in scored.reasons) > 0


@pytest.mark.parametrize("occurred, counted", [(D(2023, 12, 31), False), (D(2024, 1, 1), True)])
def test_accidents_count_for_twelve_months(engine, occurred, counted):
    firm = b.enterprise(engine)
    project = b.project(engine, developer_id=firm, contractor_id=firm, start=D(2023, 1, 1), completion=D(2024, 1, 2))
    b.accident(engine, project, occurred)
    with engine.connect() as conn:
        rules = [r.rule for r in enterprise_scores(conn, AS_OF, enterprise_ids=[firm])[firm].reasons]
    assert ("accidents_12m" in rules) is counted


def test_ranking_puts_the_highest_score_first_and_filters(engine, two_firms):
    with engine.connect() as conn:
        frame = ranking(conn, as_of=AS_OF)
    assert frame["score"].is_monotonic_decreasing and frame["score"].iloc[0] > 0 and len(frame) == 7
    assert filter_ranking(frame, search="甲")["name"].tolist() == ["甲建工"]
    assert filter_ranking(frame, kinds=("developer",)).empty
    assert set(filter_ranking(frame, levels=("low",))["level"]) <= {"low"}
