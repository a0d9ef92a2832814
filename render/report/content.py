"""What the leadership report says, gathered once and rendered as PDF or Excel."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine

from db import enums
from db.kpis import Kpis, compared
from db.period import Comparison, Period
from db.queries import documents, drilldown, overview, report

LIST_ROWS = report.REPORT_ROWS


@dataclass(frozen=True)
class ReportContent:
    period: Period
    against: Comparison | None   # the comparison rule's earlier period (db.period.comparison), if any
    as_of: dt.date
    current: Kpis
    before: Kpis | None
    monthly: pd.DataFrame
    open_major: pd.DataFrame
    overdue: pd.DataFrame
    overdue_total: int
    enforcement: pd.DataFrame
    trainings: pd.DataFrame
    documents: dict[str, tuple[int, int | None]]   # document type -> (issued this period, in the earlier one)


def gather(engine: Engine, period: Period, as_of: dt.date) -> ReportContent:
    """Everything the report shows for `period` as of `as_of`, read in one connection."""
    with engine.connect() as conn:
        both = compared(conn, period, as_of)
        def behind(kpi: str) -> tuple[pd.DataFrame, int]:
            return drilldown.records_behind(conn, kpi=kpi, period=period, as_of=as_of, limit=LIST_ROWS)

        overdue, overdue_total = behind("hazards_overdue")
        orders = pd.concat([behind("stop_work_orders")[0], behind("warning_interviews")[0]], ignore_index=True)
        issued = documents.issued_per_kind(conn, period=period)
        issued_before = documents.issued_per_kind(conn, period=both.against.counted) if both.against else {}
        return ReportContent(
            period=period, against=both.against, as_of=as_of, current=both.current, before=both.previous,
            monthly=overview.hazards_found_closed_by_month(conn, period),
            open_major=report.open_major_hazards(conn, as_of=as_of),
            overdue=overdue, overdue_total=overdue_total,
            enforcement=orders.sort_values("issued_on", ascending=False, ignore_index=True),
            trainings=behind("trainings")[0],
            documents={kind: (issued.get(kind, 0), issued_before.get(kind, 0) if both.against else None)
                       for kind in enums.DOCUMENT_KIND.codes},
        )


def kpi_rows(content: ReportContent) -> list[tuple[str, object, object]]:
    """(KPI key, this period, the earlier period or None) in DESIGN.md order."""
    now = content.current.as_dict()
    before = content.before.as_dict() if content.before else dict.fromkeys(now)
    return [(key, now[key], before[key]) for key in now]
