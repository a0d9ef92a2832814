"""The leadership report as PDF: a Chinese font embedded (subset), the monthly chart rendered offline."""
from __future__ import annotations

import io
import os
from pathlib import Path

import vl_convert
from fpdf import FPDF
from fpdf.fonts import FontFace

from ui import charts
from ui.i18n import Translator
from ui.report.content import ReportContent
from ui.report.tables import Section, sections, subtitle, title

# Debian's fonts-noto-cjk first; REPORT_FONT may name any TrueType/OpenType font with Chinese glyphs.
FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
)
# Relative widths of each list's columns; the description column takes what is left.
WIDTHS = {4: (40, 20, 20, 20), 5: (16, 18, 14, 36, 16), 6: (16, 22, 14, 14, 24, 14)}


class ReportFontMissing(RuntimeError):
    """No font with Chinese glyphs was found; the message says how to install one."""


def chinese_font() -> Path:
    """The font file the PDF embeds."""
    configured = os.environ.get("REPORT_FONT")
    for candidate in ([configured] if configured else []) + list(FONT_CANDIDATES):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise ReportFontMissing("no Chinese font found: install Debian's fonts-noto-cjk "
                            "(apt-get install fonts-noto-cjk) or set REPORT_FONT to a .ttf/.otf/.ttc file")


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
