"""The Projects list, map and project page reads."""
import datetime as dt

from sqlalchemy import update

from db.models import Hazard, LedgerItem, Project, TeamMember
from db.queries import project_detail
from db.queries.projects import ProjectFilter, project_map, project_page
from tests import builders as b

D = dt.date
AS_OF = D(2024, 6, 30)


def page(engine, **filters):
    with engine.connect() as conn:
        return project_page(conn, where=ProjectFilter(**filters), as_of=AS_OF, limit=10)


def test_status_follows_dates_on_the_as_of_day(engine):
    b.project(engine, start=D(2023, 1, 1), completion=D(2024, 1, 1), code="DONE")
    b.project(engine, start=D(2024, 1, 1), code="BUILDING")
    b.project(engine, start=D(2024, 9, 1), code="LATER")
    rows, total = page(engine)
    assert total == 3
    assert dict(zip(rows["code"], rows["status"])) == {"DONE": "completed", "BUILDING": "active",
                                                       "LATER": "not_started"}
    assert page(engine, status="active")[0]["code"].tolist() == ["BUILDING"]


def test_open_and_overdue_hazards_are_counted_per_project(engine):
    pid = b.project(engine, code="P-H")
    b.hazard(engine, pid, D(2024, 6, 1), due=D(2024, 6, 10))                      # open, overdue
    b.hazard(engine, pid, D(2024, 6, 25), due=D(2024, 7, 5))                      # open, in time
    b.hazard(engine, pid, D(2024, 6, 1), rectified=D(2024, 6, 2), closed=D(2024, 6, 3))
    deleted = b.hazard(engine, pid, D(2024, 6, 1), due=D(2024, 6, 2))
    with engine.begin() as conn:
        conn.execute(update(Hazard).where(Hazard.id == deleted).values(deleted_at=dt.datetime(2024, 6, 5)))
    row = page(engine)[0].iloc[0]
    assert (row.open_hazards, row.overdue_hazards) == (2, 1)


def test_filters_by_search_kind_key_party_and_team_member(engine):
    firm = b.enterprise(engine, name="九江鸿泽建设有限公司")
    key = b.project(engine, code="K-1", name="曼玲食品产业园", is_key=True, developer_id=firm, contractor_id=firm)
    b.project(engine, code="O-1", name="普通仓库", kind="municipal")
    with engine.begin() as conn:
        conn.execute(TeamMember.__table__.insert().values(project_id=key, name="王小明", role="lead"))
    assert page(engine, search="曼玲")[0]["code"].tolist() == ["K-1"]
    assert page(engine, search="O-")[0]["code"].tolist() == ["O-1"]
    assert page(engine, kind="municipal")[0]["code"].tolist() == ["O-1"]
    assert page(engine, key_only=True)[0]["code"].tolist() == ["K-1"]
    assert page(engine, party="鸿泽")[0]["code"].tolist() == ["K-1"]
    assert page(engine, inspector="小明")[0]["code"].tolist() == ["K-1"]
    assert page(engine, search="没有这个")[1] == 0


def test_list_is_paginated_with_the_full_count(engine):
    for n in range(13):
        b.project(engine, code=f"PG-{n:02d}")
    with engine.connect() as conn:
        rows, total = project_page(conn, where=ProjectFilter(), as_of=AS_OF, limit=10, offset=10)
    assert (len(rows), total) == (3, 13)


def test_map_holds_only_located_projects(engine):
    b.project(engine, code="LOC", lon=115.9, lat=29.7)
    b.project(engine, code="NOWHERE")
    with engine.connect() as conn:
        sites, located = project_map(conn, where=ProjectFilter(), as_of=AS_OF)
    assert sites["code"].tolist() == ["LOC"] and located == 1


def test_project_hazards_list_overdue_first_then_open_then_closed(engine):
    pid = b.project(engine)
    b.hazard(engine, pid, D(2024, 6, 20), rectified=D(2024, 6, 21), closed=D(2024, 6, 22), code="CLOSED")
    b.hazard(engine, pid, D(2024, 6, 25), due=D(2024, 7, 5), code="OPEN")
    b.hazard(engine, pid, D(2024, 5, 1), due=D(2024, 5, 8), code="OVERDUE")
    b.hazard(engine, pid, D(2024, 6, 1), rectified=D(2024, 6, 2), code="RECTIFIED")
    with engine.connect() as conn:
        rows = project_detail.hazards(conn, project_id=pid, as_of=AS_OF)
    assert rows["code"].tolist() == ["OVERDUE", "OPEN", "RECTIFIED", "CLOSED"]
    assert rows["status"].tolist() == ["overdue", "open", "rectified", "closed"]


def test_ledger_item_is_late_when_planned_end_passed_before_acceptance(engine):
    pid = b.project(engine)
    items = [("late", "in_progress", D(2024, 6, 1)), ("accepted", "accepted", D(2024, 6, 1)),
             ("future", "not_started", D(2024, 12, 1))]
    with engine.begin() as conn:
        conn.execute(LedgerItem.__table__.insert(), [
            {"project_id": pid, "kind": "key_process", "name": name, "status": status, "planned_end": end,
             "beyond_scale": False} for name, status, end in items])
    with engine.connect() as conn:
        ledger = project_detail.ledger(conn, project_id=pid, as_of=AS_OF)
    assert dict(zip(ledger["name"], ledger["late"].astype(bool))) == {"late": True, "accepted": False,
                                                                      "future": False}


def test_deleted_project_has_no_page(engine):
    pid = b.project(engine, code="GONE")
    with engine.begin() as conn:
        conn.execute(update(Project).where(Project.id == pid).values(deleted_at=dt.datetime(2024, 1, 1)))
    with engine.connect() as conn:
        assert project_detail.project_facts(conn, code="GONE", as_of=AS_OF) is None


def test_approvals_report_their_cycle_days(engine):
    pid = b.project(engine)
    b.approval(engine, pid, "parallel", D(2024, 1, 1), D(2024, 1, 31))
    b.approval(engine, pid, "serial", D(2024, 2, 1), None)
    with engine.connect() as conn:
        rows = project_detail.approvals(conn, project_id=pid)
    assert rows["days"].tolist()[0] == 30 and rows["days"].isna().tolist() == [False, True]
