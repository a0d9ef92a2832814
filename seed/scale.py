"""Synthetic province-scale data (`python -m seed scale`): millions of rows with realistic shapes.

Projects start over the years before `today` and run one to three years; visits come
about three a week while a project is active (a few weeks fall short); hazards are
mostly general, closed after a skewed number of days, and the recent ones still open.
Rows are generated lazily and loaded with COPY (PostgreSQL) or executemany (SQLite), with the summaries' triggers
suspended and every summary rebuilt in the same transaction.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from db import enums
from db.bootstrap import analyze, data_tables, is_empty
from db.codes import sync as sync_codes
from db.credit_code import ALPHABET, make_credit_code
from db.summaries import maintain
from db.unit_of_work import audit, writing
from seed.bulk import bulk_insert
from seed.demo_common import person_name
from seed.progress import progress
from seed.scale_extras import load_extras

DAY = dt.timedelta(days=1)
HAZARD_LEVELS = (("general", 0.99), ("major", 0.01))
RISK_LEVELS = (("major", 0.07), ("high", 0.18), ("moderate", 0.40), ("low", 0.35))
VISIT_KINDS = (("patrol", 0.7), ("spot_check", 0.15), ("resident", 0.1), ("special", 0.05))
PROJECT_KINDS = (("industrial", 0.6), ("municipal", 0.2), ("public", 0.15), ("other", 0.05))


@dataclass(frozen=True)
class ScaleSpec:
    projects: int = 10_000
    hazards: int = 1_000_000
    visits: int = 3_000_000
    risk_points: int = 500_000
    seed: int = 1
    today: dt.date = dt.date.today()


@dataclass(frozen=True)
class Life:
    start: dt.date
    completion: dt.date | None
    last_event: dt.date

    @property
    def days(self) -> int:
        return (self.last_event - self.start).days + 1


def load_scale(engine: Engine, spec: ScaleSpec) -> dict[str, int]:
    """Fill an empty, migrated database with synthetic data; one transaction, one audit row."""
    if not is_empty(engine):
        raise ValueError("the database is not empty")
    rng = random.Random(spec.seed)
    lives = [_life(rng, spec.today) for _ in range(spec.projects)]
    total_days = sum(life.days for life in lives)
    firms = spec.projects // 2 + 100
    inspectors = [person_name(rng) for _ in range(max(50, spec.projects // 5))]
    counts = {}
    with writing(engine, actor="seed") as session, maintain.suspended(session.connection()):
        # Triggers per row would keep the summaries exact row by row; one GROUP BY each at the end is faster.
        conn = session.connection()
        counts["enterprises"] = _load(conn, "enterprises", ("id", "credit_code", "name", "kind", "created_by"),
                                      _enterprises(firms), firms)
        counts["projects"] = _load(conn, "projects", PROJECT_COLUMNS, _projects(rng, lives, firms, spec.today),
                                   spec.projects)
        counts["site_visits"] = _load(conn, "site_visits", VISIT_COLUMNS,
                                      _visits(rng, lives, spec.visits, total_days, inspectors), spec.visits)
        counts["hazards"] = _load(conn, "hazards", HAZARD_COLUMNS,
                                  _hazards(rng, lives, spec.hazards, total_days, spec.today), spec.hazards)
        counts["risk_points"] = _load(conn, "risk_points", RISK_COLUMNS,
                                      _risk_points(rng, lives, spec.risk_points, total_days), spec.risk_points)
        counts.update(load_extras(conn, rng, lives, spec.today))
        _advance_sequences(conn)
        sync_codes(conn)
        audit(session, "seed_scale", after={"seed": spec.seed, "today": spec.today.isoformat(), "rows": counts})
    analyze(engine)
    return counts


def _load(conn: Connection, table: str, columns, rows: Iterator[tuple], expected: int) -> int:
    return bulk_insert(conn, table, columns, progress(rows, expected, table))


def _pick(rng: random.Random, weighted) -> str:
    codes, weights = zip(*weighted)
    return rng.choices(codes, weights)[0]


def _life(rng: random.Random, today: dt.date) -> Life:
    start = today - rng.randrange(30, 4 * 365) * DAY
    end = start + rng.randrange(200, 1100) * DAY
    completion = end if end <= today else None
    return Life(start, completion, min(end, today))


def _enterprises(count: int) -> Iterator[tuple]:
    kinds = ("developer", "contractor", "supervisor", "designer")
    for i in range(1, count + 1):
        body = "".join(ALPHABET[(i // 31 ** k) % 31] for k in range(9))
        yield i, make_credit_code("91360000" + body), f"江西省第{i:05d}建设有限公司", kinds[i % 4], "seed"


PROJECT_COLUMNS = ("id", "code", "name", "developer_id", "contractor_id", "supervisor_firm_id", "kind", "is_key",
                   "floor_area_m2", "start_date", "completion_date", "progress_pct", "lon", "lat", "created_by")


def _projects(rng: random.Random, lives: list[Life], firms: int, today: dt.date) -> Iterator[tuple]:
    for i, life in enumerate(lives, 1):
        elapsed = (min(today, life.last_event) - life.start).days
        planned = (life.completion or life.start + 1100 * DAY) - life.start
        progress_pct = 100.0 if life.completion else round(min(95.0, 100 * elapsed / max(planned.days, 1)), 1)
        yield (i, f"S{i:06d}", f"产业项目{i:05d}", rng.randrange(1, firms + 1), rng.randrange(1, firms + 1),
               rng.randrange(1, firms + 1), _pick(rng, PROJECT_KINDS), rng.random() < 0.1,
               round(rng.uniform(2_000, 150_000), -2), life.start, life.completion, progress_pct,
               round(rng.uniform(113.6, 118.4), 5), round(rng.uniform(24.6, 29.9), 5), "seed")


VISIT_COLUMNS = ("code", "project_id", "visited_on", "kind", "inspectors", "created_by")


def _visits(rng, lives, total, total_days, inspectors) -> Iterator[tuple]:
    # About total/total_days visits per project-day, drawn week by week; ~5% of weeks fall short.
    per_week, n = 7 * total / total_days, 0
    for project_id, life in enumerate(lives, 1):
        week = life.start
        while week <= life.last_event:
            count = int(per_week) + (rng.random() < per_week % 1) - (rng.random() < 0.05) * rng.randint(1, 2)
            span = min(7, (life.last_event - week).days + 1)
            for _ in range(max(count, 0)):
                n += 1
                yield (f"V{n:08d}", project_id, week + rng.randrange(span) * DAY, _pick(rng, VISIT_KINDS),
                       "、".join(rng.sample(inspectors, 2)), "seed")
            week += 7 * DAY


HAZARD_COLUMNS = ("code", "project_id", "found_on", "domain", "category", "level", "description", "due_on",
                  "rectified_on", "closed_on", "created_by")


def _hazards(rng, lives, total, total_days, today) -> Iterator[tuple]:
    categories = enums.CATEGORY.codes
    for n, (project_id, life) in enumerate(_spread(rng, lives, total, total_days), 1):
        found = life.start + rng.randrange(life.days) * DAY
        level = _pick(rng, HAZARD_LEVELS)
        due = found + (rng.randrange(30, 61) if level == "major" else rng.randrange(3, 31)) * DAY
        rectified = found + int(rng.lognormvariate(1.9, 0.7)) * DAY
        closed = rectified + rng.randrange(0, 6) * DAY
        if rectified > today or rng.random() < 0.02:  # still open, some long past their deadline
            rectified = closed = None
        elif closed > today:
            closed = None
        category = rng.choice(categories)
        yield (f"H{n:08d}", project_id, found, enums.CATEGORY_DOMAIN[category], category, level,
               "现场检查发现的隐患", due, rectified, closed, "seed")


RISK_COLUMNS = ("code", "project_id", "identified_on", "category", "level", "description", "created_by")


def _risk_points(rng, lives, total, total_days) -> Iterator[tuple]:
    categories = enums.CATEGORY.codes
    for n, (project_id, life) in enumerate(_spread(rng, lives, total, total_days), 1):
        yield (f"R{n:08d}", project_id, life.start + rng.randrange(life.days) * DAY, rng.choice(categories),
               _pick(rng, RISK_LEVELS), "施工现场风险点", "seed")


def _spread(rng, lives, total, total_days) -> Iterator[tuple[int, Life]]:
    """(project id, life) `total` times, each project in proportion to its active days."""
    for project_id, life in enumerate(lives, 1):
        share = total * life.days / total_days
        for _ in range(int(share) + (rng.random() < share % 1)):
            yield project_id, life


def _advance_sequences(conn: Connection) -> None:
    # Explicit ids bypass PostgreSQL's identity sequences; move them past the loaded rows.
    if conn.dialect.name != "postgresql":
        return
    for table in data_tables():
        if "id" in table.c:
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                              f"COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"))
