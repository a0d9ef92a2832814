"""What each summary table holds: for every live source row, the summary rows it adds to.

A summary is a set of counts keyed by the columns the KPIs and pages group and filter by. Each source row
contributes one or more *parts* (key expressions, value expressions, a condition); the summary holds the sums.
The same declaration produces the triggers that keep a summary exact on every write (db.summaries.sql) and
the GROUP BY that rebuilds or checks it from the base table, so the two cannot drift apart.

Dates stay whole days, so a period of any days is exact. A hazard's status on an as-of date is kept exact
by bucketing the dates on which it changes: closing (`hazard_closings`) and the span during which it is
overdue (`hazard_overdue`: one start on the day after the deadline, one end on the day a fix is reported).
Patrol compliance likewise: `project_weeks` holds the Monday each project's whole weeks under supervision begin
and end, so the projects active in any week are a running sum, however far it lies in the future.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# An SQL expression over one source row: given the row's reference (NEW, OLD or an alias) and the dialect.
Expr = Callable[[str, "Dialect"], str]


class Dialect:
    """The few date operations SQLite and PostgreSQL spell differently."""

    def __init__(self, name: str):
        self.name = name

    def day_after(self, day: str) -> str:
        """The date one day after `day`."""
        return f"date({day}, '+1 day')" if self.name == "sqlite" else f"({day} + 1)"

    def days(self, later: str, earlier: str) -> str:
        """Whole days from `earlier` to `later`, as an integer."""
        if self.name == "sqlite":
            return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"
        return f"({later} - {earlier})"

    def days_before(self, day: str, days: int) -> str:
        """The date `days` days before `day`."""
        return f"date({day}, '-{days} days')" if self.name == "sqlite" else f"({day} - {days})"

    def first_monday(self, day: str) -> str:
        """The first Monday on or after `day`."""
        if self.name == "sqlite":
            return f"date({day}, '+' || ((8 - CAST(strftime('%w', {day}) AS INTEGER)) % 7) || ' days')"
        return f"({day} + MOD(CAST(8 - EXTRACT(DOW FROM {day}) AS INTEGER), 7))"  # no %: psycopg's placeholder

    def monday(self, day: str) -> str:
        """The Monday of the ISO week of `day` (as db.sqlfuncs.week_monday)."""
        if self.name == "sqlite":
            return f"date({day}, '-' || ((CAST(strftime('%w', {day}) AS INTEGER) + 6) % 7) || ' days')"
        return f"CAST(date_trunc('week', CAST({day} AS TIMESTAMP)) AS DATE)"


def col(name: str) -> Expr:
    """The source row's column `name`."""
    return lambda r, d: f"{r}.{name}"


def one(r: str, d: Dialect) -> str:
    """Each row counts once."""
    return "1"


@dataclass(frozen=True)
class Part:
    """One contribution of a live source row meeting `when`: key expressions and value expressions, in order."""

    keys: tuple[Expr, ...]
    values: tuple[Expr, ...]
    when: Expr | None = None


@dataclass(frozen=True)
class Summary:
    """A summary table fed by `source`; `watched` are the source columns whose change moves a row."""

    table: str
    source: str
    keys: tuple[str, ...]
    values: tuple[str, ...]
    watched: tuple[str, ...]
    parts: tuple[Part, ...]
    triggers: bool = True   # False: kept by triggers of an older migration (patrol_weeks, 0002)


def _overdue_span(r: str, d: Dialect) -> str:
    # Overdue from the day after the deadline until the day a fix is reported; an empty span never counts.
    return f"({r}.rectified_on IS NULL OR {r}.rectified_on > {d.day_after(f'{r}.due_on')})"


def _first_week(r: str, d: Dialect) -> str:
    # A project's first whole week under supervision starts on the first Monday on or after its start.
    return d.first_monday(f"{r}.start_date")


def _past_last_week(r: str, d: Dialect) -> str:
    # The first Monday whose Sunday lies after the completion: the week the project stops counting.
    return d.first_monday(d.days_before(f"{r}.completion_date", 5))


