"""Random writes through every path the app has, for the summaries' property test (one call, one write)."""
from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import delete, select, update

from db.commands.deletion import DELETABLE, delete_record, restore_record
from db.commands.hazards import close_hazard, mark_rectified, send_back
from db.commands.visits import create_visit
from db.models import Hazard, Project, Training
from db.permissions import Actor
from db.workbook import import_workbook
from tests import builders as b
from tests.db.workbook_files import set_cell, valid_sheets, write_book

BASE, TODAY = dt.date(2024, 1, 1), dt.date(2026, 11, 24)
FIRST, SECOND, ADMIN = Actor("inspector1", "staff", "李明"), Actor("inspector2", "staff", "王芳"), Actor("admin", "admin")
OPERATIONS = ("visit_with_hazards", "busy_week", "edit_project", "hazard", "edit_hazard", "rectify", "close", "send_back", "delete", "restore",
              "hard_delete", "risk_point", "enforcement", "training", "move_training", "accident", "approval",
              "award", "import")
TABLES = ("hazards", "site_visits", "risk_points", "enforcements", "trainings", "accidents", "projects")


def _day(rng: random.Random, span: int = 120) -> dt.date:
    return BASE + dt.timedelta(days=rng.randrange(span))


def _pick(engine, statement):
    with engine.connect() as conn:
        return conn.execute(statement).all()


def _project(engine, rng) -> int:
    projects = [p for (p,) in _pick(engine, select(Project.id).where(Project.deleted_at.is_(None)))]
    return rng.choice(projects) if projects else b.project(engine, start=dt.date(2023, 6, 1))


def _hazard_dates(rng) -> dict:
    found = _day(rng)
    rectified = found + dt.timedelta(days=rng.randrange(30)) if rng.random() < 0.6 else None
    closed = rectified + dt.timedelta(days=rng.randrange(10)) if rectified and rng.random() < 0.6 else None
    return {"found_on": found, "due_on": found + dt.timedelta(days=rng.randrange(20)), "rectified_on": rectified,
            "closed_on": closed, "level": rng.choice(("general", "major")),
            "domain": rng.choice(("safety", "quality"))}


def apply(engine, operation: str, rng: random.Random, tmp_path) -> None:
    """One write of kind `operation` with random values; refused writes (as the app refuses them) count too."""
    hazards = [tuple(r) for r in _pick(engine, select(Hazard.id, Hazard.version).where(Hazard.deleted_at.is_(None)))]
    hazard = rng.choice(hazards) if hazards else None
    if operation == "visit_with_hazards":
        code = _pick(engine, select(Project.code).where(Project.id == _project(engine, rng)))[0][0]
        create_visit(engine, actor=FIRST, today=TODAY, visit={"project": code, "date": _day(rng), "kind": "patrol",
                                                               "inspectors": "张三"},
                     hazards=[{"category": "scaffolding", "level": "general", "description": "x",
                               "due_on": _day(rng, 200)} for _ in range(rng.randrange(3))])
    elif operation == "busy_week":  # enough visits in one week to meet the patrol target, or nearly
        project, monday = _project(engine, rng), BASE + dt.timedelta(weeks=rng.randrange(16))
        for _ in range(rng.randrange(2, 5)):
            b.visit(engine, project, monday + dt.timedelta(days=rng.randrange(7)))
    elif operation == "edit_project":
        start = dt.date(2023, 12, 1) + dt.timedelta(days=rng.randrange(90))
        completion = start + dt.timedelta(days=rng.randrange(120)) if rng.random() < 0.6 else None
        with engine.begin() as conn:
            conn.execute(update(Project).where(Project.id == _project(engine, rng))
                         .values(start_date=start, completion_date=completion))
    elif operation == "hazard":
        dates = _hazard_dates(rng)
        b.hazard(engine, _project(engine, rng), dates.pop("found_on"), due=dates.pop("due_on"),
                 rectified=dates.pop("rectified_on"), closed=dates.pop("closed_on"), **dates)
    elif operation == "edit_hazard" and hazard:
        with engine.begin() as conn:
            conn.execute(update(Hazard).where(Hazard.id == hazard[0]).values(**_hazard_dates(rng)))
    elif operation == "rectify" and hazard:
        mark_rectified(engine, actor=FIRST, hazard_id=hazard[0], version=hazard[1], today=TODAY,
                       rectified_on=_day(rng, 200), note="已整改")
    elif operation == "close" and hazard:
        close_hazard(engine, actor=SECOND, hazard_id=hazard[0], version=hazard[1], today=TODAY,
                     closed_on=_day(rng, 240))
    elif operation == "send_back" and hazard:
        send_back(engine, actor=SECOND, hazard_id=hazard[0], version=hazard[1], reason="未整改到位")
    elif operation in ("delete", "restore", "hard_delete"):
        _delete_or_restore(engine, operation, rng.choice(TABLES), rng)
    elif operation == "risk_point":
        b.risk_point(engine, _project(engine, rng), _day(rng), level=rng.choice(("major", "high", "low")))
    elif operation == "enforcement":
        b.enforcement(engine, _project(engine, rng), _day(rng), rng.choice(("stop_work", "warning_interview")))
    elif operation == "training":
        firms = [b.enterprise(engine) for _ in range(rng.randrange(3))]
        b.training(engine, _day(rng), rng.randrange(50), firms)
    elif operation == "move_training":
        trainings = _pick(engine, select(Training.id))
        if trainings:
            with engine.begin() as conn:
                conn.execute(update(Training).where(Training.id == rng.choice(trainings)[0])
                             .values(held_on=_day(rng), attendees=rng.randrange(60)))
    elif operation == "accident":
        b.accident(engine, _project(engine, rng), _day(rng), deaths=rng.randrange(2))
    elif operation == "approval":
        submitted = _day(rng)
        approved = submitted + dt.timedelta(days=rng.randrange(40)) if rng.random() < 0.8 else None
        b.approval(engine, b.project(engine), rng.choice(("parallel", "serial")), submitted, approved)
    elif operation == "award":
        b.award(engine, _project(engine, rng), rng.choice((2023, 2024)))
    elif operation == "import":
        _import(engine, rng, tmp_path)


