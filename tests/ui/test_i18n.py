"""Both catalogs have the same keys, and every key the code asks for exists."""
import re
from pathlib import Path

import pytest

from ui.i18n import LANGUAGES, catalog

ROOT = Path(__file__).resolve().parents[2]
# t("some.key") or t(f"pages.{...}") in the UI code.
KEY_CALL = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""")


def ui_sources():
    files = [ROOT / "dashboard.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]
    return [f for f in files if f.exists()]


def test_catalogs_have_the_same_keys():
    zh, en = (set(catalog(lang)) for lang in LANGUAGES)
    assert zh - en == set() and en - zh == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_used_in_code_exists(lang):
    used = {key for f in ui_sources() for key in KEY_CALL.findall(f.read_text(encoding="utf-8"))}
    assert used, "the scan found no t(...) calls: the pattern is broken"
    assert used - set(catalog(lang)) == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_empty_strings(lang):
    assert [k for k, v in catalog(lang).items() if not str(v).strip()] == []
