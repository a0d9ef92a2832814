"""The leadership report as PDF: a Chinese font embedded (subset), the monthly chart rendered offline."""
from __future__ import annotations

import io
from pathlib import Path

import vl_convert
from fpdf import FPDF
from fpdf.fonts import FontFace

from db import config
from render import charts
from render.i18n import Translator
from render.report.content import ReportContent
from render.report.tables import Section, sections, subtitle, title

# Relative widths of each list's columns; the description column takes what is left.
WIDTHS = {4: (40, 20, 20, 20), 5: (16, 18, 14, 36, 16), 6: (16, 22, 14, 14, 24, 14)}


class ReportFontMissing(RuntimeError):
    """No font with Chinese glyphs was found; the message says how to install one."""


def chinese_font() -> Path:
    """The font file the PDF embeds; ReportFontMissing says how to install one."""
    font = config.chinese_font(config.settings())
    if font is None:
        raise ReportFontMissing("no Chinese font found: install Debian's fonts-noto-cjk "
                                "(apt-get install fonts-noto-cjk) or set REPORT_FONT to a .ttf/.otf/.ttc file")
    return font


def font_problem() -> str | None:
    """Why no PDF can be made here, or None when a Chinese font is installed."""
    try:
        chinese_font()
    except ReportFontMissing as exc:
        return str(exc)
    return None


def render_pdf(content: ReportContent, t: Translator) -> bytes:
    """The report as PDF bytes, A4 portrait."""
    pdf = FPDF(orientation="portrait", format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font("report", fname=str(chinese_font()))
    pdf.set_title(title(content, t))
    pdf.add_page()
    pdf.set_font("report", size=18)
    pdf.multi_cell(0, 10, title(content, t), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("report", size=10)
    pdf.multi_cell(0, 6, subtitle(content, t), new_x="LMARGIN", new_y="NEXT")
    parts = sections(content, t)
    _table(pdf, parts[0])
    _chart(pdf, content, t)
    for section in parts[1:]:
        _table(pdf, section)
    return bytes(pdf.output())


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
                    cells.cell(value)
    if section.note:
        pdf.multi_cell(0, 6, section.note, new_x="LMARGIN", new_y="NEXT")


def _chart(pdf: FPDF, content: ReportContent, t: Translator) -> None:
    _heading(pdf, t("overview.hazards_by_month"))
    chart = charts.found_vs_closed(content.monthly, t).properties(width=640, height=260)
    png = vl_convert.vegalite_to_png(chart.to_json(), scale=2)
    pdf.image(io.BytesIO(png), w=pdf.epw)
