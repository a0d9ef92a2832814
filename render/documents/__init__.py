"""Supervision documents (文书) as print-ready PDFs: the Chinese official layout on A4, from stored data.

`render_document` is the renderer the data layer's issuing commands take (db.commands.documents).
"""
from __future__ import annotations

from db.document_content import DocumentSheet
from render.documents.compose import compose
from render import pdf_fonts
from render.pdf_fonts import DocumentFontMissing
from render.documents.pdf import draw
from render.i18n import Translator

__all__ = ["DocumentFontMissing", "prepare", "render_document", "render_zh"]


def prepare() -> None:
    """Build the documents' cut-down font if it is not cached yet: call before an issuing transaction,
    so the one-off build (seconds) never holds the database's write lock."""
    pdf_fonts.common_font()


def render_document(sheet: DocumentSheet, photos: dict[int, bytes], lang: str = "zh") -> bytes:
    """The document as PDF bytes; Chinese is the document, English a reading aid."""
    t = Translator(lang)
    return draw(sheet, compose(sheet, t), photos, t)


def render_zh(sheet: DocumentSheet, photos: dict[int, bytes]) -> bytes:
    """The official (Chinese) document: the renderer handed to the issuing commands."""
    return render_document(sheet, photos, "zh")
