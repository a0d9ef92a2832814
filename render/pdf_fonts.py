"""The Chinese font PDFs embed (documents and the report): the configured font (db.config.chinese_font), its Simplified Chinese face.

Embedding subsets the font for every PDF, and fontTools' cost grows with the font's 65,000 glyphs
(about a second per document). So the documents first use a cut-down copy holding the characters of
GB 2312 and the punctuation and symbols documents use (7,000-odd glyphs), made once per font file and
kept in the temporary folder; a document with a character outside it is drawn with the full face.
"""
from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

from collections.abc import Callable

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont
from fpdf import FPDF

from db import config

CACHE_VERSION = 2
# Latin, general punctuation, letter-like symbols, enclosed numbers (①), CJK punctuation (〔〕), full-width forms.
BLOCKS = ((0x20, 0x17F), (0x2000, 0x206F), (0x2100, 0x218F), (0x2460, 0x24FF), (0x2500, 0x257F),
          (0x3000, 0x303F), (0xFF00, 0xFFEF))


class DocumentFontMissing(RuntimeError):
    """No font with Chinese glyphs is installed; the message says how to install one."""


class ChinesePdf(FPDF):
    """An A4 portrait FPDF with the Simplified Chinese face embedded as `family` (the documents and the report)."""

    def __init__(self, font: tuple[Path, int], family: str):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.add_font(family, fname=str(font[0]), collection_font_number=font[1])
        for face in self.fonts.values():
            # Bounding boxes are not needed by PDF viewers; recomputing them for every glyph doubles the time.
            face.ttfont.recalcBBoxes = False

    @property
    def missing_glyphs(self) -> bool:
        """Whether some text had a character the font lacks."""
        return any(getattr(face, "missing_glyphs", None) for face in self.fonts.values())


def drawn_in_chinese(draw: Callable[[tuple[Path, int]], ChinesePdf]) -> bytes:
    """The PDF bytes `draw(font)` makes: in the cut-down face when it has every character, else the full one."""
    common, full = common_font(), full_font()
    pdf = draw(common)
    if pdf.missing_glyphs and common != full:
        pdf = draw(full)
    return bytes(pdf.output())


def full_font() -> tuple[Path, int]:
    """(font file, face index) of the Simplified Chinese face of the configured font."""
    font = config.chinese_font(config.settings())
    if font is None:
        raise DocumentFontMissing("no Chinese font found: install Debian's fonts-noto-cjk "
                                  "(apt-get install fonts-noto-cjk) or set REPORT_FONT to a .ttf/.otf/.ttc file")
    return font, simplified_face(font)


def common_font() -> tuple[Path, int]:
    """The cut-down face (built on first use, then reused by every process), or the full one if it cannot be."""
    path, index = full_font()
    stamp = path.stat()
    cached = Path(tempfile.gettempdir()) / "supervision-document-fonts" / (
        f"{path.stem}-{index}-{stamp.st_size}-{stamp.st_mtime_ns}-v{CACHE_VERSION}{_suffix(path)}")
    try:
        if not cached.is_file():
            _build(path, index, cached)
    except OSError:
        return path, index
    return cached, 0


@functools.cache
def simplified_face(path: Path) -> int:
    """The index of the Simplified Chinese face in a font collection (0 for a single font).

    Noto's CJK collection puts Japanese first; the same code points drawn with Japanese glyph shapes
    look wrong on a Chinese official document, so the SC face is picked by name.
    """
    if path.suffix.lower() != ".ttc":
        return 0
    names = [face["name"].getDebugName(1) or "" for face in TTCollection(str(path), lazy=True).fonts]
    for marker in (" SC", "Simplified", " CN", "GB"):
        for index, name in enumerate(names):
            if marker in name and "Mono" not in name:
                return index
    return 0


def common_characters() -> set[int]:
    """GB 2312's characters and the symbol blocks documents use."""
    wanted = {code for low, high in BLOCKS for code in range(low, high + 1)}
    for code in range(0x4E00, 0xA000):
        try:
            chr(code).encode("gb2312")
        except UnicodeEncodeError:
            continue
        wanted.add(code)
    return wanted


def _suffix(path: Path) -> str:
    return ".otf" if path.suffix.lower() in (".ttc", ".otf") else path.suffix.lower()


def _build(path: Path, index: int, target: Path) -> None:
    font = TTFont(str(path), fontNumber=index, lazy=False, recalcTimestamp=False)
    options = subset.Options(notdef_outline=True, recommended_glyphs=True, name_IDs=["*"], name_languages=["*"],
                             layout_features=[], hinting=False, desubroutinize=True)
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=common_characters())
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written under a private name and renamed: a process reading the cache never sees half a file.
    draft = target.with_name(f".{target.name}.{os.getpid()}")
    font.save(str(draft))
    os.replace(draft, target)
