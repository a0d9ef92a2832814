"""Minimal valid rows for hand-built test data; each helper returns the new id."""
from __future__ import annotations

import datetime as dt
import itertools

from sqlalchemy import Engine, insert

from db.credit_code import make_credit_code
from db.models import (
    Accident, Approval, Award, Enforcement, Enterprise, Hazard, LedgerItem, Project, RiskPoint, SiteVisit,
    Training, training_enterprises,
)

_serial = itertools.count(1)
D = dt.date


def _insert(engine: Engine, model, **values) -> int:
    with engine.begin() as conn:
        return conn.execute(insert(model).values(**values)).inserted_primary_key[0]


def enterprise(engine: Engine, **overrides) -> int:
    n = next(_serial)
    values = {"credit_code": make_credit_code(f"91360400{n:09d}"), "name": f"企业{n}", "kind": "contractor"}
    return _insert(engine, Enterprise, **(values | overrides))


def project(engine: Engine, start=D(2023, 1, 1), completion=None, is_key=False, **overrides) -> int:
    firm = enterprise(engine)
    n = next(_serial)
    values = {"code": f"P{n}", "name": f"项目{n}", "developer_id": firm, "contractor_id": firm,
              "kind": "industrial", "is_key": is_key, "floor_area_m2": 1000, "start_date": start,
              "completion_date": completion, "progress_pct": 10}
    return _insert(engine, Project, **(values | overrides))


def visit(engine: Engine, project_id: int, on: dt.date, **overrides) -> int:
    values = {"code": f"V{next(_serial)}", "project_id": project_id, "visited_on": on,
              "kind": "patrol", "inspectors": "张三"}
    return _insert(engine, SiteVisit, **(values | overrides))


def hazard(engine: Engine, project_id: int, found: dt.date, due: dt.date | None = None,
           rectified=None, closed=None, level="general", **overrides) -> int:
    values = {"code": f"H{next(_serial)}", "project_id": project_id, "found_on": found,
              "due_on": due or found + dt.timedelta(days=7), "rectified_on": rectified, "closed_on": closed,
              "domain": "safety", "category": "work_at_height", "level": level, "description": "临边防护缺失"}
    return _insert(engine, Hazard, **(values | overrides))


def risk_point(engine: Engine, project_id: int, on: dt.date, level="moderate", **overrides) -> int:
    values = {"code": f"R{next(_serial)}", "project_id": project_id, "identified_on": on,
              "category": "scaffolding", "level": level, "description": "落地式脚手架"}
    return _insert(engine, RiskPoint, **(values | overrides))


def enforcement(engine: Engine, project_id: int, on: dt.date, kind: str, **overrides) -> int:
    values = {"code": f"E{next(_serial)}", "project_id": project_id, "issued_on": on, "kind": kind,
              "reason": "隐患整改不力"}
    return _insert(engine, Enforcement, **(values | overrides))


def training(engine: Engine, on: dt.date, attendees: int, enterprise_ids=()) -> int:
    training_id = _insert(engine, Training, code=f"T{next(_serial)}", held_on=on, kind="training",
                          title="危大工程管理培训", attendees=attendees)
    if enterprise_ids:
        with engine.begin() as conn:
            conn.execute(insert(training_enterprises),
                         [{"training_id": training_id, "enterprise_id": e} for e in enterprise_ids])
    return training_id


def approval(engine: Engine, project_id: int, mode: str, submitted: dt.date, approved: dt.date | None) -> int:
    return _insert(engine, Approval, project_id=project_id, mode=mode, submitted_on=submitted, approved_on=approved)


def accident(engine: Engine, project_id: int, on: dt.date, deaths=0) -> int:
    return _insert(engine, Accident, code=f"A{next(_serial)}", project_id=project_id, occurred_on=on,
                   level="general", deaths=deaths, injuries=1, description="高处坠落")


def award(engine: Engine, project_id: int, year: int) -> int:
    return _insert(engine, Award, project_id=project_id, name="九江市优质建设工程奖", year=year, level="city")


def dangerous_works(engine: Engine, project_id: int, kind: str = "excavation", start: dt.date = D(2024, 1, 1),
                    status: str = "in_progress", review: dt.date | None = None, **parameters) -> int:
    """A ledger item of dangerous works of `kind` with its parameters (class computed by the database's rule)."""
    from db.dangerous_works import KINDS, classify

    beyond = classify(kind, parameters).danger_class == "beyond_scale"
    return _insert(engine, LedgerItem, project_id=project_id, kind="dangerous_works", name=f"危大{next(_serial)}",
                   danger_category=KINDS[kind].category, danger_kind=kind, beyond_scale=beyond, planned_start=start,
                   planned_end=start + dt.timedelta(days=60), status=status, expert_review_on=review, **parameters)
