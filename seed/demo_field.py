"""Field work: site visits, the hazards they find, risk points and enforcement.

Each kind of record draws from its own random stream per year, and a year is always
generated whole before anything after `today` is dropped, so a year's records never
depend on the day the demo is loaded.
"""
from __future__ import annotations

import datetime as dt
import random

from db.enums import CATEGORY_DOMAIN
from seed import demo_texts as txt
from seed.demo_catalog import INSPECTORS
from seed.demo_common import mondays, number_by_year, stream
from seed.demo_parties import Site

DAYS = dt.timedelta
# (hazards found, of which major) and (risk points, of which major): 2024 is published, 2023 fixed.
HAZARDS_PER_YEAR = {2023: (398, 4), 2024: (447, 3)}
RISKS_PER_YEAR = {2023: (352, 26), 2024: (426, 31)}
WARNING_INTERVIEWS_PER_YEAR = {2023: 11, 2024: 13}
# Stop-work orders besides those for major hazards: 2024 had four orders on four projects.
EXTRA_STOP_WORK = {2023: 0, 2024: 1}
# Every 2024 hazard was rectified and closed within the year (DOMAIN.md).
CLOSED_WITHIN_YEAR = {2024}
# From 2025 the record is less perfect, as happens in practice: a few project-weeks fall short of
# three visits, and a few hazards are never rectified.
LAPSES_FROM, UNDER_PATROLLED_SHARE, NEVER_RECTIFIED_SHARE = 2025, 0.04, 0.01
VISIT_KINDS = ("patrol", "spot_check", "resident", "special")
KEY_VISIT_WEIGHTS, VISIT_WEIGHTS = (55, 10, 20, 15), (70, 15, 5, 10)


def visit_rows(sites: list[Site], years: range) -> list[dict]:
    """Site visits of every week whose Monday falls in `years`: at least three a week on a whole active week."""
    visits = []
    for year in years:
        rng = stream("visits", year)
        for monday in mondays(year):
            for site in sites:
                visits += _week_visits(rng, site, monday)
    visits.sort(key=lambda v: (v["visited_on"], v["_site"]))
    number_by_year(visits, "XC", "visited_on", 5)
    return visits


def _week_visits(rng: random.Random, site: Site, monday: dt.date) -> list[dict]:
    sunday = monday + DAYS(6)
    days = [d for d in (monday + DAYS(i) for i in range(7)) if site.first_day <= d <= site.last_day]
    if not days:
        return []
    if monday >= site.fact.start and sunday <= site.last_day:  # a week the patrol KPI counts
        count = rng.choices((3, 4, 5), weights=(45, 38, 17) if site.fact.is_key else (60, 30, 10))[0]
        if monday.year >= LAPSES_FROM and rng.random() < UNDER_PATROLLED_SHARE:
            count = rng.choice((1, 2))
    else:
        count = min(len(days), rng.randint(1, 3))
    working = [d for d in days if d.weekday() < 5]
    weekend = [d for d in days if d.weekday() >= 5]
    chosen = rng.sample(working, count) if len(working) >= count else working + weekend[:count - len(working)]
    visits = []
    for day in sorted(chosen):
        kind = rng.choices(VISIT_KINDS, KEY_VISIT_WEIGHTS if site.fact.is_key else VISIT_WEIGHTS)[0]
        first, second = site.inspectors
        if kind == "special":
            first = site.lead  # special inspections are led by the section chief
        elif rng.random() < 0.2:
            second = rng.choice([n for n in INSPECTORS if n not in (first, second)])
        visits.append({"project": site.code, "_site": site.index, "visited_on": day, "kind": kind,
                       "inspectors": f"{first}、{second}", "notes": rng.choice(txt.VISIT_NOTES[kind])})
    return visits


