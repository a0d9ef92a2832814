"""Drawing a composed document on A4: red-header official layout, embedded Simplified Chinese font,
the number and verification code on every page, the QR code, page numbers, a photo annex."""
from __future__ import annotations

import datetime as dt
import io

from fpdf import FPDF
from fpdf.fonts import FontFace
from PIL import Image, ImageOps

from db.document_content import DocumentSheet
from db.document_numbers import CODE_MARKER
from render import pdf_fonts
from render.documents.blocks import Facts, Grid, Receipt, Seal, Sheet, SignLines, Text
from render.documents.header import bold, red_header
from render.i18n import Translator

MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 24, 16, 18
PT = 25.4 / 72       # mm per point
LINE_FACTOR = 1.5    # body line height as a multiple of the font size
PHOTO_WIDTH = 80
PHOTO_PIXELS = 1600


class DocumentPdf(pdf_fonts.ChinesePdf):
    """A4 portrait with the document's number, verification code and page x of y in every footer."""

    def __init__(self, footer_text: str, font: tuple, cjk: bool):
        super().__init__(font, "doc")
        self.footer_text, self.cjk = footer_text, cjk
        self.set_margins(MARGIN_X, MARGIN_TOP, MARGIN_X)
        self.set_auto_page_break(auto=True, margin=MARGIN_BOTTOM)

    def footer(self) -> None:
        """Number, verification code and page x of y, small and grey, on every page."""
        self.set_y(-12)
        self.set_font("doc", size=8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.footer_text.format(page=self.page_no(), pages="{nb}"), align="C")
        self.set_text_color(0, 0, 0)


def draw(sheet: DocumentSheet, composed: Sheet, photos: dict[int, bytes], t: Translator) -> bytes:
    """The PDF bytes of a composed document (in the cut-down font when it has every character)."""
    return pdf_fonts.drawn_in_chinese(lambda font: _drawn(sheet, composed, photos, t, font))


