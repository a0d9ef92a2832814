"""The leadership report as PDF: the office's letterhead, page numbers, a summary written from the figures,
the Simplified Chinese face embedded (subset), the monthly chart rendered offline."""
from __future__ import annotations

import io

import vl_convert
from fpdf import FPDF
from fpdf.fonts import FontFace

from db import config
from render import charts
# The documents' lookup: one place says which font and which face of it (Simplified Chinese) PDFs embed.
from render import pdf_fonts
from render.pdf_fonts import DocumentFontMissing
from render.i18n import Translator
from render.report.content import ReportContent
from render.report.tables import Section, sections, shown, subtitle, summary, title

# Relative widths of each list's columns; the description column takes what is left.
WIDTHS = {4: (40, 20, 20, 20), 5: (16, 18, 14, 36, 16), 6: (16, 22, 14, 14, 24, 14)}
LETTERHEAD_RED = (200, 16, 46)


def font_problem() -> str | None:
    """Why no PDF can be made here, or None when a Chinese font is installed."""
    try:
        pdf_fonts.full_font()
    except DocumentFontMissing as exc:
        return str(exc)
    return None


class ReportPdf(pdf_fonts.ChinesePdf):
    """A4 portrait with the office's name over a red rule on every page and "page x of y" at the foot."""

    def __init__(self, office: str, page_text: str, font: tuple):
        super().__init__(font, "report")
        self.office, self.page_text = office, page_text
        self.set_auto_page_break(auto=True, margin=18)

    def header(self) -> None:
        self.set_font("report", size=15)
        self.set_text_color(*LETTERHEAD_RED)
        self.cell(0, 9, self.office, align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*LETTERHEAD_RED)
        self.set_line_width(0.6)
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.set_text_color(0, 0, 0)
        self.set_draw_color(0, 0, 0)
        self.set_line_width(0.2)
        self.ln(5)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("report", size=8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.page_text.format(page=self.page_no(), pages="{nb}"), align="C")
        self.set_text_color(0, 0, 0)


def render_pdf(content: ReportContent, t: Translator) -> bytes:
    """The report as PDF bytes (in the cut-down font when it has every character)."""
    return pdf_fonts.drawn_in_chinese(lambda font: _drawn(content, t, font))


def _drawn(content: ReportContent, t: Translator, font: tuple) -> ReportPdf:
    pdf = ReportPdf(config.settings().document_office, t("report.page", page="{page}", pages="{pages}"), font)
    pdf.set_title(title(content, t))
    pdf.add_page()
    pdf.set_font("report", size=18)
    pdf.multi_cell(0, 10, title(content, t), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("report", size=10)
    pdf.multi_cell(0, 6, subtitle(content, t), new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, t("report.summary"))
    pdf.set_font("report", size=11)
    pdf.multi_cell(0, 7, summary(content, t), new_x="LMARGIN", new_y="NEXT")
    parts = sections(content, t)
    _table(pdf, parts[0])
    _chart(pdf, content, t)
    for section in parts[1:]:
        _table(pdf, section)
    return pdf


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(4)
    pdf.set_font("report", size=13)
    pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("report", size=9)


def _table(pdf: FPDF, section: Section) -> None:
    _heading(pdf, section.title)
    if section.rows:
        with pdf.table(col_widths=WIDTHS.get(len(section.headers)), line_height=5, text_align="LEFT",
                       headings_style=FontFace(fill_color=(235, 235, 235))) as table:
            for row in [section.headers, *section.rows]:
                cells = table.row()
                for value in row:
                    cells.cell(shown(value))
    if section.note:
        pdf.multi_cell(0, 6, section.note, new_x="LMARGIN", new_y="NEXT")


def _chart(pdf: FPDF, content: ReportContent, t: Translator) -> None:
    _heading(pdf, t("overview.hazards_by_month"))
    chart = charts.found_vs_closed(content.monthly, t).properties(width=640, height=260)
    png = vl_convert.vegalite_to_png(chart.to_json(), scale=2)
    pdf.image(io.BytesIO(png), w=pdf.epw)