def hazard_rows(visits: list[dict], years: range) -> list[dict]:
    """Hazards found on visits, with their whole planned life (deadline, rectification, closing)."""
    by_year = _by_year(visits, "visited_on")
    hazards = []
    for year in years:
        rng, pool = stream("hazards", year), by_year.get(year, [])
        if not pool:
            continue
        total, majors = HAZARDS_PER_YEAR.get(year) or (rng.randint(430, 475), rng.randint(2, 5))
        for visit in _on_distinct_projects(rng, [v for v in pool if v["visited_on"] <= dt.date(year, 12, 1)], majors):
            category = rng.choice(list(txt.MAJOR_HAZARDS))
            description = rng.choice(txt.MAJOR_HAZARDS[category])
            hazards.append(_hazard(visit, category, "major", description, _major_life(rng, visit)))
        remaining = total - majors
        categories, weights = list(txt.HAZARDS), [w for w, _ in txt.HAZARDS.values()]
        for visit in rng.sample(pool, len(pool)):  # each visit at most once, in random order
            if remaining == 0:
                break
            described: set[str] = set()  # one record per defect and visit
            for _ in range(min(remaining, rng.choices((1, 2, 3), weights=(70, 22, 8))[0])):
                category = rng.choices(categories, weights)[0]
                description = rng.choice(txt.HAZARDS[category][1])
                if description not in described:
                    described.add(description)
                    hazards.append(_hazard(visit, category, "general", description, _general_life(rng, visit)))
                    remaining -= 1
    hazards.sort(key=lambda h: (h["found_on"], h["visit"]))  # stable: keeps the order within a visit
    number_by_year(hazards, "YH", "found_on", 4)
    return hazards


def _on_distinct_projects(rng: random.Random, pool: list[dict], count: int) -> list[dict]:
    shuffled = rng.sample(pool, len(pool))
    chosen, projects = [], set()
    for visit in shuffled:
        if len(chosen) < count and visit["project"] not in projects:
            chosen.append(visit)
            projects.add(visit["project"])
    return chosen


def _hazard(visit: dict, category: str, level: str, description: str, life: tuple) -> dict:
    due, rectified, closed = life
    return {"project": visit["project"], "visit": visit["code"], "found_on": visit["visited_on"],
            "domain": CATEGORY_DOMAIN[category], "category": category, "level": level,
            "description": description, "due_on": due, "rectified_on": rectified, "closed_on": closed}


def _general_life(rng: random.Random, visit: dict) -> tuple:
    found = visit["visited_on"]
    due = found + DAYS(rng.randint(3, 15))
    roll = rng.random()
    if found.year >= LAPSES_FROM and roll < NEVER_RECTIFIED_SHARE:
        return due, None, None  # never rectified: stays overdue until someone acts
    if roll < 0.82:
        rectified = found + DAYS(rng.randint(1, (due - found).days))
    elif roll < 0.96:
        rectified = due + DAYS(rng.randint(1, 25))
    else:
        rectified = due + DAYS(rng.randint(30, 120))
    return _within_year(found, due, rectified, _reinspected(rng, due, rectified))


def _major_life(rng: random.Random, visit: dict) -> tuple:
    found = visit["visited_on"]
    rectified = found + DAYS(rng.randint(3, 12))
    return _within_year(found, found + DAYS(rng.randint(15, 30)), rectified, rectified + DAYS(rng.randint(1, 3)))


def _reinspected(rng: random.Random, due: dt.date, rectified: dt.date) -> dt.date:
    # A fix reported in time is re-inspected before its deadline passes; a late one within a week.
    room = (due - rectified).days
    return rectified + DAYS(rng.randint(1, room) if room >= 1 else rng.randint(1, 7))


def _within_year(found: dt.date, due: dt.date, rectified: dt.date, closed: dt.date) -> tuple:
    if found.year in CLOSED_WITHIN_YEAR:  # the year-end push: everything found is closed by 31 December
        year_end = dt.date(found.year, 12, 31)
        rectified, closed = min(rectified, year_end), min(closed, year_end)
    return due, rectified, closed


def annotate_visits(visits: list[dict], hazards: list[dict]) -> None:
    """Rewrite the notes of visits that found hazards to say how many."""
    found: dict[str, list[str]] = {}
    for hazard in hazards:
        found.setdefault(hazard["visit"], []).append(hazard["level"])
    for visit in visits:
        levels = found.get(visit["code"])
        if levels:
            visit["notes"] = txt.NOTE_WITH_MAJOR if "major" in levels else txt.NOTE_WITH_HAZARDS.format(n=len(levels))