def _has_weeks(r: str, d: Dialect) -> str:
    return f"({r}.completion_date IS NULL OR {_past_last_week(r, d)} > {_first_week(r, d)})"


HAZARD_KEYS = (col("found_on"), col("level"), col("domain"))

SUMMARIES: tuple[Summary, ...] = (
    Summary("hazard_days", "hazards", ("found_on", "level", "domain", "category"), ("hazards",),
            ("found_on", "level", "domain", "category"),
            (Part((*HAZARD_KEYS, col("category")), (one,)),)),
    # days (closed − found) is fixed by the other keys; stored so that time to close needs no date arithmetic.
    Summary("hazard_closings", "hazards", ("found_on", "level", "domain", "closed_on", "on_time", "days"),
            ("hazards",), ("found_on", "level", "domain", "closed_on", "due_on"),
            (Part((*HAZARD_KEYS, col("closed_on"), lambda r, d: f"({r}.closed_on <= {r}.due_on)",
                   lambda r, d: d.days(f"{r}.closed_on", f"{r}.found_on")), (one,),
                  lambda r, d: f"{r}.closed_on IS NOT NULL"),)),
    Summary("hazard_overdue", "hazards", ("found_on", "level", "domain", "edge_on"), ("starts", "ends"),
            ("found_on", "level", "domain", "due_on", "rectified_on"),
            (Part((*HAZARD_KEYS, lambda r, d: d.day_after(f"{r}.due_on")), (one, lambda r, d: "0"), _overdue_span),
             Part((*HAZARD_KEYS, col("rectified_on")), (lambda r, d: "0", one),
                  lambda r, d: f"{r}.rectified_on IS NOT NULL AND {_overdue_span(r, d)}"))),
    Summary("risk_days", "risk_points", ("identified_on", "level", "category"), ("risk_points",),
            ("identified_on", "level", "category"),
            (Part((col("identified_on"), col("level"), col("category")), (one,)),)),
    Summary("visit_days", "site_visits", ("visited_on", "kind"), ("visits",), ("visited_on", "kind"),
            (Part((col("visited_on"), col("kind")), (one,)),)),
    Summary("patrol_weeks", "site_visits", ("project_id", "monday"), ("visits",), ("project_id", "visited_on"),
            (Part((col("project_id"), lambda r, d: d.monday(f"{r}.visited_on")), (one,)),), triggers=False),
    Summary("project_weeks", "projects", ("monday",), ("starts", "ends"), ("start_date", "completion_date"),
            (Part((_first_week,), (one, lambda r, d: "0"), _has_weeks),
             Part((_past_last_week,), (lambda r, d: "0", one),
                  lambda r, d: f"{r}.completion_date IS NOT NULL AND {_has_weeks(r, d)}"))),
    Summary("enforcement_days", "enforcements", ("issued_on", "kind"), ("orders",), ("issued_on", "kind"),
            (Part((col("issued_on"), col("kind")), (one,)),)),
    Summary("training_days", "trainings", ("held_on", "kind"), ("sessions", "attendees"),
            ("held_on", "kind", "attendees"),
            (Part((col("held_on"), col("kind")), (one, col("attendees"))),)),
    Summary("accident_days", "accidents", ("occurred_on",), ("accidents", "deaths"), ("occurred_on", "deaths"),
            (Part((col("occurred_on"),), (one, col("deaths"))),)),
    Summary("approval_days", "approvals", ("approved_on", "mode", "days"), ("approvals",),
            ("approved_on", "mode", "submitted_on"),
            (Part((col("approved_on"), col("mode"), lambda r, d: d.days(f"{r}.approved_on", f"{r}.submitted_on")),
                  (one,), lambda r, d: f"{r}.approved_on IS NOT NULL"),)),
    Summary("award_years", "awards", ("year",), ("awards",), ("year",), (Part((col("year"),), (one,)),)),
)
BY_TABLE = {summary.table: summary for summary in SUMMARIES}
# training_reach (held_on, enterprise_id) is fed by a link table and its parent: db.summaries.reach;
# compliant_weeks (monday) by patrol_weeks and projects: db.summaries.compliance.
