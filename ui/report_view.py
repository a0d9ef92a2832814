"""The Overview's report export: a month, quarter or year, as PDF or Excel (not for visitors)."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from db.period import Period
from ui import cache
from ui.frame import PageContext
from ui.report import content, pdf, xlsx

KINDS = ("month", "quarter", "year")
FORMATS = {"pdf": "application/pdf",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
FIRST_YEAR = 2023


def choices(kind: str, today: dt.date) -> list[Period]:
    """The periods of `kind` from the first records to today, newest first."""
    if kind == "year":
        return [Period.year(y) for y in range(today.year, FIRST_YEAR - 1, -1)]
    if kind == "quarter":
        return [Period.quarter(y, q) for y in range(today.year, FIRST_YEAR - 1, -1) for q in (4, 3, 2, 1)
                if Period.quarter(y, q).start <= today]
    return [Period.month(y, m) for y in range(today.year, FIRST_YEAR - 1, -1) for m in range(12, 0, -1)
            if dt.date(y, m, 1) <= today]


def report_export(ctx: PageContext) -> None:
    """Pick a period and a format, then download; the file is built only when the button is pressed."""
    if ctx.user.role == "visitor":
        return
    t = ctx.t
    with st.expander(t("report_export.title"), icon="📄"):
        left, middle, right = st.columns(3)
        kind = left.segmented_control(t("report_export.kind"), KINDS, default="year", key="overview_report_kind",
                                      format_func=lambda k: t(f"report_export.{k}")) or "year"
        period = middle.selectbox(t("report_export.period"), choices(kind, ctx.as_of), key=f"overview_report_{kind}",
                                  format_func=lambda p: t("report_export.range", start=p.start, end=p.end))
        fmt = right.segmented_control(t("report_export.format"), tuple(FORMATS), default="pdf",
                                      key="overview_report_format", format_func=str.upper) or "pdf"
        if fmt == "pdf":
            try:
                pdf.chinese_font()
            except pdf.ReportFontMissing as exc:
                st.error(t("report_export.no_font", reason=str(exc)))
                return
        st.download_button(t("report_export.download"), data=lambda: _render(period, ctx.as_of, fmt, t),
                           file_name=f"report_{period.start}_{period.end}.{fmt}", mime=FORMATS[fmt],
                           icon="⬇️", key="overview_report_download", on_click="ignore")


def _render(period: Period, as_of: dt.date, fmt: str, t) -> bytes:
    gathered = content.gather(cache.engine(), period, as_of)
    return pdf.render_pdf(gathered, t) if fmt == "pdf" else xlsx.render_xlsx(gathered, t)
