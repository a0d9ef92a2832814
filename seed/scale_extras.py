"""What the province-scale data adds beyond visits and hazards, so the risk rules have something to weigh:
each project's works of greater danger with their parameters, enforcement and a few accidents."""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from sqlalchemy import Connection

from db.dangerous_works import KINDS, PARAMETERS, classify
from seed.bulk import bulk_insert

DAY = dt.timedelta(days=1)
# Parameter ranges wide enough to give every class: none, dangerous and beyond scale.
RANGES = {"depth_m": (1.5, 12.0), "height_m": (3.0, 60.0), "span_m": (4.0, 45.0), "load_kn_m2": (3.0, 18.0),
          "line_load_kn_m": (5.0, 24.0), "lift_kn": (5.0, 160.0)}
LEDGER_COLUMNS = ("project_id", "kind", "name", "danger_category", "beyond_scale", "planned_start", "planned_end",
                  "status", "danger_kind", *PARAMETERS, "expert_review_on", "created_by")
ENFORCEMENT_COLUMNS = ("code", "project_id", "issued_on", "kind", "reason", "lifted_on", "created_by")
ACCIDENT_COLUMNS = ("code", "project_id", "occurred_on", "level", "deaths", "injuries", "description", "created_by")
STOP_WORK_SHARE, INTERVIEWS_PER_PROJECT, ACCIDENT_SHARE, UNREVIEWED_SHARE = 0.25, 0.8, 0.02, 0.1


def load_extras(conn: Connection, rng: random.Random, lives: list, today: dt.date) -> dict[str, int]:
    """Insert ledgers, enforcement and accidents for the projects of `lives` (ids 1..n); counts per table."""
    return {
        "ledger_items": bulk_insert(conn, "ledger_items", LEDGER_COLUMNS, _ledger(rng, lives, today)),
        "enforcements": bulk_insert(conn, "enforcements", ENFORCEMENT_COLUMNS, _enforcement(rng, lives, today)),
        "accidents": bulk_insert(conn, "accidents", ACCIDENT_COLUMNS, _accidents(rng, lives)),
    }


def _ledger(rng: random.Random, lives: list, today: dt.date) -> Iterator[tuple]:
    kinds = tuple(KINDS)
    for project_id, life in enumerate(lives, 1):
        for n, kind in enumerate(rng.sample(kinds, rng.randint(2, 4)), 1):
            rule = KINDS[kind]
            values = {p: round(rng.uniform(*RANGES[p]), 1) if p in rule.parameters else None for p in PARAMETERS}
            beyond = classify(kind, values).danger_class == "beyond_scale"
            start = life.start + rng.randrange(max(life.days, 1)) * DAY
            end = start + rng.randrange(15, 120) * DAY
            status = "accepted" if end < today else "in_progress" if start <= today else "not_started"
            review = start - rng.randrange(3, 30) * DAY if beyond and rng.random() > UNREVIEWED_SHARE else None
            yield (project_id, "dangerous_works", f"危大工程{n}", rule.category, beyond, start, end, status, kind,
                   *values.values(), review if review and review <= today else None, "seed")


def _enforcement(rng: random.Random, lives: list, today: dt.date) -> Iterator[tuple]:
    n = 0
    for project_id, life in enumerate(lives, 1):
        orders = [("stop_work", "重大事故隐患，责令停工整改")] * (rng.random() < STOP_WORK_SHARE)
        orders += [("warning_interview", "隐患整改不力，约谈施工单位")] * int(rng.expovariate(1 / INTERVIEWS_PER_PROJECT))
        for kind, reason in orders:
            n += 1
            issued = life.start + rng.randrange(life.days) * DAY
            lifted = issued + rng.randrange(5, 30) * DAY if kind == "stop_work" else None
            yield (f"E{n:08d}", project_id, issued, kind, reason, lifted if lifted and lifted <= today else None, "seed")


def _accidents(rng: random.Random, lives: list) -> Iterator[tuple]:
    n = 0
    for project_id, life in enumerate(lives, 1):
        if rng.random() < ACCIDENT_SHARE:
            n += 1
            yield (f"A{n:08d}", project_id, life.start + rng.randrange(life.days) * DAY, "general", 0,
                   rng.randint(1, 3), "高处坠落致人受伤", "seed")
