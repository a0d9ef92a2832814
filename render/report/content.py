"""What the leadership report says, gathered once and rendered as PDF or Excel."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine

from db import enums
from db.kpis import Kpis, compute
from db.period import Period
from db.queries import documents, drilldown, overview, report

LIST_ROWS = report.REPORT_ROWS


@dataclass(frozen=True)
class ReportContent:
    period: Period
    previous: Period
    as_of: dt.date
    current: Kpis
    before: Kpis
    monthly: pd.DataFrame
    open_major: pd.DataFrame
    overdue: pd.DataFrame
    overdue_total: int
    enforcement: pd.DataFrame
    trainings: pd.DataFrame
    documents: dict[str, tuple[int, int]]   # document type -> (issued this period, previous period)


def gather(engine: Engine, period: Period, as_of: dt.date) -> ReportContent:
    """Everything the report shows for `period` as of `as_of`, read in one connection."""
    previous = period.previous()
    with engine.connect() as conn:
        def behind(kpi: str) -> tuple[pd.DataFrame, int]:
            return drilldown.records_behind(conn, kpi=kpi, period=period, as_of=as_of, limit=LIST_ROWS)

        overdue, overdue_total = behind("hazards_overdue")
        orders = pd.concat([behind("stop_work_orders")[0], behind("warning_interviews")[0]], ignore_index=True)
        issued = documents.issued_per_kind(conn, period=period)
        issued_before = documents.issued_per_kind(conn, period=previous)
        return ReportContent(
            period=period, previous=previous, as_of=as_of,
            current=compute(conn, period, as_of),
            before=compute(conn, previous, min(as_of, previous.end)),
            monthly=overview.hazards_found_closed_by_month(conn, period),
            open_major=report.open_major_hazards(conn, as_of=as_of),
            overdue=overdue, overdue_total=overdue_total,
            enforcement=orders.sort_values("issued_on", ascending=False, ignore_index=True),
            trainings=behind("trainings")[0],
            documents={kind: (issued.get(kind, 0), issued_before.get(kind, 0)) for kind in enums.DOCUMENT_KIND.codes},
        )


def kpi_rows(content: ReportContent) -> list[tuple[str, object, object]]:
    """(KPI key, this period, previous period) in DESIGN.md order."""
    now, before = content.current.as_dict(), content.before.as_dict()
    return [(key, now[key], before[key]) for key in now]
