"""The verification QR code, drawn as vector squares: sharp at any print resolution, no image step."""
from __future__ import annotations

import segno
from fpdf import FPDF


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
