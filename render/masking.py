"""Personal data as a role may see it: visitors get names and phone numbers masked everywhere.

Every table that shows a person's name or phone number passes through `people()`, so the
rule lives in one place and a test can hold every page to it.
"""
from __future__ import annotations

import re

import pandas as pd

from db.permissions import sees_masked

_PHONE = re.compile(r"(\d{3})\d{4}(\d{4})")
# Lists of names are stored as one text ("张伟、李娜" or "张伟; 李娜").
_NAME_SEPARATORS = re.compile(r"([、，,;；/\s]+)")


def mask_name(name: str | None) -> str | None:
    """Keep the family name (or first letter) only: 王小明 -> 王**, Li Na -> L****."""
    if not isinstance(name, str) or not name:
        return None     # nothing to show, whether None or a table's NaN
    parts = _NAME_SEPARATORS.split(name)
    return "".join(part if _NAME_SEPARATORS.fullmatch(part) or not part else part[0] + "*" * (len(part) - 1)
                   for part in parts)


def mask_phone(phone: str | None) -> str | None:
    """Keep the first three and last four digits: 13812345678 -> 138****5678; short numbers fully masked."""
    if not isinstance(phone, str) or not phone:
        return None     # nothing to show, whether None or a table's NaN
    masked = _PHONE.sub(r"\1****\2", phone)
    return masked if masked != phone else re.sub(r"\d", "*", phone)


def people(frame: pd.DataFrame, role: str, *, names: tuple[str, ...] = (), phones: tuple[str, ...] = ()) -> pd.DataFrame:
    """`frame` with its name and phone columns masked for roles that must not see them."""
    if not sees_masked(role) or frame.empty:
        return frame
    masked = frame.copy()
    for column in names:
        masked[column] = masked[column].map(mask_name)
    for column in phones:
        masked[column] = masked[column].map(mask_phone)
    return masked
