"""UI strings: one catalog per language, Chinese by default.

A language's catalog is the union of the TOML files in `locales/<lang>/`, one file per
area of the app, so that areas can be added without editing each other's strings.
"""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from db.enums import Vocabulary

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"


@functools.cache
def catalog(lang: str) -> dict[str, str]:
    """The flat {dotted.key: text} catalog of one language."""
    merged: dict[str, str] = {}
    for path in sorted((LOCALES_DIR / lang).glob("*.toml")):
        with path.open("rb") as fh:
            strings = _flatten(tomllib.load(fh))
        clash = merged.keys() & strings.keys()
        if clash:
            raise ValueError(f"{path}: keys already defined in another file: {sorted(clash)}")
        merged.update(strings)
    return merged


class Translator:
    """Looks up UI strings and enumeration labels in one language."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        self._strings = catalog(self.lang)

    def __call__(self, key: str, **values) -> str:
        """The text for `key`, formatted with `values`; the key itself when missing."""
        text = self._strings.get(key, key)
        try:
            return text.format(**values) if values else text
        except (KeyError, IndexError):
            return text  # a message whose parameters changed still says something

    def named(self, prefix: str, code: str | None) -> str:
        """The catalog's name for an open-ended code (`prefix` + code, e.g. an audit action), else the code."""
        if not code:
            return ""
        return self._strings.get(f"{prefix}{code}", code)

    def label(self, vocabulary: Vocabulary, code: str | None) -> str:
        """An enumeration code's label in this language."""
        return "" if code is None else vocabulary.label(code, self.lang)


def _flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    flat = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat
