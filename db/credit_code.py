"""Unified social credit codes (统一社会信用代码, GB 32100-2015): check and generate."""
from __future__ import annotations

# The standard's alphabet: digits and capitals without I, O, Z, S, V.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def check_char(first17: str) -> str:
    """The 18th character (check digit) for the first 17 characters."""
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(first17, WEIGHTS))
    return ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> str | None:
    """None when `code` is valid, else a message key: length, alphabet or check digit."""
    if len(code) != 18:
        return "errors.credit_code_length"
    if any(ch not in ALPHABET for ch in code):
        return "errors.credit_code_alphabet"
    if check_char(code[:17]) != code[17]:
        return "errors.credit_code_check_digit"
    return None


def make_credit_code(first17: str) -> str:
    """A valid 18-character code from its first 17 characters."""
    return first17 + check_char(first17)
