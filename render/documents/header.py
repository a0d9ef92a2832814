"""The red header of an official document (红头): the issuing office in red, the number, the red rule, and
the verification QR code drawn as vector squares (sharp at any print resolution, no image step)."""
from __future__ import annotations

import segno
from fpdf import FPDF
from fpdf.enums import TextMode

from db.document_content import DocumentSheet

RED = (200, 16, 16)
QR_SIZE = 22


def bold(pdf: FPDF):
    """Bold by stroking the glyphs' outlines: one embedded face serves regular and bold text.

    A local graphics context, because fpdf2 does not write the switch back to plain fill itself.
    """
    return pdf.local_context(text_mode=TextMode.FILL_STROKE, line_width=0.25 * pdf.font_size_pt / 17)


def red_header(pdf: FPDF, sheet: DocumentSheet, margin: float) -> None:
    """The office's name in red, the QR code and its verification code, the number, the red rule."""
    top = pdf.get_y()
    draw_qr(pdf, sheet.data["qr"], x=pdf.w - margin - QR_SIZE, y=top - 4, size=QR_SIZE)
    pdf.set_font("doc", size=6.5)
    pdf.set_xy(pdf.w - margin - QR_SIZE - 2, top - 4 + QR_SIZE)
    pdf.cell(QR_SIZE + 4, 3, sheet.verification_code, align="C")
    # The office's name in red, centred, shrunk until it clears the QR code on both sides.
    room, size = pdf.epw - 2 * (QR_SIZE + 3), 22.0
    pdf.set_font("doc", size=size)
    while pdf.get_string_width(sheet.data["office"]) > room and size > 11:
        size -= 1
        pdf.set_font("doc", size=size)
    pdf.set_text_color(*RED)
    pdf.set_draw_color(*RED)
    pdf.set_xy(margin, top + 2)
    with bold(pdf):
        pdf.cell(0, 11, sheet.data["office"], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("doc", size=11)
    pdf.set_y(max(pdf.get_y() + 2, top + QR_SIZE))
    pdf.cell(0, 6, sheet.number, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*RED)
    pdf.set_line_width(0.7)
    pdf.line(margin, pdf.get_y() + 1.5, pdf.w - margin, pdf.get_y() + 1.5)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.ln(5)


def draw_qr(pdf: FPDF, payload: str, *, x: float, y: float, size: float) -> None:
    """Draw a QR code of `payload` with its top-left corner at (x, y), `size` mm wide, quiet zone included."""
    code = segno.make(payload, error="m", micro=False)
    matrix = code.matrix
    modules = len(matrix) + 8          # four modules of quiet zone on each side
    unit = size / modules
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(x, y, size, size, style="F")
    pdf.set_fill_color(0, 0, 0)
    for row_index, row in enumerate(matrix):
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1
            # One rectangle per run of dark modules keeps the PDF small.
            pdf.rect(x + (start + 4) * unit, y + (row_index + 4) * unit, (column - start) * unit, unit, style="F")