def risk_rows(visits: list[dict], years: range) -> list[dict]:
    """Risk points identified on site visits, graded in four colours."""
    by_year = _by_year(visits, "visited_on")
    categories, weights = list(txt.RISK_WEIGHTS), list(txt.RISK_WEIGHTS.values())
    rows = []
    for year in years:
        rng, pool = stream("risks", year), by_year.get(year, [])
        total, majors = RISKS_PER_YEAR.get(year) or (rng.randint(395, 440), rng.randint(24, 34))
        total = min(total, len(pool))
        levels = ["major"] * min(majors, total)
        levels += rng.choices(("high", "moderate", "low"), weights=(22, 45, 33), k=total - len(levels))
        rng.shuffle(levels)
        for visit, level in zip(sorted(rng.sample(pool, total), key=lambda v: v["code"]), levels, strict=True):
            category = rng.choice(txt.MAJOR_RISKS) if level == "major" else rng.choices(categories, weights)[0]
            description, controls = rng.choice(txt.RISKS[category])
            rows.append({"project": visit["project"], "identified_on": visit["visited_on"], "category": category,
                         "level": level, "description": description, "controls": controls})
    number_by_year(rows, "FX", "identified_on", 4)
    return rows


def enforcement_rows(visits: list[dict], hazards: list[dict], sites: list[Site], years: range) -> list[dict]:
    """Stop-work orders (one per major hazard, plus a few), warning interviews and rectification notices."""
    last_day = {s.code: s.last_day for s in sites}
    visits_by_year, hazards_by_year = _by_year(visits, "visited_on"), _by_year(hazards, "found_on")
    rows = []
    for year in years:
        rng, found = stream("enforcement", year), hazards_by_year.get(year, [])
        majors = [h for h in found if h["level"] == "major"]
        for hazard in majors:
            rows.append(_order(hazard["project"], hazard["found_on"], "stop_work", hazard["closed_on"],
                               txt.STOP_WORK_FOR_MAJOR.format(description=hazard["description"])))
        stopped = {h["project"] for h in majors}
        pool = [v for v in visits_by_year.get(year, [])
                if v["visited_on"] <= dt.date(year, 12, 1) and v["project"] not in stopped]
        for visit in _on_distinct_projects(rng, pool, EXTRA_STOP_WORK.get(year, rng.randint(0, 1))):
            rows.append(_order(visit["project"], visit["visited_on"], "stop_work",
                               visit["visited_on"] + DAYS(rng.randint(5, 15)), txt.STOP_WORK_REPEATED))
        per_visit: dict[str, list[dict]] = {}
        for hazard in found:
            per_visit.setdefault(hazard["visit"], []).append(hazard)
        anchors = [group[0] for group in per_visit.values()]
        count = WARNING_INTERVIEWS_PER_YEAR.get(year) or rng.randint(9, 15)
        for hazard in rng.sample(anchors, min(count, len(anchors))):
            day = min(hazard["found_on"] + DAYS(rng.randint(1, 5)), dt.date(year, 12, 31), last_day[hazard["project"]])
            rows.append(_order(hazard["project"], day, "warning_interview", None, rng.choice(txt.WARNING_INTERVIEWS)))
        for group in per_visit.values():
            if len(group) >= 2:
                rows.append(_order(group[0]["project"], group[0]["found_on"], "rectification_notice", None,
                                   txt.RECTIFICATION_NOTICE.format(n=len(group))))
    rows.sort(key=lambda r: (r["issued_on"], r["kind"], r["project"]))
    number_by_year(rows, "ZF", "issued_on", 3)
    return rows


def _order(project: str, issued: dt.date, kind: str, lifted: dt.date | None, reason: str) -> dict:
    return {"project": project, "issued_on": issued, "kind": kind, "reason": reason, "lifted_on": lifted}


def _by_year(rows: list[dict], key: str) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for row in rows:
        out.setdefault(row[key].year, []).append(row)
    return out
