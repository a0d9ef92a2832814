"""Both catalogs have the same keys, every key the code asks for exists, and no visible text bypasses them."""
import ast
import re
from pathlib import Path

import pytest

from render.i18n import LANGUAGES, catalog
from tests.sources import product_sources

# t("some.key") or t(f"pages.{...}") in the UI code.
KEY_CALL = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""")


def test_catalogs_have_the_same_keys():
    zh, en = (set(catalog(lang)) for lang in LANGUAGES)
    assert zh - en == set() and en - zh == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_used_in_code_exists(lang):
    used = {key for f in product_sources() for key in KEY_CALL.findall(f.read_text(encoding="utf-8"))}
    assert used, "the scan found no t(...) calls: the pattern is broken"
    assert used - set(catalog(lang)) == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_empty_strings(lang):
    assert [k for k, v in catalog(lang).items() if not str(v).strip()] == []


# Streamlit calls whose first argument (or label=) is text a user reads.
TEXT_CALLS = {"title", "header", "subheader", "caption", "markdown", "write", "text", "info", "warning", "error",
              "success", "button", "form_submit_button", "download_button", "link_button", "page_link",
              "selectbox", "multiselect", "radio", "segmented_control", "text_input", "text_area", "number_input",
              "date_input", "checkbox", "toggle", "slider", "file_uploader", "metric", "expander", "tabs", "toast"}
# A literal with a letter or a Chinese character in it is words; "—", "⬅️", "m²" and format glue are not.
WORDS = re.compile(r"[A-Za-z]{2,}|[\u4e00-\u9fff]")


def visible_literals(path: Path) -> list[str]:
    """Plain string literals passed as the text of a Streamlit element in `path`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in TEXT_CALLS):
            continue
        texts = node.args[:1] + [k.value for k in node.keywords if k.arg in ("label", "body", "help", "placeholder")]
        for value in texts:
            if isinstance(value, ast.Constant) and isinstance(value.value, str) and WORDS.search(value.value):
                found.append(f"{path.name}:{node.lineno}: {value.value!r}")
    return found


def test_no_visible_literal_bypasses_the_catalogs():
    # Every file that draws with Streamlit, wherever it lives (command-line messages are English by design).
    drawing = [f for f in product_sources() if "import streamlit" in f.read_text(encoding="utf-8")]
    assert len(drawing) > 20, "the scan found too few Streamlit files: the filter is broken"
    literals = [hit for f in drawing for hit in visible_literals(f)]
    assert literals == []


def test_the_literal_scan_finds_a_literal(tmp_path):
    page = tmp_path / "page.py"
    page.write_text('import streamlit as st\nst.title("Hazards")\nst.button(label="保存")\nst.caption(t("x.y"))\n',
                    encoding="utf-8")
    assert len(visible_literals(page)) == 2