def _drawn(sheet: DocumentSheet, composed: Sheet, photos: dict[int, bytes], t: Translator, font) -> DocumentPdf:
    pdf = DocumentPdf(t("doc.footer", number=sheet.number, code=sheet.verification_code, page="{page}",
                        pages="{pages}"), font, cjk=t.lang == "zh")
    _metadata(pdf, sheet, composed)
    pdf.add_page()
    red_header(pdf, sheet, MARGIN_X)
    pdf.set_font("doc", size=17)
    with bold(pdf):
        pdf.multi_cell(0, 9, composed.title, align="C", new_x="LMARGIN", new_y="NEXT")
    if sheet.supersedes:
        pdf.set_font("doc", size=9.5)
        pdf.multi_cell(0, 5, t("doc.supersedes", number=sheet.supersedes), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for block in composed.blocks:
        DRAWERS[type(block)](pdf, block)
    if composed.photos_title:
        _annex(pdf, composed.photos_title, [photos[i] for i in sheet.data.get("photos", []) if i in photos])
    return pdf


def _metadata(pdf: FPDF, sheet: DocumentSheet, composed: Sheet) -> None:
    pdf.set_title(f"{composed.title} {sheet.number}")
    pdf.set_subject(sheet.number)
    pdf.set_author(sheet.data["office"])
    pdf.set_keywords(f"{CODE_MARKER}{sheet.verification_code}")
    # Fixed to the issue date, so a document printed later from its data is the same document.
    pdf.set_creation_date(dt.datetime.combine(sheet.issued_on, dt.time(), dt.timezone.utc))


def _text(pdf: FPDF, block: Text) -> None:
    pdf.set_font("doc", size=block.size)
    indent = 2 * block.size * PT if block.indent else 0
    with pdf.text_columns(text_align=block.align, line_height=LINE_FACTOR) as columns:
        with columns.paragraph(first_line_indent=indent, bottom_margin=1) as paragraph:
            paragraph.write(_unbroken(pdf, block.text))


def _unbroken(pdf: FPDF, text: str) -> str:
    # Chinese wraps between any two characters; fpdf2 would break a line at its last space instead,
    # leaving a half-empty line before "工程编号 JK2023-001". Spaces in Chinese text are made non-breaking.
    return text.replace(" ", "\u00a0") if pdf.cjk else text


def _grid(pdf: FPDF, block: Grid) -> None:
    pdf.set_font("doc", size=9)
    with pdf.table(col_widths=block.widths, line_height=4.6, text_align=("C", "LEFT", "C", "C", "C", "C"),
                   headings_style=FontFace(fill_color=(232, 232, 232)), padding=0.8) as table:
        for row in [block.headers, *block.rows]:
            cells = table.row()
            for value in row:
                cells.cell(_unbroken(pdf, value))
    pdf.ln(1.5)


def _facts(pdf: FPDF, block: Facts) -> None:
    pdf.set_font("doc", size=9.5)
    with pdf.table(col_widths=(26, 74), line_height=5, first_row_as_headings=False, padding=1,
                   text_align=("C", "LEFT")) as table:
        for label, value in block.pairs:
            cells = table.row()
            cells.cell(label, style=FontFace(fill_color=(242, 242, 242)))
            cells.cell(_unbroken(pdf, value))
    pdf.ln(2)


def _sign_lines(pdf: FPDF, block: SignLines) -> None:
    pdf.set_font("doc", size=10)
    pdf.ln(2)
    width = pdf.epw / len(block.labels)
    for label in block.labels:
        pdf.cell(width, 8, f"{label}：", new_x="RIGHT", new_y="TOP")
    pdf.ln(12)


def _seal(pdf: FPDF, block: Seal) -> None:
    # Room above the office's name for the round stamp, which overlaps name and date when applied.
    if pdf.get_y() + 30 > pdf.page_break_trigger:
        pdf.add_page()
    pdf.set_font("doc", size=10.5)
    pdf.ln(8)
    width = max(pdf.get_string_width(block.office), pdf.get_string_width(block.date)) + 6
    pdf.set_x(pdf.w - MARGIN_X - width)
    pdf.cell(width, 6, block.office, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(pdf.w - MARGIN_X - width)
    pdf.cell(width, 6, block.date, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _receipt(pdf: FPDF, block: Receipt) -> None:
    if pdf.get_y() + 22 > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(2)
    y = pdf.get_y()
    with pdf.local_context():
        pdf.set_dash_pattern(dash=1.2, gap=1.0)
        pdf.line(MARGIN_X, y, pdf.w - MARGIN_X, y)
    pdf.set_font("doc", size=10)
    pdf.ln(2)
    with bold(pdf):
        pdf.cell(0, 6, block.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("doc", size=9.5)
    width = pdf.epw / len(block.labels)
    for label in block.labels:
        pdf.cell(width, 9, f"{label}：", new_x="RIGHT", new_y="TOP")
    pdf.ln(10)


def _annex(pdf: FPDF, title: str, images: list[bytes]) -> None:
    if not images:
        return
    pdf.add_page()
    pdf.set_font("doc", size=12)
    with bold(pdf):
        pdf.cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for start in range(0, len(images), 2):
        pair = [_printable(image) for image in images[start:start + 2]]
        height = max(PHOTO_WIDTH * h / w for _, (w, h) in pair)
        if pdf.get_y() + height > pdf.page_break_trigger:
            pdf.add_page()
        top = pdf.get_y()
        for column, (jpeg, _) in enumerate(pair):
            pdf.image(io.BytesIO(jpeg), x=MARGIN_X + column * (PHOTO_WIDTH + 5), y=top, w=PHOTO_WIDTH)
        pdf.set_y(top + height + 4)


def _printable(image: bytes) -> tuple[bytes, tuple[int, int]]:
    # A phone photo of 10 MB prints no better than a 1,600-pixel JPEG and would bloat every copy.
    with Image.open(io.BytesIO(image)) as picture:
        picture = ImageOps.exif_transpose(picture).convert("RGB")
        picture.thumbnail((PHOTO_PIXELS, PHOTO_PIXELS))
        out = io.BytesIO()
        picture.save(out, "JPEG", quality=82)
        return out.getvalue(), picture.size


DRAWERS = {Text: _text, Grid: _grid, Facts: _facts, SignLines: _sign_lines, Seal: _seal, Receipt: _receipt}
