"""KPI values as text, the same on cards, in the presentation and in reports (no Streamlit here)."""
from __future__ import annotations

import re

import pandas as pd

from db import enums


def format_kpi(key: str, value) -> str:
    """A KPI value for display: percentages for rates, a dash for null."""
    if value is None:
        return "—"
    if key in enums.KPI_RATES:
        return f"{value:.1%}"
    if isinstance(value, float):
        return f"{value:.1f}"
    return f"{value:,}"


def kpi_delta(key: str, current, previous) -> str | None:
    """The change against the previous period as text (percentage points for rates)."""
    if current is None or previous is None:
        return None
    change = current - previous
    if key in enums.KPI_RATES:
        return f"{change * 100:+.1f} pp"
    return f"{change:+.1f}" if isinstance(change, float) else f"{change:+,}"


# A cell beginning with one of these is run as a formula by spreadsheet programs (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value):
    """Text that would start a formula, prefixed with an apostrophe so it stays text; anything else unchanged."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_START) else value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """`frame` as CSV for Excel: UTF-8 with BOM (so Chinese reads right), every formula-like cell kept as text."""
    # CRLF line ends (Excel's own), so a value holding a carriage return is quoted rather than split.
    return frame.map(formula_safe).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:/=&;\"'$%@^?,])")
# GFM turns bare addresses into links after escapes are read: an invisible word joiner breaks the pattern.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(?=://)|(?<=www)(?=\.)|(?=@)")
_WORD_JOINER = "\u2060"


def plain(value) -> str:
    """User text for a place that renders markdown (titles, captions, messages): shown exactly as typed, never
    as a link, an image, a heading, a colour or a formula."""
    text = "" if value is None else str(value)
    return _MARKDOWN.sub(r"\\\1", _AUTOLINK.sub(_WORD_JOINER, text)).replace("\n", " ")
