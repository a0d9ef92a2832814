"""The report's lists as (title, headers, rows), shared by the PDF and Excel renderers.

A cell is text, a date, None, or a Figure: a number with the text the cards show and the number format a
spreadsheet stores it with, so the PDF prints "95.3%" and the Excel cell holds 0.953 formatted as a percentage.
"""
from __future__ import annotations

import datetime as dt
import numbers
from dataclasses import dataclass

import pandas as pd

from db import enums
from render.formatting import format_kpi, kpi_delta
from render.i18n import Translator
from render.report.content import ReportContent, kpi_rows

COUNT_FORMAT, DAYS_FORMAT, RATE_FORMAT = "#,##0", "0.0", "0.0%"
CHANGE_FORMATS = {"count": "+#,##0;-#,##0;0", "days": "+0.0;-0.0;0.0", "rate": '+0.0" pp";-0.0" pp";0.0" pp"'}


@dataclass(frozen=True)
class Figure:
    """A number as the report prints it (`text`) and as a spreadsheet stores it (`value`, `number_format`)."""

    value: int | float | None
    text: str
    number_format: str = COUNT_FORMAT


Cell = str | dt.date | Figure | None


@dataclass(frozen=True)
class Section:
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    note: str = ""


def shown(cell: Cell) -> str:
    """A cell as printed text."""
    if isinstance(cell, Figure):
        return cell.text
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return "" if cell is None else str(cell)


def kpi_figure(key: str, value) -> Figure:
    """A KPI value: shown as on the cards, stored as a number (rates as fractions formatted as percentages)."""
    number_format = RATE_FORMAT if key in enums.KPI_RATES else DAYS_FORMAT if isinstance(value, float) else COUNT_FORMAT
    return Figure(value, format_kpi(key, value), number_format)


def change_figure(key: str, now, before) -> Figure:
    """The change of a KPI against the earlier period (percentage points for rates); empty when either is null."""
    text = kpi_delta(key, now, before)
    if text is None:
        return Figure(None, "")
    if key in enums.KPI_RATES:
        return Figure(round((now - before) * 100, 1), text, CHANGE_FORMATS["rate"])
    change = now - before
    return Figure(round(change, 2) if isinstance(change, float) else change, text,
                  CHANGE_FORMATS["days" if isinstance(change, float) else "count"])


def count_figure(value: int) -> Figure:
    return Figure(int(value), f"{int(value):,}")


def _cell(value) -> Cell:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, (dt.date, str)):
        return value
    if isinstance(value, numbers.Integral):
        return count_figure(value)
    if isinstance(value, numbers.Real):
        return Figure(float(value), f"{float(value):.1f}", DAYS_FORMAT)
    return str(value)


def _section(t: Translator, title: str, frame: pd.DataFrame, columns: dict[str, str],
             vocabularies: dict[str, enums.Vocabulary], note: str = "") -> Section:
    rows = [[_cell(t.label(vocabularies[c], row[c]) if c in vocabularies else row[c]) for c in columns]
            for row in frame.to_dict("records")]
    return Section(title, [t(key) for key in columns.values()], rows, note if rows else t("report.none"))


def sections(content: ReportContent, t: Translator) -> list[Section]:
    """The KPI table and every list of the report, in reading order."""
    figures = Section(t("report.kpis"), [t("report.kpi"), t("report.this_period"), t("report.previous_period"),
                                         t("report.change")],
                      [[t.label(enums.KPI, key), kpi_figure(key, now), *_against(content, t, key, now, before)]
                       for key, now, before in kpi_rows(content)])
    hazard_columns = {"code": "report.code", "project": "report.project", "found_on": "report.found_on",
                      "category": "report.category", "description": "report.description",
                      "due_on": "report.due_on"}
    return [
        figures,
        _section(t, t("report.open_major"), content.open_major, hazard_columns, {"category": enums.CATEGORY}),
        _section(t, t("report.overdue"), content.overdue, hazard_columns, {"category": enums.CATEGORY},
                 note=t("report.overdue_note", shown=len(content.overdue), total=content.overdue_total)),
        _section(t, t("report.enforcement"), content.enforcement,
                 {"code": "report.code", "project": "report.project", "issued_on": "report.date",
                  "kind": "report.kind", "reason": "report.reason", "lifted_on": "report.lifted_on"},
                 {"kind": enums.ENFORCEMENT_KIND}),
        _section(t, t("report.trainings"), content.trainings,
                 {"code": "report.code", "held_on": "report.date", "kind": "report.kind", "title": "report.topic",
                  "attendees": "report.attendees"}, {"kind": enums.TRAINING_KIND}),
        documents_issued(content, t),
    ]


def _against(content: ReportContent, t: Translator, key: str, now, before) -> list[Figure]:
    # The earlier period's figure and the change, or "no earlier records" where the rule gives none.
    if content.against is None:
        return [Figure(None, t("report.no_earlier")), Figure(None, "")]
    return [kpi_figure(key, before), change_figure(key, now, before)]


def documents_issued(content: ReportContent, t: Translator) -> Section:
    """Supervision documents issued per type, this period and the earlier one (corrections included)."""
    rows = [[t.label(enums.DOCUMENT_KIND, kind), count_figure(now), *_against(content, t, "documents", now, before)]
            for kind, (now, before) in content.documents.items()]
    return Section(t("documents.issued_in_period"), [t("documents.kind"), t("report.this_period"),
                                                     t("report.previous_period"), t("report.change")], rows)


def title(content: ReportContent, t: Translator) -> str:
    """The report's heading, naming its period."""
    return t("report.title", start=content.period.start, end=content.period.end)


def subtitle(content: ReportContent, t: Translator) -> str:
    """As-of date and the period compared against (db.period.comparison), or that there is none."""
    against = content.against
    if against is None:
        return t("report.subtitle_alone", as_of=content.as_of)
    return t("report.subtitle", as_of=content.as_of, prev_start=against.period.start, prev_end=against.period.end,
             prev_as_of=against.as_of)


SUMMARY_FIGURES = ("projects_supervised", "key_projects", "site_visits", "hazards_found", "hazards_major",
                   "hazards_closed", "rectification_rate", "hazards_overdue", "risk_points", "stop_work_orders",
                   "warning_interviews", "trainings", "enterprises_trained", "accidents")
SUMMARY_CHANGES = ("hazards_found", "rectification_rate", "hazards_overdue", "site_visits")


def summary(content: ReportContent, t: Translator) -> str:
    """The report's opening paragraph, written from its figures and, when there is one, the comparison."""
    now = content.current.as_dict()
    text = t("report.summary_text", start=content.period.start, end=content.period.end,
             **{key: format_kpi(key, now[key]) for key in SUMMARY_FIGURES})
    if content.before is None:
        return text + t("report.summary_no_earlier")
    before = content.before.as_dict()
    changes = {key: kpi_delta(key, now[key], before[key]) or "—" for key in SUMMARY_CHANGES}
    return text + t("report.summary_changes", **changes)