def _delete_or_restore(engine, operation: str, table: str, rng: random.Random) -> None:
    model = DELETABLE[table][0]
    deleted = model.deleted_at.is_not(None) if operation == "restore" else model.deleted_at.is_(None)
    rows = _pick(engine, select(model.id, model.version).where(deleted))
    if not rows:
        return
    row_id, version = rng.choice(rows)
    if operation == "delete":
        delete_record(engine, actor=FIRST, table=table, row_id=row_id, version=version, reason="重复录入")
    elif operation == "restore":
        restore_record(engine, actor=ADMIN, table=table, row_id=row_id)
    elif table == "trainings":
        with engine.begin() as conn:  # the link rows go with their session (ON DELETE CASCADE)
            conn.execute(delete(model).where(model.id == row_id))
    elif table in ("site_visits", "hazards", "accidents", "enforcements", "risk_points"):
        with engine.begin() as conn:
            if table == "site_visits":
                conn.execute(update(Hazard).where(Hazard.visit_id == row_id).values(visit_id=None))
            conn.execute(delete(model).where(model.id == row_id))


def _import(engine, rng: random.Random, tmp_path) -> None:
    # The same codes each time: a first import creates, later ones update the edited rows and relink the training.
    sheets = valid_sheets()
    found = _day(rng)
    set_cell(sheets, "隐患", 2, "发现日期", found)
    set_cell(sheets, "隐患", 2, "整改期限", found + dt.timedelta(days=rng.randrange(15)))
    set_cell(sheets, "隐患", 2, "整改完成日期", found + dt.timedelta(days=3))
    set_cell(sheets, "隐患", 2, "复查销号日期", found + dt.timedelta(days=3 + rng.randrange(5)) if rng.random() < 0.5 else None)
    set_cell(sheets, "培训", 2, "日期", _day(rng))
    set_cell(sheets, "培训", 2, "参加企业", rng.choice(("九江甲建设有限公司", "江西乙建工有限公司",
                                                  "九江甲建设有限公司；江西乙建工有限公司")))
    import_workbook(engine, write_book(tmp_path / "import.xlsx", sheets), actor=ADMIN, today=TODAY)
