"""Outreach and paperwork: trainings, approvals, accidents and awards."""
from __future__ import annotations

import datetime as dt
import random

from seed import demo_catalog as cat
from seed import demo_texts as txt
from seed.demo_common import number_by_year, stream, weekdays
from seed.demo_parties import Site

DAYS = dt.timedelta
TRAININGS_PER_YEAR = {2023: 15, 2024: 19}
# Enterprises reached by the 2023-2024 sessions ("60+" in the report); the 2024 sessions reach all of them.
REACHED_BY_2024 = 65
# The 2024 major-hazard standard came into force on 2024-12-13; the office briefed the zone a week later.
NEW_STANDARD_DAY = dt.date(2024, 12, 19)
TRAINING_KINDS, TRAINING_WEIGHTS = ("training", "observation", "online_qa"), (50, 30, 20)
# Mean approval days published for 2024: parallel review is 20% shorter than serial.
APPROVAL_TARGET_DAYS = {2024: {"parallel": 40, "serial": 50}}


def training_rows(sites: list[Site], credit_codes: list[str], years: range) -> list[dict]:
    """Training, site-observation and online Q&A sessions; `_enterprises` lists who attended."""
    reached = stream("training-pool").sample(credit_codes, REACHED_BY_2024)
    rows = []
    for year in years:
        rng = stream("trainings", year)
        count = TRAININGS_PER_YEAR.get(year) or rng.randint(14, 18)
        fixed = [(NEW_STANDARD_DAY, "training", txt.NEW_STANDARD_TRAINING)] if year == 2024 else []
        days = rng.sample([d for d in weekdays(year) if d != NEW_STANDARD_DAY], count - len(fixed))
        sessions = sorted([(day, *_topic(rng, sites, day)) for day in days] + fixed)
        pool = reached if year <= 2024 else credit_codes
        # In 2024 every reached enterprise attends at least once: deal them out, then fill up at random.
        dealt = rng.sample(pool, len(pool)) if year == 2024 else []
        for i, (day, kind, title) in enumerate(sessions):
            attending = dealt[i::len(sessions)]
            others = [c for c in pool if c not in attending]
            attending += rng.sample(others, max(0, rng.randint(5, 12) - len(attending)))
            rows.append({"held_on": day, "kind": kind, "title": title,
                         "attendees": rng.randint(3 * len(attending), 160), "_enterprises": attending})
    number_by_year(rows, "PX", "held_on", 2)
    return rows


def _topic(rng: random.Random, sites: list[Site], day: dt.date) -> tuple[str, str]:
    kind = rng.choices(TRAINING_KINDS, TRAINING_WEIGHTS)[0]
    if kind == "observation":
        showcases = [s for s in sites if s.fact.is_key and s.active_on(day)]
        if showcases:
            return kind, rng.choice(txt.OBSERVATIONS).format(short=rng.choice(showcases).fact.short)
        kind = "training"
    return kind, rng.choice(txt.ONLINE_QA if kind == "online_qa" else txt.TRAININGS)


def approval_rows(sites: list[Site]) -> list[dict]:
    """One approval per project, approved a few weeks before the start: industrial ones reviewed in parallel."""
    rng = stream("approvals")
    rows = [{"project": s.code, "mode": "parallel" if s.fact.kind == "industrial" else "serial",
             "approved_on": s.fact.start - DAYS(rng.randint(7, 30))} for s in sites]
    groups: dict[tuple[int, str], list[dict]] = {}
    for row in rows:
        groups.setdefault((row["approved_on"].year, row["mode"]), []).append(row)
    for (year, mode), group in groups.items():
        target = APPROVAL_TARGET_DAYS.get(year, {}).get(mode)
        if target:
            durations = _balanced(rng, target, len(group))
        else:
            durations = [rng.randint(33, 47) if mode == "parallel" else rng.randint(45, 58) for _ in group]
        for row, days in zip(group, durations, strict=True):
            row["submitted_on"] = row["approved_on"] - DAYS(days)
    return rows


def _balanced(rng: random.Random, mean: int, count: int) -> list[int]:
    # Pairs mean+d / mean-d (and the mean itself for an odd count): the average is exactly `mean`.
    spreads = [rng.randint(1, 12) for _ in range(count // 2)]
    durations = [mean + d for d in spreads] + [mean - d for d in spreads] + [mean] * (count % 2)
    rng.shuffle(durations)
    return durations


def accident_rows(sites: list[Site]) -> list[dict]:
    """The demo's accidents (none in 2023 and 2024, as published)."""
    code_of = {s.fact.name: s.code for s in sites}
    rows = [{"project": code_of[a.project], "occurred_on": a.occurred_on, "level": a.level, "deaths": a.deaths,
             "injuries": a.injuries, "description": a.description}
            for a in sorted(cat.ACCIDENTS, key=lambda a: a.occurred_on)]
    number_by_year(rows, "SG", "occurred_on", 2)
    return rows


def award_rows(sites: list[Site], today: dt.date) -> list[dict]:
    """Awards announced on or before `today`."""
    code_of = {s.fact.name: s.code for s in sites}
    return [{"project": code_of[a.project], "name": a.name, "year": a.year, "level": a.level}
            for a in cat.AWARDS if a.announced <= today]
