"""Who and where: enterprises, projects, one-on-one service teams and each project's ledger."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from db.credit_code import ALPHABET, make_credit_code
from db.dangerous_works import PARAMETERS
from seed import demo_catalog as cat
from seed import demo_texts as txt
from seed.demo_common import DEMO_ACCOUNTS, DEMO_START, FAR_FUTURE, mobile, person_name, stream
from seed.demo_dangers import sized

MUNICIPAL_CONTRACTORS = ("江西昌宏市政工程有限公司", "九江水务工程建设有限公司", "九江新港市政建设有限公司")
# Specialist firms (fire protection, steel, installation, piling) work as subcontractors, never as the main one.
SPECIALIST_MARKS = ("消防", "钢结构", "安装", "基础")
# A project without a planned completion is assumed to take this long, for ledger plans and progress.
DEFAULT_DURATION = dt.timedelta(days=900)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714 organisation-code check weights


@dataclass(frozen=True)
class Site:
    """A catalogue project with its code and the people and firms attached to it."""

    index: int
    code: str
    fact: cat.SiteFact
    contractor: str
    supervisor: str
    lead: str
    inspectors: tuple[str, str]
    lon: float
    lat: float

    @property
    def first_day(self) -> dt.date:
        """The first day the demo records anything on this site."""
        return max(self.fact.start, DEMO_START)

    @property
    def last_day(self) -> dt.date:
        """The planned completion, or far in the future when there is none."""
        return self.fact.completion or FAR_FUTURE

    def active_on(self, day: dt.date) -> bool:
        """True when the site is under construction on `day` (by plan)."""
        return self.fact.start <= day <= self.last_day


def build_sites() -> list[Site]:
    """Every catalogue project, coded JK<start year>-<n> in start order."""
    rng = stream("sites")
    general = [f.name for f in cat.CONTRACTORS
               if f.name not in MUNICIPAL_CONTRACTORS and not any(mark in f.name for mark in SPECIALIST_MARKS)]
    per_year: dict[int, int] = {}
    sites = []
    for index, fact in enumerate(sorted(cat.SITES, key=lambda f: f.start)):
        per_year[fact.start.year] = per_year.get(fact.start.year, 0) + 1
        contractors = MUNICIPAL_CONTRACTORS if fact.kind == "municipal" else general
        sites.append(Site(
            index=index, code=f"JK{fact.start.year}-{per_year[fact.start.year]:03d}", fact=fact,
            contractor=rng.choice(contractors), supervisor=rng.choice(cat.SUPERVISORS).name,
            lead=rng.choice(cat.TEAM_LEADS), inspectors=tuple(rng.sample(cat.INSPECTORS, 2)),
            lon=round(rng.uniform(115.9, 116.1), 5), lat=round(rng.uniform(29.6, 29.8), 5),
        ))
    return sites


def all_firms() -> list[cat.Firm]:
    """Developers (from the projects, each once) then the other enterprises of the catalogue."""
    developers, seen = [], set()
    for fact in cat.SITES:
        if fact.developer not in seen:
            seen.add(fact.developer)
            developers.append(cat.Firm(fact.developer, "developer", cat.DEVELOPER_REGIONS.get(fact.developer, "")))
    return developers + [*cat.CONTRACTORS, *cat.SUPERVISORS, *cat.DESIGNERS, *cat.OTHERS]


def enterprise_rows() -> list[dict]:
    """Enterprises with valid unified social credit codes and a contact person."""
    rng = stream("enterprises")
    rows = []
    for firm in all_firms():
        region = firm.region or rng.choice(("360400", "360400", "360402", "360404"))
        rows.append({"credit_code": make_credit_code("91" + region + _organisation_code(rng)), "name": firm.name,
                     "kind": firm.kind, "contact_person": person_name(rng), "contact_phone": mobile(rng)})
    assert len({r["credit_code"] for r in rows}) == len(rows), "credit codes must be unique"
    return rows


def _organisation_code(rng: random.Random) -> str:
    # Firms registered since 2015 get 'MA' codes; older ones kept their all-digit organisation code.
    if rng.random() < 0.7:
        body = "MA" + "".join(rng.choice(ALPHABET) for _ in range(6))
    else:
        body = "".join(rng.choice("0123456789") for _ in range(8))
    total = sum(int(ch, 36) * weight for ch, weight in zip(body, _ORG_WEIGHTS, strict=True))  # A=10 ... Z=35
    check = (11 - total % 11) % 11
    return body + ("X" if check == 10 else str(check))


def project_rows(sites: list[Site], today: dt.date) -> list[dict]:
    """Projects as of `today`: completion recorded once passed, progress from elapsed time."""
    return [{
        "code": s.code, "name": s.fact.name, "developer": s.fact.developer, "contractor": s.contractor,
        "supervisor_firm": s.supervisor, "kind": s.fact.kind, "is_key": s.fact.is_key,
        "floor_area_m2": s.fact.floor_area_m2, "start_date": s.fact.start,
        "completion_date": s.fact.completion if s.fact.completion and s.fact.completion <= today else None,
        "progress_pct": _progress(s, today), "lon": s.lon, "lat": s.lat,
    } for s in sites]


def _progress(site: Site, today: dt.date) -> float:
    if site.fact.progress_pct is not None:
        return site.fact.progress_pct
    if site.fact.completion and site.fact.completion <= today:
        return 100.0
    if site.fact.start > today:
        return 0.0
    end = site.fact.completion or site.fact.start + DEFAULT_DURATION
    share = (today - site.fact.start) / (end - site.fact.start)
    return float(min(95, 5 * round(20 * share)))


DEMO_INSPECTORS = [(a.username, a.display_name) for a in DEMO_ACCOUNTS if a.role == "staff"]


def team_rows(sites: list[Site]) -> list[dict]:
    """The one-on-one service team (一对一专班) of every key project: lead, inspectors, experts."""
    rng = stream("teams")
    phones = {name: mobile(rng) for name in (*cat.TEAM_LEADS, *cat.INSPECTORS, *(e[0] for e in cat.EXPERTS))}
    rows = []
    for number, site in enumerate(s for s in sites if s.fact.is_key):
        members = [(site.lead, "lead", cat.BUREAU)] + [(name, "inspector", cat.BUREAU) for name in site.inspectors]
        members += [(name, "expert", org) for name, org in rng.sample(cat.EXPERTS, rng.randint(1, 2))]
        rows += [{"project": site.code, "name": name, "role": role, "organization": org, "phone": phones[name],
                  "username": None} for name, role, org in members]
        # The demo's two inspector accounts serve on alternate key projects, so "My work" has something to show.
        account = DEMO_INSPECTORS[number % len(DEMO_INSPECTORS)]
        rows.append({"project": site.code, "name": account[1], "role": "inspector", "organization": cat.BUREAU,
                     "phone": None, "username": account[0]})
    return rows


def ledger_rows(sites: list[Site], today: dt.date) -> list[dict]:
    """Each project's "one project, one list" ledger, with statuses read from the plan against `today`."""
    rng, sizes = stream("ledger"), stream("ledger_sizes")
    rows = []
    for site in sites:
        municipal = site.fact.kind == "municipal"
        processes = txt.MUNICIPAL_PROCESSES if municipal else txt.KEY_PROCESSES
        dangers = txt.MUNICIPAL_DANGEROUS_WORKS if municipal else txt.DANGEROUS_WORKS
        concealed = txt.MUNICIPAL_CONCEALED_WORKS if municipal else txt.CONCEALED_WORKS
        items = [("key_process", name, None, False) for name in rng.sample(processes, rng.randint(2, 4))]
        items += [("dangerous_works", *d) for d in rng.sample(dangers, rng.randint(2, 3))]
        items += [("concealed_works", name, None, False) for name in rng.sample(concealed, rng.randint(1, 3))]
        span = ((site.fact.completion or site.fact.start + DEFAULT_DURATION) - site.fact.start).days
        for kind, name, category, beyond in items:
            start = site.fact.start + dt.timedelta(days=int(span * rng.uniform(0, 0.8)))
            end = start + dt.timedelta(days=rng.randint(10, 90))
            status = "accepted" if end < today else "in_progress" if start <= today else "not_started"
            rows.append({"project": site.code, "kind": kind, "name": name, "danger_category": category,
                         "beyond_scale": beyond, "planned_start": start, "planned_end": end, "status": status,
                         "danger_kind": None, "expert_review_on": None, **{p: None for p in PARAMETERS},
                         **sized(sizes, name, beyond, start, today)})
    return rows
