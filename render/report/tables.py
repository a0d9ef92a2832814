"""The report's lists as (title, headers, rows) of plain text, shared by the PDF and Excel renderers."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from db import enums
from render.formatting import format_kpi, kpi_delta
from render.i18n import Translator
from render.report.content import ReportContent, kpi_rows


@dataclass(frozen=True)
class Section:
    title: str
    headers: list[str]
    rows: list[list[str]]
    note: str = ""


def _text(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _section(t: Translator, title: str, frame: pd.DataFrame, columns: dict[str, str],
             vocabularies: dict[str, enums.Vocabulary], note: str = "") -> Section:
    rows = [[_text(t.label(vocabularies[c], row[c]) if c in vocabularies else row[c]) for c in columns]
            for row in frame.to_dict("records")]
    return Section(title, [t(key) for key in columns.values()], rows, note if rows else t("report.none"))


def sections(content: ReportContent, t: Translator) -> list[Section]:
    """The KPI table and every list of the report, in reading order."""
    figures = Section(t("report.kpis"), [t("report.kpi"), t("report.this_period"), t("report.previous_period"),
                                         t("report.change")],
                      [[t.label(enums.KPI, key), format_kpi(key, now), format_kpi(key, before),
                        kpi_delta(key, now, before) or ""] for key, now, before in kpi_rows(content)])
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


def documents_issued(content: ReportContent, t: Translator) -> Section:
    """Supervision documents issued per type, this period and the previous one (corrections included)."""
    rows = [[t.label(enums.DOCUMENT_KIND, kind), f"{now:,}", f"{before:,}", f"{now - before:+,}"]
            for kind, (now, before) in content.documents.items()]
    return Section(t("documents.issued_in_period"), [t("documents.kind"), t("report.this_period"),
                                                     t("report.previous_period"), t("report.change")], rows)


def title(content: ReportContent, t: Translator) -> str:
    """The report's heading, naming its period."""
    return t("report.title", start=content.period.start, end=content.period.end)


def subtitle(content: ReportContent, t: Translator) -> str:
    """As-of date and the period compared against."""
    return t("report.subtitle", as_of=content.as_of, prev_start=content.previous.start,
             prev_end=content.previous.end)
